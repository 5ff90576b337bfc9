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
package io.github.chimpypos.emulator;

import java.util.Objects;

/**
 * The sandbox credentials the emulator accepts. They are public test data, not secrets: {@link #toString()} still
 * masks the password and the client secret so they never end up in logs by accident.
 *
 * @param clientId the OAuth client id (password, refresh_token and client_credentials grants)
 * @param audience the only audience (API identifier) the token service knows
 * @param username the partner user of the password grant
 * @param password the partner user's password
 * @param clientSecret the client secret of the client_credentials grant
 */
public record DemoCredentials(String clientId, String audience, String username, String password, String clientSecret) {

    public static final String DEFAULT_CLIENT_ID = "chimpy-sandbox-client";
    public static final String DEFAULT_AUDIENCE = "https://pos-api.sandbox.chimpy.test";
    public static final String DEFAULT_USERNAME = "sandbox-shop@chimpy.test";
    public static final String DEFAULT_PASSWORD = "sandbox-Passw0rd!";
    public static final String DEFAULT_CLIENT_SECRET = "sandbox-client-s3cret";

    public DemoCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(clientSecret, "clientSecret");
    }

    public static DemoCredentials defaults() {
        return new DemoCredentials(
                DEFAULT_CLIENT_ID, DEFAULT_AUDIENCE, DEFAULT_USERNAME, DEFAULT_PASSWORD, DEFAULT_CLIENT_SECRET);
    }

    @Override
    public String toString() {
        return "DemoCredentials[clientId=" + clientId + ", audience=" + audience + ", username=" + username
                + ", password=***, clientSecret=***]";
    }
}
