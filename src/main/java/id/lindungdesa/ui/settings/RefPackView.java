package id.lindungdesa.ui.settings;

import id.lindungdesa.bundle.RefPackService;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.TaskFailures;
import id.lindungdesa.ui.report.SaveDialog;
import id.lindungdesa.ui.shell.ScreenContext;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The settings part "Paket data acuan provinsi" (issue 18): at a district "Impor paket acuan…" (file chooser, the
 * province key's words compared on the first pack, applied in the background with progress, the result shown); at
 * a province "Ekspor paket acuan…" (validity in days, output file, signed in the background).
 */
public final class RefPackView {
    /** Which file to open: the system's dialog; replaceable in tests, where a robot cannot drive it. */
    @FunctionalInterface
    public interface OpenChooser {
        Optional<Path> choose(Window owner, String title);
    }

    private static volatile OpenChooser opener = RefPackView::systemOpen;

    /** For tests: answer instead of the system's open dialog (null: the system's dialog again). */
    public static void setOpenChooser(OpenChooser o) {
        opener = o == null ? RefPackView::systemOpen : o;
    }

    private final ScreenContext ctx;
    private final RefPackViewModel vm;
    private final VBox root = new VBox(8);
    private final Label status = new Label();
    private final VBox lines = new VBox(4);
    private final VBox confirm = new VBox(6);
    private final Label message = new Label();

    public RefPackView(ScreenContext ctx) {
        this.ctx = ctx;
        OfficeLevel level = ctx.services().currentOffice().map(o -> o.level()).orElse(null);
        this.vm = new RefPackViewModel(ctx.services().bundles().refpacks(), level == OfficeLevel.PROVINCE);
        Label title = new Label(Messages.tr("refpack.ui.title"));
        title.getStyleClass().add("h2");
        status.setId("refpackStatus");
        status.setWrapText(true);
        lines.setId("refpackLines");
        confirm.setId("refpackConfirm");
        message.setId("refpackMessage");
        message.setWrapText(true);
        root.getChildren().addAll(title, status, lines);
        if (vm.province()) {
            PasswordField pass = new PasswordField();
            pass.setId("refpackPassphrase");
            pass.setPromptText(Messages.tr("refpack.ui.passphrase"));
            TextField days = new TextField("90");
            days.setId("refpackDays");
            days.setPrefColumnCount(5);
            Button export = new Button(Messages.tr("refpack.ui.export"));
            export.setId("refpackExport");
            export.setOnAction(e -> export(pass, days.getText()));
            HBox row = new HBox(8, pass, new Label(Messages.tr("refpack.ui.days")), days, export);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            root.getChildren().add(row);
            root.setVisible(true);
        } else if (level == OfficeLevel.DISTRICT) {
            Button imp = new Button(Messages.tr("refpack.ui.import"));
            imp.setId("refpackImport");
            imp.setOnAction(e -> opener.choose(window(), Messages.tr("refpack.ui.import")).ifPresent(this::check));
            root.getChildren().add(imp);
        } else {
            root.setVisible(false);
            root.setManaged(false);
        }
        root.getChildren().addAll(confirm, message);
    }

    public Node view() {
        return root;
    }

    /** Loads the state in the background (the settings screen's activate). */
    public void reload() {
        ctx.tasks().execute(BackgroundTask.of(Messages.tr("refpack.ui.title"), p -> vm.load()).onSuccess(this::show)
                .onFailure(ex -> message.setText(TaskFailures.message(ex))));
    }

    private void show(RefPackViewModel.State st) {
        status.setText(st.status());
        lines.getChildren().setAll(st.lines().stream().map(t -> {
            Label l = new Label(t);
            l.setWrapText(true);
            return (Node) l;
        }).toList());
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private static Optional<Path> systemOpen(Window owner, String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.tr("refpack.ui.fileType"), "*.ldr"));
        File f = fc.showOpenDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    /** Checks the pack first (nothing applied): a refusal is shown at once and nothing is asked. */
    private void check(Path file) {
        confirm.getChildren().clear();
        message.setText("");
        ctx.tasks().execute(BackgroundTask.of(Messages.tr("refpack.ui.checking"), p -> vm.check(file))
                .onSuccess(c -> ask(file, c))
                .onFailure(ex -> message.setText(TaskFailures.message(ex))));
    }

    private void ask(Path file, RefPackService.Checked c) {
        Label q = new Label(RefPackViewModel.question(c));
        q.setId("refpackQuestion");
        q.setWrapText(true);
        Button apply = new Button(Messages.tr(c.firstImport() ? "refpack.ui.wordsSame" : "refpack.ui.apply"));
        apply.setId("refpackApply");
        apply.setDefaultButton(true);
        Button cancel = new Button(Messages.tr(c.firstImport() ? "refpack.ui.wordsDiffer" : "action.cancel"));
        cancel.setId("refpackCancel");
        cancel.setOnAction(e -> {
            confirm.getChildren().clear();
            message.setText(Messages.tr("refpack.ui.cancelled"));
        });
        apply.setOnAction(e -> {
            apply.setDisable(true);
            cancel.setDisable(true);
            ctx.runWithProgress(BackgroundTask.of(Messages.tr("refpack.ui.applying"), p -> {
                RefPackService.Applied a = vm.apply(file, c);
                return new Object[] {a, vm.load()};
            }).onSuccess(res -> {
                confirm.getChildren().clear();
                show((RefPackViewModel.State) res[1]);
                message.setText(RefPackViewModel.summary((RefPackService.Applied) res[0]));
            }).onFailure(ex -> {
                confirm.getChildren().clear();
                message.setText(TaskFailures.message(ex));
            }));
        });
        confirm.getChildren().setAll(q, new HBox(8, apply, cancel));
    }

    private void export(PasswordField pass, String typedDays) {
        message.setText("");
        int days;
        try {
            days = RefPackViewModel.days(typedDays);
        } catch (RuntimeException ex) {
            message.setText(TaskFailures.message(ex));
            return;
        }
        if (pass.getText().isEmpty()) {
            message.setText(Messages.tr("refpack.ui.passphraseMissing"));
            pass.requestFocus();
            return;
        }
        Optional<Path> out = SaveDialog.ask(window(), Messages.tr("refpack.ui.export"), "paket-acuan.ldr");
        if (out.isEmpty()) return;
        char[] p = pass.getText().toCharArray();
        pass.clear();
        ctx.runWithProgress(BackgroundTask.of(Messages.tr("refpack.ui.exporting"), pr -> {
            RefPackService.Exported x = vm.export(out.get(), p, days);
            return new Object[] {x, vm.load()};
        }).onSuccess(res -> {
            show((RefPackViewModel.State) res[1]);
            message.setText(RefPackViewModel.exported((RefPackService.Exported) res[0]));
        }).onFailure(ex -> message.setText(TaskFailures.message(ex))));
    }
}
