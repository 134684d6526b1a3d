package id.lindungdesa.ui;

import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.AppPaths;
import id.lindungdesa.task.FailureReporter;
import id.lindungdesa.task.TaskFailures;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The desktop's default failure handler: a task that failed without a handler of its own, or an exception nobody
 * caught, shows here. What happened (the first message of the cause chain), what to do, where the log file is, and
 * a collapsed "Rincian" / "Details" pane with the stack trace and its causes. The window is not blocked.
 */
public final class FailureDialog implements FailureReporter {
    private final Supplier<Window> owner;

    public FailureDialog(Supplier<Window> owner) {
        this.owner = owner;
    }

    /** Called on the FX thread (the executor delivers it there). */
    @Override
    public void report(String taskTitle, Throwable error) {
        show(owner.get(), taskTitle, error);
    }

    public static Alert show(Window owner, String taskTitle, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR, "",
                new ButtonType(Messages.tr("action.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        if (owner != null && owner.isShowing()) alert.initOwner(owner);
        alert.setTitle(Messages.tr("failure.title"));
        alert.setHeaderText(Messages.tr("failure.header", taskTitle));
        Label what = new Label(Messages.tr("failure.message", TaskFailures.message(error)));
        what.setId("failureMessage");
        what.setWrapText(true);
        Label todo = new Label(Messages.tr("failure.whatToDo"));
        todo.setId("failureWhatToDo");
        todo.setWrapText(true);
        Label log = new Label(Messages.tr("failure.logFile", AppPaths.logFile()));
        log.setWrapText(true);
        TextArea trace = new TextArea(TaskFailures.details(error));
        trace.setId("failureTrace");
        trace.setEditable(false);
        trace.setWrapText(false);
        trace.setPrefRowCount(14);
        VBox.setVgrow(trace, Priority.ALWAYS);
        TitledPane details = new TitledPane(Messages.tr("failure.details"), trace);
        details.setId("failureDetails");
        details.setExpanded(false);
        details.setAnimated(false);
        VBox box = new VBox(10, what, todo, log, details);
        box.setPrefWidth(620);
        alert.getDialogPane().setContent(box);
        alert.getDialogPane().setId("failureDialog");
        alert.setResizable(true);
        // Expanding the details grows the dialog only up to the screen; the Close button stays visible.
        details.expandedProperty().addListener((o, was, now) -> {
            if (alert.getDialogPane().getScene() != null
                    && alert.getDialogPane().getScene().getWindow() instanceof javafx.stage.Stage st) {
                var screen = id.lindungdesa.ui.form.DialogScaffold.screenFor(alert.getOwner());
                double chrome = st.getHeight() - alert.getDialogPane().getHeight();
                double wanted = Math.min(screen.getHeight() - 40,
                        alert.getDialogPane().prefHeight(alert.getDialogPane().getWidth()) + chrome);
                double y = Math.max(screen.getMinY(), Math.min(st.getY(), screen.getMaxY() - wanted));
                st.setY(y);
                st.setHeight(wanted);
            }
        });
        id.lindungdesa.ui.form.Forms.fitScreen(alert);
        alert.show();
        return alert;
    }
}
