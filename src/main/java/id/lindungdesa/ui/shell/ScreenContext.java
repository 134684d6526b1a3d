package id.lindungdesa.ui.shell;

import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.TaskExecutor;
import id.lindungdesa.task.TaskHandle;

/** What every screen gets: the services, the background executor and the window to navigate and report in. */
public record ScreenContext(Services services, TaskExecutor tasks, MainWindow window) {

    /** Runs a task whose progress and cancel button show in the status bar. */
    public <T> TaskHandle runWithProgress(BackgroundTask<T> task) {
        return window.runWithProgress(task);
    }
}
