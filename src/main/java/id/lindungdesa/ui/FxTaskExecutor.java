package id.lindungdesa.ui;

import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.Progress;
import id.lindungdesa.task.TaskExecutor;
import id.lindungdesa.task.TaskHandle;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * Runs jobs on background threads and delivers callbacks and progress on the JavaFX thread.
 * {@link #running()} counts jobs under way (the status bar and tests watch it).
 */
public final class FxTaskExecutor implements TaskExecutor {
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "lindungdesa-worker");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(0);
    private volatile Consumer<Throwable> unhandled = e -> { };

    public ReadOnlyIntegerProperty running() {
        return running.getReadOnlyProperty();
    }

    public void setUnhandledFailureHandler(Consumer<Throwable> handler) {
        this.unhandled = handler;
    }

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicBoolean done = new AtomicBoolean();
        fx(() -> running.set(running.get() + 1));
        Progress progress = new Progress() {
            @Override
            public void update(long d, long total, String message) {
                double f = total > 0 ? (double) d / total : -1;
                fx(() -> task.progressListener().onProgress(f, message));
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
        pool.execute(() -> {
            try {
                T result = task.job().run(progress);
                fx(() -> safely(() -> task.successHandler().accept(result)));
            } catch (CancellationException e) {
                fx(() -> safely(task.cancelledHandler()));
            } catch (Throwable e) {
                fx(() -> safely(() -> task.failureHandler().accept(e)));
            } finally {
                done.set(true);
                fx(() -> running.set(running.get() - 1));
            }
        });
        return new TaskHandle() {
            @Override
            public void cancel() {
                cancelled.set(true);
            }

            @Override
            public boolean isDone() {
                return done.get();
            }
        };
    }

    private void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            unhandled.accept(e);
        }
    }

    private static void fx(Runnable r) {
        if (Platform.isFxApplicationThread()) r.run();
        else Platform.runLater(r);
    }

    @Override
    public void shutdown() {
        pool.shutdown();
    }
}
