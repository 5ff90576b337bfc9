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
package io.github.chimpypos.camel.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.github.chimpypos.camel.ChimpyPosConfiguration;
import io.github.chimpypos.camel.ChimpyPosConstants;
import io.github.chimpypos.camel.ChimpyPosEndpoint;
import io.github.chimpypos.camel.testsupport.ChimpyPosTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input fails with an IllegalArgumentException that names the parameter and the accepted values, before any
 * network call: the emulator sees neither a token request nor an API call.
 */
class OptionValidationTest extends ChimpyPosTestSupport {

    @AfterEach
    void noNetworkCall() {
        assertThat(counters().tokenCalls()).isZero();
        assertThat(counters().apiCalls()).isZero();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "chimpypos:rentBattery                                  | Unknown operation 'rentBattery' | checkBattery, checkUser, getRentalPricing",
                "chimpypos:checkbattery                                 | Unknown operation 'checkbattery' | createStationPickup",
                "chimpypos:checkUser?grantType=implicit                 | Invalid option grantType 'implicit' | password, client_credentials",
                "chimpypos:checkUser?tokenRequestFormat=xml             | Invalid option tokenRequestFormat 'xml' | json, form",
                "chimpypos:checkBattery?rentalType=rent                 | Invalid option rentalType 'rent' | pickup, return",
                "chimpypos:getRentalPricing?slipWidth=40                | Invalid option slipWidth 40 | 32, 42",
                "chimpypos:getRentalPricing?slipWidth=wide              | Invalid option slipWidth 'wide' | 32, 42",
                "chimpypos:createRental?supportCode=cable               | Invalid option supportCode 'cable' | integer",
                "chimpypos:checkUser?apiUrl=http://pos.example          | Invalid option apiUrl | https://",
                "chimpypos:checkUser?tokenUrl=http://auth.example/token | Invalid option tokenUrl | https://",
                "chimpypos:checkUser?apiUrl=ftp://pos.example           | Invalid option apiUrl | https://",
                "chimpypos:checkUser?apiUrl=RAW(https://pos example)    | Invalid option apiUrl: not a URL | index",
                "chimpypos:checkUser?apiUrl=pos.example                 | Invalid option apiUrl | https://",
                "chimpypos:checkUser?apiUrl=https://pos.example?x=1     | Invalid option apiUrl | query",
                "chimpypos:checkUser?checkUserPath=RAW(/users/{coupon}) | Invalid option checkUserPath: unknown variable {coupon} | {user_coupon}",
                "chimpypos:checkUser?cancelRentalPath=RAW(cancel/{x})   | Invalid option cancelRentalPath | must start with '/'",
                "chimpypos:checkUser?responseTimeout=0                  | Invalid option responseTimeout | positive",
                "chimpypos:checkUser?proxyHost=proxy.corp.example       | Missing option proxyPort | proxyHost proxy.corp.example",
                "chimpypos:checkUser?proxyPort=3128                     | Invalid option proxyPort | needs proxyHost",
                "chimpypos:checkUser?proxyPort=squid                    | Invalid option proxyPort 'squid' | integer",
                "chimpypos:checkUser?proxyHost=p.example&proxyPort=0    | Invalid option proxyPort 0 | 1 to 65535",
                "chimpypos:checkUser?proxyHost=http://p.example&proxyPort=3128 | Invalid option proxyHost | host name or address only",
                "chimpypos:checkUser?proxyHost=p.example&proxyPort=3128&proxyAuthUsername=gw | Missing option proxyAuthPassword | needs both",
                "chimpypos:checkUser?proxyAuthPassword=x                | Invalid option proxyAuthPassword | needs proxyHost",
                "chimpypos:checkUser?nonProxyHosts=localhost            | Invalid option nonProxyHosts | https.proxyHost",
            })
    void invalidEndpointUrisFailAtCreation(String uri, String problem, String accepted) {
        assertThatThrownBy(() -> context.getEndpoint(uri.trim()))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .satisfies(e -> assertThat(illegalArgument(e))
                        .hasMessageContaining(problem.trim())
                        .hasMessageContaining(accepted.trim()));
    }

    @ParameterizedTest
    @CsvSource({
        "apiUrl, Missing required option apiUrl",
        "tokenUrl, Missing required option tokenUrl",
        "clientId, Missing required option clientId",
        "username, Missing required option username",
        "password, Missing required option password",
        // Auth0-style services answer "Missing required parameter: audience" only after a network call
        "audience, Missing required option audience (for grantType=password",
    })
    void missingRequiredOptionsAreNamed(String option, String message) {
        ChimpyPosConfiguration configuration = component().getConfiguration();
        switch (option) {
            case "apiUrl" -> configuration.setApiUrl(null);
            case "tokenUrl" -> configuration.setTokenUrl(null);
            case "clientId" -> configuration.setClientId(null);
            case "username" -> configuration.setUsername(null);
            case "audience" -> configuration.setAudience(null);
            default -> configuration.setPassword(null);
        }

        assertThatThrownBy(() -> context.getEndpoint("chimpypos:checkUser"))
                .satisfies(e -> assertThat(illegalArgument(e)).hasMessageContaining(message));
    }

    @Test
    void clientCredentialsNeedAClientSecret() {
        assertThatThrownBy(() -> context.getEndpoint("chimpypos:checkUser?grantType=client_credentials"))
                .satisfies(e -> assertThat(illegalArgument(e))
                        .hasMessageContaining(
                                "Missing required option clientSecret (for grantType=client_credentials)"));
    }

    @Test
    void plainHttpIsAcceptedOnlyWithTheInsecureTestingFlag() {
        ChimpyPosEndpoint endpoint = context.getEndpoint(
                "chimpypos:checkUser?apiUrl=http://127.0.0.1:1&tokenUrl=http://127.0.0.1:1/oauth/token"
                        + "&allowInsecureHttp=true",
                ChimpyPosEndpoint.class);

        assertThat(endpoint.getServiceProtocol()).isEqualTo("http");
        assertThat(endpoint.getConfiguration().isAllowInsecureHttp()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "chimpypos:checkBattery?rentalType=pickup    | checkBattery needs batteryId: set the option batteryId or the header CamelChimpyPosBatteryId",
                "chimpypos:checkBattery?batteryId=BAT0001    | checkBattery needs rentalType: set the option rentalType or the header CamelChimpyPosRentalType",
                "chimpypos:checkUser                         | checkUser needs userCoupon",
                "chimpypos:getRentalPricing?rentalType=pickup&batteryId=BAT0001 | getRentalPricing needs locationId",
                "chimpypos:createRental?rentalType=pickup&locationId=shop-zurich-hb | createRental needs batteryId",
                "chimpypos:cancelRental                      | cancelRental needs partnerTransactionId",
                "chimpypos:getStationPricing                 | getStationPricing needs stationId: set the option stationId or the header CamelChimpyPosStationId",
                "chimpypos:createStationPickup               | createStationPickup needs stationId",
            })
    void missingOperationParametersFailPerExchange(String uri, String message) {
        Exchange exchange = send(uri.trim());

        assertThat(exchange.getException())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message.trim());
    }

    @Test
    void invalidHeaderValuesNameTheHeaderAndTheAcceptedValues() {
        Exchange rentalType = send(
                "chimpypos:checkBattery?batteryId=BAT0001&rentalType=pickup",
                null,
                Map.of(ChimpyPosConstants.RENTAL_TYPE, "borrow"));
        Exchange slipWidth = send(
                "chimpypos:cancelRental?partnerTransactionId=tx-1", null, Map.of(ChimpyPosConstants.SLIP_WIDTH, "80"));
        Exchange notANumber = send(
                "chimpypos:cancelRental?partnerTransactionId=tx-1",
                null,
                Map.of(ChimpyPosConstants.SLIP_WIDTH, "wide"));
        Exchange operation = send(
                "chimpypos:checkUser?userCoupon=APPUSER1", null, Map.of(ChimpyPosConstants.OPERATION, "deleteAll"));

        assertThat(rentalType.getException())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid header CamelChimpyPosRentalType 'borrow'; accepted values: pickup, return");
        assertThat(slipWidth.getException())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid header CamelChimpyPosSlipWidth 80; accepted values: 32, 42");
        assertThat(notANumber.getException())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CamelChimpyPosSlipWidth 'wide'");
        assertThat(operation.getException())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown operation 'deleteAll' in header CamelChimpyPosOperation")
                .hasMessageContaining("createStationPickup");
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = "=>",
            value = {
                "                                                      => needs a body of type StationPickupRequest, Map or JSON String",
                "{\"payment_gateway\":\"twint\"}                       => payment_gateway must be one of stripe, paypal but was",
                "{\"payment_gateway\":\"stripe\"}                      => stripe_payment_intent_id is required when payment_gateway is stripe",
                "{\"payment_gateway\":\"paypal\",\"paypal_order_id\":\"o\"} => paypal_auth_id is required when payment_gateway is paypal",
                "{\"auth0_id\":\"auth0|x\"}                            => payment_gateway must be one of stripe, paypal but is missing",
                "{not json                                             => not a valid station pickup request",
            })
    void invalidStationPickupBodiesFailBeforeAnyCall(String body, String message) {
        Exchange exchange = send("chimpypos:createStationPickup?stationId=abc1", body, Map.of());

        assertThat(exchange.getException())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message.trim());
    }
}
