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

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.chimpypos.camel.ChimpyPosAuthenticationException;
import io.github.chimpypos.camel.ChimpyPosEndpoint;
import io.github.chimpypos.camel.auth.TokenProvider;
import io.github.chimpypos.camel.testsupport.ChimpyPosTestSupport;
import io.github.chimpypos.emulator.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

/** One MBean per shared token provider (camel-management on the classpath, JMX on): readable, secret-free, resettable. */
class ManagedTokenProviderTest extends ChimpyPosTestSupport {

    private static final String CHECK_USER = "chimpypos:checkUser?userCoupon=APPUSER1";
    private static final String CHECK_OTHER_USER = "chimpypos:checkUser?userCoupon=FREECHARGE1";

    @Override
    public void configureTest(TestExecutionConfiguration testExecutionConfiguration) {
        super.configureTest(testExecutionConfiguration);
        testExecutionConfiguration.withEnableJMX();
    }

    @Test
    void oneMBeanPerSharedProviderWithItsState() throws Exception {
        assertThat(send(CHECK_USER).getException()).isNull();
        assertThat(send(CHECK_OTHER_USER).getException()).isNull();

        ObjectName name = theOnlyMBean();

        assertThat(name.getKeyProperty("context")).isEqualTo(context.getManagementName());
        assertThat(ObjectName.unquote(name.getKeyProperty("name")))
                .isEqualTo(
                        credentials().clientId() + "@" + emulator().tokenUrl().getHost() + ":"
                                + emulator().tokenUrl().getPort() + "/password");
        assertThat(attribute(name, "State")).isEqualTo("VALID");
        assertThat(attribute(name, "Endpoints")).isEqualTo(2);
        assertThat(attribute(name, "ClientId")).isEqualTo(credentials().clientId());
        assertThat(attribute(name, "GrantType")).isEqualTo("password");
        assertThat(Instant.parse((String) attribute(name, "TokenExpiresAt"))).isAfter(Instant.now());
        assertThat((Long) attribute(name, "TimeToRenewalMillis")).isPositive();
        assertThat(attribute(name, "TokenCalls")).isEqualTo(1L);
        assertThat(attribute(name, "PasswordGrants")).isEqualTo(1L);
        assertThat(attribute(name, "Refreshes")).isEqualTo(0L);
        assertThat(attribute(name, "Failures")).isEqualTo(0L);
        assertThat(attribute(name, "LastSuccessAt")).isNotNull();
        assertThat(attribute(name, "LastErrorClass")).isNull();
        assertThat(Math.abs((Long) attribute(name, "ClockSkewMillis"))).isLessThan(5_000L);
    }

    @Test
    void countsARenewalAfterA401() throws Exception {
        assertThat(send(CHECK_USER).getException()).isNull();
        emulator().control().revokeAccessTokens();

        assertThat(send(CHECK_USER).getException()).isNull();

        ObjectName name = theOnlyMBean();
        assertThat(attribute(name, "UnauthorizedRenewals")).isEqualTo(1L);
        assertThat(attribute(name, "TokenCalls")).isEqualTo(2L);
    }

    @Test
    void showsTheRejectionAndTheResetOperationEndsTheLockout() throws Exception {
        emulator()
                .control()
                .failNextTokenCalls(
                        1,
                        Fault.respond(
                                403,
                                "application/json",
                                "{\"error\":\"invalid_grant\",\"error_description\":\"Wrong email or password.\"}"));
        Exchange rejected = send(CHECK_USER);
        ObjectName name = theOnlyMBean();
        String stateWhileLocked = (String) attribute(name, "State");
        Object rejections = attribute(name, "FailuresCredentialsRejected");
        Object reason = attribute(name, "LastFailureReason");
        Object lockedUntil = attribute(name, "NextAttemptNotBefore");

        mbeanServer().invoke(name, "resetCredentialsLockout", null, null);
        Exchange afterReset = send(CHECK_USER);

        assertThat(rejected.getException()).isInstanceOf(ChimpyPosAuthenticationException.class);
        assertThat(stateWhileLocked).isEqualTo("CREDENTIALS_LOCKED");
        assertThat(rejections).isEqualTo(1L);
        assertThat(reason).isEqualTo("CREDENTIALS_REJECTED");
        assertThat(lockedUntil).isNotNull();
        assertThat(afterReset.getException()).isNull();
        assertThat(attribute(name, "State")).isEqualTo("VALID");
        assertThat(attribute(name, "NextAttemptNotBefore")).isNull();
        assertThat(counters().tokenCalls()).isEqualTo(2);
    }

    @Test
    void resetStatisticsStartsTheCountersAgain() throws Exception {
        emulator().control().failNextTokenCalls(1, Fault.status(503));
        assertThat(send(CHECK_USER).getException()).isNull();
        ObjectName name = theOnlyMBean();
        assertThat(attribute(name, "FailuresAuthServiceUnavailable")).isEqualTo(1L);

        mbeanServer().invoke(name, "resetStatistics", null, null);
        long callsAfterReset = (Long) attribute(name, "TokenCalls");
        emulator().control().revokeAccessTokens();
        assertThat(send(CHECK_USER).getException()).isNull();

        assertThat(callsAfterReset).isZero();
        assertThat(attribute(name, "FailuresAuthServiceUnavailable")).isEqualTo(0L);
        assertThat(attribute(name, "Failures")).isEqualTo(0L);
        // the renewal after the 401 used the refresh token of the first grant
        assertThat(attribute(name, "PasswordGrants")).isEqualTo(0L);
        assertThat(attribute(name, "Refreshes")).isEqualTo(1L);
        assertThat(attribute(name, "TokenCalls")).isEqualTo(1L);
        assertThat(attribute(name, "UnauthorizedRenewals")).isEqualTo(1L);
        assertThat(attribute(name, "StatisticsSince")).isNotNull();
        assertThat(attribute(name, "State")).isEqualTo("VALID");
    }

    @Test
    void noAttributeShowsASecret() throws Exception {
        assertThat(send(CHECK_USER).getException()).isNull();
        TokenProvider provider =
                context.getEndpoint(CHECK_USER, ChimpyPosEndpoint.class).getTokenProvider();
        String accessToken = provider.getToken().value();
        emulator().control().failNextTokenCalls(1, Fault.status(503));
        emulator().control().revokeAccessTokens();
        send(CHECK_USER);
        ObjectName name = theOnlyMBean();

        List<String> values = new ArrayList<>();
        for (MBeanAttributeInfo info : mbeanServer().getMBeanInfo(name).getAttributes()) {
            values.add(info.getName() + "=" + mbeanServer().getAttribute(name, info.getName()));
        }

        assertThat(values).hasSizeGreaterThan(25);
        assertThat(String.join("\n", values))
                .doesNotContain(credentials().password())
                .doesNotContain(credentials().clientSecret())
                .doesNotContain(accessToken)
                .doesNotContain("eyJ");
        assertThat(name.toString()).doesNotContain(credentials().password());
    }

    @Test
    void unregisteredWhenTheLastEndpointReleasesTheProvider() throws Exception {
        ChimpyPosEndpoint first = context.getEndpoint(CHECK_USER, ChimpyPosEndpoint.class);
        ChimpyPosEndpoint second = context.getEndpoint(CHECK_OTHER_USER, ChimpyPosEndpoint.class);
        theOnlyMBean();

        context.removeEndpoint(first);
        Set<ObjectName> whileShared = tokenProviderMBeans();
        context.removeEndpoint(second);

        assertThat(whileShared).hasSize(1);
        assertThat(tokenProviderMBeans()).isEmpty();
    }

    @Test
    void providersThatDifferOnlyInAudienceGetDistinctNames() throws Exception {
        context.getEndpoint(CHECK_USER);
        context.getEndpoint(CHECK_USER + "&audience=https://other-audience.example");

        assertThat(tokenProviderMBeans())
                .hasSize(2)
                .extracting(name -> ObjectName.unquote(name.getKeyProperty("name")))
                .anySatisfy(n -> assertThat(n).endsWith("/password #2"));
    }

    private MBeanServer mbeanServer() {
        return context.getManagementStrategy().getManagementAgent().getMBeanServer();
    }

    private Set<ObjectName> tokenProviderMBeans() throws Exception {
        return mbeanServer().queryNames(new ObjectName("org.apache.camel:type=chimpypos,*"), null);
    }

    private ObjectName theOnlyMBean() throws Exception {
        Set<ObjectName> names = tokenProviderMBeans();
        assertThat(names).hasSize(1);
        return names.iterator().next();
    }

    private Object attribute(ObjectName name, String attribute) throws Exception {
        return mbeanServer().getAttribute(name, attribute);
    }
}
