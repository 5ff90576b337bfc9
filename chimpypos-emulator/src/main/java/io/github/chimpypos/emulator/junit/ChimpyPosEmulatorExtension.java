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
package io.github.chimpypos.emulator.junit;

import java.util.Objects;

import io.github.chimpypos.emulator.ChimpyPosEmulator;
import io.github.chimpypos.emulator.DemoCredentials;
import io.github.chimpypos.emulator.EmulatorControl;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one emulator per test class on free ports and stops it after the class. Before each test the counters and
 * the state go back to the seed, unless {@link #keepStateBetweenTests()} was called.
 *
 * <pre>{@code
 * @RegisterExtension
 * static ChimpyPosEmulatorExtension EMULATOR = ChimpyPosEmulatorExtension.create();
 * }</pre>
 *
 * or {@code @ExtendWith(ChimpyPosEmulatorExtension.class)} with default settings. Test and lifecycle methods may
 * declare parameters of type {@link ChimpyPosEmulator}, {@link EmulatorControl} or {@link DemoCredentials}.
 */
public final class ChimpyPosEmulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

    private final ChimpyPosEmulator.Builder builder;
    private boolean keepState;
    private ChimpyPosEmulator emulator;
    /** Nested test classes call beforeAll again; only the outermost call starts and stops the emulator. */
    private int depth;

    /** For {@code @ExtendWith}: default settings. */
    public ChimpyPosEmulatorExtension() {
        this(ChimpyPosEmulator.builder());
    }

    private ChimpyPosEmulatorExtension(ChimpyPosEmulator.Builder builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    public static ChimpyPosEmulatorExtension create() {
        return new ChimpyPosEmulatorExtension();
    }

    /** An extension starting emulators from this builder (clock, token lifetime, seed...). */
    public static ChimpyPosEmulatorExtension using(ChimpyPosEmulator.Builder builder) {
        return new ChimpyPosEmulatorExtension(builder);
    }

    /** Keeps counters and state from one test to the next (for tests that build on each other). */
    public ChimpyPosEmulatorExtension keepStateBetweenTests() {
        this.keepState = true;
        return this;
    }

    /** The running emulator; only valid between the class's beforeAll and afterAll. */
    public synchronized ChimpyPosEmulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException(
                    "The emulator is not running: register the extension on a static field or with @ExtendWith");
        }
        return emulator;
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (depth++ == 0) {
            emulator = builder.start();
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (--depth == 0 && emulator != null) {
            emulator.close();
            emulator = null;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!keepState) {
            EmulatorControl control = emulator().control();
            control.resetState();
            control.resetCounters();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == ChimpyPosEmulator.class || type == EmulatorControl.class || type == DemoCredentials.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        ChimpyPosEmulator running;
        try {
            running = emulator();
        } catch (IllegalStateException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
        if (type == EmulatorControl.class) {
            return running.control();
        }
        if (type == DemoCredentials.class) {
            return running.credentials();
        }
        return running;
    }
}
