package id.lindungdesa.ui.setup;

import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.RegionService;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.TaskExecutor;
import id.lindungdesa.ui.form.Forms;
import id.lindungdesa.ui.shell.ScreenContext;
import java.io.File;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The regions-import step: choose a Kemendagri CSV, import it within the office's region, read the report. */
public final class RegionImportView {
    private final RegionImportViewModel model;
    private final VBox root = new VBox(8);
    private final HBox extraButtons = new HBox(8);

    public RegionImportView(Services services, TaskExecutor tasks, Consumer<RegionService.ImportReport> imported) {
        String within = services.currentOffice().map(o -> o.regionCode()).orElse("");
        this.model = new RegionImportViewModel(services.regions(), tasks, within);
        Label title = new Label(Messages.tr("import.title"));
        title.getStyleClass().add("h1");
        Label explain = new Label(Messages.tr("import.explain", within.isEmpty() ? "—" : within));
        explain.setWrapText(true);
        explain.setMaxWidth(620);
        TextField file = new TextField();
        file.setId("importFile");
        file.setPromptText("wilayah.csv");
        file.textProperty().bindBidirectional(model.file);
        HBox.setHgrow(file, Priority.ALWAYS);
        Button choose = new Button(Messages.tr("import.choose"));
        choose.setId("importChoose");
        choose.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle(Messages.tr("import.choose"));
            fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV (kode,nama)", "*.csv", "*.CSV"),
                    new FileChooser.ExtensionFilter("*", "*.*"));
            File f = fc.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (f != null) model.file.set(f.getAbsolutePath());
        });
        Button start = new Button(Messages.tr("import.start"));
        start.setId("importStart");
        start.setDefaultButton(true);
        start.disableProperty().bind(model.runningProperty());
        start.setOnAction(e -> model.start(imported));
        ProgressBar bar = new ProgressBar();
        bar.setId("importProgress");
        bar.setPrefWidth(320);
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.runningProperty());
        Button cancel = new Button(Messages.tr("action.cancel"));
        cancel.setId("importCancel");
        cancel.visibleProperty().bind(model.runningProperty());
        cancel.setOnAction(e -> model.cancel());
        Label status = new Label();
        status.setId("importStatus");
        status.textProperty().bind(model.statusProperty());
        Label error = Forms.errorLabel("importError");
        error.setMaxWidth(620);
        error.textProperty().bind(model.errorProperty());
        Label report = new Label();
        report.setId("importReport");
        report.setWrapText(true);
        report.setMaxWidth(620);
        report.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.reportProperty().get() == null ? "" : RegionImportViewModel.describe(model.reportProperty().get()),
                model.reportProperty()));
        HBox fileRow = new HBox(8, file, choose);
        fileRow.setMaxWidth(620);
        HBox run = new HBox(8, start, bar, cancel);
        run.setAlignment(Pos.CENTER_LEFT);
        extraButtons.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(title, explain, fileRow, run, status, error, report, extraButtons);
        root.setPadding(new Insets(24));
    }

    public RegionImportViewModel model() {
        return model;
    }

    /** Room for the caller's buttons (skip, continue, close). */
    public HBox buttons() {
        return extraButtons;
    }

    public Parent root() {
        return root;
    }

    /** Opens the import in its own window from the main window; {@code imported} runs after a successful import. */
    public static void openDialog(ScreenContext ctx, Window owner, Consumer<RegionService.ImportReport> imported) {
        RegionImportView v = new RegionImportView(ctx.services(), ctx.tasks(), imported);
        Button close = new Button(Messages.tr("action.close"));
        close.setId("importClose");
        close.disableProperty().bind(v.model.runningProperty());
        v.buttons().getChildren().add(close);
        Stage st = Forms.dialog(owner, Messages.tr("import.title"), (Parent) v.root(), null, close);
        st.setOnCloseRequest(e -> v.model.cancel());
        st.show();
    }
}
