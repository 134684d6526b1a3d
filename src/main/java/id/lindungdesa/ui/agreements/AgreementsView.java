package id.lindungdesa.ui.agreements;

import id.lindungdesa.domain.Addendum;
import id.lindungdesa.domain.AddendumChange;
import id.lindungdesa.domain.Agreement;
import id.lindungdesa.domain.AgreementInForce;
import id.lindungdesa.domain.AgreementParty;
import id.lindungdesa.domain.Alert;
import id.lindungdesa.domain.CoverageTerm;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.AgreementService;
import id.lindungdesa.ui.shell.Screen;
import id.lindungdesa.ui.shell.ScreenContext;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * Agreements (PKS): the list with each one's state on a chosen date; the selected one's details, what is in force
 * on that date, its timeline with addenda, and its scanned document; forms to record an agreement and an addendum;
 * and which enrolments each agreement covers (and the gaps).
 */
public final class AgreementsView implements Screen {
    public static final String ID = "agreements";

    private final ScreenContext ctx;
    private final AgreementsViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TableView<AgreementInForce> table = new TableView<>();
    private final TextField dateField = new TextField();
    private final Label message = new Label();
    private final TabPane tabs = new TabPane();
    private final Tab detailsTab = new Tab();
    private final Tab linksTab = new Tab();
    private final VBox details = new VBox(6);
    private final Label inForceTerms = new Label();
    private final ListView<String> timeline = new ListView<>();
    private final ListView<String> uncovered = new ListView<>();
    private final ListView<String> nobody = new ListView<>();
    private final ListView<String> coveredTerms = new ListView<>();
    private final Label linksSummary = new Label();
    private final Button addendumNew = new Button();
    private final Button attach = new Button();
    private final Button openDoc = new Button();
    private UUID pendingSelect;
    private boolean pendingLinks;

    public AgreementsView(ScreenContext ctx) {
        this.ctx = ctx;
        this.vm = new AgreementsViewModel(ctx.services().agreements(), ctx.services().clock(), ctx.tasks());
        table.setId("agreementTable");
        table.setItems(vm.rows());
        table.getColumns().add(column(Messages.tr("agreement.ui.number"), x -> x.agreement().number(), 165));
        table.getColumns().add(column(Messages.tr("agreement.ui.state"), x -> x.state().label(ind()), 85));
        table.getColumns().add(column(Messages.tr("agreement.ui.validity"), x -> Formats.date(x.agreement().validFrom())
                + " – " + Formats.date(x.validTo()), 250));
        table.setPrefWidth(515);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showDetails(b));

        dateField.setId("inForceDate");
        dateField.setPrefColumnCount(10);
        Button show = new Button(Messages.tr("agreement.ui.show"));
        show.setId("inForceShow");
        show.setOnAction(e -> reloadOnTypedDate());
        dateField.setOnAction(e -> reloadOnTypedDate());
        Button create = new Button(Messages.tr("agreement.ui.new"));
        create.setId("agreementNew");
        create.setOnAction(e -> showAgreementForm(null));
        Button edit = new Button(Messages.tr("agreement.ui.edit"));
        edit.setId("agreementEdit");
        edit.setOnAction(e -> selected().ifPresent(this::showAgreementForm));
        addendumNew.setText(Messages.tr("addendum.ui.new"));
        addendumNew.setId("addendumNew");
        addendumNew.setOnAction(e -> selected().ifPresent(this::showAddendumForm));
        attach.setText(Messages.tr("agreement.ui.attach"));
        attach.setId("attachmentAttach");
        attach.setOnAction(e -> selected().ifPresent(this::chooseAndAttach));
        openDoc.setText(Messages.tr("agreement.ui.openDocument"));
        openDoc.setId("attachmentOpen");
        openDoc.setOnAction(e -> selected().ifPresent(this::openDocument));
        var none = table.getSelectionModel().selectedItemProperty().isNull();
        addendumNew.disableProperty().bind(none);
        edit.disableProperty().bind(none);
        attach.disableProperty().bind(none);
        message.setId("agreementMessage");
        message.setWrapText(true);
        for (Button b : List.of(create, edit, addendumNew, attach)) { // at a kecamatan officer: no change action
            b.visibleProperty().bind(vm.editable());
            b.managedProperty().bind(vm.editable());
        }
        Label readOnly = new Label(Messages.tr("agreement.ui.readOnlyAtOfficer"));
        readOnly.setId("agreementReadOnly");
        readOnly.setWrapText(true);
        readOnly.visibleProperty().bind(vm.editable().not());
        readOnly.managedProperty().bind(vm.editable().not());
        HBox bar = new HBox(8, new Label(Messages.tr("agreement.ui.inForceOn")), dateField, show, create, edit, addendumNew,
                attach, openDoc);
        bar.setPadding(new Insets(8));

        detailsTab.setText(Messages.tr("agreement.ui.details"));
        detailsTab.setClosable(false);
        ScrollPane scroll = new ScrollPane(details);
        scroll.setFitToWidth(true);
        detailsTab.setContent(scroll);
        details.setPadding(new Insets(8));
        inForceTerms.setId("inForceTerms");
        inForceTerms.setWrapText(true);
        timeline.setId("timeline");
        timeline.setPrefHeight(200);
        WrappingCells.install(timeline, t -> t);

        linksTab.setText(Messages.tr("agreement.ui.links"));
        linksTab.setClosable(false);
        uncovered.setId("uncoveredList");
        WrappingCells.install(uncovered, t -> t);
        WrappingCells.install(coveredTerms, t -> t);
        WrappingCells.install(nobody, t -> t);
        nobody.setId("nobodyEnrolledList");
        coveredTerms.setId("coveredTermsList");
        linksSummary.setId("linksSummary");
        linksSummary.setWrapText(true);
        VBox linksBox = new VBox(6, linksSummary, h2("agreement.ui.termsInForce"), coveredTerms,
                h2("agreement.ui.uncovered"), uncovered, h2("agreement.ui.nobodyEnrolled"), nobody);
        linksBox.setPadding(new Insets(8));
        linksTab.setContent(linksBox);
        tabs.getTabs().addAll(detailsTab, linksTab);
        tabs.setId("agreementTabs");

        root.setTop(new VBox(bar, readOnly, message));
        root.setLeft(table);
        root.setCenter(tabs);
    }

    private static boolean ind() {
        return Messages.current().indonesian();
    }

    private static <T> TableColumn<T, String> column(String title, java.util.function.Function<T, String> f, double w) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new SimpleStringProperty(f.apply(cd.getValue())));
        c.setPrefWidth(w);
        return c;
    }

    private static Label h2(String key) {
        Label l = new Label(Messages.tr(key));
        l.getStyleClass().add("h2");
        return l;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return Messages.tr("agreement.screen");
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void activate() {
        if (root.getCenter() != tabs) root.setCenter(tabs);
        reload(vm.on().get() == null ? vm.today() : vm.on().get());
    }

    @Override
    public void open(Object target) {
        if (target instanceof Alert.Target t) {
            if ("coverage".equals(t.type())) {
                pendingLinks = true;
            } else {
                pendingSelect = t.id();
            }
        } else if (target instanceof UUID id) {
            pendingSelect = id;
        }
        reload(vm.on().get() == null ? vm.today() : vm.on().get());
    }

    private void reloadOnTypedDate() {
        Optional<LocalDate> d = AgreementsViewModel.parseDate(dateField.getText());
        if (d.isEmpty()) {
            message.setText(Messages.tr("agreement.ui.badDate", dateField.getText()));
            return;
        }
        message.setText("");
        reload(d.get());
    }

    private void reload(LocalDate date) {
        UUID keep = pendingSelect != null ? pendingSelect : selected().map(Agreement::id).orElse(null);
        pendingSelect = null;
        vm.load(date, () -> {
            dateField.setText(Formats.FORM_DATE.format(date));
            fillLinks();
            if (keep != null) {
                vm.rows().stream().filter(x -> x.agreement().id().equals(keep)).findFirst()
                        .ifPresent(x -> table.getSelectionModel().select(x));
            }
            if (table.getSelectionModel().getSelectedItem() == null && !vm.rows().isEmpty()) {
                table.getSelectionModel().select(vm.rows().stream().filter(AgreementInForce::inForce).findFirst()
                        .orElse(vm.rows().getLast()));
            }
            showDetails(table.getSelectionModel().getSelectedItem());
            if (pendingLinks) {
                tabs.getSelectionModel().select(linksTab);
                pendingLinks = false;
            } else {
                tabs.getSelectionModel().select(detailsTab);
            }
            if (root.getCenter() != tabs) root.setCenter(tabs);
        });
    }

    private Optional<Agreement> selected() {
        return Optional.ofNullable(table.getSelectionModel().getSelectedItem()).map(AgreementInForce::agreement);
    }

    // ---------------------------------------------------------------- details

    private void showDetails(AgreementInForce x) {
        details.getChildren().clear();
        openDoc.setDisable(x == null || x.agreement().attachment() == null);
        if (x == null) {
            details.getChildren().add(new Label(Messages.tr("agreement.ui.none")));
            return;
        }
        Agreement a = x.agreement();
        Label title = new Label(a.number() + " — " + a.title());
        title.getStyleClass().add("h2");
        title.setWrapText(true);
        title.setId("agreementTitle");
        details.getChildren().add(title);
        for (AgreementParty p : a.parties()) {
            details.getChildren().add(wrap(roleText(p.role()) + ": " + p.name()
                    + (p.signatory() == null ? "" : " (" + p.signatory() + ")")));
        }
        details.getChildren().add(wrap(Messages.tr("agreement.ui.signed", Formats.date(a.signingDate()))
                + " · " + Messages.tr("agreement.ui.valid", Formats.date(a.validFrom()), Formats.date(a.validTo()))));
        if (!a.legalBases().isEmpty()) {
            details.getChildren().add(wrap(Messages.tr("agreement.ui.legalBases") + ": "
                    + String.join("; ", a.legalBases())));
        }
        if (a.budgetCeiling() != null) {
            details.getChildren().add(wrap(Messages.tr("agreement.ui.budget") + ": " + Formats.rupiah(a.budgetCeiling())));
        }
        if (a.notes() != null) details.getChildren().add(wrap(Messages.tr("agreement.ui.notes") + ": " + a.notes()));
        details.getChildren().add(wrap(Messages.tr("agreement.ui.monevEvery", a.monevIntervalMonths())));
        Label doc = wrap(a.attachment() == null ? Messages.tr("agreement.ui.noDocument")
                : Messages.tr("agreement.ui.document", a.attachment().fileName(),
                        Math.max(1, a.attachment().sizeBytes() / 1024), a.attachment().sha256().substring(0, 16)));
        doc.setId("agreementDocument");
        details.getChildren().add(doc);

        Label inForceHead = new Label(Messages.tr("agreement.ui.inForceHeading", Formats.date(x.on()),
                x.state().label(ind())));
        inForceHead.getStyleClass().add("h2");
        inForceHead.setId("inForceHeading");
        inForceTerms.setText(x.inForce() || !x.terms().isEmpty() ? inForceText(x) : "");
        details.getChildren().addAll(inForceHead, inForceTerms, h2("agreement.ui.timeline"), timeline);
        timeline.getItems().setAll(vm.timeline(a).stream().map(AgreementsView::stepText).toList());
    }

    private static Label wrap(String s) {
        Label l = new Label(s);
        l.setWrapText(true);
        return l;
    }

    static String inForceText(AgreementInForce x) {
        StringBuilder b = new StringBuilder();
        for (CoverageTerm t : x.terms()) b.append("• ").append(termText(t)).append('\n');
        b.append(Messages.tr("agreement.ui.validUntil", Formats.date(x.validTo())));
        if (x.budgetCeiling() != null) {
            b.append(" · ").append(Messages.tr("agreement.ui.budget")).append(' ').append(Formats.rupiah(x.budgetCeiling()));
        }
        if (!x.applied().isEmpty()) {
            b.append('\n').append(Messages.tr("agreement.ui.applied",
                    x.applied().stream().map(Addendum::number).collect(Collectors.joining(", "))));
        }
        return b.toString();
    }

    static String termText(CoverageTerm t) {
        StringBuilder b = new StringBuilder();
        b.append(t.category().label(ind())).append(" (").append(t.fundingSource().label(ind())).append(")");
        if (!t.programmes().isEmpty()) b.append(": ").append(t.programmesText());
        if (t.wageBase() != null) b.append(", ").append(Messages.tr("agreement.ui.wageShort", Formats.rupiah(t.wageBase())));
        if (t.monthlyContribution() != null) {
            b.append(", ").append(Messages.tr("agreement.ui.monthlyShort", Formats.rupiah(t.monthlyContribution())));
        }
        return b.toString();
    }

    static String stepText(AgreementInForce.Step s) {
        String date = Formats.date(s.date()) + " — ";
        return switch (s.kind()) {
            case SIGNED -> date + Messages.tr("agreement.step.signed", s.document());
            case STARTS -> date + Messages.tr("agreement.step.starts",
                    s.termsAfter().stream().map(AgreementsView::termText).collect(Collectors.joining("; ")));
            case ADDENDUM -> {
                List<String> parts = new ArrayList<>();
                for (AddendumChange c : s.changes()) {
                    parts.add(c.kind().label(ind()).toLowerCase(Messages.current().locale()) + " " + termText(c.term()));
                }
                parts.add(Messages.tr("agreement.ui.validUntil", Formats.date(s.validTo())));
                yield date + Messages.tr("agreement.step.addendum", s.document(), String.join("; ", parts));
            }
            case ENDS -> date + Messages.tr("agreement.step.ends");
        };
    }

    private void fillLinks() {
        AgreementService.CoverageLinks l = vm.links().get();
        if (l == null) return;
        linksSummary.setText(Messages.tr("agreement.ui.linksSummary", Formats.date(l.on()), l.covered().size(),
                l.uncovered().size()));
        coveredTerms.getItems().setAll(l.terms().stream().map(t -> t.agreementNumber() + ": " + termText(t.term())
                + " — " + Messages.tr("agreement.ui.enrolled", t.enrolled())).toList());
        List<String> unc = new ArrayList<>();
        l.uncoveredCounts().forEach((k, n) -> unc.add(Messages.tr("agreement.ui.uncoveredLine",
                k.category().label(ind()), k.fundingSource().label(ind()), n)));
        l.uncovered().stream().limit(500).forEach(e -> unc.add("    " + e.fullName() + " — " + e.villageName() + " · "
                + e.category().label(ind()) + " (" + e.fundingSource().label(ind()) + ")"));
        uncovered.getItems().setAll(unc);
        nobody.getItems().setAll(l.nobodyEnrolled().stream().map(t -> t.agreementNumber() + ": "
                + termText(t.term())).toList());
    }

    // ---------------------------------------------------------------- documents

    private void chooseAndAttach(Agreement a) {
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.tr("agreement.ui.attach"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF / JPG / PNG", "*.pdf", "*.PDF",
                "*.jpg", "*.jpeg", "*.png"));
        var f = fc.showOpenDialog(root.getScene().getWindow());
        if (f == null) return;
        vm.attach(a, f.toPath(), after -> {
            message.setText(Messages.tr("agreement.ui.attached", after.attachment().fileName()));
            pendingSelect = a.id();
            reload(vm.on().get());
        }, this::showError);
    }

    private void openDocument(Agreement a) {
        message.setText(Messages.tr("agreement.ui.opening", a.attachment() == null ? "" : a.attachment().fileName()));
        vm.openDocument(a, p -> message.setText(Messages.tr("agreement.ui.opened", p)), this::showError);
    }

    private void showError(Throwable e) {
        message.setText(errorText(e));
        message.getStyleClass().add("error");
    }

    static String errorText(Throwable e) {
        return AgreementsViewModel.errorText(e);
    }

    // ---------------------------------------------------------------- forms

    private GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        return id.lindungdesa.ui.form.Forms.wholeLabels(g);
    }

    private TextField field(String id, String prompt) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(prompt);
        return t;
    }

    /** The agreement form: empty for a new one, filled for {@code existing} (its document is attached separately). */
    private void showAgreementForm(Agreement existing) {
        message.setText("");
        message.getStyleClass().remove("error");
        TextField number = field("agNumber", "445/001/PKS-DPMD/2023");
        TextField title = field("agTitle", "");
        TextField signing = field("agSigning", "dd-mm-yyyy");
        TextField from = field("agFrom", "dd-mm-yyyy");
        TextField to = field("agTo", "dd-mm-yyyy");
        TextArea parties = new TextArea();
        parties.setId("agParties");
        parties.setPromptText(Messages.tr("agreement.ui.partiesPrompt"));
        parties.setPrefRowCount(2);
        TextArea bases = new TextArea();
        bases.setId("agBases");
        bases.setPromptText(Messages.tr("agreement.ui.basesPrompt"));
        bases.setPrefRowCount(3);
        TextField budget = field("agBudget", "Rp");
        TextField months = field("agMonev", "6");
        TextArea notes = new TextArea();
        notes.setId("agNotes");
        notes.setPrefRowCount(2);
        TextField file = field("agAttachment", Messages.tr("agreement.ui.filePrompt"));
        Label hash = new Label();
        hash.setId("agAttachmentHash");
        String[] seenHash = {null};
        Button pick = new Button(Messages.tr("agreement.ui.pick"));
        pick.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            var f = fc.showOpenDialog(root.getScene().getWindow());
            if (f != null) file.setText(f.getAbsolutePath());
            computeHash(file, hash, seenHash);
        });
        file.focusedProperty().addListener((o, was, is) -> {
            if (!is) computeHash(file, hash, seenHash);
        });
        TermLinesView terms = new TermLinesView(false);
        if (existing != null) {
            var f = AgreementsViewModel.AgreementForm.of(existing);
            number.setText(f.number());
            title.setText(f.title());
            signing.setText(f.signing());
            from.setText(f.from());
            to.setText(f.to());
            parties.setText(f.parties());
            bases.setText(f.bases());
            budget.setText(f.budget());
            months.setText(f.months());
            notes.setText(f.notes());
            terms.setTerms(existing.terms());
        }
        Label error = id.lindungdesa.ui.form.Forms.errorLabel("formError");
        GridPane g = grid();
        int r = 0;
        g.addRow(r++, new Label(Messages.tr("agreement.ui.number")), number);
        g.addRow(r++, new Label(Messages.tr("agreement.ui.title")), title);
        g.addRow(r++, new Label(Messages.tr("agreement.ui.signingDate")), signing);
        g.addRow(r++, new Label(Messages.tr("agreement.ui.validFrom")), from);
        g.addRow(r++, new Label(Messages.tr("agreement.ui.validTo")), to);
        g.addRow(r++, new Label(Messages.tr("agreement.ui.parties")), parties);
        g.addRow(r++, new Label(Messages.tr("agreement.ui.legalBases")), bases);
        g.addRow(r++, new Label(Messages.tr("agreement.ui.budget")), budget);
        g.addRow(r++, new Label(Messages.tr("agreement.ui.monevMonths")), months);
        g.addRow(r++, new Label(Messages.tr("agreement.ui.notes")), notes);
        if (existing == null) {
            g.addRow(r++, new Label(Messages.tr("agreement.ui.documentLabel")), new HBox(6, file, pick, hash));
        }
        Button save = new Button(Messages.tr("action.save"));
        save.setId("agSave");
        save.setDefaultButton(true);
        Button cancel = new Button(Messages.tr("action.cancel"));
        cancel.setId("agCancel");
        cancel.setOnAction(e -> root.setCenter(tabs));
        save.setOnAction(e -> {
            error.setText("");
            var read = AgreementsViewModel.readAgreement(new AgreementsViewModel.AgreementForm(number.getText(),
                    title.getText(), signing.getText(), from.getText(), to.getText(), parties.getText(),
                    bases.getText(), budget.getText(), months.getText(), notes.getText()), terms.terms());
            if (!read.ok()) {
                error.setText(read.errorText());
                return;
            }
            var input = read.value();
            var attachment = file.getText().isBlank() ? null
                    : new AgreementService.AttachmentFile(Path.of(file.getText().strip()), seenHash[0]);
            save.setDisable(true);
            if (existing != null) {
                Agreement changed = AgreementsViewModel.changed(existing, input);
                vm.update(changed, a -> {
                    save.setDisable(false);
                    message.setText(Messages.tr("agreement.ui.saved", a.number()));
                    pendingSelect = a.id();
                    reload(vm.on().get());
                }, ex -> {
                    save.setDisable(false);
                    error.setText(errorText(ex));
                });
                return;
            }
            vm.create(input, attachment, a -> {
                save.setDisable(false);
                message.setText(Messages.tr("agreement.ui.saved", a.number()));
                pendingSelect = a.id();
                reload(vm.on().get());
            }, ex -> {
                save.setDisable(false);
                error.setText(errorText(ex));
            });
        });
        VBox form = new VBox(8, existing == null ? h2("agreement.ui.newHeading")
                : new Label(Messages.tr("agreement.ui.editHeading", existing.number())),
                h2("agreement.ui.terms"), terms.node(), g);
        form.getChildren().getFirst().getStyleClass().add("h2");
        form.setPadding(new Insets(10));
        form.setId("agreementForm");
        root.setCenter(formPane(form, error, save, cancel));
    }

    private void computeHash(TextField file, Label hash, String[] seen) {
        if (file.getText().isBlank()) {
            hash.setText("");
            seen[0] = null;
            return;
        }
        vm.hash(Path.of(file.getText().strip()), h -> {
            seen[0] = h;
            hash.setText("SHA-256 " + h.substring(0, 16) + "…");
        }, ex -> {
            seen[0] = null;
            hash.setText(errorText(ex));
        });
    }

    private void showAddendumForm(Agreement a) {
        message.setText("");
        TextField number = field("adNumber", "");
        TextField signing = field("adSigning", "dd-mm-yyyy");
        // Blank: effective on the signing date (issue 13: one field fewer for the usual case).
        TextField effective = field("adEffective", Messages.tr("addendum.ui.effectiveDefault"));
        TextField newTo = field("adNewValidTo", Messages.tr("addendum.ui.unchanged"));
        TextField budget = field("adBudget", Messages.tr("addendum.ui.unchanged"));
        TextArea notes = new TextArea();
        notes.setId("adNotes");
        notes.setPrefRowCount(2);
        TermLinesView changes = new TermLinesView(true);
        // A category chosen takes the source and programmes of the agreement as it stands (issue 13).
        AgreementInForce shown = table.getSelectionModel().getSelectedItem();
        changes.setTemplate(shown != null && shown.agreement().id().equals(a.id()) && !shown.terms().isEmpty()
                ? shown.terms() : a.terms());
        Label error = id.lindungdesa.ui.form.Forms.errorLabel("formError");
        GridPane g = grid();
        int r = 0;
        g.addRow(r++, new Label(Messages.tr("addendum.ui.number")), number);
        g.addRow(r++, new Label(Messages.tr("agreement.ui.signingDate")), signing);
        g.addRow(r++, new Label(Messages.tr("addendum.ui.effective")), effective);
        g.addRow(r++, new Label(Messages.tr("addendum.ui.newValidTo")), newTo);
        g.addRow(r++, new Label(Messages.tr("addendum.ui.newBudget")), budget);
        g.addRow(r++, new Label(Messages.tr("agreement.ui.notes")), notes);
        Button save = new Button(Messages.tr("action.save"));
        save.setId("adSave");
        save.setDefaultButton(true); // Enter saves
        Button cancel = new Button(Messages.tr("action.cancel"));
        cancel.setOnAction(e -> root.setCenter(tabs));
        // An addendum that changes nothing in force: a warning with "save anyway" / "back to the form".
        Label noChange = new Label();
        noChange.setId("adNoChange");
        noChange.setWrapText(true);
        noChange.getStyleClass().add("warning");
        Button noChangeSave = new Button(Messages.tr("addendum.ui.noChangeSave"));
        noChangeSave.setId("adNoChangeSave");
        Button noChangeBack = new Button(Messages.tr("addendum.ui.noChangeBack"));
        noChangeBack.setId("adNoChangeBack");
        VBox noChangeBox = new VBox(6, noChange, new HBox(8, noChangeSave, noChangeBack));
        noChangeBox.setId("adNoChangeBox");
        noChangeBox.setVisible(false);
        noChangeBox.setManaged(false);
        java.util.function.Consumer<Boolean> showNoChange = on -> {
            noChangeBox.setVisible(on);
            noChangeBox.setManaged(on);
            save.setDisable(on);
            save.setDefaultButton(!on);
            noChangeBack.setDefaultButton(on);
        };
        AgreementService.NewAddendum[] pending = {null};
        Runnable store = () -> {
            showNoChange.accept(false);
            save.setDisable(true);
            vm.addAddendum(pending[0], ad -> {
                save.setDisable(false);
                message.setText(Messages.tr("addendum.ui.saved", ad.number(), a.number()));
                pendingSelect = a.id();
                reload(vm.on().get());
            }, ex -> {
                save.setDisable(false);
                error.setText(errorText(ex));
            });
        };
        noChangeSave.setOnAction(e -> store.run());
        noChangeBack.setOnAction(e -> {
            pending[0] = null;
            showNoChange.accept(false);
        });
        save.setOnAction(e -> {
            error.setText("");
            if (!changes.addPending()) return; // a chosen line not yet added is added; its error is shown
            var read = AgreementsViewModel.readAddendum(a.id(), new AgreementsViewModel.AddendumForm(number.getText(),
                    signing.getText(), effective.getText(), newTo.getText(), budget.getText(), notes.getText()),
                    changes.changes());
            if (!read.ok()) {
                error.setText(read.errorText());
                return;
            }
            pending[0] = read.value();
            save.setDisable(true);
            vm.changesNothing(read.value(), nothing -> {
                save.setDisable(false);
                if (nothing) {
                    noChange.setText(Messages.tr("addendum.ui.noChange", a.number(),
                            Formats.date(read.value().effectiveDate())));
                    showNoChange.accept(true);
                } else {
                    store.run();
                }
            }, ex -> {
                save.setDisable(false);
                error.setText(errorText(ex));
            });
        });
        VBox form = new VBox(8, new Label(Messages.tr("addendum.ui.heading", a.number())), g,
                h2("addendum.ui.changes"), changes.node());
        form.getChildren().getFirst().getStyleClass().add("h2");
        form.setPadding(new Insets(10));
        form.setId("addendumForm");
        BorderPane pane = (BorderPane) formPane(form, error, save, cancel);
        ((VBox) pane.getBottom()).getChildren().add(1, noChangeBox);
        root.setCenter(pane);
    }

    /** The form scrolls; its error and buttons stay in view below it. */
    private static Node formPane(VBox form, Label error, Button save, Button cancel) {
        ScrollPane sp = new ScrollPane(form);
        sp.setFitToWidth(true);
        VBox bottom = new VBox(6, error, new HBox(8, save, cancel));
        bottom.setPadding(new Insets(8, 10, 8, 10));
        BorderPane pane = new BorderPane(sp);
        pane.setBottom(bottom);
        return pane;
    }

    /** A party's role as stored ("Pihak Pertama") in the user's language ("First party" in English). */
    static String roleText(String role) {
        if (role == null) return "";
        String key = "agreement.role." + role.strip().toLowerCase(java.util.Locale.ROOT).replace(' ', '_');
        return Messages.current().has(key) ? Messages.tr(key) : role;
    }
}
