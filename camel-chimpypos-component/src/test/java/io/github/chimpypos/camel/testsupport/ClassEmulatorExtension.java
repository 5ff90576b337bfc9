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

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import io.github.chimpypos.emulator.ChimpyPosEmulator;
import io.github.chimpypos.emulator.junit.ChimpyPosEmulatorExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One emulator per test class, started from the settings the class declares: a static
 * {@code ChimpyPosEmulator.Builder EMULATOR_SETTINGS} field on the class or a superclass (clock, token lifetime),
 * default settings otherwise. Lets one test base serve classes that need different emulators.
 */
public final class ClassEmulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

    static final String SETTINGS_FIELD = "EMULATOR_SETTINGS";

    private ChimpyPosEmulatorExtension running;
    /** Nested test classes call beforeAll again; the outermost class chooses the settings. */
    private int depth;

    public synchronized ChimpyPosEmulator emulator() {
        if (running == null) {
            throw new IllegalStateException("No emulator: the test class has not started");
        }
        return running.emulator();
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws Exception {
        if (depth++ == 0) {
            running = ChimpyPosEmulatorExtension.using(settingsOf(context.getRequiredTestClass()));
        }
        running.beforeAll(context);
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        running.afterAll(context);
        if (--depth == 0) {
            running = null;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        running.beforeEach(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return running.supportsParameter(parameter, context);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return running.resolveParameter(parameter, context);
    }

    private static ChimpyPosEmulator.Builder settingsOf(Class<?> testClass) throws IllegalAccessException {
        for (Class<?> type = testClass; type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getName().equals(SETTINGS_FIELD)
                        && Modifier.isStatic(field.getModifiers())
                        && field.getType() == ChimpyPosEmulator.Builder.class) {
                    field.setAccessible(true);
                    return (ChimpyPosEmulator.Builder) field.get(null);
                }
            }
        }
        return ChimpyPosEmulator.builder();
    }
}
