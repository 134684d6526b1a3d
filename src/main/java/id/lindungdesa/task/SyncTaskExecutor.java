package id.lindungdesa.task;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs each task inline on the calling thread, callbacks included (view-model tests, CLI). A failure the task does
 * not handle goes to the default reporter, which by default rethrows it ({@link FailureReporter#RETHROW}): the
 * CLI prints the message and exits non-zero, a test fails.
 */
public final class SyncTaskExecutor implements TaskExecutor {
    private final FailureReporter defaultReporter;

    public SyncTaskExecutor() {
        this(FailureReporter.RETHROW);
    }

    public SyncTaskExecutor(FailureReporter defaultReporter) {
        this.defaultReporter = java.util.Objects.requireNonNull(defaultReporter);
    }

    @Override
    public void reportFailure(String taskTitle, Throwable error) {
        defaultReporter.report(taskTitle, error);
    }

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Progress progress = new Progress() {
            @Override
            public void update(long done, long total, String message) {
                task.progressListener().onProgress(total > 0 ? (double) done / total : -1, message);
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
        try {
            T result = task.job().run(progress);
            task.successHandler().accept(result);
        } catch (CancellationException e) {
            task.cancelledHandler().run();
        } catch (Exception e) {
            TaskFailures.log(task.title(), e, task.handlesFailure());
            if (task.handlesFailure()) task.failureHandler().accept(e);
            else defaultReporter.report(task.title(), e);
        }
        return new TaskHandle() {
            @Override
            public void cancel() {
                cancelled.set(true);
            }

            @Override
            public boolean isDone() {
                return true;
            }
        };
    }
}
