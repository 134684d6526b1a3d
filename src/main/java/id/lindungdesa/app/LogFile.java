package id.lindungdesa.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import id.lindungdesa.task.TaskFailures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * The rotating log file: every WARN and ERROR, and each task failure and uncaught exception (logger
 * {@value TaskFailures#LOGGER}, which writes to this file only, never to the CLI's stderr), is appended to
 * {@code lindungdesa.log} in the given folder; a new file each day or at 5 MB, 14 days and 50 MB kept at most.
 * Set up in code rather than in {@code logback.xml} because the folder is known only at run time
 * ({@code LINDUNGDESA_HOME}, the operating system's data folder).
 */
public final class LogFile implements AutoCloseable {
    private static final String APPENDER = "LINDUNGDESA_FILE";
    private final RollingFileAppender<ILoggingEvent> appender;

    private LogFile(RollingFileAppender<ILoggingEvent> appender) {
        this.appender = appender;
    }

    /** Attaches the file appender to the root logger. A failure here is reported on stderr, never fatal. */
    public static LogFile install(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            System.err.println("Log: " + file + ": " + e.getMessage());
            return new LogFile(null);
        }
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder enc = new PatternLayoutEncoder();
        enc.setContext(ctx);
        enc.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n");
        enc.start();
        RollingFileAppender<ILoggingEvent> app = new RollingFileAppender<>();
        app.setContext(ctx);
        app.setName(APPENDER);
        app.setFile(file.toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(ctx);
        policy.setParent(app);
        String name = file.getFileName().toString().replaceFirst("\\.log$", "");
        policy.setFileNamePattern(file.resolveSibling(name + ".%d{yyyy-MM-dd}.%i.log").toString());
        policy.setMaxFileSize(FileSize.valueOf("5MB"));
        policy.setMaxHistory(14);
        policy.setTotalSizeCap(FileSize.valueOf("50MB"));
        policy.start();
        app.setRollingPolicy(policy);
        app.setEncoder(enc);
        app.start();
        ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(app);
        ctx.getLogger(TaskFailures.LOGGER).addAppender(app);
        return new LogFile(app);
    }

    /** Every thread's uncaught exception goes to the log (the desktop also shows the FX thread's in a dialog). */
    public static void logUncaughtExceptions() {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            TaskFailures.logUncaught(t, e);
            if (previous != null) previous.uncaughtException(t, e);
            else e.printStackTrace();
        });
    }

    /** Detaches and closes the file (tests; the program keeps it open until exit). */
    @Override
    public void close() {
        if (appender == null) return;
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        ctx.getLogger(TaskFailures.LOGGER).detachAppender(appender);
        appender.stop();
    }
}
