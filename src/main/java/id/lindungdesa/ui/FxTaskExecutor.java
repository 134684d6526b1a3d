package id.lindungdesa.ui;

import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.FailureReporter;
import id.lindungdesa.task.Progress;
import id.lindungdesa.task.TaskExecutor;
import id.lindungdesa.task.TaskFailures;
import id.lindungdesa.task.TaskHandle;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * Runs jobs on background threads and delivers callbacks and progress on the JavaFX thread.
 * {@link #running()} counts jobs under way (the status bar and tests watch it). Every failure is logged; one that
 * the task does not handle (and any exception thrown by a callback) goes to the default reporter, which the desktop
 * sets to {@link FailureDialog}.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "lindungdesa-worker");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(0);
    /** Until the desktop sets its dialog: the failure is in the log only (it was logged when it happened). */
    private volatile FailureReporter defaultReporter = (title, error) -> { };

    public ReadOnlyIntegerProperty running() {
        return running.getReadOnlyProperty();
    }

    /** Sets the reporter for failures no task handles itself (called on the FX thread). */
    public void setDefaultFailureReporter(FailureReporter reporter) {
        this.defaultReporter = java.util.Objects.requireNonNull(reporter);
    }

    /** Reports on the FX thread through the default reporter. */
    @Override
    public void reportFailure(String taskTitle, Throwable error) {
        fx(() -> {
            try {
                defaultReporter.report(taskTitle, error);
            } catch (RuntimeException e) {
                TaskFailures.logUncaught(Thread.currentThread(), e);
            }
        });
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
                fx(() -> safely(task.title(), () -> task.successHandler().accept(result)));
            } catch (CancellationException e) {
                fx(() -> safely(task.title(), task.cancelledHandler()));
            } catch (Throwable e) {
                TaskFailures.log(task.title(), e, task.handlesFailure());
                if (task.handlesFailure()) fx(() -> safely(task.title(), () -> task.failureHandler().accept(e)));
                else reportFailure(task.title(), e);
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

    /** Runs a callback; if it throws, that is a failure of the task too, and nobody handles it: report it. */
    private void safely(String title, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            TaskFailures.log(title, e, false);
            reportFailure(title, e);
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
