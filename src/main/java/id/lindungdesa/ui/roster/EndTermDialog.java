package id.lindungdesa.ui.roster;

import id.lindungdesa.domain.EndReason;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.ui.form.Forms;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * End of term, optionally with a successor appointed to the same post. Saving asks for confirmation first
 * (a summary of what will happen, then "Yes, end the term").
 */
final class EndTermDialog {
    private final EndTermDialogModel form;
    private final String who;
    private final Window owner;
    private final Consumer<Post> saved;

    EndTermDialog(EndTermDialogModel form, String who, Window owner, Consumer<Post> saved) {
        this.form = form;
        this.who = who;
        this.owner = owner;
        this.saved = saved;
    }

    void show() {
        Map<String, Label> errors = new HashMap<>();
        GridPane g = Forms.grid();
        TextField end = PersonDialog.field("endTermDate", form.endDate);
        ComboBox<EndReason> reason = PersonDialog.combo("endTermReason", EndReason.values());
        reason.valueProperty().bindBidirectional(form.reason);
        Forms.row(g, 0, Messages.tr("endTerm.date"), end, err(errors, "endDate", "endDateError"));
        Forms.row(g, 1, Messages.tr("endTerm.reason"), reason, err(errors, "endReason", "endReasonError"));
        CheckBox successor = new CheckBox(Messages.tr("endTerm.appoint"));
        successor.setId("endTermAppoint");
        successor.selectedProperty().bindBidirectional(form.appointSuccessor);
        GridPane s = Forms.grid();
        TextField nik = PersonDialog.field("successorNik", form.successorNik);
        TextField name = PersonDialog.field("successorName", form.successorName);
        ComboBox<Sex> sex = PersonDialog.combo("successorSex", Sex.values());
        sex.valueProperty().bindBidirectional(form.successorSex);
        TextField sk = PersonDialog.field("successorSk", form.skNumber);
        TextField skDate = PersonDialog.field("successorSkDate", form.skDate);
        TextField start = PersonDialog.field("successorStart", form.startDate);
        start.setPromptText(Messages.tr("endTerm.startPrompt"));
        int r = 0;
        Forms.row(s, r++, Messages.tr("person.nik"), nik, err(errors, "nik", "successorNikError"));
        Forms.row(s, r++, Messages.tr("person.name"), name, err(errors, "successorName", "successorNameError"));
        Forms.row(s, r++, Messages.tr("person.sex"), sex, err(errors, "successorSex", "successorSexError"));
        Forms.row(s, r++, Messages.tr("post.skNumber"), sk, null);
        Forms.row(s, r++, Messages.tr("post.skDate"), skDate, err(errors, "skDate", "successorSkDateError"));
        Forms.row(s, r++, Messages.tr("post.start"), start, err(errors, "startDate", "successorStartError"));
        Label existingHint = new Label(Messages.tr("endTerm.successorHint"));
        existingHint.getStyleClass().add("hint");
        existingHint.setWrapText(true);
        existingHint.setMaxWidth(460);
        VBox successorBox = new VBox(6, existingHint, s);
        successorBox.visibleProperty().bind(form.appointSuccessor);
        successorBox.managedProperty().bind(form.appointSuccessor);
        Forms.roomFor(successorBox);
        form.appointSuccessor.addListener((o, a, b) -> Forms.fit(successorBox));
        Label general = Forms.errorLabel("endTermError");

        Button save = new Button(Messages.tr("endTerm.save"));
        save.setId("endTermSave");
        save.disableProperty().bind(form.busyProperty().or(form.readyProperty().not()));
        Button cancel = new Button(Messages.tr("action.cancel"));
        cancel.setId("endTermCancel");
        HBox buttons = new HBox(8, save, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        // Confirmation step.
        Label confirmText = new Label();
        confirmText.setId("endTermConfirmText");
        confirmText.setWrapText(true);
        confirmText.setMaxWidth(460);
        confirmText.getStyleClass().add("warning");
        Button confirm = new Button(Messages.tr("endTerm.confirm"));
        confirm.setId("endTermConfirm");
        confirm.disableProperty().bind(form.busyProperty());
        Button back = new Button(Messages.tr("endTerm.back"));
        back.setId("endTermBack");
        HBox confirmButtons = new HBox(8, confirm, back);
        confirmButtons.setAlignment(Pos.CENTER_RIGHT);
        VBox confirmBox = new VBox(8, confirmText, confirmButtons);
        confirmBox.setVisible(false);
        confirmBox.setManaged(false);
        Forms.message(confirmBox);
        // The buttons stay in the dialog's bar: during the confirmation step only "Yes" and "Back" act.
        save.visibleProperty().bind(confirmBox.visibleProperty().not());

        Label title = new Label(who);
        title.getStyleClass().add("h2");
        VBox formBox = new VBox(8, g, successor, successorBox, buttons);
        VBox box = new VBox(8, title, formBox, general, confirmBox);
        box.setPadding(new Insets(12));
        Stage st = Forms.dialog(owner, Messages.tr("endTerm.title"), box, save, cancel);
        MapChangeListener<String, String> l = Forms.bind(form.errors(), errors, general);
        st.setOnHidden(e -> form.errors().removeListener(l));
        Runnable showForm = () -> {
            confirmBox.setVisible(false);
            confirmBox.setManaged(false);
            formBox.setDisable(false);
            save.setDefaultButton(true);
            confirm.setDefaultButton(false);
        };
        save.setOnAction(e -> {
            form.errors().clear();
            var d = Formats.parseFormDate(form.endDate.get());
            if (d.isEmpty()) {
                form.errors().put("endDate", Messages.tr("form.error.date", form.endDate.get()));
                return;
            }
            String text = Messages.tr("endTerm.confirmText", who, Formats.date(d.get()),
                    PersonDialog.label(form.reason.get()));
            if (form.appointSuccessor.get()) {
                text += " " + Messages.tr("endTerm.confirmSuccessor", form.successorName.get().isBlank()
                        ? form.successorNik.get() : form.successorName.get());
            }
            confirmText.setText(text);
            confirmBox.setVisible(true);
            confirmBox.setManaged(true);
            formBox.setDisable(true);
            save.setDefaultButton(false);
            confirm.setDefaultButton(true);
            confirm.requestFocus();
            st.sizeToScene();
        });
        back.setOnAction(e -> showForm.run());
        confirm.setOnAction(e -> form.save(p -> {
            st.close();
            saved.accept(p);
        }));
        form.errors().addListener((MapChangeListener<String, String>) c -> {
            if (!form.errors().isEmpty()) showForm.run();
        });
        st.show();
        form.load(() -> { });
    }

    private static Label err(Map<String, Label> m, String field, String id) {
        Label l = Forms.errorLabel(id);
        m.put(field, l);
        return l;
    }
}
