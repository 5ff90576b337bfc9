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
package io.github.chimpypos.camel.operability;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.JMException;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import io.github.chimpypos.camel.ChimpyPosComponent;
import io.github.chimpypos.camel.auth.ObservableTokenProvider;
import io.github.chimpypos.camel.auth.TokenProviderIdentity;
import io.github.chimpypos.camel.auth.TokenProviderRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ManagementAgent;
import org.apache.camel.spi.ManagementStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exposes each shared token provider over JMX while it lives, as
 * {@code org.apache.camel:context=<name>,type=chimpypos,name="<clientId>@<host>/<grantType>"}. Does nothing when the
 * CamelContext has no management agent (camel-management absent or JMX disabled).
 */
public final class JmxRegistration implements TokenProviderRegistry.Observer {

    public static final String TYPE = "chimpypos";

    private static final Logger LOG = LoggerFactory.getLogger(JmxRegistration.class);

    private final ChimpyPosComponent component;
    private final Map<ObservableTokenProvider, ObjectName> registered = new ConcurrentHashMap<>();

    public JmxRegistration(ChimpyPosComponent component) {
        this.component = component;
    }

    @Override
    public void providerStarted(ObservableTokenProvider provider) {
        ManagementAgent agent = agent();
        if (agent == null) {
            return;
        }
        TokenProviderIdentity identity = provider.identity();
        ManagedTokenProvider mbean = new ManagedTokenProvider(
                provider, identity, component.getTokenProviderRegistry(), component.getClock());
        try {
            ObjectName name = freeName(agent, identity.displayName());
            agent.register(mbean, name);
            registered.put(provider, name);
            LOG.debug("Registered token provider MBean {}", name);
        } catch (JMException e) {
            LOG.warn("Cannot register the token provider {} over JMX: {}", identity.displayName(), e.getMessage());
        }
    }

    @Override
    public void providerStopping(ObservableTokenProvider provider) {
        ObjectName name = registered.remove(provider);
        ManagementAgent agent = agent();
        if (name == null || agent == null) {
            return;
        }
        try {
            agent.unregister(name);
            LOG.debug("Unregistered token provider MBean {}", name);
        } catch (JMException e) {
            LOG.debug("Cannot unregister the token provider MBean {}: {}", name, e.getMessage());
        }
    }

    private ManagementAgent agent() {
        CamelContext context = component.getCamelContext();
        ManagementStrategy strategy = context != null ? context.getManagementStrategy() : null;
        ManagementAgent agent = strategy != null ? strategy.getManagementAgent() : null;
        return agent != null && agent.getMBeanServer() != null && strategy.getManagementObjectNameStrategy() != null
                ? agent
                : null;
    }

    /** The provider's name, with {@code #2}, {@code #3} ... when providers differ only in audience, scope or user. */
    private ObjectName freeName(ManagementAgent agent, String displayName) throws MalformedObjectNameException {
        CamelContext context = component.getCamelContext();
        ObjectName contextName = context.getManagementStrategy()
                .getManagementObjectNameStrategy()
                .getObjectNameForCamelContext(context);
        String prefix = agent.getMBeanObjectDomainName() + ":context=" + contextName.getKeyProperty("context")
                + ",type=" + TYPE + ",name=";
        ObjectName name = new ObjectName(prefix + ObjectName.quote(displayName));
        for (int n = 2; agent.isRegistered(name) || registered.containsValue(name); n++) {
            name = new ObjectName(prefix + ObjectName.quote(displayName + " #" + n));
        }
        return name;
    }
}
