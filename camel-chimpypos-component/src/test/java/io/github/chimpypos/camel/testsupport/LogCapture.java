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

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures every log line of every logger at every level (TRACE, Camel's own logging and HttpClient's wire and header
 * logs included) while open, each line as level, logger name, formatted message and the full stack trace of its
 * exception (every cause's class and message). Closing restores the previous levels.
 */
public final class LogCapture extends AbstractAppender implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Map<LoggerConfig, Level> previousLevels = new HashMap<>();
    private final LoggerContext context;

    private LogCapture() {
        super("chimpypos-log-capture", null, null, true, Property.EMPTY_ARRAY);
        this.context = (LoggerContext) LogManager.getContext(false);
    }

    /** Starts capturing: every configured logger and the root logger at {@link Level#ALL}. */
    public static LogCapture everything() {
        LogCapture capture = new LogCapture();
        capture.start();
        Configuration configuration = capture.context.getConfiguration();
        List<LoggerConfig> loggers = new ArrayList<>(configuration.getLoggers().values());
        loggers.add(configuration.getRootLogger());
        for (LoggerConfig logger : loggers) {
            capture.previousLevels.put(logger, logger.getLevel());
            logger.addAppender(capture, Level.ALL, null);
            logger.setLevel(Level.ALL);
        }
        capture.context.updateLoggers();
        return capture;
    }

    @Override
    public void append(LogEvent event) {
        StringBuilder line = new StringBuilder()
                .append(event.getLevel())
                .append(' ')
                .append(event.getLoggerName())
                .append(' ')
                .append(event.getMessage().getFormattedMessage());
        if (event.getThrown() != null) {
            StringWriter trace = new StringWriter();
            event.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        lines.add(line.toString());
    }

    /** The lines captured so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        previousLevels.forEach((logger, level) -> {
            logger.removeAppender(getName());
            logger.setLevel(level);
        });
        context.updateLoggers();
        stop();
    }
}
