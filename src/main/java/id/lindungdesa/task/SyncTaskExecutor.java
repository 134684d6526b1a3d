package id.lindungdesa.task;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/** Runs each task inline on the calling thread, callbacks included (view-model tests, CLI). */
public final class SyncTaskExecutor implements TaskExecutor {

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
            task.failureHandler().accept(e);
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
