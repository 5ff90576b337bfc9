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

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

import io.github.chimpypos.camel.auth.GrantType;
import io.github.chimpypos.camel.auth.TokenProvider;
import io.github.chimpypos.camel.auth.TokenProviderSettings;
import io.github.chimpypos.camel.auth.TokenRequestFormat;
import io.github.chimpypos.camel.transport.HttpClientSettings;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * The options of the chimpypos component. The component holds one instance (the defaults); every endpoint works on
 * a {@link #copy()} with its URI parameters applied on top. {@link #toString()} never shows a secret.
 */
@UriParams
public class ChimpyPosConfiguration implements Cloneable {

    /** Token requests are single-flight: the token service needs few connections. */
    private static final int TOKEN_SERVICE_CONNECTIONS = 2;

    public static final String DEFAULT_CHECK_BATTERY_PATH = "/api/v2/batteries/{battery_id}";
    public static final String DEFAULT_CHECK_USER_PATH = "/api/v2/users/{user_coupon}";
    public static final String DEFAULT_RENTAL_PATH =
            "/api/v2/rentals/{rental_type}/{location_id}/{battery_id}[/{user_coupon}]";
    public static final String DEFAULT_CANCEL_RENTAL_PATH = "/api/v2/rentals/cancel/{partner_transaction_id}";
    public static final String DEFAULT_STATION_PRICING_PATH = "/api/v2/stations/{external_id}/pricing";
    public static final String DEFAULT_STATION_PICKUP_PATH = "/api/v2/stations/{external_id}/pickup";

    // connection

    @UriParam(
            label = "common",
            description = "Base URL of the PoS API, e.g. https://pos-api.sandbox.example; the operation paths are"
                    + " appended to it. Must be https:// unless allowInsecureHttp is set. Required.")
    private String apiUrl;

    @UriParam(
            label = "advanced",
            defaultValue = "10s",
            javaType = "java.time.Duration",
            description = "Time allowed to open a connection (TLS handshake included) to the API and the token"
                    + " service, and to lease one from the pool.")
    private long connectTimeout = 10_000;

    @UriParam(
            label = "advanced",
            defaultValue = "30s",
            javaType = "java.time.Duration",
            description = "Time allowed between sending a request and receiving its answer.")
    private long responseTimeout = 30_000;

    @UriParam(
            label = "advanced",
            defaultValue = "20",
            description = "Size of the connection pool to the PoS API, per endpoint.")
    private int maxConnections = 20;

    @UriParam(
            label = "advanced",
            description = "An Apache HttpClient 5 to use for the PoS API instead of creating one; the endpoint"
                    + " does not close it. sslContextParameters, the timeouts and maxConnections then do not apply"
                    + " to API calls.")
    private CloseableHttpClient httpClient;

    @UriParam(
            label = "producer,advanced",
            defaultValue = "1",
            description = "How often a request whose outcome is unknown after an I/O error (timeout, connection"
                    + " reset) is replayed. Only requests that cannot create a second rental are replayed: GETs,"
                    + " cancelRental, and the POSTs that carry a partner transaction id.")
    private int ioErrorReplays = 1;

    // security: the token service and TLS

    @UriParam(
            label = "security",
            description = "URL of the token service, e.g. https://auth.example/oauth/token. Required unless"
                    + " tokenProvider is set.")
    private String tokenUrl;

    @UriParam(label = "security", description = "The client id issued by Chimpy. Required unless tokenProvider is set.")
    private String clientId;

    @UriParam(label = "security", description = "The API identifier (audience) issued by Chimpy.")
    private String audience;

    @UriParam(label = "security", description = "The partner user name. Required for the password grant.")
    private String username;

    @UriParam(label = "security", secret = true, description = "The partner password. Required for the password grant.")
    private String password;

    @UriParam(
            label = "security",
            secret = true,
            description = "The client secret, for confidential clients and the client_credentials grant.")
    private String clientSecret;

    @UriParam(
            label = "security",
            defaultValue = "offline_access",
            description = "The scope to request; offline_access asks for a refresh token (sliding session).")
    private String scope = "offline_access";

    @UriParam(
            label = "security",
            defaultValue = "password",
            enums = "password,client_credentials",
            description = "The OAuth grant used when there is no refresh token: password (as Chimpy documents it)"
                    + " or client_credentials.")
    private GrantType grantType = GrantType.password;

    @UriParam(
            label = "security",
            defaultValue = "json",
            enums = "json,form",
            description = "How the token request is encoded: json as Chimpy documents it, or form"
                    + " (application/x-www-form-urlencoded) for RFC 6749 servers such as Keycloak.")
    private TokenRequestFormat tokenRequestFormat = TokenRequestFormat.json;

    @UriParam(
            label = "security,advanced",
            description = "A TokenProvider to use instead of the shared one the component builds from the token"
                    + " options.")
    private TokenProvider tokenProvider;

    @UriParam(
            label = "security",
            defaultValue = "true",
            description =
                    "Whether to renew with the refresh token (sliding session) before falling back to the" + " grant.")
    private boolean useRefreshToken = true;

    @UriParam(
            label = "security,advanced",
            defaultValue = "60s",
            javaType = "java.time.Duration",
            description = "How long before expiry the token is renewed in the background; clamped for short-lived"
                    + " tokens.")
    private long refreshMargin = 60_000;

    @UriParam(
            label = "security,advanced",
            defaultValue = "5m",
            javaType = "java.time.Duration",
            description = "After the token service rejected the credentials, how long no new grant is attempted"
                    + " (exchanges fail fast meanwhile), so that a wrong password cannot lock the account.")
    private long credentialsRejectedQuietPeriod = 300_000;

    @UriParam(
            label = "security,advanced",
            defaultValue = "3",
            description = "How often a failed token request (5xx, timeout, 429) is retried.")
    private int tokenMaxRetries = 3;

    @UriParam(
            label = "security,advanced",
            defaultValue = "500ms",
            javaType = "java.time.Duration",
            description = "First backoff between token request retries; it doubles, with jitter.")
    private long tokenRetryInitialBackoff = 500;

    @UriParam(
            label = "security,advanced",
            defaultValue = "30s",
            javaType = "java.time.Duration",
            description = "Longest backoff between token request retries.")
    private long tokenRetryMaxBackoff = 30_000;

    @UriParam(
            label = "security,advanced",
            defaultValue = "30s",
            javaType = "java.time.Duration",
            description = "Longest time an exchange waits for a token before it fails.")
    private long tokenMaxWait = 30_000;

    @UriParam(
            label = "security,advanced",
            defaultValue = "10m",
            javaType = "java.time.Duration",
            description = "Longest Retry-After of the token service (HTTP 429) that is honoured; a longer one is cut"
                    + " to this.")
    private long tokenMaxRetryAfter = 600_000;

    @UriParam(
            label = "security",
            description = "TLS settings (trust store, client certificate) for the API and the token service; the"
                    + " JVM default trust store when not set.")
    private SSLContextParameters sslContextParameters;

    @UriParam(
            label = "security",
            defaultValue = "false",
            security = "insecure:ssl",
            insecureValue = "true",
            description = "For tests against a local server only: accept http:// URLs for the API and the token"
                    + " service. Tokens and passwords then travel in clear text.")
    private boolean allowInsecureHttp;

    // path templates

    @UriParam(
            label = "advanced",
            defaultValue = DEFAULT_CHECK_BATTERY_PATH,
            description = "Path template of checkBattery (GET); variables: {battery_id}.")
    private String checkBatteryPath = DEFAULT_CHECK_BATTERY_PATH;

    @UriParam(
            label = "advanced",
            defaultValue = DEFAULT_CHECK_USER_PATH,
            description = "Path template of checkUser (GET); variables: {user_coupon}.")
    private String checkUserPath = DEFAULT_CHECK_USER_PATH;

    @UriParam(
            label = "advanced",
            defaultValue = DEFAULT_RENTAL_PATH,
            description = "Path template of getRentalPricing (GET); variables: {rental_type}, {location_id},"
                    + " {battery_id}, {user_coupon}. A [...] section is left out when its variables have no value.")
    private String getRentalPricingPath = DEFAULT_RENTAL_PATH;

    @UriParam(
            label = "advanced",
            defaultValue = DEFAULT_RENTAL_PATH,
            description = "Path template of createRental (POST); variables as getRentalPricingPath.")
    private String createRentalPath = DEFAULT_RENTAL_PATH;

    @UriParam(
            label = "advanced",
            defaultValue = DEFAULT_CANCEL_RENTAL_PATH,
            description = "Path template of cancelRental (PUT); variables: {partner_transaction_id}.")
    private String cancelRentalPath = DEFAULT_CANCEL_RENTAL_PATH;

    @UriParam(
            label = "advanced",
            defaultValue = DEFAULT_STATION_PRICING_PATH,
            description = "Path template of getStationPricing (GET); variables: {external_id}.")
    private String getStationPricingPath = DEFAULT_STATION_PRICING_PATH;

    @UriParam(
            label = "advanced",
            defaultValue = DEFAULT_STATION_PICKUP_PATH,
            description = "Path template of createStationPickup (POST); variables: {external_id}.")
    private String createStationPickupPath = DEFAULT_STATION_PICKUP_PATH;

    // producer behaviour

    @UriParam(
            label = "producer",
            defaultValue = "false",
            description = "Whether a business error (HTTP 200 with status=error) throws ChimpyPosBusinessException;"
                    + " by default it only sets the result headers.")
    private boolean throwOnBusinessError;

    @UriParam(
            label = "producer",
            defaultValue = "false",
            description = "Whether createRental and createStationPickup generate a unique partner transaction id"
                    + " when none is given, so that the rental can be cancelled later and a replay after a timeout"
                    + " cannot create a second one; the header CamelChimpyPosPartnerTransactionId returns it.")
    private boolean generatePartnerTransactionId;

    // operation parameters: each one is overridden by the header of the same name

    @UriParam(
            label = "producer",
            description = "The battery (powerbank) id; header CamelChimpyPosBatteryId overrides it. Required by"
                    + " checkBattery, getRentalPricing and createRental.")
    private String batteryId;

    @UriParam(
            label = "producer",
            description = "The shop (point of sale) id; header CamelChimpyPosLocationId overrides it. Required by"
                    + " getRentalPricing and createRental.")
    private String locationId;

    @UriParam(
            label = "producer",
            enums = "pickup,return",
            description = "pickup or return; header CamelChimpyPosRentalType overrides it. Required by"
                    + " checkBattery, getRentalPricing and createRental.")
    private String rentalType;

    @UriParam(
            label = "producer",
            description = "The user coupon (app QR code, SwissPass, SMS or paper coupon); header"
                    + " CamelChimpyPosUserCoupon overrides it. Required by checkUser, optional for rentals.")
    private String userCoupon;

    @UriParam(
            label = "producer",
            description = "The external id of a Chimpy Station, e.g. abc1; header CamelChimpyPosStationId overrides"
                    + " it. Required by getStationPricing and createStationPickup.")
    private String stationId;

    @UriParam(
            label = "producer",
            description = "The partner's unique transaction id; header CamelChimpyPosPartnerTransactionId overrides"
                    + " it. Required by cancelRental; for createRental and createStationPickup it makes replays safe"
                    + " and a later cancel possible.")
    private String partnerTransactionId;

    @UriParam(
            label = "producer",
            description = "The terminal id in the partner's numbering; header CamelChimpyPosPartnerTerminalId"
                    + " overrides it.")
    private String partnerTerminalId;

    @UriParam(
            label = "producer",
            description = "Language of the answer's messages, a 2-letter ISO 639-1 code such as de, fr, it or en;"
                    + " header CamelChimpyPosLang overrides it.")
    private String lang;

    @UriParam(
            label = "producer",
            enums = "32,42",
            description = "Sales-slip width in characters, 32 or 42 (the API's default is 42); header"
                    + " CamelChimpyPosSlipWidth overrides it.")
    private Integer slipWidth;

    @UriParam(
            label = "producer",
            description = "Physical problem code of a returned battery (200 = cable missing); header"
                    + " CamelChimpyPosSupportCode overrides it.")
    private Integer supportCode;

    @UriParam(
            label = "producer",
            description = "The Auth0 id of the logged-in app user, whose coupons may change the price; header"
                    + " CamelChimpyPosAuth0Id overrides it.")
    private String auth0Id;

    // consumer: what to poll, what to emit, how politely

    @UriParam(
            label = "consumer",
            description = "Consumer of getStationPricing: the stations to poll, comma separated external ids (e.g."
                    + " abc1,zrh1). keysSupplier replaces it for lists that change at run time.")
    private String stationIds;

    @UriParam(
            label = "consumer",
            description = "Consumer of checkBattery and getRentalPricing: the batteries to poll, comma separated ids."
                    + " keysSupplier replaces it for lists that change at run time.")
    private String batteryIds;

    @UriParam(
            label = "consumer",
            description = "Consumer of checkUser: the user coupons to poll, comma separated. keysSupplier replaces it"
                    + " for lists that change at run time.")
    private String userCoupons;

    @UriParam(
            label = "consumer,advanced",
            description = "A bean that supplies the keys to poll (station ids, battery ids or user coupons, by"
                    + " operation) at every poll, for lists that change at run time; replaces stationIds, batteryIds"
                    + " and userCoupons.")
    private Supplier<Collection<String>> keysSupplier;

    @UriParam(
            label = "consumer",
            defaultValue = "false",
            description = "Whether the consumer emits an exchange for a key only when its result differs from the last"
                    + " one seen (status, error type, prices), instead of one exchange per key and poll.")
    private boolean onlyChanges;

    @UriParam(
            label = "consumer",
            defaultValue = "true",
            description = "With onlyChanges: whether the first result of a key without a last-seen state (after a"
                    + " fresh start with the in-memory state repository) is emitted. With false it is only recorded.")
    private boolean emitInitialState = true;

    @UriParam(
            label = "consumer,advanced",
            description = "Where the consumer keeps the last-seen state of every key, e.g. a FileStateRepository so"
                    + " that a restart does not emit everything again. An in-memory repository per consumer by"
                    + " default. Consumers polling the same keys need their own repositories.")
    private StateRepository<String, String> stateRepository;

    @UriParam(
            label = "consumer",
            defaultValue = "0",
            description = "Most requests one poll sends; the remaining keys follow in the next polls, in turn, so that"
                    + " every key is polled. 0 polls every key at every poll.")
    private int maxRequestsPerPoll;

    @UriParam(
            label = "consumer",
            defaultValue = "1",
            description = "Most requests of one consumer in flight at the same time; 1 polls the keys one after the"
                    + " other.")
    private int maxConcurrentRequests = 1;

    @UriParam(
            label = "consumer",
            defaultValue = "true",
            description = "Whether the requests of one poll are spread evenly over spreadFraction of the delay"
                    + " instead of being sent in a burst.")
    private boolean spreadRequests = true;

    @UriParam(
            label = "consumer,advanced",
            defaultValue = "0.5",
            description = "With spreadRequests: the share of the delay (above 0, at most 1) over which the requests of"
                    + " one poll are spread.")
    private double spreadFraction = 0.5;

    /** A deep enough copy for an endpoint: every option is a value or a shared bean. */
    /**
     * The settings of the token provider for these options: the one place where options become
     * {@link TokenProviderSettings}, used by every endpoint and by the Spring Boot starter's shared provider bean, so both
     * acquire the same provider from the component's registry.
     *
     * @param sslContext trust material for the token service, or null for the JVM default
     * @param clock      the clock of the token lifecycle
     */
    public TokenProviderSettings toTokenProviderSettings(SSLContext sslContext, Clock clock) {
        return TokenProviderSettings.builder()
                .tokenUrl(URI.create(tokenUrl.trim()))
                .clientId(clientId)
                .audience(audience)
                .username(username)
                .password(password)
                .clientSecret(clientSecret)
                .scope(scope)
                .grantType(grantType)
                .requestFormat(tokenRequestFormat)
                .useRefreshToken(useRefreshToken)
                .refreshMargin(Duration.ofMillis(refreshMargin))
                .credentialsRejectedQuietPeriod(Duration.ofMillis(credentialsRejectedQuietPeriod))
                .maxRetries(tokenMaxRetries)
                .retryInitialBackoff(Duration.ofMillis(tokenRetryInitialBackoff))
                .retryMaxBackoff(Duration.ofMillis(tokenRetryMaxBackoff))
                .maxWait(Duration.ofMillis(tokenMaxWait))
                .maxRetryAfter(Duration.ofMillis(tokenMaxRetryAfter))
                .httpClientSettings(new HttpClientSettings(
                        sslContext,
                        Duration.ofMillis(connectTimeout),
                        Duration.ofMillis(responseTimeout),
                        TOKEN_SERVICE_CONNECTIONS))
                .allowInsecureHttp(allowInsecureHttp)
                .clock(clock)
                .build();
    }

    public ChimpyPosConfiguration copy() {
        try {
            return (ChimpyPosConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getApiUrl() {
        return apiUrl;
    }

    public void setApiUrl(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public CloseableHttpClient getHttpClient() {
        return httpClient;
    }

    public void setHttpClient(CloseableHttpClient httpClient) {
        this.httpClient = httpClient;
    }

    public int getIoErrorReplays() {
        return ioErrorReplays;
    }

    public void setIoErrorReplays(int ioErrorReplays) {
        this.ioErrorReplays = ioErrorReplays;
    }

    public String getTokenUrl() {
        return tokenUrl;
    }

    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public GrantType getGrantType() {
        return grantType;
    }

    public void setGrantType(GrantType grantType) {
        this.grantType = grantType;
    }

    public TokenRequestFormat getTokenRequestFormat() {
        return tokenRequestFormat;
    }

    public void setTokenRequestFormat(TokenRequestFormat tokenRequestFormat) {
        this.tokenRequestFormat = tokenRequestFormat;
    }

    public TokenProvider getTokenProvider() {
        return tokenProvider;
    }

    public void setTokenProvider(TokenProvider tokenProvider) {
        this.tokenProvider = tokenProvider;
    }

    public boolean isUseRefreshToken() {
        return useRefreshToken;
    }

    public void setUseRefreshToken(boolean useRefreshToken) {
        this.useRefreshToken = useRefreshToken;
    }

    public long getRefreshMargin() {
        return refreshMargin;
    }

    public void setRefreshMargin(long refreshMargin) {
        this.refreshMargin = refreshMargin;
    }

    public long getCredentialsRejectedQuietPeriod() {
        return credentialsRejectedQuietPeriod;
    }

    public void setCredentialsRejectedQuietPeriod(long credentialsRejectedQuietPeriod) {
        this.credentialsRejectedQuietPeriod = credentialsRejectedQuietPeriod;
    }

    public int getTokenMaxRetries() {
        return tokenMaxRetries;
    }

    public void setTokenMaxRetries(int tokenMaxRetries) {
        this.tokenMaxRetries = tokenMaxRetries;
    }

    public long getTokenRetryInitialBackoff() {
        return tokenRetryInitialBackoff;
    }

    public void setTokenRetryInitialBackoff(long tokenRetryInitialBackoff) {
        this.tokenRetryInitialBackoff = tokenRetryInitialBackoff;
    }

    public long getTokenRetryMaxBackoff() {
        return tokenRetryMaxBackoff;
    }

    public void setTokenRetryMaxBackoff(long tokenRetryMaxBackoff) {
        this.tokenRetryMaxBackoff = tokenRetryMaxBackoff;
    }

    public long getTokenMaxWait() {
        return tokenMaxWait;
    }

    public void setTokenMaxWait(long tokenMaxWait) {
        this.tokenMaxWait = tokenMaxWait;
    }

    public long getTokenMaxRetryAfter() {
        return tokenMaxRetryAfter;
    }

    public void setTokenMaxRetryAfter(long tokenMaxRetryAfter) {
        this.tokenMaxRetryAfter = tokenMaxRetryAfter;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public boolean isAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    public void setAllowInsecureHttp(boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
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

    public String getGetRentalPricingPath() {
        return getRentalPricingPath;
    }

    public void setGetRentalPricingPath(String getRentalPricingPath) {
        this.getRentalPricingPath = getRentalPricingPath;
    }

    public String getCreateRentalPath() {
        return createRentalPath;
    }

    public void setCreateRentalPath(String createRentalPath) {
        this.createRentalPath = createRentalPath;
    }

    public String getCancelRentalPath() {
        return cancelRentalPath;
    }

    public void setCancelRentalPath(String cancelRentalPath) {
        this.cancelRentalPath = cancelRentalPath;
    }

    public String getGetStationPricingPath() {
        return getStationPricingPath;
    }

    public void setGetStationPricingPath(String getStationPricingPath) {
        this.getStationPricingPath = getStationPricingPath;
    }

    public String getCreateStationPickupPath() {
        return createStationPickupPath;
    }

    public void setCreateStationPickupPath(String createStationPickupPath) {
        this.createStationPickupPath = createStationPickupPath;
    }

    public boolean isThrowOnBusinessError() {
        return throwOnBusinessError;
    }

    public void setThrowOnBusinessError(boolean throwOnBusinessError) {
        this.throwOnBusinessError = throwOnBusinessError;
    }

    public boolean isGeneratePartnerTransactionId() {
        return generatePartnerTransactionId;
    }

    public void setGeneratePartnerTransactionId(boolean generatePartnerTransactionId) {
        this.generatePartnerTransactionId = generatePartnerTransactionId;
    }

    public String getBatteryId() {
        return batteryId;
    }

    public void setBatteryId(String batteryId) {
        this.batteryId = batteryId;
    }

    public String getLocationId() {
        return locationId;
    }

    public void setLocationId(String locationId) {
        this.locationId = locationId;
    }

    public String getRentalType() {
        return rentalType;
    }

    public void setRentalType(String rentalType) {
        this.rentalType = rentalType;
    }

    public String getUserCoupon() {
        return userCoupon;
    }

    public void setUserCoupon(String userCoupon) {
        this.userCoupon = userCoupon;
    }

    public String getStationId() {
        return stationId;
    }

    public void setStationId(String stationId) {
        this.stationId = stationId;
    }

    public String getPartnerTransactionId() {
        return partnerTransactionId;
    }

    public void setPartnerTransactionId(String partnerTransactionId) {
        this.partnerTransactionId = partnerTransactionId;
    }

    public String getPartnerTerminalId() {
        return partnerTerminalId;
    }

    public void setPartnerTerminalId(String partnerTerminalId) {
        this.partnerTerminalId = partnerTerminalId;
    }

    public String getLang() {
        return lang;
    }

    public void setLang(String lang) {
        this.lang = lang;
    }

    public Integer getSlipWidth() {
        return slipWidth;
    }

    public void setSlipWidth(Integer slipWidth) {
        this.slipWidth = slipWidth;
    }

    public Integer getSupportCode() {
        return supportCode;
    }

    public void setSupportCode(Integer supportCode) {
        this.supportCode = supportCode;
    }

    public String getAuth0Id() {
        return auth0Id;
    }

    public void setAuth0Id(String auth0Id) {
        this.auth0Id = auth0Id;
    }

    public String getStationIds() {
        return stationIds;
    }

    public void setStationIds(String stationIds) {
        this.stationIds = stationIds;
    }

    public String getBatteryIds() {
        return batteryIds;
    }

    public void setBatteryIds(String batteryIds) {
        this.batteryIds = batteryIds;
    }

    public String getUserCoupons() {
        return userCoupons;
    }

    public void setUserCoupons(String userCoupons) {
        this.userCoupons = userCoupons;
    }

    public Supplier<Collection<String>> getKeysSupplier() {
        return keysSupplier;
    }

    public void setKeysSupplier(Supplier<Collection<String>> keysSupplier) {
        this.keysSupplier = keysSupplier;
    }

    public boolean isOnlyChanges() {
        return onlyChanges;
    }

    public void setOnlyChanges(boolean onlyChanges) {
        this.onlyChanges = onlyChanges;
    }

    public boolean isEmitInitialState() {
        return emitInitialState;
    }

    public void setEmitInitialState(boolean emitInitialState) {
        this.emitInitialState = emitInitialState;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public int getMaxRequestsPerPoll() {
        return maxRequestsPerPoll;
    }

    public void setMaxRequestsPerPoll(int maxRequestsPerPoll) {
        this.maxRequestsPerPoll = maxRequestsPerPoll;
    }

    public int getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    public void setMaxConcurrentRequests(int maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    public boolean isSpreadRequests() {
        return spreadRequests;
    }

    public void setSpreadRequests(boolean spreadRequests) {
        this.spreadRequests = spreadRequests;
    }

    public double getSpreadFraction() {
        return spreadFraction;
    }

    public void setSpreadFraction(double spreadFraction) {
        this.spreadFraction = spreadFraction;
    }

    @Override
    public String toString() {
        return "ChimpyPosConfiguration[apiUrl=" + apiUrl + ", tokenUrl=" + tokenUrl + ", clientId=" + clientId
                + ", audience=" + audience + ", username=" + username + ", password="
                + (password != null ? "******" : "null") + ", clientSecret="
                + (clientSecret != null ? "******" : "null") + ", scope=" + scope + ", grantType=" + grantType
                + ", tokenRequestFormat=" + tokenRequestFormat + ", tokenProvider="
                + (tokenProvider != null ? tokenProvider.getClass().getSimpleName() : "null") + ", allowInsecureHttp="
                + allowInsecureHttp + "]";
    }
}
