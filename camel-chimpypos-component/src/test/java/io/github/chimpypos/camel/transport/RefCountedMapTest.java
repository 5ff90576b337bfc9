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
package io.github.chimpypos.camel.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RefCountedMapTest {

    private final AtomicInteger created = new AtomicInteger();

    private StringBuilder create(String key) {
        created.incrementAndGet();
        return new StringBuilder(key);
    }

    @Test
    void oneValuePerKeyUntilItsLastUserReleasesIt() {
        RefCountedMap<String, StringBuilder> shared = RefCountedMap.byEquality();

        StringBuilder first = shared.acquire("a", this::create);
        StringBuilder second = shared.acquire(new String("a"), this::create);
        boolean closedAfterOne = shared.release(first);
        int usersLeft = shared.users(first);
        boolean closedAfterTwo = shared.release(second);

        assertThat(second).isSameAs(first);
        assertThat(created).hasValue(1);
        assertThat(closedAfterOne).isFalse();
        assertThat(usersLeft).isEqualTo(1);
        assertThat(closedAfterTwo).isTrue();
        assertThat(shared.size()).isZero();
        assertThat(shared.release(first)).as("an unknown value is ignored").isFalse();
    }

    @Test
    void identityKeysTellEqualKeysApart() {
        RefCountedMap<String, StringBuilder> shared = RefCountedMap.byIdentity();
        String key = "b";

        StringBuilder one = shared.acquire(key, this::create);
        StringBuilder other = shared.acquire(new String("b"), this::create);
        boolean lastOfKey = shared.releaseKey(key);

        assertThat(other).isNotSameAs(one);
        assertThat(lastOfKey).isTrue();
        assertThat(shared.values()).containsExactly(other);
        assertThat(shared.clear()).containsExactly(other);
        assertThat(shared.size()).isZero();
    }
}
