package id.lindungdesa.task;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logging and describing task failures: every failure is written to the log, handled or not. */
public final class TaskFailures {
    /** The logger of failures; {@code logback.xml} keeps it off the console, the log file receives it. */
    public static final String LOGGER = "id.lindungdesa.failures";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private TaskFailures() {}

    /** Writes a failure to the log with its stack trace (WARN when the task handles it, ERROR when nobody does). */
    public static void log(String taskTitle, Throwable error, boolean handledByTask) {
        if (handledByTask) LOG.warn("Task \"{}\" failed: {}", taskTitle, message(error), error);
        else LOG.error("Task \"{}\" failed, no handler of its own: {}", taskTitle, message(error), error);
    }

    /** Writes a refused or failed CLI command to the log (its message is also on stderr). */
    public static void logCommand(String command, Throwable error) {
        LOG.warn("Command \"{}\" failed: {}", command, message(error), error);
    }

    /** Writes an uncaught exception to the log. */
    public static void logUncaught(Thread thread, Throwable error) {
        LOG.error("Uncaught exception in thread \"{}\": {}", thread == null ? "?" : thread.getName(), message(error),
                error);
    }

    /**
     * What went wrong in one line: the first message along the cause chain (wrappers without their own message are
     * skipped), else the exception's class name.
     */
    public static String message(Throwable error) {
        Throwable t = error;
        for (int depth = 0; t != null && depth < 20; depth++) {
            boolean wrapper = t instanceof TaskFailedException || t instanceof ExecutionException
                    || t instanceof CompletionException || t instanceof java.lang.reflect.InvocationTargetException;
            String m = t.getMessage();
            if (t.getCause() != null && m != null && m.equals(t.getCause().toString())) wrapper = true;
            if (!wrapper && m != null && !m.isBlank()) return m;
            if (t instanceof TaskFailedException && t.getCause() == null && m != null) return m;
            t = t.getCause();
        }
        return error == null ? "" : error.getClass().getSimpleName();
    }

    /** The stack trace with its cause chain, as shown under "Details". */
    public static String details(Throwable error) {
        StringWriter w = new StringWriter();
        error.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
