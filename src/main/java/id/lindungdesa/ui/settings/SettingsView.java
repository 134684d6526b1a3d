package id.lindungdesa.ui.settings;

import id.lindungdesa.backup.RestoreCandidate;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.ui.shell.Screen;
import id.lindungdesa.ui.shell.ScreenContext;
import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/** Backups (folder, second folder, rotation, back up now, verify, restore) and encryption. */
public final class SettingsView implements Screen {
    private final ScreenContext ctx;
    private final SettingsViewModel vm;
    private final VBox root = new VBox(12);
    private final Label folder = new Label();
    private final TextField second = new TextField();
    private final Spinner<Integer> daily = new Spinner<>(1, 366, 7);
    private final Spinner<Integer> weekly = new Spinner<>(0, 520, 4);
    private final Spinner<Integer> monthly = new Spinner<>(0, 240, 12);
    private final ListView<SettingsViewModel.Row> backups = new ListView<>();
    private final Label message = new Label();
    private final VBox restoreBox = new VBox(8);
    private final Label encryptionState = new Label();
    private final VBox encryptBox = new VBox(8);
    private final TextField recoveryCode = new TextField();
    private final ScrollPane scroll = new ScrollPane(root);
    private final RefPackView refpack;

    public SettingsView(ScreenContext ctx) {
        this.ctx = ctx;
        this.vm = new SettingsViewModel(ctx.services().backups(), ctx.services().encryption());
        Label title = new Label(Messages.tr("screen.settings"));
        title.getStyleClass().add("h1");

        second.setId("backupSecondFolder");
        second.setPrefColumnCount(32);
        Button browse = new Button(Messages.tr("backup.browse"));
        browse.setOnAction(e -> {
            DirectoryChooser ch = new DirectoryChooser();
            File f = ch.showDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (f != null) second.setText(f.getAbsolutePath());
        });
        daily.setId("backupKeepDaily");
        weekly.setId("backupKeepWeekly");
        monthly.setId("backupKeepMonthly");
        for (Spinner<Integer> s : java.util.List.of(daily, weekly, monthly)) {
            s.setEditable(true);
            s.setPrefWidth(90);
        }
        Button save = new Button(Messages.tr("action.save"));
        save.setId("backupSaveSettings");
        save.setOnAction(e -> {
            String dir = second.getText().strip();
            int d = daily.getValue();
            int w = weekly.getValue();
            int m = monthly.getValue();
            run("save", p -> {
                vm.save(dir.isEmpty() ? null : dir, d, w, m);
                return vm.load();
            }, st -> {
                show(st);
                message.setText(Messages.tr("backup.settingsSaved"));
            });
        });
        GridPane g = new GridPane(8, 8);
        g.addRow(0, new Label(Messages.tr("backup.folder")), folder);
        g.addRow(1, new Label(Messages.tr("backup.secondFolder")), new HBox(6, second, browse));
        g.addRow(2, new Label(Messages.tr("backup.keep")), new HBox(6, daily, new Label(Messages.tr("backup.daily")),
                weekly, new Label(Messages.tr("backup.weekly")), monthly, new Label(Messages.tr("backup.monthly"))));
        g.add(save, 1, 3);

        Button now = new Button(Messages.tr("backup.now"));
        now.setId("backupNow");
        now.setOnAction(e -> {
            now.setDisable(true);
            ctx.runWithProgress(BackgroundTask.of(Messages.tr("backup.running"), p -> {
                var r = vm.backupNow();
                return new Object[] {r, vm.load()};
            }).onSuccess(res -> {
                now.setDisable(false);
                var r = (id.lindungdesa.backup.BackupService.Result) res[0];
                show((SettingsViewModel.State) res[1]);
                message.setText(Messages.tr("backup.done", r.file()) + (r.secondCopyProblem() == null ? ""
                        : "\n" + r.secondCopyProblem()));
            }).onFailure(ex -> {
                now.setDisable(false);
                message.setText(Messages.tr("backup.failed", ex.getMessage()));
            }));
        });
        Button verify = new Button(Messages.tr("backup.verify"));
        verify.setId("backupVerify");
        verify.setOnAction(e -> {
            var sel = backups.getSelectionModel().getSelectedItem();
            if (sel == null) return;
            run(Messages.tr("backup.verify"), p -> vm.verify(sel.file()), r -> message.setText(r.ok()
                    ? Messages.tr("backup.verifyOk", sel.file().getFileName())
                    : Messages.tr("backup.verifyBad", sel.file().getFileName(), r.problem())));
        });
        Button restore = new Button(Messages.tr("backup.restore"));
        restore.setId("backupRestore");
        restore.setOnAction(e -> {
            var sel = backups.getSelectionModel().getSelectedItem();
            if (sel == null) return;
            ctx.runWithProgress(BackgroundTask.of(Messages.tr("backup.preparing"), p -> vm.prepare(sel.file()))
                    .onSuccess(this::confirmRestore)
                    .onFailure(ex -> message.setText(Messages.tr("backup.failed", ex.getMessage()))));
        });
        Button fromFile = new Button(Messages.tr("backup.restoreFile"));
        fromFile.setId("backupRestoreFile");
        fromFile.setOnAction(e -> {
            javafx.stage.FileChooser ch = new javafx.stage.FileChooser();
            ch.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("LindungDesa",
                    "*.sql.gz", "*.sql.enc"));
            File f = ch.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (f == null) return;
            ctx.runWithProgress(BackgroundTask.of(Messages.tr("backup.preparing"), p -> vm.prepare(f.toPath()))
                    .onSuccess(this::confirmRestore)
                    .onFailure(ex -> message.setText(Messages.tr("backup.failed", ex.getMessage()))));
        });
        backups.setId("backupList");
        backups.setPrefHeight(220);
        message.setId("backupMessage");
        message.setWrapText(true);
        restoreBox.setId("restoreBox");

        encryptionState.setId("encryptionState");
        recoveryCode.setId("recoveryCode");
        recoveryCode.setEditable(false);
        recoveryCode.setVisible(false);
        recoveryCode.setPrefColumnCount(42);

        Label lTitle = new Label(Messages.tr("settings.logTitle"));
        lTitle.getStyleClass().add("h2");
        Label logPath = new Label(id.lindungdesa.service.AppPaths.logFile().toString());
        logPath.setId("logFilePath");
        logPath.setWrapText(true);
        Button openLog = new Button(Messages.tr("settings.openLog"));
        openLog.setId("openLogFile");
        Label logMessage = new Label();
        logMessage.setId("logMessage");
        logMessage.setWrapText(true);
        openLog.setOnAction(e -> ctx.tasks().execute(BackgroundTask.of(Messages.tr("settings.openLog"), p -> {
                    Path target = SettingsViewModel.logTarget(id.lindungdesa.service.AppPaths.logFile());
                    id.lindungdesa.ui.agreements.SystemViewer.open(target);
                    return target;
                }).onSuccess(t -> logMessage.setText(Messages.tr("settings.logOpened", t)))
                .onFailure(ex -> logMessage.setText(Messages.tr("settings.logOpenFailed",
                        id.lindungdesa.task.TaskFailures.message(ex), id.lindungdesa.service.AppPaths.logFile())))));
        VBox logBox = new VBox(6, lTitle, logPath, openLog, logMessage);

        Label bTitle = new Label(Messages.tr("backup.title"));
        bTitle.getStyleClass().add("h2");
        Label eTitle = new Label(Messages.tr("security.title"));
        eTitle.getStyleClass().add("h2");
        HBox languageRow = new HBox(8, new Label(Messages.tr("settings.language")),
                id.lindungdesa.ui.shell.LanguageSwitch.create(ctx, "settingsLanguage"));
        languageRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        refpack = new RefPackView(ctx); // issue 18
        root.getChildren().addAll(title, languageRow, refpack.view(), bTitle, g, new HBox(8, now, verify, restore, fromFile), backups, message, restoreBox,
                eTitle, encryptionState, encryptBox, recoveryCode, logBox);
        root.setPadding(new Insets(16));
    }

    private void confirmRestore(RestoreCandidate c) {
        Label summary = new Label(SettingsViewModel.describe(c));
        summary.setId("restoreSummary");
        summary.setWrapText(true);
        Button swap = new Button(Messages.tr("backup.swap"));
        swap.setId("restoreSwap");
        Button cancel = new Button(Messages.tr("action.cancel"));
        cancel.setId("restoreCancel");
        swap.setOnAction(e -> {
            swap.setDisable(true);
            cancel.setDisable(true);
            ctx.runWithProgress(BackgroundTask.of(Messages.tr("backup.restoring"), p -> {
                Path kept = vm.commit(c);
                return new Object[] {kept, vm.load()};
            }).onSuccess(res -> {
                restoreBox.getChildren().clear();
                show((SettingsViewModel.State) res[1]);
                message.setText(Messages.tr("backup.restored", res[0]));
            }).onFailure(ex -> {
                restoreBox.getChildren().clear();
                message.setText(Messages.tr("backup.failed", ex.getMessage()));
            }));
        });
        cancel.setOnAction(e -> {
            restoreBox.getChildren().clear();
            run("discard", p -> {
                vm.discard(c);
                return Boolean.TRUE;
            }, x -> message.setText(Messages.tr("backup.restoreCancelled")));
        });
        restoreBox.getChildren().setAll(summary, new HBox(8, swap, cancel));
    }

    private <T> void run(String title, id.lindungdesa.task.Job<T> job, java.util.function.Consumer<T> done) {
        ctx.tasks().execute(BackgroundTask.of(title, job).onSuccess(done)
                .onFailure(ex -> message.setText(Messages.tr("backup.failed", ex.getMessage()))));
    }

    private void show(SettingsViewModel.State st) {
        folder.setText(st.folder().toString());
        second.setText(st.settings().secondFolder() == null ? "" : st.settings().secondFolder());
        daily.getValueFactory().setValue(st.settings().keepDaily());
        weekly.getValueFactory().setValue(st.settings().keepWeekly());
        monthly.getValueFactory().setValue(st.settings().keepMonthly());
        backups.getItems().setAll(st.rows());
        encryptionState.setText(Messages.tr(st.encrypted() ? "security.on" : "security.off"));
        encryptBox.getChildren().clear();
        if (!st.encrypted()) {
            PasswordField p1 = new PasswordField();
            p1.setId("encryptPass1");
            p1.setPromptText(Messages.tr("security.newPass"));
            PasswordField p2 = new PasswordField();
            p2.setId("encryptPass2");
            p2.setPromptText(Messages.tr("security.repeat"));
            Button go = new Button(Messages.tr("security.encrypt"));
            go.setId("encryptNow");
            go.setOnAction(e -> {
                if (p1.getText().length() < 8 || !p1.getText().equals(p2.getText())) {
                    message.setText(Messages.tr("security.passMismatch"));
                    return;
                }
                char[] pass = p1.getText().toCharArray();
                go.setDisable(true);
                ctx.runWithProgress(BackgroundTask.of(Messages.tr("security.encrypting"), p -> {
                    String code = vm.encrypt(pass);
                    return new Object[] {code, vm.load()};
                }).onSuccess(res -> {
                    show((SettingsViewModel.State) res[1]);
                    recoveryCode.setText((String) res[0]);
                    recoveryCode.setVisible(true);
                    message.setText(Messages.tr("security.encrypted"));
                }).onFailure(ex -> {
                    go.setDisable(false);
                    message.setText(Messages.tr("backup.failed", ex.getMessage()));
                }));
            });
            encryptBox.getChildren().add(new HBox(8, p1, p2, go));
        }
    }

    @Override
    public String id() {
        return "settings";
    }

    @Override
    public String title() {
        return Messages.tr("screen.settings");
    }

    @Override
    public Node view() {
        scroll.setFitToWidth(true);
        return scroll;
    }

    @Override
    public void activate() {
        run("settings", p -> vm.load(), this::show);
        refpack.reload();
    }
}
