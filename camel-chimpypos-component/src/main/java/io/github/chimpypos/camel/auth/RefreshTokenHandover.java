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

/**
 * The refresh token a lease holder took out of the store, through one acquisition: which one to present next, and
 * whether the one taken out may have been used (then it never goes back to the store: presenting it twice in the
 * cluster would make the token service revoke the whole family).
 */
final class RefreshTokenHandover {

    private final String taken;
    private volatile String current;
    private volatile boolean spent;

    RefreshTokenHandover(String taken) {
        this.taken = taken;
        this.current = taken;
    }

    /** The refresh token to present now, or null: the grant. */
    String current() {
        return current;
    }

    /**
     * The acquisition replaced {@code presented} by {@code next}: a rotation, or (with null) a drop after a rejection
     * or an unknown outcome. Either way the token taken out was presented.
     */
    void replaced(String presented, String next) {
        if (presented != null && presented.equals(taken)) {
            spent = true;
        }
        current = next;
    }

    /** Whether the token taken out may have reached the token service without a known answer that keeps it valid. */
    boolean spent() {
        return spent;
    }

    @Override
    public String toString() {
        return "RefreshTokenHandover[taken=" + (taken == null ? "none" : "******") + ", spent=" + spent + "]";
    }
}
