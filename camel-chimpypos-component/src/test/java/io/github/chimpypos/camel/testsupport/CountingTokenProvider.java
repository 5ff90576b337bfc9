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
package io.github.chimpypos.camel.testsupport;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.chimpypos.camel.auth.AccessToken;
import io.github.chimpypos.camel.auth.TokenProvider;

/** Hands out tokens named token-1, token-2, ...: a new one on every renewal. */
public final class CountingTokenProvider implements TokenProvider {

    private final AtomicInteger generation = new AtomicInteger(1);
    private final AtomicInteger renewals = new AtomicInteger();

    @Override
    public AccessToken getToken() {
        return token(generation.get());
    }

    @Override
    public AccessToken renewAfterUnauthorized(AccessToken rejected) {
        renewals.incrementAndGet();
        return token(generation.incrementAndGet());
    }

    public int renewals() {
        return renewals.get();
    }

    private static AccessToken token(int number) {
        Instant now = Instant.now();
        return new AccessToken("token-" + number, now, now.plusSeconds(3600));
    }
}
