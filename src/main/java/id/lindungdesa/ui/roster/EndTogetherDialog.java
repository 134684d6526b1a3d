package id.lindungdesa.ui.roster;

import id.lindungdesa.domain.Post;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.ui.form.Forms;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * "Akhiri bersama": the expired terms of one village (typically its BPD) ended under one SK, each with an optional
 * successor. The lines scroll; the SK fields and the buttons stay in place.
 */
final class EndTogetherDialog {
    private final EndTogetherDialogModel form;
    private final String village;
    private final Window owner;
    private final Consumer<List<Post>> saved;

    EndTogetherDialog(EndTogetherDialogModel form, String village, Window owner, Consumer<List<Post>> saved) {
        this.form = form;
        this.village = village;
        this.owner = owner;
        this.saved = saved;
    }

    void show() {
        Map<String, Label> errors = new HashMap<>();
        GridPane lines = Forms.grid();
        lines.addRow(0, new Label(""), new Label(Messages.tr("roster.s6.together.term")),
                new Label(Messages.tr("roster.s6.together.successorNik")),
                new Label(Messages.tr("roster.s6.together.successorName")));
        int r = 1;
        for (EndTogetherDialogModel.Line l : form.lines()) {
            int i = r - 1;
            CheckBox include = new CheckBox();
            include.setId("togetherInclude" + i);
            include.selectedProperty().bindBidirectional(l.include());
            Label term = new Label(l.row().fullName() + " — " + PersonDialog.label(l.row().position()) + ", "
                    + Messages.tr("roster.s6.together.ended", Formats.date(l.row().plannedEndDate())));
            term.setWrapText(true);
            term.setMaxWidth(330);
            TextField nik = PersonDialog.field("togetherNik" + i, l.nik());
            nik.setPrefColumnCount(14);
            TextField name = PersonDialog.field("togetherName" + i, l.name());
            name.setPrefColumnCount(14);
            Label nikError = Forms.errorLabel("togetherNikError" + i);
            errors.put("nik" + i, nikError);
            lines.addRow(r++, include, term, new VBox(2, nik, nikError), name);
        }
        ScrollPane scroll = new ScrollPane(lines);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(300, 44 * (form.lines().size() + 1)));

        GridPane common = Forms.grid();
        TextField end = PersonDialog.field("togetherEndDate", form.endDate);
        end.setPromptText(Messages.tr("roster.s6.together.endPrompt"));
        TextField sk = PersonDialog.field("togetherSk", form.skNumber);
        TextField skDate = PersonDialog.field("togetherSkDate", form.skDate);
        TextField start = PersonDialog.field("togetherStart", form.startDate);
        start.setPromptText(Messages.tr("endTerm.startPrompt"));
        Forms.row(common, 0, Messages.tr("endTerm.date"), end, err(errors, "endDate", "togetherEndDateError"));
        Forms.row(common, 1, Messages.tr("post.skNumber"), sk, null);
        Forms.row(common, 2, Messages.tr("post.skDate"), skDate, err(errors, "skDate", "togetherSkDateError"));
        Forms.row(common, 3, Messages.tr("post.start"), start, err(errors, "startDate", "togetherStartError"));
        Label general = Forms.errorLabel("togetherError");

        Button save = new Button(Messages.tr("roster.s6.together.save"));
        save.setId("togetherSave");
        save.disableProperty().bind(form.busyProperty());
        Button cancel = new Button(Messages.tr("action.cancel"));
        cancel.setId("togetherCancel");
        HBox buttons = new HBox(8, save, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        Label title = new Label(Messages.tr("roster.s6.together.heading", form.lines().size(), village));
        title.getStyleClass().add("h2");
        Label hint = new Label(Messages.tr("roster.s6.together.hint"));
        hint.setWrapText(true);
        hint.setMaxWidth(640);
        hint.getStyleClass().add("hint");
        VBox box = new VBox(8, title, hint, scroll, common, general, buttons);
        box.setPadding(new Insets(12));
        Stage st = Forms.dialog(owner, Messages.tr("roster.s6.together.title"), box, save, cancel);
        MapChangeListener<String, String> l = Forms.bind(form.errors(), errors, general);
        st.setOnHidden(e -> form.errors().removeListener(l));
        save.setOnAction(e -> form.save(p -> {
            st.close();
            saved.accept(p);
        }));
        st.show();
    }

    private static Label err(Map<String, Label> m, String field, String id) {
        Label l = Forms.errorLabel(id);
        m.put(field, l);
        return l;
    }
}
