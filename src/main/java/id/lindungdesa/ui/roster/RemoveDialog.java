package id.lindungdesa.ui.roster;

import id.lindungdesa.i18n.Messages;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.Job;
import id.lindungdesa.ui.form.Forms;
import id.lindungdesa.ui.shell.ScreenContext;
import java.util.UUID;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Confirms removing a person or a post and asks for the reason (kept with the tombstone and in the audit trail). */
final class RemoveDialog {
    private RemoveDialog() {}

    static void person(ScreenContext ctx, UUID id, String what, Window owner, Runnable done) {
        show(ctx, Messages.tr("remove.person", what), owner, done, reason -> p -> {
            var person = ctx.services().roster().person(id).orElseThrow();
            ctx.services().roster().removePerson(id, person.version(), reason);
            return null;
        });
    }

    static void post(ScreenContext ctx, UUID id, String what, Window owner, Runnable done) {
        show(ctx, Messages.tr("remove.post", what), owner, done, reason -> p -> {
            var post = ctx.services().roster().post(id).orElseThrow();
            ctx.services().roster().removePost(id, post.version(), reason);
            return null;
        });
    }

    private static void show(ScreenContext ctx, String question, Window owner, Runnable done,
                             Function<String, Job<Void>> job) {
        Label q = new Label(question);
        q.setWrapText(true);
        q.setMaxWidth(460);
        q.getStyleClass().add("warning");
        TextField reason = new TextField();
        reason.setId("removeReason");
        reason.setPromptText(Messages.tr("remove.reasonPrompt"));
        Label error = Forms.errorLabel("removeError");
        Button ok = new Button(Messages.tr("remove.confirm"));
        ok.setId("removeConfirm");
        Button cancel = new Button(Messages.tr("action.cancel"));
        HBox buttons = new HBox(8, ok, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox box = new VBox(8, q, new Label(Messages.tr("remove.reason")), reason, error, buttons);
        box.setPadding(new Insets(12));
        Stage st = Forms.dialog(owner, Messages.tr("remove.title"), box, ok, cancel);
        ok.setOnAction(e -> {
            if (reason.getText().isBlank()) {
                error.setText(Messages.tr("remove.reasonRequired"));
                return;
            }
            ok.setDisable(true);
            ctx.tasks().execute(BackgroundTask.of(Messages.tr("remove.title"), job.apply(reason.getText().strip()))
                    .onSuccess(x -> {
                        st.close();
                        done.run();
                    })
                    .onFailure(ex -> {
                        ok.setDisable(false);
                        error.setText(ex instanceof id.lindungdesa.persistence.StaleRecordException
                                ? Messages.tr("form.error.stale") : String.valueOf(ex.getMessage()));
                    }));
        });
        st.show();
        reason.requestFocus();
    }
}
