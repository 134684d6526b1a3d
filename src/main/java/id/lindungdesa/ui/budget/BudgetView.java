package id.lindungdesa.ui.budget;

import id.lindungdesa.domain.BudgetLine;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.CoverageTarget;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Segment;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.report.Exports;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.ui.shell.Screen;
import id.lindungdesa.ui.shell.ScreenContext;
import java.io.File;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * Budget for a year and funding source with what-if projections (add a category, everyone eligible enrolled, a rate
 * change from a date), and the yearly coverage targets per category.
 */
public final class BudgetView implements Screen {
    private final ScreenContext ctx;
    private final BudgetViewModel vm;
    private final VBox root = new VBox(10);
    private final ScrollPane scroll = new ScrollPane(root);
    private final TextField year = new TextField();
    private final ComboBox<FundingSource> source = new ComboBox<>();
    private final ComboBox<Category> addCategory = new ComboBox<>();
    private final TextField addHeadcount = new TextField();
    private final TextField addWage = new TextField();
    private final CheckBox allEligible = new CheckBox(Messages.tr("budget.allEligible"));
    private final ComboBox<Segment> rateSegment = new ComboBox<>();
    private final ComboBox<Programme> rateProgramme = new ComboBox<>();
    private final TextField ratePercent = new TextField();
    private final id.lindungdesa.ui.form.DateField rateFrom = new id.lindungdesa.ui.form.DateField();
    private final TableView<BudgetLine> current = new TableView<>();
    private final TableView<BudgetLine> projected = new TableView<>();
    private final Label totals = new Label();
    private final Label error = new Label();
    private final TableView<CoverageTarget> targets = new TableView<>();
    private final TextField targetYear = new TextField();
    private final ComboBox<Category> targetCategory = new ComboBox<>();
    private final TextField targetPercent = new TextField();

    public BudgetView(ScreenContext ctx) {
        this.ctx = ctx;
        Services s = ctx.services();
        this.vm = new BudgetViewModel(s.budget(), s.targets(), s.coverage(), new Exports(s), s.clock(), s.actor(),
                ctx.tasks());
        build();
    }

    private static <T extends id.lindungdesa.domain.Labelled> StringConverter<T> labels(String none) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? none : t.label(Messages.current().indonesian());
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private void build() {
        current.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        if (current.getPlaceholder() == null) current.setPlaceholder(new Label(Messages.tr("report.empty")));
        projected.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        if (projected.getPlaceholder() == null) projected.setPlaceholder(new Label(Messages.tr("report.empty")));
        targets.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        if (targets.getPlaceholder() == null) targets.setPlaceholder(new Label(Messages.tr("report.empty")));
        Label title = new Label(Messages.tr("screen.budget"));
        title.getStyleClass().add("h1");
        int thisYear = vm.thisYear();
        year.setId("budgetYear");
        year.setText(Integer.toString(thisYear));
        year.setPrefColumnCount(5);
        source.setId("budgetSource");
        source.getItems().add(null);
        source.getItems().addAll(FundingSource.values());
        source.setConverter(labels(Messages.tr("budget.allSources")));
        Button compute = new Button(Messages.tr("budget.compute"));
        compute.setId("budgetCompute");
        compute.setDefaultButton(true);
        compute.setOnAction(e -> compute());
        Button xlsx = new Button(Messages.tr("budget.exportXlsx"));
        xlsx.setId("budgetXlsx");
        xlsx.setOnAction(e -> export(false));
        Button pdf = new Button(Messages.tr("budget.exportPdf"));
        pdf.setId("budgetPdf");
        pdf.setOnAction(e -> export(true));
        HBox top = new HBox(8, new Label(Messages.tr("budget.year")), year, new Label(Messages.tr("report.col.source")),
                source, compute, xlsx, pdf);
        top.setAlignment(Pos.CENTER_LEFT);

        addCategory.setId("whatIfCategory");
        addCategory.getItems().add(null);
        addCategory.getItems().addAll(Category.values());
        addCategory.setConverter(labels("—"));
        addHeadcount.setPromptText(Messages.tr("budget.headcountPrompt"));
        addWage.setPromptText(Messages.tr("budget.wagePrompt"));
        rateSegment.getItems().addAll(Segment.values());
        rateSegment.setConverter(labels("—"));
        rateProgramme.getItems().addAll(Programme.values());
        rateProgramme.setConverter(labels("—"));
        ratePercent.setPromptText("0,40");
        ratePercent.setPrefColumnCount(5);
        allEligible.setId("whatIfAllEligible");
        FlowPane whatIf = new FlowPane(8, 6,
                new Label(Messages.tr("budget.addCategory")), addCategory, addHeadcount, addWage, allEligible,
                new Label(Messages.tr("budget.rateChange")), rateSegment, rateProgramme, ratePercent,
                new Label(Messages.tr("budget.from")), rateFrom, dateError(rateFrom));
        TitledPane whatIfPane = new TitledPane(Messages.tr("budget.whatIf"), whatIf);
        whatIfPane.setExpanded(true);

        columns(current);
        current.setId("budgetLines");
        columns(projected);
        projected.setId("budgetProjected");
        current.setPrefHeight(220);
        projected.setPrefHeight(160);
        current.setItems(vm.current());
        projected.setItems(vm.projected());
        targets.setItems(vm.targets());
        totals.textProperty().bind(vm.totalsProperty());
        error.textProperty().bind(vm.errorProperty());
        totals.setId("budgetTotals");
        totals.getStyleClass().add("h2");
        error.getStyleClass().add("error");
        error.setWrapText(true);

        targets.setId("targetTable");
        targets.setPrefHeight(160);
        TableColumn<CoverageTarget, String> tr = new TableColumn<>(Messages.tr("report.col.code"));
        tr.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().regionCode()));
        TableColumn<CoverageTarget, String> ty = new TableColumn<>(Messages.tr("budget.year"));
        ty.setCellValueFactory(c -> new SimpleStringProperty(Integer.toString(c.getValue().year())));
        TableColumn<CoverageTarget, String> tc = new TableColumn<>(Messages.tr("report.col.category"));
        tc.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().category() == null
                ? Messages.tr("budget.allCategories") : c.getValue().category().label(Messages.current().indonesian())));
        TableColumn<CoverageTarget, String> tp = new TableColumn<>(Messages.tr("report.col.target"));
        tp.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().percent() + "%"));
        TableColumn<CoverageTarget, String> ts = new TableColumn<>(Messages.tr("budget.targetSource"));
        ts.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().source()));
        targets.getColumns().addAll(List.of(tr, ty, tc, tp, ts));
        targetYear.setId("targetYear");
        targetYear.setText(Integer.toString(thisYear));
        targetYear.setPrefColumnCount(5);
        targetCategory.setId("targetCategory");
        targetCategory.getItems().add(null);
        targetCategory.getItems().addAll(Category.values());
        targetCategory.setConverter(labels(Messages.tr("budget.allCategories")));
        targetPercent.setId("targetPercent");
        targetPercent.setPromptText("60,80");
        targetPercent.setPrefColumnCount(6);
        Button saveTarget = new Button(Messages.tr("budget.saveTarget"));
        saveTarget.setId("targetSave");
        saveTarget.setOnAction(e -> saveTarget());
        FlowPane targetForm = new FlowPane(8, 6, new Label(Messages.tr("budget.year")), targetYear, targetCategory,
                targetPercent, new Label("%"), saveTarget);
        targetForm.setAlignment(Pos.CENTER_LEFT);
        totals.setWrapText(true);
        Label targetTitle = new Label(Messages.tr("budget.targets"));
        targetTitle.getStyleClass().add("h2");
        VBox targetBox = new VBox(6, targetTitle, targets, targetForm);
        targetBox.setPrefWidth(420);

        Label lp = new Label(Messages.tr("budget.projected"));
        VBox budgetBox = new VBox(6, current, totals, lp, projected);
        HBox.setHgrow(budgetBox, javafx.scene.layout.Priority.ALWAYS);
        HBox body = new HBox(12, budgetBox, targetBox);
        root.getChildren().addAll(title, top, whatIfPane, error, body);
        root.setPadding(new Insets(10));
        scroll.setFitToWidth(true);
    }

    private static void columns(TableView<BudgetLine> t) {
        t.getColumns().add(c(Messages.tr("report.col.category"), l -> l.category().label(Messages.current().indonesian())));
        t.getColumns().add(c(Messages.tr("report.col.source"), l -> l.fundingSource().label(Messages.current().indonesian())));
        t.getColumns().add(c(Messages.tr("report.col.headcount"), l -> Integer.toString(l.headcount())));
        t.getColumns().add(c(Messages.tr("report.col.monthly"), l -> Formats.rupiah(l.monthly())));
        t.getColumns().add(c(Messages.tr("report.col.months"), l -> Integer.toString(l.months())));
        t.getColumns().add(c(Messages.tr("report.col.amount"), l -> Formats.rupiah(l.total())));
    }

    private static TableColumn<BudgetLine, String> c(String title, java.util.function.Function<BudgetLine, String> f) {
        TableColumn<BudgetLine, String> col = new TableColumn<>(title);
        col.setCellValueFactory(x -> new SimpleStringProperty(f.apply(x.getValue())));
        return col;
    }

    private static Label dateError(id.lindungdesa.ui.form.DateField f) {
        Label l = new Label();
        l.getStyleClass().add("error");
        l.textProperty().bind(f.errorProperty());
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        return l;
    }

    private BudgetViewModel.Form form() {
        rateFrom.commitText();
        return new BudgetViewModel.Form(year.getText(), source.getValue(), addCategory.getValue(),
                addHeadcount.getText(), addWage.getText(), allEligible.isSelected(), rateSegment.getValue(),
                rateProgramme.getValue(), ratePercent.getText(), rateFrom.getValue());
    }

    private void compute() {
        vm.compute(form());
    }

    private void export(boolean asPdf) {
        var request = vm.read(form());
        if (request.isEmpty()) return;
        FileChooser fc = new FileChooser();
        fc.setInitialFileName("anggaran-" + request.get().year() + (asPdf ? ".pdf" : ".xlsx"));
        File f = fc.showSaveDialog(root.getScene().getWindow());
        if (f == null) return;
        ctx.runWithProgress(vm.export(request.get(), f.toPath(), asPdf)
                .onSuccess(p -> ctx.window().say(Messages.tr("dashboard.exported", p.toString()))));
    }

    private void saveTarget() {
        vm.saveTarget(targetYear.getText(), targetCategory.getValue(), targetPercent.getText());
    }

    private void loadTargets() {
        vm.loadTargets();
    }

    @Override
    public String id() {
        return "budget";
    }

    @Override
    public String title() {
        return Messages.tr("screen.budget");
    }

    @Override
    public Node view() {
        return scroll;
    }

    @Override
    public void activate() {
        loadTargets();
        compute();
    }
}
