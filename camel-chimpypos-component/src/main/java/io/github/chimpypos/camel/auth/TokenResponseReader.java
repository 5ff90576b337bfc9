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
package io.github.chimpypos.camel.auth;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one HTTP answer of the token service into a {@link TokenResponse} or a classified
 * {@link TokenEndpointException}. Classification follows the OAuth {@code error} field whatever the HTTP status (Auth0
 * answers 403 {@code invalid_grant}, RFC 6749 servers 400), then the status. Messages quote neither bodies nor
 * secrets; an {@code error_description} is quoted only with every known secret masked.
 */
final class TokenResponseReader {

    private static final Logger LOG = LoggerFactory.getLogger(TokenResponseReader.class);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    /** Auth0's answer when brute-force protection blocked the user: a lockout, not a rate limit. */
    static final String USER_BLOCKED = "too_many_attempts";

    /** OAuth errors meaning the credentials or the client are not accepted. */
    private static final Set<String> CREDENTIAL_ERRORS =
            Set.of("invalid_grant", "invalid_client", "unauthorized_client", USER_BLOCKED);

    /** OAuth errors meaning this request can never succeed as configured (audience, scope, grant type, account). */
    private static final Set<String> DENIAL_ERRORS = Set.of(
            "access_denied",
            "invalid_request",
            "invalid_scope",
            "unsupported_grant_type",
            "mfa_required",
            "consent_required");

    /** What an operator does about an OAuth error. */
    private static final Map<String, String> HINTS = Map.of(
            "invalid_grant",
            "check username and password",
            "invalid_client",
            "the token service does not know clientId or the clientSecret is wrong: check both",
            "unauthorized_client",
            "this client may not use this grant: allow the grant type for the application in the token service,"
                    + " or change grantType",
            "access_denied",
            "the token service denied access (an unknown audience or a rule): check audience",
            "invalid_scope",
            "the token service does not accept the requested scope: check scope (offline_access needs offline"
                    + " access allowed for the API)",
            "consent_required",
            "the user has not consented to the API's scopes: grant consent once interactively, or allow skipping"
                    + " consent for this first-party application",
            "mfa_required",
            "the account requires multi-factor authentication, which an unattended client cannot answer: use an"
                    + " account exempt from MFA for this integration",
            USER_BLOCKED,
            "the token service blocked the user after repeated failed logins: unblock the user there (or change"
                    + " the password)");

    /**
     * The longest {@code expires_in} believed (Auth0's maximum access-token lifetime, 30 days); a longer one is cut
     * to this, so that the expiry arithmetic can never overflow.
     */
    static final long MAX_EXPIRES_IN = Duration.ofDays(30).toSeconds();

    private static final int MAX_DESCRIPTION = 200;

    private final Clock clock;
    private final List<String> secrets;

    TokenResponseReader(Clock clock, String... secrets) {
        this.clock = clock;
        this.secrets = new ArrayList<>();
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                this.secrets.add(secret);
            }
        }
    }

    /**
     * @param request      what was asked (for the message, and to mask a refresh token)
     * @param status       HTTP status
     * @param contentType  the Content-Type header, or null
     * @param retryAfter   the Retry-After header, or null
     * @param rateLimitReset the x-ratelimit-reset header (Auth0, epoch seconds), or null
     * @param date         the Date header (the service's clock, against which the two above are read), or null
     * @param body         the body, possibly empty
     */
    TokenResponse read(
            TokenRequest request,
            int status,
            String contentType,
            String retryAfter,
            String rateLimitReset,
            String date,
            byte[] body) {
        String what = describe(request);
        JsonNode json = parseJson(body);
        String oauthError = json != null ? text(json, "error") : null;

        if (status >= 200 && status < 300 && oauthError == null) {
            return success(what, status, contentType, json, body);
        }
        Duration wait = retryAfter(retryAfter, rateLimitReset, date);
        String description = json != null ? safeDescription(request, text(json, "error_description")) : null;
        String hint = oauthError != null && !request.isRefresh() ? HINTS.get(oauthError) : null;
        String detail = "HTTP " + status + (oauthError != null ? " " + oauthError : "")
                + (description != null ? " (" + description + ")" : "") + (hint != null ? " - " + hint : "");

        if (status == 429 && !USER_BLOCKED.equals(oauthError)) {
            return fail(new TokenEndpointException(
                    TokenFailureReason.RATE_LIMITED,
                    status,
                    oauthError,
                    "The token service rate-limited the " + what + ": " + detail
                            + (wait != null ? "; it asked to retry after " + wait.toSeconds() + " s" : ""),
                    null,
                    wait));
        }
        if (oauthError != null && CREDENTIAL_ERRORS.contains(oauthError)) {
            return fail(new TokenEndpointException(
                    TokenFailureReason.CREDENTIALS_REJECTED,
                    status,
                    oauthError,
                    "The token service rejected the " + what + ": " + detail));
        }
        if (oauthError != null && DENIAL_ERRORS.contains(oauthError)) {
            return fail(new TokenEndpointException(
                    TokenFailureReason.ACCESS_DENIED,
                    status,
                    oauthError,
                    "The token service denied the " + what + ": " + detail
                            + (hint == null ? " - check clientId, audience, scope and grantType" : "")));
        }
        if (status >= 500 || status == 408) {
            return fail(new TokenEndpointException(
                    TokenFailureReason.AUTH_SERVICE_UNAVAILABLE,
                    status,
                    oauthError,
                    "The token service failed to answer the " + what + ": " + detail,
                    null,
                    wait));
        }
        if (status == 401) {
            return fail(new TokenEndpointException(
                    TokenFailureReason.CREDENTIALS_REJECTED,
                    status,
                    oauthError,
                    "The token service rejected the " + what + ": " + detail));
        }
        if (status == 403) {
            return fail(new TokenEndpointException(
                    TokenFailureReason.ACCESS_DENIED,
                    status,
                    oauthError,
                    "The token service denied the " + what + ": " + detail));
        }
        if (status >= 300 && status < 400) {
            return fail(new TokenEndpointException(
                    TokenFailureReason.REQUEST_REJECTED,
                    status,
                    oauthError,
                    "The token service answered the " + what + " with a redirect (" + detail
                            + "); tokenUrl must point at the token endpoint itself"));
        }
        if (status >= 400) {
            return fail(new TokenEndpointException(
                    TokenFailureReason.REQUEST_REJECTED,
                    status,
                    oauthError,
                    "The token service refused the " + what + " with " + detail
                            + (json == null ? " and a " + kindOf(contentType, body) + " body" : "")
                            + "; check tokenUrl, tokenRequestFormat and grantType"));
        }
        return fail(new TokenEndpointException(
                TokenFailureReason.MALFORMED_RESPONSE,
                status,
                oauthError,
                "The token service answered the " + what + " with an unexpected " + detail
                        + (json == null ? " and a " + kindOf(contentType, body) + " body" : "")
                        + "; check tokenUrl"));
    }

    private TokenResponse success(String what, int status, String contentType, JsonNode json, byte[] body) {
        if (json == null || !json.isObject()) {
            throw malformed(status, what, "a " + kindOf(contentType, body) + " body instead of a JSON object");
        }
        String refreshToken = text(json, "refresh_token");
        try {
            return checkedSuccess(what, status, json, refreshToken);
        } catch (TokenEndpointException e) {
            // With rotation the presented refresh token is spent once the service answered 2xx: keep the new one.
            throw e.withRefreshTokenInAnswer(refreshToken);
        }
    }

    private TokenResponse checkedSuccess(String what, int status, JsonNode json, String refreshToken) {
        String accessToken = text(json, "access_token");
        if (accessToken == null || accessToken.isBlank()) {
            throw malformed(status, what, "no access_token");
        }
        JsonNode expiresInNode = json.get("expires_in");
        long expiresIn;
        if (expiresInNode == null || expiresInNode.isNull()) {
            throw malformed(status, what, "no expires_in");
        } else if (expiresInNode.isIntegralNumber() && expiresInNode.canConvertToLong()) {
            expiresIn = expiresInNode.asLong();
        } else if (expiresInNode.isNumber() && isWhole(expiresInNode.decimalValue())) {
            expiresIn = expiresInNode.decimalValue().longValue();
        } else if (expiresInNode.isTextual() && expiresInNode.asText().matches("-?[0-9]{1,12}")) {
            expiresIn = Long.parseLong(expiresInNode.asText());
        } else {
            throw malformed(status, what, "an expires_in that is not a whole number of seconds");
        }
        if (expiresIn <= 0) {
            throw malformed(status, what, "a non-positive expires_in (" + expiresIn + ")");
        }
        if (expiresIn > MAX_EXPIRES_IN) {
            LOG.warn(
                    "The token service answered the {} with expires_in {} s, beyond any real token lifetime: using {} s",
                    what,
                    expiresIn,
                    MAX_EXPIRES_IN);
            expiresIn = MAX_EXPIRES_IN;
        }
        String tokenType = text(json, "token_type");
        if (tokenType != null && !tokenType.equalsIgnoreCase("bearer")) {
            throw malformed(status, what, "token_type " + printable(tokenType) + " instead of Bearer");
        }
        return new TokenResponse(accessToken, refreshToken, expiresIn, tokenType, text(json, "scope"));
    }

    private static boolean isWhole(BigDecimal value) {
        return value.signum() == 0
                || value.stripTrailingZeros().scale() <= 0
                        && value.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0;
    }

    private static TokenEndpointException malformed(int status, String what, String problem) {
        return new TokenEndpointException(
                TokenFailureReason.MALFORMED_RESPONSE,
                status,
                null,
                "The token service answered the " + what + " with HTTP " + status + " but " + problem);
    }

    private static TokenResponse fail(TokenEndpointException e) {
        throw e;
    }

    static String describe(TokenRequest request) {
        return switch (request.grantType()) {
            case TokenRequest.REFRESH_TOKEN -> "refresh token request";
            case TokenRequest.CLIENT_CREDENTIALS -> "client_credentials grant";
            default -> request.grantType() + " grant";
        };
    }

    private static JsonNode parseJson(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (Exception e) {
            // The parser message may quote the body, which may hold a token: drop it.
            return null;
        }
    }

    private static String text(JsonNode json, String field) {
        if (json == null || !json.isObject()) {
            return null;
        }
        JsonNode node = json.get(field);
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static String kindOf(String contentType, byte[] body) {
        if (body == null || body.length == 0) {
            return "empty";
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("html") || looksLikeHtml(body)) {
            return "HTML";
        }
        if (type.contains("json")) {
            return "invalid or truncated JSON";
        }
        return "non-JSON" + (contentType != null ? " (" + printable(contentType) + ")" : "");
    }

    private static boolean looksLikeHtml(byte[] body) {
        String start = new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8)
                .stripLeading()
                .toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    /** The description with every known secret masked, cut short and stripped of control characters. */
    private String safeDescription(TokenRequest request, String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        String safe = description;
        for (String secret : secrets) {
            safe = safe.replace(secret, "******");
        }
        if (request.refreshToken() != null) {
            safe = safe.replace(request.refreshToken(), "******");
        }
        safe = printable(safe);
        return safe.length() > MAX_DESCRIPTION ? safe.substring(0, MAX_DESCRIPTION) + "..." : safe;
    }

    private static String printable(String text) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_DESCRIPTION + 3));
        for (int i = 0; i < text.length() && sb.length() <= MAX_DESCRIPTION; i++) {
            char c = text.charAt(i);
            sb.append(Character.isISOControl(c) ? ' ' : c);
        }
        return sb.toString();
    }

    /**
     * Retry-After (delta seconds or HTTP date), else Auth0's x-ratelimit-reset (epoch seconds); null if neither is
     * readable. Instants are read against the answer's Date header when it has one: our clock may be ahead of the
     * service's, and a reset instant then looks past. A wait in the past is zero; the ladder waits at least a backoff
     * step anyway.
     */
    Duration retryAfter(String retryAfter, String rateLimitReset, String date) {
        Instant now = serviceNow(date);
        if (retryAfter != null && !retryAfter.isBlank()) {
            String value = retryAfter.trim();
            if (value.matches("[0-9]{1,10}")) {
                return Duration.ofSeconds(Long.parseLong(value));
            }
            Instant at = httpDate(value);
            if (at != null) {
                return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            }
        }
        if (rateLimitReset != null && rateLimitReset.trim().matches("[0-9]{1,12}")) {
            long value = Long.parseLong(rateLimitReset.trim());
            // Auth0 sends epoch seconds; small values are read as a delta.
            Instant at = value > 1_000_000_000L ? Instant.ofEpochSecond(value) : now.plusSeconds(value);
            return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
        }
        return null;
    }

    private Instant serviceNow(String date) {
        Instant served = date != null ? httpDate(date.trim()) : null;
        return served != null ? served : clock.instant();
    }

    private static Instant httpDate(String value) {
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
