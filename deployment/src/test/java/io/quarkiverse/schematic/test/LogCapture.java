package io.quarkiverse.schematic.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.jboss.logmanager.ExtLogRecord;

/**
 * The log records of one category while a test runs (QuarkusUnitTest shows its records only after the last test):
 * attach in a try-with-resources block, read the lines logged at a level, detach.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(String category) {
        this.logger = Logger.getLogger(category);
        logger.addHandler(handler);
    }

    /** Captures what this category (a logger name, usually a class name) logs from now on. */
    public static LogCapture of(String category) {
        return new LogCapture(category);
    }

    /** The formatted messages logged at exactly this level (JBoss ERROR is {@link Level#SEVERE}). */
    public List<String> at(Level level) {
        return records.stream().filter(record -> record.getLevel().intValue() == level.intValue())
                .map(LogCapture::text).toList();
    }

    private static String text(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage()
                : new SimpleFormatter().formatMessage(record);
        return message + (record.getThrown() == null ? "" : " " + record.getThrown());
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
