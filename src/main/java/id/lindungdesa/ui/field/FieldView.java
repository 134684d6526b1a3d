package id.lindungdesa.ui.field;

import id.lindungdesa.bundle.FingerprintWords;
import id.lindungdesa.bundle.PublicKeyFile;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.TrustedKey;
import id.lindungdesa.field.FieldMergeService.Item;
import id.lindungdesa.field.FieldMergeService.Take;
import id.lindungdesa.field.FieldVisitService;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.ui.report.SaveDialog;
import id.lindungdesa.ui.shell.Screen;
import id.lindungdesa.ui.shell.ScreenContext;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * "Kunjungan lapangan" (issue 15). At a district: enrol an officer's key, issue a package of the officer's
 * kecamatan, the packages issued and their state, the merge wizard (dry-run preview, then apply, which writes the
 * signed receipt), the merged returns with their counts, and every open conflict with base / district / officer
 * side by side, settled with one click. At a kecamatan office: open a package (after comparing the district's
 * fingerprint words), the local changes not yet returned, make the return, import the receipt. Crypto, file and
 * database work runs in the background (progress in the status bar); listeners are removed on deactivate.
 */
public final class FieldView implements Screen {
    /** Which file to open: the system's dialog; replaceable in tests, where a robot cannot drive it. */
    @FunctionalInterface
    public interface OpenChooser {
        Optional<Path> choose(Window owner, String title);
    }

    private static volatile OpenChooser openChooser = FieldView::systemOpen;

    /** For tests: answer instead of the system's open dialog (null: the system's dialog again). */
    public static void setOpenChooser(OpenChooser c) {
        openChooser = c == null ? FieldView::systemOpen : c;
    }

    private final ScreenContext ctx;
    private final FieldViewModel vm;
    private final VBox content = new VBox(12);
    private final ScrollPane root = new ScrollPane(content);
    private final Label message = new Label();
    private final PasswordField passphrase = new PasswordField();
    private final ComboBox<TrustedKey> officer = new ComboBox<>();
    private final TableView<FieldViewModel.PackageRow> packages = new TableView<>();
    private final TableView<FieldViewModel.MergedRow> merged = new TableView<>();
    private final TableView<Item> conflicts = new TableView<>();
    private final TableView<Item> preview = new TableView<>();
    private final TableView<FieldViewModel.ReturnRow> returns = new TableView<>();
    private final Label previewSummary = new Label();
    private final Label officerSummary = new Label();
    private final Label noConflicts = new Label(Messages.tr("field.ui.noConflicts"));
    private final Button apply = new Button(Messages.tr("field.ui.apply"));
    private final TextField ownValue = new TextField();
    private final ChangeListener<String> messageListener = (o, a, b) -> showMessage(b);
    private final ListChangeListener<TrustedKey> officersListener = c -> keepOfficerChoice();
    private final ListChangeListener<Item> conflictsListener = c -> noConflicts.setVisible(conflicts.getItems()
            .isEmpty());
    private boolean built;

    public FieldView(ScreenContext ctx) {
        this.ctx = ctx;
        this.vm = new FieldViewModel(ctx.services().field(), ctx.services().bundles().trust(),
                ctx.services()::currentOffice, ctx.tasks());
        content.setPadding(new Insets(12));
        root.setFitToWidth(true);
        message.setId("fieldMessage");
        message.setWrapText(true);
        passphrase.setId("fieldPassphrase");
        passphrase.setPromptText(Messages.tr("bundle.ui.passphrase"));
        passphrase.setAccessibleText(Messages.tr("bundle.s6.passphraseLabel"));
        passphrase.setPrefColumnCount(18);
    }

    /** The view-model (for tests). */
    public FieldViewModel viewModel() {
        return vm;
    }

    @Override
    public String id() {
        return "field";
    }

    @Override
    public String title() {
        return Messages.tr("screen.field");
    }

    @Override
    public boolean shownTo(OfficeLevel level) {
        return level == OfficeLevel.DISTRICT || level == OfficeLevel.SUBDISTRICT;
    }

    @Override
    public Node view() {
        if (!built) build();
        return root;
    }

    @Override
    public void activate() {
        vm.messageProperty().addListener(messageListener);
        vm.officers().addListener(officersListener);
        vm.conflicts().addListener(conflictsListener);
        vm.refresh();
    }

    @Override
    public void deactivate() {
        vm.messageProperty().removeListener(messageListener);
        vm.officers().removeListener(officersListener);
        vm.conflicts().removeListener(conflictsListener);
    }

    private void build() {
        built = true;
        Label intro = new Label(Messages.tr(vm.level() == OfficeLevel.SUBDISTRICT ? "field.ui.introOfficer"
                : "field.ui.introDistrict"));
        intro.setWrapText(true);
        Label passLabel = new Label(Messages.tr("bundle.s6.passphraseLabel"));
        passLabel.setLabelFor(passphrase);
        passLabel.setMinWidth(Label.USE_PREF_SIZE);
        HBox pass = new HBox(8, passLabel, passphrase);
        pass.setAlignment(Pos.CENTER_LEFT);
        content.getChildren().addAll(intro, pass);
        if (vm.level() == OfficeLevel.SUBDISTRICT) buildOfficer();
        else buildDistrict();
        content.getChildren().add(message);
    }

    // ---------------------------------------------------------------- district

    private void buildDistrict() {
        officer.setId("fieldOfficer");
        officer.setItems(vm.officers());
        officer.setPromptText(Messages.tr("field.ui.chooseOfficer"));
        officer.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(TrustedKey k) {
                return k == null ? "" : Messages.tr("field.ui.officerItem", k.officeCode(), k.officeName(), k.keyId());
            }

            @Override
            public TrustedKey fromString(String s) {
                return null;
            }
        });
        Button issue = new Button(Messages.tr("field.ui.issue"));
        issue.setId("fieldIssue");
        issue.setOnAction(e -> issue());
        Button enrol = new Button(Messages.tr("field.ui.enrolOfficer"));
        enrol.setId("fieldEnrolOfficer");
        enrol.setOnAction(e -> open(Messages.tr("field.ui.enrolOfficer")).ifPresent(this::enrol));
        Label officerLabel = new Label(Messages.tr("field.ui.officer"));
        officerLabel.setLabelFor(officer);
        officerLabel.setMinWidth(Label.USE_PREF_SIZE);
        HBox issueRow = new HBox(8, officerLabel, officer, issue, enrol);
        issueRow.setAlignment(Pos.CENTER_LEFT);

        packages.setId("fieldPackages");
        packages.setItems(vm.packages());
        packages.getColumns().add(col(Messages.tr("bundle.ui.sequence"), r -> "#" + r.pkg().sequence()));
        packages.getColumns().add(col(Messages.tr("field.ui.kecamatan"), r -> r.pkg().kecamatanCode()));
        packages.getColumns().add(col(Messages.tr("field.ui.officer"), r -> r.pkg().officerName() + " ("
                + r.pkg().officerKeyId() + ")"));
        packages.getColumns().add(col(Messages.tr("field.ui.issuedAt"), r -> Formats.dateTime(r.pkg().issuedAt(),
                Messages.current())));
        packages.getColumns().add(col(Messages.tr("field.ui.state"), FieldViewModel.PackageRow::state));
        packages.getColumns().add(col(Messages.tr("field.ui.records"), r -> String.valueOf(r.records())));
        packages.setPrefHeight(150);
        packages.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TitledPane issuePane = new TitledPane(Messages.tr("field.ui.packagesTitle"), new VBox(6, issueRow, packages));

        Button choose = new Button(Messages.tr("field.ui.chooseReturn"));
        choose.setId("fieldMergeChoose");
        choose.setOnAction(e -> open(Messages.tr("field.ui.chooseReturn")).ifPresent(this::startMerge));
        previewSummary.setId("fieldPreviewSummary");
        previewSummary.setWrapText(true);
        previewSummary.textProperty().bind(vm.previewSummaryProperty());
        preview.setId("fieldPreview");
        preview.setItems(vm.preview());
        conflictColumns(preview, false);
        preview.setPrefHeight(120);
        apply.setId("fieldApply");
        apply.setDisable(true);
        apply.setOnAction(e -> applyMerge());
        TitledPane mergePane = new TitledPane(Messages.tr("field.ui.mergeTitle"), new VBox(6,
                new Label(Messages.tr("field.ui.mergeHint")), choose, previewSummary, preview, apply));

        merged.setId("fieldMerged");
        merged.setItems(vm.merged());
        merged.getColumns().add(col(Messages.tr("bundle.ui.sequence"), r -> "#" + r.sequence()));
        merged.getColumns().add(col(Messages.tr("field.ui.officer"), FieldViewModel.MergedRow::officer));
        merged.getColumns().add(col(Messages.tr("field.ui.applied"), r -> String.valueOf(r.applied())));
        merged.getColumns().add(col(Messages.tr("field.ui.unchanged"), r -> String.valueOf(r.unchanged())));
        merged.getColumns().add(col(Messages.tr("field.ui.conflicts"), r -> String.valueOf(r.conflicts())));
        merged.getColumns().add(col(Messages.tr("field.ui.mergedAt"), r -> Formats.dateTime(r.mergedAt(),
                Messages.current())));
        merged.setPrefHeight(120);
        merged.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TitledPane mergedPane = new TitledPane(Messages.tr("field.ui.mergedTitle"), merged);

        conflicts.setId("fieldConflicts");
        conflicts.setItems(vm.conflicts());
        conflictColumns(conflicts, true);
        conflicts.setPrefHeight(200);
        noConflicts.setId("fieldNoConflicts");
        noConflicts.managedProperty().bind(noConflicts.visibleProperty());
        ownValue.setId("fieldOwnValue");
        ownValue.setPromptText(Messages.tr("field.ui.ownValuePrompt"));
        Button takeOwn = new Button(Messages.tr("field.ui.takeOwn"));
        takeOwn.setId("fieldTakeOwn");
        takeOwn.setOnAction(e -> {
            Item c = conflicts.getSelectionModel().getSelectedItem();
            if (c == null) {
                showMessage(Messages.tr("field.ui.selectConflict"));
                return;
            }
            vm.resolve(c, Take.VALUE, ownValue.getText().isBlank() ? null : ownValue.getText().strip());
            ownValue.clear();
        });
        HBox own = new HBox(8, new Label(Messages.tr("field.ui.ownValue")), ownValue, takeOwn);
        own.setAlignment(Pos.CENTER_LEFT);
        TitledPane conflictPane = new TitledPane(Messages.tr("field.ui.conflictsTitle"), new VBox(6,
                new Label(Messages.tr("field.ui.conflictsHint")), noConflicts, conflicts, own));
        content.getChildren().addAll(issuePane, mergePane, conflictPane, mergedPane);
    }

    /** Base / district / officer side by side; on the open list, one click settles a row. */
    private void conflictColumns(TableView<Item> t, boolean actions) {
        t.getColumns().add(col(Messages.tr("field.ui.record"), c -> vm.recordLabel(c)));
        t.getColumns().add(col(Messages.tr("field.ui.field"), c -> FieldViewModel.fieldName(c.field())));
        t.getColumns().add(col(Messages.tr("field.ui.base"), c -> show(c.base())));
        t.getColumns().add(col(Messages.tr("field.ui.district"), c -> show(c.district())));
        t.getColumns().add(col(Messages.tr("field.ui.officerValue"), c -> show(c.officer())));
        t.getColumns().add(col(Messages.tr("field.ui.byOfficer"), c -> c.officerName()
                + (c.otherOfficers().isEmpty() ? "" : "; " + Messages.tr("field.ui.alsoOfficers",
                String.join(", ", c.otherOfficers())))));
        if (actions) {
            TableColumn<Item, Item> act = new TableColumn<>(Messages.tr("field.ui.settle"));
            act.setCellValueFactory(d -> new javafx.beans.property.SimpleObjectProperty<>(d.getValue()));
            act.setCellFactory(c -> new TableCell<>() {
                private final Button district = new Button(Messages.tr("field.ui.takeDistrict"));
                private final Button officerBtn = new Button(Messages.tr("field.ui.takeOfficer"));
                private final HBox box = new HBox(4, district, officerBtn);

                {
                    district.getStyleClass().add("field-take-district");
                    officerBtn.getStyleClass().add("field-take-officer");
                    district.setOnAction(e -> vm.resolve(getItem(), Take.DISTRICT, null));
                    officerBtn.setOnAction(e -> vm.resolve(getItem(), Take.OFFICER, null));
                }

                @Override
                protected void updateItem(Item item, boolean empty) {
                    super.updateItem(item, empty);
                    setGraphic(empty || item == null ? null : box);
                }
            });
            act.setMinWidth(260);
            t.getColumns().add(act);
        }
    }

    private static String show(String v) {
        return v == null ? "—" : v;
    }

    private void issue() {
        TrustedKey k = officer.getValue();
        if (k == null) {
            showMessage(Messages.tr("field.ui.chooseOfficer"));
            return;
        }
        if (passphrase.getText().isEmpty()) {
            showMessage(Messages.tr("bundle.s6.passphraseMissing"));
            passphrase.requestFocus();
            return;
        }
        Optional<Path> f = SaveDialog.ask(window(), Messages.tr("field.ui.issue"), vm.packageFileName(k));
        if (f.isEmpty()) return;
        char[] pass = passphrase.getText().toCharArray();
        passphrase.clear();
        ctx.runWithProgress(vm.issuePackage(k, f.get(), pass));
    }

    private void enrol(Path f) {
        vm.inspectOfficerKey(f, (PublicKeyFile k) -> {
            if (confirmWords(Messages.tr("field.ui.enrolOfficer"), Messages.tr("field.ui.enrolConfirm",
                    k.officeName(), k.officeCode(), FingerprintWords.grouped(k.fingerprint())))) {
                vm.enrolOfficer(f, k);
            }
        });
    }

    /** Step 1 of the merge wizard (public for tests, which cannot drive the system's file dialog). */
    public void startMerge(Path f) {
        if (passphrase.getText().isEmpty()) {
            showMessage(Messages.tr("field.ui.passphraseForMerge"));
            passphrase.requestFocus();
            return;
        }
        apply.setDisable(true);
        char[] pass = passphrase.getText().toCharArray();
        var task = vm.previewMerge(f, pass);
        ctx.runWithProgress(task.onSuccess(chain(task.successHandler(), r -> apply.setDisable(false))));
    }

    private void applyMerge() {
        if (passphrase.getText().isEmpty()) {
            showMessage(Messages.tr("field.ui.passphraseForMerge"));
            passphrase.requestFocus();
            return;
        }
        char[] pass = passphrase.getText().toCharArray();
        var task = vm.applyMerge(pass);
        if (task == null) return;
        apply.setDisable(true);
        passphrase.clear();
        ctx.runWithProgress(task);
    }

    // ---------------------------------------------------------------- officer

    private void buildOfficer() {
        officerSummary.setId("fieldOfficerSummary");
        officerSummary.setWrapText(true);
        officerSummary.textProperty().bind(vm.officerSummaryProperty());
        Button openBtn = new Button(Messages.tr("field.ui.open"));
        openBtn.setId("fieldOpen");
        openBtn.setOnAction(e -> open(Messages.tr("field.ui.open")).ifPresent(this::openPackage));
        TitledPane pkgPane = new TitledPane(Messages.tr("field.ui.packageTitle"), new VBox(6, officerSummary,
                openBtn));

        Button ret = new Button(Messages.tr("field.ui.return"));
        ret.setId("fieldReturn");
        ret.setOnAction(e -> writeReturn());
        Button receipt = new Button(Messages.tr("field.ui.receipt"));
        receipt.setId("fieldReceipt");
        receipt.setOnAction(e -> open(Messages.tr("field.ui.receipt")).ifPresent(vm::importReceipt));
        returns.setId("fieldReturns");
        returns.setItems(vm.returns());
        returns.getColumns().add(col(Messages.tr("bundle.ui.sequence"), r -> "#" + r.sequence()));
        returns.getColumns().add(col(Messages.tr("bundle.ui.created"), r -> Formats.dateTime(r.createdAt(),
                Messages.current())));
        returns.getColumns().add(col(Messages.tr("bundle.ui.delivered"), FieldViewModel.ReturnRow::delivered));
        returns.setPrefHeight(140);
        returns.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TitledPane retPane = new TitledPane(Messages.tr("field.ui.returnTitle"), new VBox(6,
                new Label(Messages.tr("field.ui.returnHint")), new HBox(8, ret, receipt), returns));
        content.getChildren().addAll(pkgPane, retPane);
    }

    /** Opening a package (public for tests): the district's words are shown to compare before anything is saved. */
    public void openPackage(Path f) {
        if (passphrase.getText().isEmpty()) {
            showMessage(Messages.tr("field.ui.passphraseForOpen"));
            passphrase.requestFocus();
            return;
        }
        vm.peek(f, (FieldVisitService.Peek p) -> {
            if (!p.trusted() && !confirmWords(Messages.tr("field.ui.open"), Messages.tr("field.ui.openConfirm",
                    p.manifest().sequence(), p.manifest().kecamatan().code(), p.manifest().kecamatan().name(),
                    p.districtName(), FingerprintWords.grouped(p.fingerprint())))) {
                showMessage(Messages.tr("field.ui.notOpened"));
                return;
            }
            char[] pass = passphrase.getText().toCharArray();
            passphrase.clear();
            ctx.runWithProgress(vm.open(f, pass));
        });
    }

    private void writeReturn() {
        if (passphrase.getText().isEmpty()) {
            showMessage(Messages.tr("bundle.s6.passphraseMissing"));
            passphrase.requestFocus();
            return;
        }
        Optional<Path> f = SaveDialog.ask(window(), Messages.tr("field.ui.return"), vm.returnFileName());
        if (f.isEmpty()) return;
        char[] pass = passphrase.getText().toCharArray();
        passphrase.clear();
        ctx.runWithProgress(vm.writeReturn(f.get(), pass));
    }

    // ---------------------------------------------------------------- helpers

    /** Asks the clerk to confirm the words were compared; the buttons say what they do. */
    private boolean confirmWords(String title, String text) {
        ButtonType same = new ButtonType(Messages.tr("field.ui.wordsSame"), ButtonBar.ButtonData.YES);
        ButtonType differ = new ButtonType(Messages.tr("field.ui.wordsDiffer"), ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, same, differ);
        a.initOwner(window());
        a.setHeaderText(title);
        a.getDialogPane().lookupButton(same).setId("fieldWordsSame");
        a.getDialogPane().lookupButton(differ).setId("fieldWordsDiffer");
        a.getDialogPane().setMinWidth(560);
        return a.showAndWait().orElse(differ) == same;
    }

    private void showMessage(String text) {
        message.setText(text == null ? "" : text);
        if (text != null && !text.isEmpty()) ctx.window().say(text);
    }

    private void keepOfficerChoice() {
        TrustedKey was = officer.getValue();
        if (was != null && vm.officers().stream().noneMatch(k -> k.keyId().equals(was.keyId()))) {
            officer.setValue(null);
        }
        if (officer.getValue() == null && vm.officers().size() == 1) officer.setValue(vm.officers().getFirst());
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private Optional<Path> open(String title) {
        return openChooser.choose(window(), title);
    }

    private static Optional<Path> systemOpen(Window owner, String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        File f = fc.showOpenDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    private static <T> TableColumn<T, String> col(String title, Function<T, String> f) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        return c;
    }

    private static <T> java.util.function.Consumer<T> chain(java.util.function.Consumer<? super T> first,
                                                            java.util.function.Consumer<T> then) {
        return t -> {
            if (first != null) first.accept(t);
            then.accept(t);
        };
    }
}
