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

import static org.assertj.core.api.Assertions.assertThat;

import io.github.chimpypos.camel.testsupport.ChimpyPosTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.spi.ScheduledPollConsumerScheduler;
import org.apache.camel.support.service.ServiceSupport;
import org.junit.jupiter.api.Test;

/**
 * The consumer takes Camel's scheduled-poll options like any polling component: a pluggable scheduler (as
 * scheduler=quartz or spring would plug in theirs) with its scheduler.xxx options, and a delay of a minute unless set.
 */
class ChimpyPosConsumerSchedulingTest extends ChimpyPosTestSupport {

    private final ManualScheduler trigger = new ManualScheduler();

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("trigger", trigger);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("chimpypos:getStationPricing?stationIds=abc1&scheduler=#trigger&scheduler.cron=0+0/5+*+*+*+?")
                        .routeId("triggered")
                        .to("mock:triggered");
                from("chimpypos:checkUser?userCoupons=APPUSER1&startScheduler=false")
                        .routeId("defaults")
                        .to("mock:defaults");
            }
        };
    }

    @Test
    void aPluggableSchedulerTriggersThePollsWithItsOwnOptions() {
        assertThat(trigger.cron).isEqualTo("0 0/5 * * * ?");
        assertThat(counters().apiCalls()).isZero();

        trigger.fire();
        trigger.fire();

        MockEndpoint triggered = getMockEndpoint("mock:triggered");
        assertThat(triggered.getReceivedCounter()).isEqualTo(2);
        assertThat(counters().apiCalls("getStationPricing")).isEqualTo(2);
    }

    @Test
    void theDelayIsAMinuteUnlessSet() {
        ChimpyPosConsumer consumer =
                (ChimpyPosConsumer) context.getRoute("defaults").getConsumer();

        assertThat(consumer.getDelay()).isEqualTo(60_000);
        assertThat(consumer.getInitialDelay()).isEqualTo(1_000);
    }

    /** A scheduler that polls when the test says so, the way a cron scheduler polls when the clock says so. */
    static final class ManualScheduler extends ServiceSupport implements ScheduledPollConsumerScheduler {
        private CamelContext camelContext;
        private Runnable task;
        private String cron;

        @Override
        public void onInit(Consumer consumer) {
            // nothing to prepare
        }

        @Override
        public void scheduleTask(Runnable task) {
            this.task = task;
        }

        @Override
        public void unscheduleTask() {
            task = null;
        }

        @Override
        public void startScheduler() {
            // polls come from fire()
        }

        @Override
        public boolean isSchedulerStarted() {
            return task != null;
        }

        @Override
        public void setCamelContext(CamelContext camelContext) {
            this.camelContext = camelContext;
        }

        @Override
        public CamelContext getCamelContext() {
            return camelContext;
        }

        /** A scheduler option, set from scheduler.cron in the URI. */
        public void setCron(String cron) {
            this.cron = cron;
        }

        void fire() {
            task.run();
        }
    }
}
