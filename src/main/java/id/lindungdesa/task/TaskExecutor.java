package id.lindungdesa.task;

/** The one way to run background work. The desktop runs it off the JavaFX thread; tests run it inline. */
public interface TaskExecutor {
    <T> TaskHandle execute(BackgroundTask<T> task);

    /** Stops accepting work (on exit). */
    default void shutdown() {
    }
}
