package id.lindungdesa.ui.bundle;

import id.lindungdesa.bundle.BundleServices;
import id.lindungdesa.bundle.FingerprintWords;
import id.lindungdesa.bundle.ImportReport;
import id.lindungdesa.bundle.PublicKeyFile;
import id.lindungdesa.domain.Office;
import id.lindungdesa.domain.OfficeKey;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.SentBundle;
import id.lindungdesa.domain.TrustedKey;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.task.BackgroundTask;
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
public final class BundleScreen implements Screen {
    private final ScreenContext ctx;
    private final BundleServices b;
    private final VBox content = new VBox(12);
    private final ScrollPane root = new ScrollPane(content);
    private final Label message = new Label();
    private final Label fingerprint = new Label();
    private final PasswordField passphrase = new PasswordField();
    private final TableView<SentBundle> sent = new TableView<>();
    private final TableView<TrustedKey> trusted = new TableView<>();
    private final TableView<Map.Entry<String, ImportReport.Counts>> report = new TableView<>();
    private final Label reportTitle = new Label();
    private final Label reportWarnings = new Label();
    private final Button apply = new Button(Messages.tr("bundle.ui.apply"));
    private final VBox keyBox = new VBox(6);
    private Path pending;

    public BundleScreen(ScreenContext ctx) {
        this.ctx = ctx;
        this.b = ctx.services().bundles();
        content.setPadding(new Insets(12));
        root.setFitToWidth(true);
        message.setId("bundleMessage");
        message.setWrapText(true);
        fingerprint.setId("bundleFingerprint");
        fingerprint.setWrapText(true);
        passphrase.setId("bundlePassphrase");
        passphrase.setPromptText(Messages.tr("bundle.ui.passphrase"));

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

    private record State(Optional<Office> office, Optional<OfficeKey> key, List<SentBundle> sent,
                         List<TrustedKey> trusted) {
    }

    private void refresh() {
        ctx.tasks().execute(BackgroundTask.of("bundle", p -> new State(ctx.services().currentOffice(),
                b.keys().activeKey(), b.export().sent(), b.trust().list())).onSuccess(this::show));
    }

    private void show(State s) {
        content.getChildren().clear();
        keyBox.getChildren().clear();
        if (s.key().isPresent()) {
            fingerprint.setText(Messages.tr("bundle.ui.fingerprint", FingerprintWords.grouped(s.key().get()
                    .fingerprint())) + "  (" + s.key().get().keyId() + ")");
            Button pub = new Button(Messages.tr("bundle.ui.exportPublic"));
            pub.setOnAction(e -> save("public-key.json").ifPresent(f -> run("public", p -> b.keys().exportPublic(f),
                    r -> say(f.toString()))));
            keyBox.getChildren().addAll(fingerprint, pub);
        } else {
            PasswordField p1 = new PasswordField();
            p1.setId("bundleNewPassphrase");
            Button create = new Button(Messages.tr("bundle.ui.createKey"));
            create.setId("bundleCreateKey");
            create.setOnAction(e -> {
                char[] pass = p1.getText().toCharArray();
                run("keys", p -> b.keys().init(pass), k -> refresh());
            });
            keyBox.getChildren().addAll(new Label(Messages.tr("bundle.ui.noKey")), new HBox(8, p1, create));
        }
        content.getChildren().add(new TitledPane(Messages.tr("bundle.ui.key"), keyBox));
        OfficeLevel level = s.office().map(Office::level).orElse(OfficeLevel.DISTRICT);
        if (level == OfficeLevel.DISTRICT) {
            sent.getItems().setAll(s.sent());
            Button export = new Button(Messages.tr("bundle.ui.export"));
            export.setId("bundleExport");
            export.setOnAction(e -> save("bundel-" + s.office().map(Office::regionCode).orElse("") + ".ldb")
                    .ifPresent(this::export));
            Button receipt = new Button(Messages.tr("bundle.ui.importReceipt"));
            receipt.setOnAction(e -> open().ifPresent(f -> run("receipt", p -> b.receipts().importReceipt(f),
                    d -> {
                        say(Messages.tr("bundle.ui.receiptImported", d.sequence(), d.province()));
                        refresh();
                    })));
            content.getChildren().add(new TitledPane(Messages.tr("bundle.ui.sent"), new VBox(6,
                    new HBox(8, passphrase, export, receipt), sent)));
        }
        if (level == OfficeLevel.PROVINCE) {
            trusted.getItems().setAll(s.trusted());
            Button add = new Button(Messages.tr("bundle.ui.trustAdd"));
            add.setOnAction(e -> open().ifPresent(this::enrol));
            Button revoke = new Button(Messages.tr("bundle.ui.trustRevoke"));
            revoke.setOnAction(e -> {
                TrustedKey k = trusted.getSelectionModel().getSelectedItem();
                if (k != null) run("revoke", p -> b.trust().revoke(k.keyId(), null), r -> refresh());
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

    private void export(Path f) {
        char[] pass = passphrase.getText().toCharArray();
        ctx.runWithProgress(BackgroundTask.of(Messages.tr("bundle.ui.export"),
                p -> b.export().export(f, pass, null, p)).onSuccess(r -> {
                    say(Messages.tr("bundle.ui.exported", r.manifest().sequence(), r.file()));
                    refresh();
                }).onFailure(this::fail));
    }

    private void enrol(Path f) {
        run("inspect", p -> b.trust().inspect(f), (PublicKeyFile k) -> {
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, Messages.tr("bundle.ui.trustConfirm", k.officeName(),
                    k.officeCode(), FingerprintWords.grouped(k.fingerprint())), ButtonType.YES, ButtonType.NO);
            a.setHeaderText(Messages.tr("bundle.ui.trustAdd"));
            if (a.showAndWait().orElse(ButtonType.NO) == ButtonType.YES) {
                run("trust", p -> b.trust().add(f, k.fingerprint()), t -> refresh());
            }
        });
    }

    /** Step 1 of the import wizard: verify and dry run, then show the counts. Public for tests. */
    public void startImport(Path f) {
        pending = null;
        apply.setDisable(true);
        report.getItems().clear();
        ctx.runWithProgress(BackgroundTask.of(Messages.tr("bundle.ui.import"), p -> b.imports().dryRun(f, p))
                .onSuccess(r -> {
                    pending = f;
                    reportTitle.setText(Messages.tr("bundle.ui.dryRun", r.districtCode(), r.districtName(),
                            r.sequence(), r.period()));
                    report.getItems().setAll(List.copyOf(r.counts().entrySet()));
                    reportWarnings.setText(String.join("\n", r.warnings()));
                    apply.setDisable(false);
                }).onFailure(this::fail));
    }

    private void applyPending() {
        Path f = pending;
        if (f == null) return;
        char[] pass = passphrase.getText().toCharArray();
        apply.setDisable(true);
        ctx.runWithProgress(BackgroundTask.of(Messages.tr("bundle.ui.apply"),
                p -> b.imports().apply(f, pass, null, p)).onSuccess(r -> {
                    pending = null;
                    report.getItems().setAll(List.copyOf(r.counts().entrySet()));
                    say(r.savedWithoutReceiptFile() ? r.receiptProblem()
                            : Messages.tr("bundle.ui.applied", r.districtName(), r.sequence(), r.receipt()));
                    refresh();
                }).onFailure(e -> {
                    apply.setDisable(false);
                    fail(e);
                }));
    }

    private <T> void run(String title, id.lindungdesa.task.Job<T> job, java.util.function.Consumer<T> ok) {
        ctx.tasks().execute(BackgroundTask.of(title, job).onSuccess(ok).onFailure(this::fail));
    }

    private void say(String s) {
        message.setText(s);
        ctx.window().say(s);
    }

    private void fail(Throwable e) {
        message.setText(String.valueOf(e.getMessage()));
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
