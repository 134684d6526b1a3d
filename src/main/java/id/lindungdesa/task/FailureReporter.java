package id.lindungdesa.task;

/**
 * The one place a failure goes when the task that failed set no handler of its own: a dialog with details on the
 * desktop, an exception (message and non-zero exit) in the CLI and in tests. Failures are never silent.
 */
@FunctionalInterface
public interface FailureReporter {
    void report(String taskTitle, Throwable error);

    /** Rethrows as {@link TaskFailedException}: the caller (a CLI command, a test) sees the failure. */
    FailureReporter RETHROW = (title, error) -> {
        throw new TaskFailedException(title, error);
    };
}
