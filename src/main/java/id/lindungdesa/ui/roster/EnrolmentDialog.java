package id.lindungdesa.ui.roster;

import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Segment;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.ui.form.Forms;
import id.lindungdesa.ui.shell.ScreenContext;
import java.time.LocalDate;
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

/** The enrolment editor: KPJ, segment, programmes, risk class, wage base, funding, first status; live contribution. */
final class EnrolmentDialog {
    private final EnrolmentDialogModel form;
    private final String who;
    private final Window owner;
    private final Consumer<Enrolment> saved;

    EnrolmentDialog(EnrolmentDialogModel form, String who, Window owner, Consumer<Enrolment> saved) {
        this.form = form;
        this.who = who;
        this.owner = owner;
        this.saved = saved;
    }

    void show() {
        Map<String, Label> errors = new HashMap<>();
        GridPane g = Forms.grid();
        TextField kpj = PersonDialog.field("enrolKpj", form.kpj);
        kpj.setPromptText("11 angka");
        ComboBox<Segment> segment = PersonDialog.combo("enrolSegment", Segment.values());
        segment.valueProperty().bindBidirectional(form.segment);
        HBox programmes = new HBox(10);
        for (Programme p : Programme.values()) {
            CheckBox cb = new CheckBox(p.name());
            cb.setId("enrolProgramme" + p.name());
            cb.setTooltip(new javafx.scene.control.Tooltip(PersonDialog.label(p)));
            cb.selectedProperty().bindBidirectional(form.programmes.get(p));
            programmes.getChildren().add(cb);
        }
        ComboBox<Integer> risk = new ComboBox<>();
        risk.setId("enrolRisk");
        risk.getItems().setAll(1, 2, 3, 4, 5);
        risk.valueProperty().bindBidirectional(form.riskClass);
        TextField wage = PersonDialog.field("enrolWage", form.wage);
        ComboBox<FundingSource> funding = PersonDialog.combo("enrolFunding", FundingSource.values());
        funding.valueProperty().bindBidirectional(form.funding);
        ComboBox<EnrolmentState> state = PersonDialog.combo("enrolState", EnrolmentState.values());
        state.valueProperty().bindBidirectional(form.state);
        TextField eff = PersonDialog.field("enrolEffective", form.effectiveDate);
        Label monthly = new Label();
        monthly.setId("enrolMonthly");
        monthly.getStyleClass().add("h2");
        monthly.textProperty().bind(form.monthlyProperty());
        int r = 0;
        Forms.row(g, r++, "KPJ", kpj, err(errors, "kpj", "kpjError"));
        Forms.row(g, r++, Messages.tr("enrolment.segment"), segment, err(errors, "segment", "segmentError"));
        Forms.row(g, r++, Messages.tr("enrolment.programmes"), programmes, err(errors, "programmes", "programmesError"));
        Forms.row(g, r++, Messages.tr("enrolment.risk"), risk, err(errors, "jkkRiskClass", "riskError"));
        Forms.row(g, r++, Messages.tr("enrolment.wage"), wage, err(errors, "wageBase", "wageError"));
        Forms.row(g, r++, Messages.tr("enrolment.funding"), funding, err(errors, "fundingSource", "fundingError"));
        if (form.isNew()) {
            Forms.row(g, r++, Messages.tr("enrolment.state"), state, err(errors, "state", "stateError"));
            Forms.row(g, r++, Messages.tr("enrolment.effective"), eff, err(errors, "effectiveDate", "effectiveError"));
        }
        Forms.row(g, r++, Messages.tr("enrolment.monthly"), monthly, null);
        Label refusal = new Label();
        refusal.setId("enrolRefusal");
        refusal.getStyleClass().add("error");
        refusal.setWrapText(true);
        refusal.setMaxWidth(460);
        refusal.textProperty().bind(form.refusalProperty());
        refusal.managedProperty().bind(refusal.textProperty().isNotEmpty());
        Label defaultsNote = new Label();
        defaultsNote.setId("enrolDefaultsNote");
        defaultsNote.getStyleClass().add("hint");
        defaultsNote.setWrapText(true);
        defaultsNote.setMaxWidth(460);
        defaultsNote.textProperty().bind(form.defaultsNoteProperty());
        defaultsNote.managedProperty().bind(defaultsNote.textProperty().isNotEmpty());
        Label contributionNote = new Label();
        contributionNote.setId("enrolContributionNote");
        contributionNote.getStyleClass().add("warning");
        contributionNote.setWrapText(true);
        contributionNote.setMaxWidth(460);
        contributionNote.textProperty().bind(form.contributionNoteProperty());
        contributionNote.managedProperty().bind(contributionNote.textProperty().isNotEmpty());
        Label general = Forms.errorLabel("enrolError");
        Button save = new Button(Messages.tr("action.save"));
        save.setId("enrolSave");
        save.disableProperty().bind(form.busyProperty().or(form.refusalProperty().isNotEmpty())
                .or(form.readyProperty().not()));
        Button cancel = new Button(Messages.tr("action.cancel"));
        cancel.setId("enrolCancel");
        HBox buttons = new HBox(8, save, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        Label title = new Label(who);
        title.getStyleClass().add("h2");
        Label hint = new Label(Messages.tr("form.hint"));
        hint.getStyleClass().add("hint");
        VBox box = new VBox(8, title, refusal, defaultsNote, g, contributionNote, general, hint, buttons);
        box.setPadding(new Insets(12));
        Stage st = Forms.dialog(owner, Messages.tr("enrolment.title"), box, save, cancel);
        MapChangeListener<String, String> l = Forms.bind(form.errors(), errors, general);
        st.setOnHidden(e -> form.errors().removeListener(l));
        save.setOnAction(e -> form.save(en -> {
            st.close();
            saved.accept(en);
        }));
        // No PKS in force covers the enrolment: the service says why, the clerk confirms or goes back to the form.
        form.confirmationProperty().addListener((o, a, question) -> {
            if (question == null || question.isEmpty()) return;
            javafx.application.Platform.runLater(() -> askUncovered(st, question));
        });
        st.show();
        form.load();
    }

    private void askUncovered(Stage st, String question) {
        {
            javafx.scene.control.Alert ask = new javafx.scene.control.Alert(
                    javafx.scene.control.Alert.AlertType.CONFIRMATION, question,
                    javafx.scene.control.ButtonType.YES, javafx.scene.control.ButtonType.NO);
            ask.initOwner(st);
            ask.setTitle(Messages.tr("enrolment.title"));
            ask.setHeaderText(null);
            ask.getDialogPane().setId("enrolUncoveredConfirm");
            ask.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            boolean yes = ask.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.YES).isPresent();
            if (yes) form.confirmUncovered();
            else form.cancelUncovered();
        }
    }

    private static Label err(Map<String, Label> m, String field, String id) {
        Label l = Forms.errorLabel(id);
        m.put(field, l);
        return l;
    }

    /** A small dialog adding a status step (active, lapsed, ended…) to an enrolment. */
    static void changeStatus(ScreenContext ctx, Enrolment e, Window owner, Runnable done) {
        ComboBox<EnrolmentState> state = PersonDialog.combo("statusState", EnrolmentState.values());
        state.setValue(EnrolmentState.ACTIVE);
        TextField date = new TextField(Formats.FORM_DATE.format(ctx.services().roster().today()));
        date.setId("statusDate");
        TextField note = new TextField();
        note.setId("statusNote");
        Label error = Forms.errorLabel("statusError");
        GridPane g = Forms.grid();
        Forms.row(g, 0, Messages.tr("enrolment.state"), state, null);
        Forms.row(g, 1, Messages.tr("enrolment.effective"), date, null);
        Forms.row(g, 2, Messages.tr("enrolment.note"), note, null);
        Button save = new Button(Messages.tr("action.save"));
        save.setId("statusSave");
        Button cancel = new Button(Messages.tr("action.cancel"));
        HBox buttons = new HBox(8, save, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox box = new VBox(8, g, error, buttons);
        box.setPadding(new Insets(12));
        Stage st = Forms.dialog(owner, Messages.tr("enrolment.changeStatus"), box, save, cancel);
        save.setOnAction(ev -> {
            LocalDate d = Formats.parseFormDate(date.getText()).orElse(null);
            if (d == null) {
                error.setText(Messages.tr("form.error.date", date.getText()));
                return;
            }
            EnrolmentState s = state.getValue();
            String n = note.getText();
            save.setDisable(true);
            ctx.tasks().execute(BackgroundTask.of(Messages.tr("enrolment.saving"),
                            p -> ctx.services().enrolments().changeStatus(e.id(), s, d, n))
                    .onSuccess(x -> {
                        st.close();
                        done.run();
                    })
                    .onFailure(ex -> {
                        save.setDisable(false);
                        error.setText(String.valueOf(ex.getMessage()));
                    }));
        });
        st.show();
    }
}
