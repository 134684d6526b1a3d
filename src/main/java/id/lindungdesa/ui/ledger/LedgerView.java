package id.lindungdesa.ui.ledger;

import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.LedgerService;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.ui.shell.Screen;
import id.lindungdesa.ui.shell.ScreenContext;
import java.time.LocalDate;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Contribution ledger: billed vs paid per month and funding source, the clerk's payments, arrears, and the
 * enrolments that lapse past the configured number of months (applied only after the clerk confirms).
 */
public final class LedgerView implements Screen {
    private final LedgerViewModel vm;
    private final VBox root = new VBox(8);
    private final TextField year = new TextField();
    private final ComboBox<FundingSource> source = new ComboBox<>();
    private final TableView<LedgerService.Month> months = new TableView<>();
    private final TextField payMonth = new TextField();
    private final ComboBox<FundingSource> paySource = new ComboBox<>();
    private final TextField payScope = new TextField();
    private final TextField payAmount = new TextField();
    private final Spinner<Integer> threshold = new Spinner<>(1, 24, LedgerService.DEFAULT_LAPSE_MONTHS);
    private final TableView<LedgerService.LapseCandidate> candidates = new TableView<>();
    private final Label message = new Label();

    public LedgerView(ScreenContext ctx) {
        Services s = ctx.services();
        this.vm = new LedgerViewModel(s.ledger(), s.coverage(), s.clock(), ctx.tasks());
        build();
    }

    private static StringConverter<FundingSource> sources(String none) {
        return new StringConverter<>() {
            @Override
            public String toString(FundingSource f) {
                return f == null ? none : f.label(Messages.current().indonesian());
            }

            @Override
            public FundingSource fromString(String s) {
                return null;
            }
        };
    }

    private static <T> TableColumn<T, String> col(String title, java.util.function.Function<T, String> f) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new SimpleStringProperty(f.apply(x.getValue())));
        return c;
    }

    private void build() {
        months.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        if (months.getPlaceholder() == null) months.setPlaceholder(new Label(Messages.tr("report.empty")));
        candidates.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        if (candidates.getPlaceholder() == null) candidates.setPlaceholder(new Label(Messages.tr("report.empty")));
        Label title = new Label(Messages.tr("screen.ledger"));
        title.getStyleClass().add("h1");
        LocalDate today = vm.today();
        year.setId("ledgerYear");
        year.setText(Integer.toString(today.getYear()));
        year.setPrefColumnCount(5);
        source.setId("ledgerSource");
        source.getItems().add(null);
        source.getItems().addAll(FundingSource.values());
        source.setConverter(sources(Messages.tr("budget.allSources")));
        Button show = new Button(Messages.tr("ledger.show"));
        show.setId("ledgerShow");
        show.setOnAction(e -> load());
        HBox top = new HBox(8, new Label(Messages.tr("budget.year")), year, source, show);
        top.setAlignment(Pos.CENTER_LEFT);

        months.setId("ledgerMonths");
        months.getColumns().add(col(Messages.tr("report.col.month"), (LedgerService.Month m) -> Formats.month(m.month())));
        months.getColumns().add(col(Messages.tr("report.col.source"),
                (LedgerService.Month m) -> m.fundingSource().label(Messages.current().indonesian())));
        months.getColumns().add(col(Messages.tr("ledger.insured"), (LedgerService.Month m) -> Integer.toString(m.insured())));
        months.getColumns().add(col(Messages.tr("ledger.billed"), (LedgerService.Month m) -> Formats.rupiah(m.billed())));
        months.getColumns().add(col(Messages.tr("ledger.paid"), (LedgerService.Month m) -> Formats.rupiah(m.paid())));
        months.getColumns().add(col(Messages.tr("ledger.arrears"), (LedgerService.Month m) -> Formats.rupiah(m.arrears())));
        months.getColumns().add(col(Messages.tr("ledger.cumulative"),
                (LedgerService.Month m) -> Formats.rupiah(m.cumulativeArrears())));
        VBox.setVgrow(months, Priority.ALWAYS);

        payMonth.setId("payMonth");
        payMonth.setText(Formats.month(vm.defaultPaymentMonth()));
        payMonth.setPrefColumnCount(8);
        paySource.setId("paySource");
        paySource.getItems().addAll(FundingSource.values());
        paySource.setValue(FundingSource.APBD);
        paySource.setConverter(sources("—"));
        payScope.setId("payScope");
        payScope.setPromptText(Messages.tr("ledger.scopePrompt"));
        payAmount.setId("payAmount");
        payAmount.setPromptText(Messages.tr("ledger.amountPrompt"));
        Button pay = new Button(Messages.tr("ledger.record"));
        pay.setId("paySave");
        pay.setOnAction(e -> pay());
        HBox payForm = new HBox(8, new Label(Messages.tr("ledger.payment")), payMonth, paySource, payScope, payAmount,
                pay);
        payForm.setAlignment(Pos.CENTER_LEFT);

        threshold.setId("lapseThreshold");
        threshold.setPrefWidth(80);
        Button saveThreshold = new Button(Messages.tr("action.save"));
        saveThreshold.setOnAction(e -> vm.saveThreshold(threshold.getValue()));
        vm.thresholdProperty().addListener((o, a, b) -> threshold.getValueFactory().setValue(b.intValue()));
        Button apply = new Button(Messages.tr("ledger.apply"));
        apply.setId("applyLapses");
        apply.setOnAction(e -> confirmLapses());
        HBox lapseBar = new HBox(8, new Label(Messages.tr("ledger.threshold")), threshold, saveThreshold, apply);
        lapseBar.setAlignment(Pos.CENTER_LEFT);
        candidates.setId("lapseCandidates");
        candidates.setPrefHeight(200);
        candidates.getColumns().add(col(Messages.tr("report.col.name"), (LedgerService.LapseCandidate c) -> c.fullName()));
        candidates.getColumns().add(col("NIK", (LedgerService.LapseCandidate c) -> c.nik()));
        candidates.getColumns().add(col(Messages.tr("report.col.village"), (LedgerService.LapseCandidate c) -> c.villageName()));
        candidates.getColumns().add(col(Messages.tr("report.col.source"),
                (LedgerService.LapseCandidate c) -> c.fundingSource().label(Messages.current().indonesian())));
        candidates.getColumns().add(col(Messages.tr("ledger.monthsUnpaid"),
                (LedgerService.LapseCandidate c) -> Integer.toString(c.monthsUnpaid())));
        candidates.getColumns().add(col(Messages.tr("ledger.arrears"),
                (LedgerService.LapseCandidate c) -> Formats.rupiah(c.arrears())));
        candidates.getColumns().add(col(Messages.tr("ledger.lapseDate"),
                (LedgerService.LapseCandidate c) -> Formats.date(c.lapseDate())));
        months.setItems(vm.months());
        candidates.setItems(vm.candidates());
        message.textProperty().bind(vm.messageProperty());
        message.setId("ledgerMessage");
        message.setWrapText(true);
        Label lapses = new Label(Messages.tr("ledger.candidates"));
        lapses.getStyleClass().add("h2");
        root.getChildren().addAll(title, top, months, payForm, message, lapses, lapseBar, candidates);
        root.setPadding(new Insets(10));
    }

    private void load() {
        vm.load(year.getText(), source.getValue());
    }

    private void loadCandidates() {
        vm.loadCandidates();
    }

    private void pay() {
        vm.pay(payMonth.getText(), paySource.getValue(), payScope.getText(), payAmount.getText());
    }

    private void confirmLapses() {
        int n = vm.lapseIds().size();
        if (n == 0) return;
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, Messages.tr("ledger.confirm", n),
                ButtonType.OK, ButtonType.CANCEL);
        a.setHeaderText(null);
        id.lindungdesa.ui.form.Forms.fitScreen(a);
        if (a.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) return;
        vm.applyLapses();
    }

    @Override
    public String id() {
        return "ledger";
    }

    @Override
    public String title() {
        return Messages.tr("screen.ledger");
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void activate() {
        if (payScope.getText().isBlank()) payScope.setText(vm.officeRegion());
        load();
        loadCandidates();
    }
}
