package id.lindungdesa.task;

/** The one way to run background work. The desktop runs it off the JavaFX thread; tests run it inline. */
public interface TaskExecutor {
    <T> TaskHandle execute(BackgroundTask<T> task);

    /**
     * Hands a failure to this executor's default reporter, the one that takes every task without a failure handler
     * of its own (for wrappers that take over a task's callbacks, e.g. the status bar's progress).
     */
    void reportFailure(String taskTitle, Throwable error);

    /** Stops accepting work (on exit). */
    default void shutdown() {
    }
}
