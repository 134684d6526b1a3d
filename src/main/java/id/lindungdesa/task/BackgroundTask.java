package id.lindungdesa.task;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * One piece of background work with its callbacks. Callbacks run on the UI thread (or inline in tests);
 * the job itself never does. Build with {@link #of}, then chain the callbacks.
 */
public final class BackgroundTask<T> {
    /** Progress as seen by a listener: fraction 0..1 (negative: unknown) and a message. */
    public interface ProgressListener {
        void onProgress(double fraction, String message);
    }

    private final String title;
    private final Job<T> job;
    private Consumer<? super T> onSuccess = t -> { };
    /** Null until the task sets one: then the executor's default {@link FailureReporter} shows the failure. */
    private Consumer<Throwable> onFailure;
    private Runnable onCancelled = () -> { };
    private ProgressListener onProgress = (f, m) -> { };

    private BackgroundTask(String title, Job<T> job) {
        this.title = Objects.requireNonNull(title);
        this.job = Objects.requireNonNull(job);
    }

    public static <T> BackgroundTask<T> of(String title, Job<T> job) {
        return new BackgroundTask<>(title, job);
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> c) {
        this.onSuccess = Objects.requireNonNull(c);
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Throwable> c) {
        this.onFailure = Objects.requireNonNull(c);
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable r) {
        this.onCancelled = Objects.requireNonNull(r);
        return this;
    }

    public BackgroundTask<T> onProgress(ProgressListener l) {
        this.onProgress = Objects.requireNonNull(l);
        return this;
    }

    public String title() { return title; }

    public Job<T> job() { return job; }

    public Consumer<? super T> successHandler() { return onSuccess; }

    /** The task's own failure handler, or null when it set none (the executor's default reporter takes it). */
    public Consumer<Throwable> failureHandler() { return onFailure; }

    /** True when the task handles its own failures. */
    public boolean handlesFailure() { return onFailure != null; }

    public Runnable cancelledHandler() { return onCancelled; }

    public ProgressListener progressListener() { return onProgress; }
}
