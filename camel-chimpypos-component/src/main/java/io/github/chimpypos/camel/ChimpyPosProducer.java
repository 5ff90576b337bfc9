/*
 * Copyright the camel-chimpypos authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.chimpypos.camel;

import io.github.chimpypos.camel.operability.ChimpyPosProducerHealthCheck;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;

/**
 * Resolves the operation (the header {@link ChimpyPosConstants#OPERATION} beats the URI) and runs it for the exchange.
 * Synchronous: the calling thread waits for the API's answer (the HTTP client is blocking), so the producer says so
 * rather than pretending to be asynchronous.
 */
public class ChimpyPosProducer extends DefaultProducer {

    private final ChimpyPosEndpoint endpoint;
    private WritableHealthCheckRepository healthCheckRepository;
    private HealthCheck healthCheck;

    public ChimpyPosProducer(ChimpyPosEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // camel-health is optional: without it there is no repository, and the check class (which extends
        // camel-health's AbstractHealthCheck) is never loaded
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(
                endpoint.getCamelContext(), "producers", WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            healthCheck = new ChimpyPosProducerHealthCheck(endpoint);
            healthCheckRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
        }
        healthCheckRepository = null;
        healthCheck = null;
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) {
        endpoint.operationRunner().run(resolveOperation(exchange), exchange);
    }

    private ChimpyPosOperation resolveOperation(Exchange exchange) {
        Object header = exchange.getMessage().getHeader(ChimpyPosConstants.OPERATION);
        if (header instanceof ChimpyPosOperation operation) {
            return operation;
        }
        if (header != null) {
            return ChimpyPosOperation.fromName(header.toString(), "header " + ChimpyPosConstants.OPERATION);
        }
        return endpoint.getOperation();
    }
}
