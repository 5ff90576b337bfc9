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
import io.github.chimpypos.camel.store.TokenStore;
import io.github.chimpypos.camel.transport.HttpClientSettings;
import io.github.chimpypos.camel.transport.ProxySettings;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.http.HttpClientConfigurer;
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

    @UriParam(label = "common")
    private String apiUrl;

    @UriParam(label = "advanced", defaultValue = "10s", javaType = "java.time.Duration")
    private long connectTimeout = 10_000;

    @UriParam(label = "advanced", defaultValue = "30s", javaType = "java.time.Duration")
    private long responseTimeout = 30_000;

    @UriParam(label = "advanced", defaultValue = "20")
    private int maxConnections = 20;

    @UriParam(label = "advanced")
    private CloseableHttpClient httpClient;

    @UriParam(label = "producer,advanced", defaultValue = "1")
    private int ioErrorReplays = 1;

    @UriParam(label = "advanced")
    private HttpClientConfigurer httpClientConfigurer;

    // proxy: named as camel-http names them

    @UriParam(label = "proxy")
    private String proxyHost;

    @UriParam(label = "proxy")
    private Integer proxyPort;

    @UriParam(label = "proxy,security")
    private String proxyAuthUsername;

    @UriParam(label = "proxy,security", secret = true)
    private String proxyAuthPassword;

    @UriParam(label = "proxy")
    private String nonProxyHosts;

    // security: the token service and TLS

    @UriParam(label = "security")
    private String tokenUrl;

    @UriParam(label = "security")
    private String clientId;

    @UriParam(label = "security")
    private String audience;

    @UriParam(label = "security")
    private String username;

    @UriParam(label = "security", secret = true)
    private String password;

    @UriParam(label = "security", secret = true)
    private String clientSecret;

    @UriParam(label = "security", defaultValue = "offline_access")
    private String scope = "offline_access";

    @UriParam(label = "security", defaultValue = "password", enums = "password,client_credentials")
    private GrantType grantType = GrantType.password;

    @UriParam(label = "security", defaultValue = "json", enums = "json,form")
    private TokenRequestFormat tokenRequestFormat = TokenRequestFormat.json;

    @UriParam(label = "security,advanced")
    private TokenProvider tokenProvider;

    @UriParam(label = "security,advanced")
    private TokenStore tokenStore;

    @UriParam(label = "security", defaultValue = "true")
    private boolean useRefreshToken = true;

    @UriParam(label = "security,advanced", defaultValue = "60s", javaType = "java.time.Duration")
    private long refreshMargin = 60_000;

    @UriParam(label = "security,advanced", defaultValue = "5m", javaType = "java.time.Duration")
    private long credentialsRejectedQuietPeriod = 300_000;

    @UriParam(label = "security,advanced", defaultValue = "3")
    private int tokenMaxRetries = 3;

    @UriParam(label = "security,advanced", defaultValue = "500ms", javaType = "java.time.Duration")
    private long tokenRetryInitialBackoff = 500;

    @UriParam(label = "security,advanced", defaultValue = "30s", javaType = "java.time.Duration")
    private long tokenRetryMaxBackoff = 30_000;

    @UriParam(label = "security,advanced", defaultValue = "30s", javaType = "java.time.Duration")
    private long tokenMaxWait = 30_000;

    @UriParam(label = "security,advanced", defaultValue = "10m", javaType = "java.time.Duration")
    private long tokenMaxRetryAfter = 600_000;

    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "security", defaultValue = "false", security = "insecure:ssl", insecureValue = "true")
    private boolean allowInsecureHttp;

    // path templates

    @UriParam(label = "advanced", defaultValue = DEFAULT_CHECK_BATTERY_PATH)
    private String checkBatteryPath = DEFAULT_CHECK_BATTERY_PATH;

    @UriParam(label = "advanced", defaultValue = DEFAULT_CHECK_USER_PATH)
    private String checkUserPath = DEFAULT_CHECK_USER_PATH;

    @UriParam(label = "advanced", defaultValue = DEFAULT_RENTAL_PATH)
    private String getRentalPricingPath = DEFAULT_RENTAL_PATH;

    @UriParam(label = "advanced", defaultValue = DEFAULT_RENTAL_PATH)
    private String createRentalPath = DEFAULT_RENTAL_PATH;

    @UriParam(label = "advanced", defaultValue = DEFAULT_CANCEL_RENTAL_PATH)
    private String cancelRentalPath = DEFAULT_CANCEL_RENTAL_PATH;

    @UriParam(label = "advanced", defaultValue = DEFAULT_STATION_PRICING_PATH)
    private String getStationPricingPath = DEFAULT_STATION_PRICING_PATH;

    @UriParam(label = "advanced", defaultValue = DEFAULT_STATION_PICKUP_PATH)
    private String createStationPickupPath = DEFAULT_STATION_PICKUP_PATH;

    // producer behaviour

    @UriParam(label = "producer", defaultValue = "false")
    private boolean throwOnBusinessError;

    @UriParam(label = "producer", defaultValue = "false")
    private boolean generatePartnerTransactionId;

    // operation parameters: each one is overridden by the header of the same name

    @UriParam(label = "producer")
    private String batteryId;

    @UriParam(label = "producer")
    private String locationId;

    @UriParam(label = "producer", enums = "pickup,return")
    private String rentalType;

    @UriParam(label = "producer")
    private String userCoupon;

    @UriParam(label = "producer")
    private String stationId;

    @UriParam(label = "producer")
    private String partnerTransactionId;

    @UriParam(label = "producer")
    private String partnerTerminalId;

    @UriParam(label = "producer")
    private String lang;

    @UriParam(label = "producer", enums = "32,42")
    private Integer slipWidth;

    @UriParam(label = "producer")
    private Integer supportCode;

    @UriParam(label = "producer")
    private String auth0Id;

    // consumer: what to poll, what to emit, how politely

    @UriParam(label = "consumer")
    private String stationIds;

    @UriParam(label = "consumer")
    private String batteryIds;

    @UriParam(label = "consumer")
    private String userCoupons;

    @UriParam(label = "consumer,advanced")
    private Supplier<Collection<String>> keysSupplier;

    @UriParam(label = "consumer", defaultValue = "false")
    private boolean onlyChanges;

    @UriParam(label = "consumer", defaultValue = "true")
    private boolean emitInitialState = true;

    @UriParam(label = "consumer,advanced")
    private StateRepository<String, String> stateRepository;

    @UriParam(label = "consumer", defaultValue = "false")
    private boolean clusteredPolling;

    @UriParam(label = "consumer", defaultValue = "0")
    private int maxRequestsPerPoll;

    @UriParam(label = "consumer", defaultValue = "1")
    private int maxConcurrentRequests = 1;

    @UriParam(label = "consumer", defaultValue = "true")
    private boolean spreadRequests = true;

    @UriParam(label = "consumer,advanced", defaultValue = "0.5")
    private double spreadFraction = 0.5;

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
                        TOKEN_SERVICE_CONNECTIONS,
                        toProxySettings(),
                        httpClientConfigurer))
                .httpClient(httpClient)
                .allowInsecureHttp(allowInsecureHttp)
                .clock(clock)
                .tokenStore(tokenStore)
                .build();
    }

    /**
     * The proxy of the token and API clients: proxyHost and its companions when set, else the JVM's
     * https.proxyHost, https.proxyPort and http.nonProxyHosts, else none.
     */
    public ProxySettings toProxySettings() {
        return ProxySettings.resolve(
                proxyHost, proxyPort == null ? 0 : proxyPort, proxyAuthUsername, proxyAuthPassword, nonProxyHosts);
    }

    /** A deep enough copy for an endpoint: every option is a value or a shared bean. */
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

    /**
     * Base URL of the PoS API, e.g. https://pos-api.sandbox.example; the operation paths are appended to it. Must be
     * https:// unless allowInsecureHttp is set. Required.
     */
    public void setApiUrl(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * Time allowed to open a connection (TLS handshake included) to the API and the token service, and to lease one
     * from the pool.
     */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    /** Time allowed between sending a request and receiving its answer. */
    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    /** Size of the connection pool to the PoS API, per endpoint. */
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public CloseableHttpClient getHttpClient() {
        return httpClient;
    }

    /**
     * An Apache HttpClient 5 to use for the PoS API and the token service instead of creating them; the component does
     * not close it. sslContextParameters, the timeouts, maxConnections, the proxy options and httpClientConfigurer then
     * do not apply: configure them on this client.
     */
    public void setHttpClient(CloseableHttpClient httpClient) {
        this.httpClient = httpClient;
    }

    public HttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    /**
     * A camel-http HttpClientConfigurer applied to the HttpClient builder of both the token client and the API client,
     * after the component's own settings (TLS, timeouts, proxy), e.g. to add interceptors or a custom route planner.
     * Not applied to an injected httpClient.
     */
    public void setHttpClientConfigurer(HttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    /**
     * Host of the forward proxy for token and API calls, e.g. proxy.corp.example. It applies to every target not listed
     * in nonProxyHosts, loopback included. When not set, the JVM system properties https.proxyHost and https.proxyPort
     * (and http.nonProxyHosts) are honoured.
     */
    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    /** Port of the forward proxy; required with proxyHost. */
    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyAuthUsername() {
        return proxyAuthUsername;
    }

    /** User name for Basic authentication at the proxy (sent to the proxy only, never to Chimpy). */
    public void setProxyAuthUsername(String proxyAuthUsername) {
        this.proxyAuthUsername = proxyAuthUsername;
    }

    public String getProxyAuthPassword() {
        return proxyAuthPassword;
    }

    /** Password for Basic authentication at the proxy; never logged or shown. */
    public void setProxyAuthPassword(String proxyAuthPassword) {
        this.proxyAuthPassword = proxyAuthPassword;
    }

    public String getNonProxyHosts() {
        return nonProxyHosts;
    }

    /**
     * Hosts reached directly, not through proxyHost: host names or addresses separated by commas or vertical bars, in
     * the syntax of the JVM property http.nonProxyHosts; an entry may start or end with an asterisk as a wildcard, e.g.
     * localhost, 127.0.0.1 and the suffix .corp.example written with a leading asterisk.
     */
    public void setNonProxyHosts(String nonProxyHosts) {
        this.nonProxyHosts = nonProxyHosts;
    }

    public int getIoErrorReplays() {
        return ioErrorReplays;
    }

    /**
     * How often a request whose outcome is unknown after an I/O error (timeout, connection reset) is replayed. Only
     * requests that cannot create a second rental are replayed: GETs, cancelRental, and the POSTs that carry a partner
     * transaction id.
     */
    public void setIoErrorReplays(int ioErrorReplays) {
        this.ioErrorReplays = ioErrorReplays;
    }

    public String getTokenUrl() {
        return tokenUrl;
    }

    /** URL of the token service, e.g. https://auth.example/oauth/token. Required unless tokenProvider is set. */
    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    public String getClientId() {
        return clientId;
    }

    /** The client id issued by Chimpy. Required unless tokenProvider is set. */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getAudience() {
        return audience;
    }

    /** The API identifier (audience) issued by Chimpy. */
    public void setAudience(String audience) {
        this.audience = audience;
    }

    public String getUsername() {
        return username;
    }

    /** The partner user name. Required for the password grant. */
    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    /** The partner password. Required for the password grant. */
    public void setPassword(String password) {
        this.password = password;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    /** The client secret, for confidential clients and the client_credentials grant. */
    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getScope() {
        return scope;
    }

    /** The scope to request; offline_access asks for a refresh token (sliding session). */
    public void setScope(String scope) {
        this.scope = scope;
    }

    public GrantType getGrantType() {
        return grantType;
    }

    /** The OAuth grant used when there is no refresh token: password (as Chimpy documents it) or client_credentials. */
    public void setGrantType(GrantType grantType) {
        this.grantType = grantType;
    }

    public TokenRequestFormat getTokenRequestFormat() {
        return tokenRequestFormat;
    }

    /**
     * How the token request is encoded: json as Chimpy documents it, or form (application/x-www-form-urlencoded) for
     * RFC 6749 servers such as Keycloak.
     */
    public void setTokenRequestFormat(TokenRequestFormat tokenRequestFormat) {
        this.tokenRequestFormat = tokenRequestFormat;
    }

    public TokenProvider getTokenProvider() {
        return tokenProvider;
    }

    /** A TokenProvider to use instead of the shared one the component builds from the token options. */
    public void setTokenProvider(TokenProvider tokenProvider) {
        this.tokenProvider = tokenProvider;
    }

    public TokenStore getTokenStore() {
        return tokenStore;
    }

    /**
     * Where the token is kept beyond this provider's memory, so a restarted instance reuses it and the instances of a
     * cluster share one token family and one renewal at a time: a bean such as JdbcTokenStore (camel-chimpypos-jdbc)
     * or HazelcastTokenStore (camel-chimpypos-hazelcast). The store seals tokens with its own encryptionKey. Exchanges
     * read a local copy; the store is read only near expiry, after a 401 or when another instance renewed. If it is
     * unreachable, this instance works with its own token and reports DEGRADED. Not used with tokenProvider.
     */
    public void setTokenStore(TokenStore tokenStore) {
        this.tokenStore = tokenStore;
    }

    public boolean isUseRefreshToken() {
        return useRefreshToken;
    }

    /** Whether to renew with the refresh token (sliding session) before falling back to the grant. */
    public void setUseRefreshToken(boolean useRefreshToken) {
        this.useRefreshToken = useRefreshToken;
    }

    public long getRefreshMargin() {
        return refreshMargin;
    }

    /** How long before expiry the token is renewed in the background; clamped for short-lived tokens. */
    public void setRefreshMargin(long refreshMargin) {
        this.refreshMargin = refreshMargin;
    }

    public long getCredentialsRejectedQuietPeriod() {
        return credentialsRejectedQuietPeriod;
    }

    /**
     * After the token service rejected the credentials, how long no new grant is attempted (exchanges fail fast
     * meanwhile), so that a wrong password cannot lock the account.
     */
    public void setCredentialsRejectedQuietPeriod(long credentialsRejectedQuietPeriod) {
        this.credentialsRejectedQuietPeriod = credentialsRejectedQuietPeriod;
    }

    public int getTokenMaxRetries() {
        return tokenMaxRetries;
    }

    /**
     * How often a token request is retried at once when its failure may pass by itself (5xx, timeout, connection
     * failure, malformed answer). A 429 is not retried: the next attempt waits for its Retry-After. Rejected
     * credentials are never retried.
     */
    public void setTokenMaxRetries(int tokenMaxRetries) {
        this.tokenMaxRetries = tokenMaxRetries;
    }

    public long getTokenRetryInitialBackoff() {
        return tokenRetryInitialBackoff;
    }

    /** First backoff between token request retries; it doubles, with jitter. */
    public void setTokenRetryInitialBackoff(long tokenRetryInitialBackoff) {
        this.tokenRetryInitialBackoff = tokenRetryInitialBackoff;
    }

    public long getTokenRetryMaxBackoff() {
        return tokenRetryMaxBackoff;
    }

    /** Longest backoff between token request retries. */
    public void setTokenRetryMaxBackoff(long tokenRetryMaxBackoff) {
        this.tokenRetryMaxBackoff = tokenRetryMaxBackoff;
    }

    public long getTokenMaxWait() {
        return tokenMaxWait;
    }

    /** Longest time an exchange waits for a token before it fails. */
    public void setTokenMaxWait(long tokenMaxWait) {
        this.tokenMaxWait = tokenMaxWait;
    }

    public long getTokenMaxRetryAfter() {
        return tokenMaxRetryAfter;
    }

    /** Longest Retry-After of the token service (HTTP 429) that is honoured; a longer one is cut to this. */
    public void setTokenMaxRetryAfter(long tokenMaxRetryAfter) {
        this.tokenMaxRetryAfter = tokenMaxRetryAfter;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * TLS settings (trust store, client certificate) for the API and the token service; the JVM default trust store
     * when not set.
     */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public boolean isAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    /**
     * For tests against a local server only: accept http:// URLs for the API and the token service. Tokens and
     * passwords then travel in clear text.
     */
    public void setAllowInsecureHttp(boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    public String getCheckBatteryPath() {
        return checkBatteryPath;
    }

    /** Path template of checkBattery (GET); variables: {battery_id}. */
    public void setCheckBatteryPath(String checkBatteryPath) {
        this.checkBatteryPath = checkBatteryPath;
    }

    public String getCheckUserPath() {
        return checkUserPath;
    }

    /** Path template of checkUser (GET); variables: {user_coupon}. */
    public void setCheckUserPath(String checkUserPath) {
        this.checkUserPath = checkUserPath;
    }

    public String getGetRentalPricingPath() {
        return getRentalPricingPath;
    }

    /**
     * Path template of getRentalPricing (GET); variables: {rental_type}, {location_id}, {battery_id}, {user_coupon}. A
     * [...] section is left out when its variables have no value.
     */
    public void setGetRentalPricingPath(String getRentalPricingPath) {
        this.getRentalPricingPath = getRentalPricingPath;
    }

    public String getCreateRentalPath() {
        return createRentalPath;
    }

    /** Path template of createRental (POST); variables as getRentalPricingPath. */
    public void setCreateRentalPath(String createRentalPath) {
        this.createRentalPath = createRentalPath;
    }

    public String getCancelRentalPath() {
        return cancelRentalPath;
    }

    /** Path template of cancelRental (PUT); variables: {partner_transaction_id}. */
    public void setCancelRentalPath(String cancelRentalPath) {
        this.cancelRentalPath = cancelRentalPath;
    }

    public String getGetStationPricingPath() {
        return getStationPricingPath;
    }

    /** Path template of getStationPricing (GET); variables: {external_id}. */
    public void setGetStationPricingPath(String getStationPricingPath) {
        this.getStationPricingPath = getStationPricingPath;
    }

    public String getCreateStationPickupPath() {
        return createStationPickupPath;
    }

    /** Path template of createStationPickup (POST); variables: {external_id}. */
    public void setCreateStationPickupPath(String createStationPickupPath) {
        this.createStationPickupPath = createStationPickupPath;
    }

    public boolean isThrowOnBusinessError() {
        return throwOnBusinessError;
    }

    /**
     * Whether a business error (HTTP 200 with status=error) throws ChimpyPosBusinessException; by default it only sets
     * the result headers.
     */
    public void setThrowOnBusinessError(boolean throwOnBusinessError) {
        this.throwOnBusinessError = throwOnBusinessError;
    }

    public boolean isGeneratePartnerTransactionId() {
        return generatePartnerTransactionId;
    }

    /**
     * Whether createRental and createStationPickup generate a unique partner transaction id when none is given, so that
     * the rental can be cancelled later and a replay after a timeout cannot create a second one; the header
     * CamelChimpyPosPartnerTransactionId returns it.
     */
    public void setGeneratePartnerTransactionId(boolean generatePartnerTransactionId) {
        this.generatePartnerTransactionId = generatePartnerTransactionId;
    }

    public String getBatteryId() {
        return batteryId;
    }

    /**
     * The battery (powerbank) id; header CamelChimpyPosBatteryId overrides it. Required by checkBattery,
     * getRentalPricing and createRental.
     */
    public void setBatteryId(String batteryId) {
        this.batteryId = batteryId;
    }

    public String getLocationId() {
        return locationId;
    }

    /**
     * The shop (point of sale) id; header CamelChimpyPosLocationId overrides it. Required by getRentalPricing and
     * createRental.
     */
    public void setLocationId(String locationId) {
        this.locationId = locationId;
    }

    public String getRentalType() {
        return rentalType;
    }

    /**
     * pickup or return; header CamelChimpyPosRentalType overrides it. Required by checkBattery, getRentalPricing and
     * createRental.
     */
    public void setRentalType(String rentalType) {
        this.rentalType = rentalType;
    }

    public String getUserCoupon() {
        return userCoupon;
    }

    /**
     * The user coupon (app QR code, SwissPass, SMS or paper coupon); header CamelChimpyPosUserCoupon overrides it.
     * Required by checkUser, optional for rentals.
     */
    public void setUserCoupon(String userCoupon) {
        this.userCoupon = userCoupon;
    }

    public String getStationId() {
        return stationId;
    }

    /**
     * The external id of a Chimpy Station, e.g. abc1; header CamelChimpyPosStationId overrides it. Required by
     * getStationPricing and createStationPickup.
     */
    public void setStationId(String stationId) {
        this.stationId = stationId;
    }

    public String getPartnerTransactionId() {
        return partnerTransactionId;
    }

    /**
     * The partner's unique transaction id; header CamelChimpyPosPartnerTransactionId overrides it. Required by
     * cancelRental; for createRental and createStationPickup it makes replays safe and a later cancel possible.
     */
    public void setPartnerTransactionId(String partnerTransactionId) {
        this.partnerTransactionId = partnerTransactionId;
    }

    public String getPartnerTerminalId() {
        return partnerTerminalId;
    }

    /** The terminal id in the partner's numbering; header CamelChimpyPosPartnerTerminalId overrides it. */
    public void setPartnerTerminalId(String partnerTerminalId) {
        this.partnerTerminalId = partnerTerminalId;
    }

    public String getLang() {
        return lang;
    }

    /**
     * Language of the answer's messages, a 2-letter ISO 639-1 code such as de, fr, it or en; header CamelChimpyPosLang
     * overrides it.
     */
    public void setLang(String lang) {
        this.lang = lang;
    }

    public Integer getSlipWidth() {
        return slipWidth;
    }

    /**
     * Sales-slip width in characters, 32 or 42 (the API's default is 42); header CamelChimpyPosSlipWidth overrides it.
     */
    public void setSlipWidth(Integer slipWidth) {
        this.slipWidth = slipWidth;
    }

    public Integer getSupportCode() {
        return supportCode;
    }

    /**
     * Physical problem code of a returned battery (200 = cable missing); header CamelChimpyPosSupportCode overrides it.
     */
    public void setSupportCode(Integer supportCode) {
        this.supportCode = supportCode;
    }

    public String getAuth0Id() {
        return auth0Id;
    }

    /**
     * The Auth0 id of the logged-in app user, whose coupons may change the price; header CamelChimpyPosAuth0Id
     * overrides it.
     */
    public void setAuth0Id(String auth0Id) {
        this.auth0Id = auth0Id;
    }

    public String getStationIds() {
        return stationIds;
    }

    /**
     * Consumer of getStationPricing: the stations to poll, comma separated external ids (e.g. abc1,zrh1). keysSupplier
     * replaces it for lists that change at run time.
     */
    public void setStationIds(String stationIds) {
        this.stationIds = stationIds;
    }

    public String getBatteryIds() {
        return batteryIds;
    }

    /**
     * Consumer of checkBattery and getRentalPricing: the batteries to poll, comma separated ids. keysSupplier replaces
     * it for lists that change at run time.
     */
    public void setBatteryIds(String batteryIds) {
        this.batteryIds = batteryIds;
    }

    public String getUserCoupons() {
        return userCoupons;
    }

    /**
     * Consumer of checkUser: the user coupons to poll, comma separated. keysSupplier replaces it for lists that change
     * at run time.
     */
    public void setUserCoupons(String userCoupons) {
        this.userCoupons = userCoupons;
    }

    public Supplier<Collection<String>> getKeysSupplier() {
        return keysSupplier;
    }

    /**
     * A bean that supplies the keys to poll (station ids, battery ids or user coupons, by operation) at every poll, for
     * lists that change at run time; replaces stationIds, batteryIds and userCoupons.
     */
    public void setKeysSupplier(Supplier<Collection<String>> keysSupplier) {
        this.keysSupplier = keysSupplier;
    }

    public boolean isOnlyChanges() {
        return onlyChanges;
    }

    /**
     * Whether the consumer emits an exchange for a key only when its result differs from the last one seen (status,
     * error type, prices), instead of one exchange per key and poll.
     */
    public void setOnlyChanges(boolean onlyChanges) {
        this.onlyChanges = onlyChanges;
    }

    public boolean isEmitInitialState() {
        return emitInitialState;
    }

    /**
     * With onlyChanges: whether the first result of a key without a last-seen state (after a fresh start with the
     * in-memory state repository) is emitted. With false it is only recorded.
     */
    public void setEmitInitialState(boolean emitInitialState) {
        this.emitInitialState = emitInitialState;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    /**
     * Where the consumer keeps the last-seen state of every key, e.g. a FileStateRepository so that a restart does not
     * emit everything again. An in-memory repository per consumer by default. Consumers polling the same keys need
     * their own repositories.
     */
    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public boolean isClusteredPolling() {
        return clusteredPolling;
    }

    /**
     * Whether the instances of a cluster that run this polling route share its polls through the tokenStore: one
     * instance (the holder of the endpoint's poll lease, renewed every poll) polls each key once per cycle for the
     * whole cluster, another takes over within the lease time when it dies (three delays, at least twice
     * tokenMaxWait plus connectTimeout plus responseTimeout), and the last-seen state of onlyChanges is
     * kept in the store so a takeover does not emit everything again. Needs tokenStore.
     */
    public void setClusteredPolling(boolean clusteredPolling) {
        this.clusteredPolling = clusteredPolling;
    }

    public int getMaxRequestsPerPoll() {
        return maxRequestsPerPoll;
    }

    /**
     * Most requests one poll sends; the remaining keys follow in the next polls, in turn, so that every key is polled.
     * 0 polls every key at every poll.
     */
    public void setMaxRequestsPerPoll(int maxRequestsPerPoll) {
        this.maxRequestsPerPoll = maxRequestsPerPoll;
    }

    public int getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    /** Most requests of one consumer in flight at the same time; 1 polls the keys one after the other. */
    public void setMaxConcurrentRequests(int maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    public boolean isSpreadRequests() {
        return spreadRequests;
    }

    /**
     * Whether the requests of one poll are spread evenly over spreadFraction of the delay instead of being sent in a
     * burst.
     */
    public void setSpreadRequests(boolean spreadRequests) {
        this.spreadRequests = spreadRequests;
    }

    public double getSpreadFraction() {
        return spreadFraction;
    }

    /**
     * With spreadRequests: the share of the delay (above 0, at most 1) over which the requests of one poll are spread.
     */
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
                + (tokenProvider != null ? tokenProvider.getClass().getSimpleName() : "null") + ", tokenStore="
                + (tokenStore != null ? tokenStore.getClass().getSimpleName() : "null") + ", allowInsecureHttp="
                + allowInsecureHttp + ", proxyHost=" + proxyHost + ", proxyPort=" + proxyPort + ", proxyAuthUsername="
                + proxyAuthUsername + ", proxyAuthPassword=" + (proxyAuthPassword != null ? "******" : "null")
                + ", nonProxyHosts=" + nonProxyHosts + "]";
    }
}
