package id.lindungdesa.ui.bundle;

import id.lindungdesa.bundle.FingerprintWords;
import id.lindungdesa.bundle.ImportReport;
import id.lindungdesa.bundle.Period;
import id.lindungdesa.bundle.PublicKeyFile;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.SentBundle;
import id.lindungdesa.domain.TrustedKey;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.ui.shell.Screen;
import id.lindungdesa.ui.shell.ScreenContext;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * Keys and bundles. Every office: its key and fingerprint. A district: export for the province, bundles sent,
 * receipts. A province: the trust registry and the import wizard (verify → dry run with counts → apply → receipt).
 * All crypto and file work runs in the background with progress in the status bar.
 */
public final class BundleView implements Screen {
    private final ScreenContext ctx;
    private final BundleViewModel vm;
    private final VBox content = new VBox(12);
    private final ScrollPane root = new ScrollPane(content);
    private final Label message = new Label();
    private final Label fingerprint = new Label();
    private final PasswordField passphrase = new PasswordField();
    private final ComboBox<Period> period = new ComboBox<>();
    private final TableView<SentBundle> sent = new TableView<>();
    private final TableView<TrustedKey> trusted = new TableView<>();
    private final TableView<Map.Entry<String, ImportReport.Counts>> report = new TableView<>();
    private final Label reportTitle = new Label();
    private final Label reportWarnings = new Label();
    private final Button apply = new Button(Messages.tr("bundle.ui.apply"));
    private final VBox keyBox = new VBox(6);

    public BundleView(ScreenContext ctx) {
        this.ctx = ctx;
        this.vm = new BundleViewModel(ctx.services().bundles(), ctx.services()::currentOffice, ctx.tasks());
        content.setPadding(new Insets(12));
        root.setFitToWidth(true);
        message.setId("bundleMessage");
        message.setWrapText(true);
        fingerprint.setId("bundleFingerprint");
        fingerprint.setWrapText(true);
        passphrase.setId("bundlePassphrase");
        passphrase.setPromptText(Messages.tr("bundle.ui.passphrase"));
        passphrase.setAccessibleText(Messages.tr("bundle.s6.passphraseLabel"));
        passphrase.setPrefColumnCount(18);
        period.setId("bundlePeriod");
        period.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Period p) {
                return p == null ? "" : BundleViewModel.periodLabel(p);
            }

            @Override
            public Period fromString(String s) {
                return null;
            }
        });

        sent.setId("bundleSent");
        sent.getColumns().add(col(Messages.tr("bundle.ui.sequence"), s -> "#" + s.sequence()));
        sent.getColumns().add(col(Messages.tr("bundle.ui.period"), SentBundle::periodLabel));
        sent.getColumns().add(col(Messages.tr("bundle.ui.created"), s -> Formats.dateTime(s.createdAt(),
                Messages.current())));
        sent.getColumns().add(col(Messages.tr("bundle.ui.delivered"), s -> s.delivered()
                ? Formats.dateTime(s.deliveredAt(), Messages.current()) + " — " + s.receiptOffice()
                : Messages.tr("bundle.ui.notDelivered")));
        sent.setPrefHeight(160);

        trusted.setId("bundleTrusted");
        trusted.getColumns().add(col(Messages.tr("bundle.ui.office"), k -> k.officeCode() + " " + k.officeName()));
        trusted.getColumns().add(col(Messages.tr("bundle.ui.keyId"), TrustedKey::keyId));
        trusted.getColumns().add(col("", k -> FingerprintWords.grouped(k.fingerprint())));
        trusted.getColumns().add(col(Messages.tr("bundle.ui.status"), k -> k.revoked()
                ? Messages.tr("bundle.ui.revoked") + " (" + k.revokedReason() + ")" : Messages.tr("bundle.ui.trusted")));
        trusted.setPrefHeight(160);

        report.setId("bundleReport");
        report.getColumns().add(rcol(Messages.tr("bundle.ui.type"), e -> Messages.tr("bundle.ui." + e.getKey())));
        report.getColumns().add(rcol(Messages.tr("bundle.ui.new"), e -> String.valueOf(e.getValue().added())));
        report.getColumns().add(rcol(Messages.tr("bundle.ui.changed"), e -> String.valueOf(e.getValue().changed())));
        report.getColumns().add(rcol(Messages.tr("bundle.ui.ended"), e -> String.valueOf(e.getValue().ended())));
        report.getColumns().add(rcol(Messages.tr("bundle.ui.unchanged"),
                e -> String.valueOf(e.getValue().unchanged())));
        report.setPrefHeight(150);
        reportTitle.setId("bundleReportTitle");
        reportWarnings.setWrapText(true);
        apply.setId("bundleApply");
        apply.setDisable(true);
        apply.setOnAction(e -> applyPending());
    }

    private static <T> TableColumn<T, String> col(String title, Function<T, String> f) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        return c;
    }

    private static TableColumn<Map.Entry<String, ImportReport.Counts>, String> rcol(String title,
            Function<Map.Entry<String, ImportReport.Counts>, String> f) {
        return col(title, f);
    }

    @Override
    public String id() {
        return "bundle";
    }

    @Override
    public String title() {
        return Messages.tr("screen.bundle");
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void activate() {
        refresh();
    }

    private void refresh() {
        vm.refresh(this::show);
    }

    private void show(BundleViewModel.State s) {
        content.getChildren().clear();
        keyBox.getChildren().clear();
        if (s.key().isPresent()) {
            fingerprint.setText(Messages.tr("bundle.ui.fingerprint", FingerprintWords.grouped(s.key().get()
                    .fingerprint())) + "  (" + s.key().get().keyId() + ")");
            Button pub = new Button(Messages.tr("bundle.ui.exportPublic"));
            pub.setOnAction(e -> save("public-key.json").ifPresent(f -> vm.exportPublicKey(f,
                    r -> say(f.toString()), this::fail)));
            keyBox.getChildren().addAll(fingerprint, pub);
        } else {
            PasswordField p1 = new PasswordField();
            p1.setId("bundleNewPassphrase");
            Button create = new Button(Messages.tr("bundle.ui.createKey"));
            create.setId("bundleCreateKey");
            create.setOnAction(e -> {
                char[] pass = p1.getText().toCharArray();
                vm.createKey(pass, k -> refresh(), this::fail);
            });
            keyBox.getChildren().addAll(new Label(Messages.tr("bundle.ui.noKey")), new HBox(8, p1, create));
        }
        content.getChildren().add(new TitledPane(Messages.tr("bundle.ui.key"), keyBox));
        OfficeLevel level = s.level();
        if (level == OfficeLevel.DISTRICT) {
            sent.getItems().setAll(s.sent());
            Button export = new Button(Messages.tr("bundle.ui.export"));
            export.setId("bundleExport");
            export.setDefaultButton(true);
            export.setDisable(s.key().isEmpty());
            export.setOnAction(e -> startExport(s.bundleFileName()));
            Button receipt = new Button(Messages.tr("bundle.ui.importReceipt"));
            receipt.setOnAction(e -> open().ifPresent(f -> vm.importReceipt(f, d -> {
                        say(Messages.tr("bundle.ui.receiptImported", d.sequence(), d.province()));
                        refresh();
                    }, this::fail)));
            java.time.LocalDate today = java.time.LocalDate.now(ctx.services().clock());
            Period keep = period.getValue();
            period.getItems().setAll(BundleViewModel.periods(today));
            period.setValue(keep != null && period.getItems().contains(keep) ? keep : period.getItems().getFirst());
            Label passLabel = new Label(Messages.tr("bundle.s6.passphraseLabel"));
            passLabel.setLabelFor(passphrase);
            passLabel.setMinWidth(Label.USE_PREF_SIZE);
            Label periodLabel = new Label(Messages.tr("bundle.s6.periodLabel"));
            periodLabel.setLabelFor(period);
            periodLabel.setMinWidth(Label.USE_PREF_SIZE);
            javafx.scene.layout.GridPane form = new javafx.scene.layout.GridPane();
            form.setHgap(8);
            form.setVgap(6);
            form.addRow(0, periodLabel, period);
            form.addRow(1, passLabel, passphrase);
            Label hint = new Label(Messages.tr("bundle.s6.passphraseHint"));
            hint.setWrapText(true);
            hint.getStyleClass().add("hint");
            content.getChildren().add(new TitledPane(Messages.tr("bundle.ui.sent"), new VBox(6,
                    form, hint, new HBox(8, export, receipt), sent)));
            if (passphrase.getScene() != null) passphrase.requestFocus();
        }
        if (level != null && level.receivesBundles()) {
            trusted.getItems().setAll(s.trusted());
            Button add = new Button(Messages.tr("bundle.ui.trustAdd"));
            add.setOnAction(e -> open().ifPresent(this::enrol));
            Button revoke = new Button(Messages.tr("bundle.ui.trustRevoke"));
            revoke.setOnAction(e -> {
                TrustedKey k = trusted.getSelectionModel().getSelectedItem();
                if (k != null) vm.revoke(k, r -> refresh(), this::fail);
            });
            content.getChildren().add(new TitledPane(Messages.tr("bundle.ui.trust"), new VBox(6,
                    new HBox(8, add, revoke), trusted)));
            Button imp = new Button(Messages.tr("bundle.ui.import"));
            imp.setId("bundleImport");
            imp.setOnAction(e -> open().ifPresent(this::startImport));
            content.getChildren().add(new TitledPane(Messages.tr("bundle.ui.import"), new VBox(6, imp, reportTitle,
                    report, reportWarnings, new HBox(8, passphrase, apply))));
        }
        content.getChildren().add(message);
    }

    /**
     * Export, in the order a clerk expects: the passphrase is checked first (a wrong one is said before any file
     * dialog), then the file is chosen, then the bundle is written; the passphrase field is emptied afterwards,
     * whatever the outcome.
     */
    private void startExport(String fileName) {
        message.getStyleClass().remove("error");
        if (passphrase.getText().isEmpty()) {
            failText(Messages.tr("bundle.s6.passphraseMissing"));
            passphrase.requestFocus();
            return;
        }
        char[] pass = passphrase.getText().toCharArray();
        Period p = period.getValue();
        message.setText(Messages.tr("bundle.s6.checking"));
        vm.run(Messages.tr("bundle.ui.export"), vm.checkPassphrase(pass).job(), ok -> {
            message.setText("");
            Optional<Path> f = id.lindungdesa.ui.report.SaveDialog.ask(
                    root.getScene() == null ? null : root.getScene().getWindow(), Messages.tr("bundle.ui.export"),
                    fileName.replace(".ldb", "-" + (p == null ? "" : p.label()) + ".ldb"));
            if (f.isEmpty()) {
                java.util.Arrays.fill(pass, '\0');
                return;
            }
            export(f.get(), pass, p);
        }, e -> {
            java.util.Arrays.fill(pass, '\0');
            passphrase.clear();
            passphrase.requestFocus();
            fail(e);
        });
    }

    private void export(Path f, char[] pass, Period p) {
        ctx.runWithProgress(vm.export(f, pass, p).onSuccess(r -> {
                    java.util.Arrays.fill(pass, '\0');
                    passphrase.clear();
                    say(Messages.tr("bundle.ui.exported", r.manifest().sequence(), r.file()));
                    refresh();
                }).onFailure(e -> {
                    java.util.Arrays.fill(pass, '\0');
                    passphrase.clear();
                    fail(e);
                }));
    }

    private void failText(String text) {
        message.setText(text);
        if (!message.getStyleClass().contains("error")) message.getStyleClass().add("error");
    }

    private void enrol(Path f) {
        vm.inspect(f, (PublicKeyFile k) -> {
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, Messages.tr("bundle.ui.trustConfirm", k.officeName(),
                    k.officeCode(), FingerprintWords.grouped(k.fingerprint())), ButtonType.YES, ButtonType.NO);
            a.setHeaderText(Messages.tr("bundle.ui.trustAdd"));
            if (a.showAndWait().orElse(ButtonType.NO) == ButtonType.YES) {
                vm.trust(f, k, t -> refresh(), this::fail);
            }
        }, this::fail);
    }

    /** Step 1 of the import wizard: verify and dry run, then show the counts. Public for tests. */
    public void startImport(Path f) {
        apply.setDisable(true);
        report.getItems().clear();
        ctx.runWithProgress(vm.dryRun(f)
                .onSuccess(r -> {
                    reportTitle.setText(BundleViewModel.dryRunTitle(r));
                    report.getItems().setAll(List.copyOf(r.counts().entrySet()));
                    reportWarnings.setText(String.join("\n", r.warnings()));
                    apply.setDisable(false);
                }).onFailure(this::fail));
    }

    private void applyPending() {
        var task = vm.applyPending(passphrase.getText().toCharArray());
        if (task == null) return;
        apply.setDisable(true);
        ctx.runWithProgress(task.onSuccess(r -> {
                    report.getItems().setAll(List.copyOf(r.counts().entrySet()));
                    say(r.savedWithoutReceiptFile() ? r.receiptProblem()
                            : Messages.tr("bundle.ui.applied", r.districtName(), r.sequence(), r.receipt()));
                    refresh();
                }).onFailure(e -> {
                    apply.setDisable(false);
                    fail(e);
                }));
    }

    private void say(String s) {
        message.getStyleClass().remove("error");
        message.setText(s);
        ctx.window().say(s);
    }

    private void fail(Throwable e) {
        failText(String.valueOf(e.getMessage()));
    }

    private Optional<Path> save(String name) {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(name);
        File f = fc.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        return Optional.ofNullable(f).map(File::toPath);
    }

    private Optional<Path> open() {
        FileChooser fc = new FileChooser();
        File f = fc.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
        return Optional.ofNullable(f).map(File::toPath);
    }

}
