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
package io.github.chimpypos.camel.springboot;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonIncludeProperties;
import io.github.chimpypos.camel.ChimpyPosConfiguration;
import io.github.chimpypos.camel.auth.GrantType;
import io.github.chimpypos.camel.auth.TokenProvider;
import io.github.chimpypos.camel.auth.TokenProviderListener;
import io.github.chimpypos.camel.auth.TokenRequestFormat;
import io.github.chimpypos.camel.store.TokenStore;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code camel.component.chimpypos.*} properties: one for every option of the chimpypos component, with the
 * description and default of the component catalog (a test keeps them in step). Object options take a bean
 * reference, {@code #bean:name}. The password and the client secret are bound like any property (environment
 * variables such as {@code CAMEL_COMPONENT_CHIMPYPOS_PASSWORD} included) and never shown: actuator endpoints mask
 * them and this class has no {@code toString()} that could print them. In {@code /actuator/configprops} an object
 * option shows as {@code {}} when set: its bean is referenced, not described (it may hold the CamelContext or
 * secrets).
 */
@ConfigurationProperties(prefix = "camel.component.chimpypos")
public class ChimpyPosComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Base URL of the PoS API, e.g. https://pos-api.sandbox.example; the operation paths are appended to
     * it. Must be https:// unless allowInsecureHttp is set. Required.
     */
    private String apiUrl;

    /**
     * Consumer of checkBattery and getRentalPricing: the batteries to poll, comma separated ids.
     * keysSupplier replaces it for lists that change at run time.
     */
    private String batteryIds;

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if
     * possible) occurred while the Camel consumer is trying to pickup incoming messages, or the likes,
     * will now be processed as a message and handled by the routing Error Handler. Important: This is only
     * possible if the 3rd party component allows Camel to be alerted if an exception was thrown. Some
     * components handle this internally only, and therefore bridgeErrorHandler is not possible. In other
     * situations we may improve the Camel component to hook into the 3rd party component and make this
     * possible for future releases. By default the consumer will use the
     * org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR
     * level and ignored.
     */
    private Boolean bridgeErrorHandler = false;

    /**
     * With onlyChanges: whether the first result of a key without a last-seen state (after a fresh start
     * with the in-memory state repository) is emitted. With false it is only recorded.
     */
    private Boolean emitInitialState = true;

    /**
     * Most requests of one consumer in flight at the same time; 1 polls the keys one after the other.
     */
    private Integer maxConcurrentRequests = 1;

    /**
     * Most requests one poll sends; the remaining keys follow in the next polls, in turn, so that every
     * key is polled. 0 polls every key at every poll.
     */
    private Integer maxRequestsPerPoll = 0;

    /**
     * Whether the consumer emits an exchange for a key only when its result differs from the last one seen
     * (status, error type, prices), instead of one exchange per key and poll.
     */
    private Boolean onlyChanges = false;

    /**
     * Whether the instances of a cluster that run this polling route share its polls through the
     * tokenStore: one instance (the holder of the endpoint's poll lease, renewed every poll) polls each
     * key once per cycle for the whole cluster, another takes over within the lease time when it dies
     * (three delays, at least twice tokenMaxWait plus connectTimeout plus responseTimeout), and the
     * last-seen state of onlyChanges is kept in the store so a takeover does not emit everything again.
     * Needs tokenStore.
     */
    private Boolean clusteredPolling = false;

    /**
     * Whether the requests of one poll are spread evenly over spreadFraction of the delay instead of being
     * sent in a burst.
     */
    private Boolean spreadRequests = true;

    /**
     * Consumer of getStationPricing: the stations to poll, comma separated external ids (e.g. abc1,zrh1).
     * keysSupplier replaces it for lists that change at run time.
     */
    private String stationIds;

    /**
     * Consumer of checkUser: the user coupons to poll, comma separated. keysSupplier replaces it for lists
     * that change at run time.
     */
    private String userCoupons;

    /**
     * A bean that supplies the keys to poll (station ids, battery ids or user coupons, by operation) at
     * every poll, for lists that change at run time; replaces stationIds, batteryIds and userCoupons. The
     * option is a java.util.function.Supplier type.
     */
    private Supplier<Collection<String>> keysSupplier;

    /**
     * With spreadRequests: the share of the delay (above 0, at most 1) over which the requests of one poll
     * are spread.
     */
    private Double spreadFraction = 0.5;

    /**
     * Where the consumer keeps the last-seen state of every key, e.g. a FileStateRepository so that a
     * restart does not emit everything again. An in-memory repository per consumer by default. Consumers
     * polling the same keys need their own repositories. The option is a
     * org.apache.camel.spi.StateRepository type.
     */
    private StateRepository<String, String> stateRepository;

    /**
     * The Auth0 id of the logged-in app user, whose coupons may change the price; header
     * CamelChimpyPosAuth0Id overrides it.
     */
    private String auth0Id;

    /**
     * The battery (powerbank) id; header CamelChimpyPosBatteryId overrides it. Required by checkBattery,
     * getRentalPricing and createRental.
     */
    private String batteryId;

    /**
     * Whether createRental and createStationPickup generate a unique partner transaction id when none is
     * given, so that the rental can be cancelled later and a replay after a timeout cannot create a second
     * one; the header CamelChimpyPosPartnerTransactionId returns it.
     */
    private Boolean generatePartnerTransactionId = false;

    /**
     * Language of the answer's messages, a 2-letter ISO 639-1 code such as de, fr, it or en; header
     * CamelChimpyPosLang overrides it.
     */
    private String lang;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use
     * this to allow CamelContext and routes to startup in situations where a producer may otherwise fail
     * during starting and cause the route to fail being started. By deferring this startup to be lazy then
     * the startup failure can be handled during routing messages via Camel's routing error handlers.
     * Beware that when the first message is processed then creating and starting the producer may take a
     * little time and prolong the total processing time of the processing.
     */
    private Boolean lazyStartProducer = false;

    /**
     * The shop (point of sale) id; header CamelChimpyPosLocationId overrides it. Required by
     * getRentalPricing and createRental.
     */
    private String locationId;

    /**
     * The terminal id in the partner's numbering; header CamelChimpyPosPartnerTerminalId overrides it.
     */
    private String partnerTerminalId;

    /**
     * The partner's unique transaction id; header CamelChimpyPosPartnerTransactionId overrides it.
     * Required by cancelRental; for createRental and createStationPickup it makes replays safe and a later
     * cancel possible.
     */
    private String partnerTransactionId;

    /**
     * pickup or return; header CamelChimpyPosRentalType overrides it. Required by checkBattery,
     * getRentalPricing and createRental.
     */
    private String rentalType;

    /**
     * Sales-slip width in characters, 32 or 42 (the API's default is 42); header CamelChimpyPosSlipWidth
     * overrides it.
     */
    private Integer slipWidth;

    /**
     * The external id of a Chimpy Station, e.g. abc1; header CamelChimpyPosStationId overrides it.
     * Required by getStationPricing and createStationPickup.
     */
    private String stationId;

    /**
     * Physical problem code of a returned battery (200 = cable missing); header CamelChimpyPosSupportCode
     * overrides it.
     */
    private Integer supportCode;

    /**
     * Whether a business error (HTTP 200 with status=error) throws ChimpyPosBusinessException; by default
     * it only sets the result headers.
     */
    private Boolean throwOnBusinessError = false;

    /**
     * The user coupon (app QR code, SwissPass, SMS or paper coupon); header CamelChimpyPosUserCoupon
     * overrides it. Required by checkUser, optional for rentals.
     */
    private String userCoupon;

    /**
     * How often a request whose outcome is unknown after an I/O error (timeout, connection reset) is
     * replayed. Only requests that cannot create a second rental are replayed: GETs, cancelRental, and the
     * POSTs that carry a partner transaction id.
     */
    private Integer ioErrorReplays = 1;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be
     * marked as autowired) by looking up in the registry to find if there is a single instance of matching
     * type, which then gets configured on the component. This can be used for automatic configuring JDBC
     * data sources, JMS connection factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;

    /**
     * Path template of cancelRental (PUT); variables: {partner_transaction_id}.
     */
    private String cancelRentalPath = "/api/v2/rentals/cancel/{partner_transaction_id}";

    /**
     * Path template of checkBattery (GET); variables: {battery_id}.
     */
    private String checkBatteryPath = "/api/v2/batteries/{battery_id}";

    /**
     * Path template of checkUser (GET); variables: {user_coupon}.
     */
    private String checkUserPath = "/api/v2/users/{user_coupon}";

    /**
     * The clock the token lifecycle uses to judge expiry; replace it in tests only. The system UTC clock
     * by default. The option is a java.time.Clock type.
     */
    private Clock clock;

    /**
     * The component-level defaults of every endpoint option. The option is a
     * io.github.chimpypos.camel.ChimpyPosConfiguration type.
     */
    private ChimpyPosConfiguration configuration;

    /**
     * Time allowed to open a connection (TLS handshake included) to the API and the token service, and to
     * lease one from the pool.
     */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /**
     * Path template of createRental (POST); variables as getRentalPricingPath.
     */
    private String createRentalPath = "/api/v2/rentals/{rental_type}/{location_id}/{battery_id}[/{user_coupon}]";

    /**
     * Path template of createStationPickup (POST); variables: {external_id}.
     */
    private String createStationPickupPath = "/api/v2/stations/{external_id}/pickup";

    /**
     * Path template of getRentalPricing (GET); variables: {rental_type}, {location_id}, {battery_id},
     * {user_coupon}. A ... section is left out when its variables have no value.
     */
    private String getRentalPricingPath = "/api/v2/rentals/{rental_type}/{location_id}/{battery_id}[/{user_coupon}]";

    /**
     * Path template of getStationPricing (GET); variables: {external_id}.
     */
    private String getStationPricingPath = "/api/v2/stations/{external_id}/pricing";

    /**
     * An Apache HttpClient 5 to use for the PoS API instead of creating one; the endpoint does not close
     * it. sslContextParameters, the timeouts and maxConnections then do not apply to API calls. The option
     * is a org.apache.hc.client5.http.impl.classic.CloseableHttpClient type.
     */
    private CloseableHttpClient httpClient;

    /**
     * Size of the connection pool to the PoS API, per endpoint.
     */
    private Integer maxConnections = 20;

    /**
     * Time allowed between sending a request and receiving its answer.
     */
    private Duration responseTimeout = Duration.ofSeconds(30);

    /**
     * Told when a shared token provider obtains or renews an access token or fails to (no secrets passed),
     * e.g. for metrics or alerts. Camel event notifiers receive the same as ChimpyPosTokenEvent. The
     * option is a io.github.chimpypos.camel.auth.TokenProviderListener type.
     */
    private TokenProviderListener tokenListener;

    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel
     * has by default disabled all producer based health-checks. You can turn on producer checks globally
     * by setting camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;

    /**
     * For tests against a local server only: accept http:// URLs for the API and the token service. Tokens
     * and passwords then travel in clear text.
     */
    private Boolean allowInsecureHttp = false;

    /**
     * The API identifier (audience) issued by Chimpy.
     */
    private String audience;

    /**
     * The client id issued by Chimpy. Required unless tokenProvider is set.
     */
    private String clientId;

    /**
     * The client secret, for confidential clients and the client_credentials grant.
     */
    private String clientSecret;

    /**
     * The OAuth grant used when there is no refresh token: password (as Chimpy documents it) or
     * client_credentials.
     */
    private GrantType grantType = GrantType.password;

    /**
     * The partner password. Required for the password grant.
     */
    private String password;

    /**
     * The scope to request; offline_access asks for a refresh token (sliding session).
     */
    private String scope = "offline_access";

    /**
     * TLS settings (trust store, client certificate) for the API and the token service; the JVM default
     * trust store when not set. The option is a org.apache.camel.support.jsse.SSLContextParameters type.
     */
    private SSLContextParameters sslContextParameters;

    /**
     * How the token request is encoded: json as Chimpy documents it, or form
     * (application/x-www-form-urlencoded) for RFC 6749 servers such as Keycloak.
     */
    private TokenRequestFormat tokenRequestFormat = TokenRequestFormat.json;

    /**
     * URL of the token service, e.g. https://auth.example/oauth/token. Required unless tokenProvider is
     * set.
     */
    private String tokenUrl;

    /**
     * Enable usage of global SSL context parameters.
     */
    private Boolean useGlobalSslContextParameters = false;

    /**
     * Whether to renew with the refresh token (sliding session) before falling back to the grant.
     */
    private Boolean useRefreshToken = true;

    /**
     * The partner user name. Required for the password grant.
     */
    private String username;

    /**
     * After the token service rejected the credentials, how long no new grant is attempted (exchanges fail
     * fast meanwhile), so that a wrong password cannot lock the account.
     */
    private Duration credentialsRejectedQuietPeriod = Duration.ofMinutes(5);

    /**
     * How long before expiry the token is renewed in the background; clamped for short-lived tokens.
     */
    private Duration refreshMargin = Duration.ofSeconds(60);

    /**
     * How often a token request is retried at once when its failure may pass by itself (5xx, timeout,
     * connection failure, malformed answer). A 429 is not retried: the next attempt waits for its
     * Retry-After. Rejected credentials are never retried.
     */
    private Integer tokenMaxRetries = 3;

    /**
     * Longest Retry-After of the token service (HTTP 429) that is honoured; a longer one is cut to this.
     */
    private Duration tokenMaxRetryAfter = Duration.ofMinutes(10);

    /**
     * Longest time an exchange waits for a token before it fails.
     */
    private Duration tokenMaxWait = Duration.ofSeconds(30);

    /**
     * A TokenProvider to use instead of the shared one the component builds from the token options. The
     * option is a io.github.chimpypos.camel.auth.TokenProvider type.
     */
    private TokenProvider tokenProvider;

    /**
     * Where the token is kept beyond this provider's memory, so a restarted instance reuses it and the
     * instances of a cluster share one token family and one renewal at a time: a bean such as
     * JdbcTokenStore (camel-chimpypos-jdbc) or HazelcastTokenStore (camel-chimpypos-hazelcast). The store
     * seals tokens with its own encryptionKey. Exchanges read a local copy; the store is read only near
     * expiry, after a 401 or when another instance renewed. If it is unreachable, this instance works with
     * its own token and reports DEGRADED. Not used with tokenProvider. The option is a
     * io.github.chimpypos.camel.store.TokenStore type.
     */
    private TokenStore tokenStore;

    /**
     * First backoff between token request retries; it doubles, with jitter.
     */
    private Duration tokenRetryInitialBackoff = Duration.ofMillis(500);

    /**
     * Longest backoff between token request retries.
     */
    private Duration tokenRetryMaxBackoff = Duration.ofSeconds(30);

    public String getApiUrl() {
        return apiUrl;
    }

    public void setApiUrl(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    public String getBatteryIds() {
        return batteryIds;
    }

    public void setBatteryIds(String batteryIds) {
        this.batteryIds = batteryIds;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Boolean getEmitInitialState() {
        return emitInitialState;
    }

    public void setEmitInitialState(Boolean emitInitialState) {
        this.emitInitialState = emitInitialState;
    }

    public Integer getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    public void setMaxConcurrentRequests(Integer maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    public Integer getMaxRequestsPerPoll() {
        return maxRequestsPerPoll;
    }

    public void setMaxRequestsPerPoll(Integer maxRequestsPerPoll) {
        this.maxRequestsPerPoll = maxRequestsPerPoll;
    }

    public Boolean getOnlyChanges() {
        return onlyChanges;
    }

    public void setOnlyChanges(Boolean onlyChanges) {
        this.onlyChanges = onlyChanges;
    }

    public Boolean getSpreadRequests() {
        return spreadRequests;
    }

    public void setSpreadRequests(Boolean spreadRequests) {
        this.spreadRequests = spreadRequests;
    }

    public String getStationIds() {
        return stationIds;
    }

    public void setStationIds(String stationIds) {
        this.stationIds = stationIds;
    }

    public String getUserCoupons() {
        return userCoupons;
    }

    public void setUserCoupons(String userCoupons) {
        this.userCoupons = userCoupons;
    }

    @JsonIncludeProperties({})
    public Supplier<Collection<String>> getKeysSupplier() {
        return keysSupplier;
    }

    public void setKeysSupplier(Supplier<Collection<String>> keysSupplier) {
        this.keysSupplier = keysSupplier;
    }

    public Double getSpreadFraction() {
        return spreadFraction;
    }

    public void setSpreadFraction(Double spreadFraction) {
        this.spreadFraction = spreadFraction;
    }

    @JsonIncludeProperties({})
    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getAuth0Id() {
        return auth0Id;
    }

    public void setAuth0Id(String auth0Id) {
        this.auth0Id = auth0Id;
    }

    public String getBatteryId() {
        return batteryId;
    }

    public void setBatteryId(String batteryId) {
        this.batteryId = batteryId;
    }

    public Boolean getGeneratePartnerTransactionId() {
        return generatePartnerTransactionId;
    }

    public void setGeneratePartnerTransactionId(Boolean generatePartnerTransactionId) {
        this.generatePartnerTransactionId = generatePartnerTransactionId;
    }

    public String getLang() {
        return lang;
    }

    public void setLang(String lang) {
        this.lang = lang;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public String getLocationId() {
        return locationId;
    }

    public void setLocationId(String locationId) {
        this.locationId = locationId;
    }

    public String getPartnerTerminalId() {
        return partnerTerminalId;
    }

    public void setPartnerTerminalId(String partnerTerminalId) {
        this.partnerTerminalId = partnerTerminalId;
    }

    public String getPartnerTransactionId() {
        return partnerTransactionId;
    }

    public void setPartnerTransactionId(String partnerTransactionId) {
        this.partnerTransactionId = partnerTransactionId;
    }

    public String getRentalType() {
        return rentalType;
    }

    public void setRentalType(String rentalType) {
        this.rentalType = rentalType;
    }

    public Integer getSlipWidth() {
        return slipWidth;
    }

    public void setSlipWidth(Integer slipWidth) {
        this.slipWidth = slipWidth;
    }

    public String getStationId() {
        return stationId;
    }

    public void setStationId(String stationId) {
        this.stationId = stationId;
    }

    public Integer getSupportCode() {
        return supportCode;
    }

    public void setSupportCode(Integer supportCode) {
        this.supportCode = supportCode;
    }

    public Boolean getThrowOnBusinessError() {
        return throwOnBusinessError;
    }

    public void setThrowOnBusinessError(Boolean throwOnBusinessError) {
        this.throwOnBusinessError = throwOnBusinessError;
    }

    public String getUserCoupon() {
        return userCoupon;
    }

    public void setUserCoupon(String userCoupon) {
        this.userCoupon = userCoupon;
    }

    public Integer getIoErrorReplays() {
        return ioErrorReplays;
    }

    public void setIoErrorReplays(Integer ioErrorReplays) {
        this.ioErrorReplays = ioErrorReplays;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public String getCancelRentalPath() {
        return cancelRentalPath;
    }

    public void setCancelRentalPath(String cancelRentalPath) {
        this.cancelRentalPath = cancelRentalPath;
    }

    public String getCheckBatteryPath() {
        return checkBatteryPath;
    }

    public void setCheckBatteryPath(String checkBatteryPath) {
        this.checkBatteryPath = checkBatteryPath;
    }

    public String getCheckUserPath() {
        return checkUserPath;
    }

    public void setCheckUserPath(String checkUserPath) {
        this.checkUserPath = checkUserPath;
    }

    @JsonIncludeProperties({})
    public Clock getClock() {
        return clock;
    }

    public void setClock(Clock clock) {
        this.clock = clock;
    }

    @JsonIncludeProperties({})
    public ChimpyPosConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ChimpyPosConfiguration configuration) {
        this.configuration = configuration;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public String getCreateRentalPath() {
        return createRentalPath;
    }

    public void setCreateRentalPath(String createRentalPath) {
        this.createRentalPath = createRentalPath;
    }

    public String getCreateStationPickupPath() {
        return createStationPickupPath;
    }

    public void setCreateStationPickupPath(String createStationPickupPath) {
        this.createStationPickupPath = createStationPickupPath;
    }

    public String getGetRentalPricingPath() {
        return getRentalPricingPath;
    }

    public void setGetRentalPricingPath(String getRentalPricingPath) {
        this.getRentalPricingPath = getRentalPricingPath;
    }

    public String getGetStationPricingPath() {
        return getStationPricingPath;
    }

    public void setGetStationPricingPath(String getStationPricingPath) {
        this.getStationPricingPath = getStationPricingPath;
    }

    @JsonIncludeProperties({})
    public CloseableHttpClient getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(CloseableHttpClient httpClient) {
        this.httpClient = httpClient;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    @JsonIncludeProperties({})
    public TokenProviderListener getTokenListener() {
        return tokenListener;
    }

    public void setTokenListener(TokenProviderListener tokenListener) {
        this.tokenListener = tokenListener;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public Boolean getAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(Boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public GrantType getGrantType() {
        return grantType;
    }

    public void setGrantType(GrantType grantType) {
        this.grantType = grantType;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    @JsonIncludeProperties({})
    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public TokenRequestFormat getTokenRequestFormat() {
        return tokenRequestFormat;
    }

    public void setTokenRequestFormat(TokenRequestFormat tokenRequestFormat) {
        this.tokenRequestFormat = tokenRequestFormat;
    }

    public String getTokenUrl() {
        return tokenUrl;
    }

    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public Boolean getUseRefreshToken() {
        return useRefreshToken;
    }

    public void setUseRefreshToken(Boolean useRefreshToken) {
        this.useRefreshToken = useRefreshToken;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public Duration getCredentialsRejectedQuietPeriod() {
        return credentialsRejectedQuietPeriod;
    }

    public void setCredentialsRejectedQuietPeriod(Duration credentialsRejectedQuietPeriod) {
        this.credentialsRejectedQuietPeriod = credentialsRejectedQuietPeriod;
    }

    public Duration getRefreshMargin() {
        return refreshMargin;
    }

    public void setRefreshMargin(Duration refreshMargin) {
        this.refreshMargin = refreshMargin;
    }

    public Integer getTokenMaxRetries() {
        return tokenMaxRetries;
    }

    public void setTokenMaxRetries(Integer tokenMaxRetries) {
        this.tokenMaxRetries = tokenMaxRetries;
    }

    public Duration getTokenMaxRetryAfter() {
        return tokenMaxRetryAfter;
    }

    public void setTokenMaxRetryAfter(Duration tokenMaxRetryAfter) {
        this.tokenMaxRetryAfter = tokenMaxRetryAfter;
    }

    public Duration getTokenMaxWait() {
        return tokenMaxWait;
    }

    public void setTokenMaxWait(Duration tokenMaxWait) {
        this.tokenMaxWait = tokenMaxWait;
    }

    @JsonIncludeProperties({})
    public TokenProvider getTokenProvider() {
        return tokenProvider;
    }

    public void setTokenProvider(TokenProvider tokenProvider) {
        this.tokenProvider = tokenProvider;
    }

    @JsonIncludeProperties({})
    public TokenStore getTokenStore() {
        return tokenStore;
    }

    public void setTokenStore(TokenStore tokenStore) {
        this.tokenStore = tokenStore;
    }

    public Boolean getClusteredPolling() {
        return clusteredPolling;
    }

    public void setClusteredPolling(Boolean clusteredPolling) {
        this.clusteredPolling = clusteredPolling;
    }

    public Duration getTokenRetryInitialBackoff() {
        return tokenRetryInitialBackoff;
    }

    public void setTokenRetryInitialBackoff(Duration tokenRetryInitialBackoff) {
        this.tokenRetryInitialBackoff = tokenRetryInitialBackoff;
    }

    public Duration getTokenRetryMaxBackoff() {
        return tokenRetryMaxBackoff;
    }

    public void setTokenRetryMaxBackoff(Duration tokenRetryMaxBackoff) {
        this.tokenRetryMaxBackoff = tokenRetryMaxBackoff;
    }
}
