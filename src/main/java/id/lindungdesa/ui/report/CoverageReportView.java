package id.lindungdesa.ui.report;

import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.report.Exports;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.Job;
import id.lindungdesa.ui.shell.Screen;
import id.lindungdesa.ui.shell.ScreenContext;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.BiFunction;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * "Rekapitulasi cakupan": the coverage recapitulation a head of office signs, with its own entry in the navigation
 * (before, it was only in the dashboard's export menu as "Laporan monev"). One date (today by default), one button
 * for the PDF (the default button: Enter saves) and one for the tables as XLSX; the save dialog suggests a name
 * with the date, in the folder used last.
 */
public final class CoverageReportView implements Screen {
    public static final String ID = "coverageReport";

    private final ScreenContext ctx;
    private final VBox root = new VBox(10);
    private final TextField date = new TextField();
    private final Label message = new Label();
    private final Button pdf = new Button(Messages.tr("report.s6.ui.pdf"));
    private final Button xlsx = new Button(Messages.tr("report.s6.ui.xlsx"));

    public CoverageReportView(ScreenContext ctx) {
        this.ctx = ctx;
        Label title = new Label(Messages.tr("report.s6.screen"));
        title.getStyleClass().add("h1");
        Label about = new Label(Messages.tr("report.s6.ui.about"));
        about.setWrapText(true);
        date.setId("reportDate");
        date.setPromptText("dd-mm-yyyy");
        date.setPrefColumnCount(10);
        Label dateLabel = new Label(Messages.tr("report.s6.ui.date"));
        dateLabel.setLabelFor(date);
        dateLabel.setMinWidth(Label.USE_PREF_SIZE);
        pdf.setId("reportPdf");
        pdf.setDefaultButton(true);
        pdf.setOnAction(e -> export("pdf", (ex, f) -> p -> ex.monevPdf(f, dateOrToday(), p)));
        xlsx.setId("reportXlsx");
        xlsx.setOnAction(e -> export("xlsx", (ex, f) -> p -> ex.coverageXlsx(f, dateOrToday(), p)));
        message.setId("reportMessage");
        message.setWrapText(true);
        HBox when = new HBox(8, dateLabel, date);
        when.setAlignment(Pos.CENTER_LEFT);
        HBox buttons = new HBox(8, pdf, xlsx);
        root.setPadding(new Insets(12));
        root.getChildren().addAll(title, about, when, buttons, message);
        root.setMaxWidth(760);
    }

    private LocalDate today() {
        return LocalDate.now(ctx.services().clock());
    }

    private LocalDate dateOrToday() {
        return Formats.parseFormDate(date.getText()).orElse(today());
    }

    private void export(String extension, BiFunction<Exports, Path, Job<Path>> job) {
        message.getStyleClass().remove("error");
        Optional<LocalDate> on = date.getText().isBlank() ? Optional.of(today())
                : Formats.parseFormDate(date.getText());
        if (on.isEmpty()) {
            fail(Messages.tr("report.s6.ui.badDate", date.getText()));
            date.requestFocus();
            return;
        }
        String name = Messages.tr("report.s6.ui.fileName") + "-" + Formats.FORM_DATE.format(on.get()) + "."
                + extension;
        Optional<Path> f = SaveDialog.ask(root.getScene() == null ? null : root.getScene().getWindow(),
                Messages.tr("report.s6.screen"), name);
        if (f.isEmpty()) return;
        pdf.setDisable(true);
        xlsx.setDisable(true);
        message.setText(Messages.tr("report.s6.ui.saving"));
        Exports ex = new Exports(ctx.services());
        ctx.runWithProgress(BackgroundTask.of(Messages.tr("report.s6.screen"), job.apply(ex, f.get()))
                .onSuccess(p -> {
                    done();
                    String text = Messages.tr("report.s6.ui.saved", Formats.date(on.get()), p.toString());
                    message.setText(text);
                    ctx.window().say(text);
                })
                .onFailure(err -> {
                    done();
                    fail(Messages.tr("report.s6.ui.failed", String.valueOf(err.getMessage())));
                })
                .onCancelled(this::done));
    }

    private void done() {
        pdf.setDisable(false);
        xlsx.setDisable(false);
    }

    private void fail(String text) {
        message.setText(text);
        if (!message.getStyleClass().contains("error")) message.getStyleClass().add("error");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return Messages.tr("report.s6.screen");
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void activate() {
        if (date.getText().isBlank()) date.setText(Formats.FORM_DATE.format(today()));
        pdf.requestFocus();
    }
}
