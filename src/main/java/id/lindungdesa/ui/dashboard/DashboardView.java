package id.lindungdesa.ui.dashboard;

import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.CoverageCount;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.RosterRow;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.report.Exports;
import id.lindungdesa.service.CoverageService;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.Job;
import id.lindungdesa.ui.shell.Screen;
import id.lindungdesa.ui.shell.ScreenContext;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * Dashboard: coverage by category and by kecamatan against the target line, the year's budget by funding source,
 * the 24-month trend; a bar drills down to its villages, a village to its people. Exports from here.
 */
public final class DashboardView implements Screen {
    private final ScreenContext ctx;
    private final DashboardViewModel vm;
    private final BorderPane root = new BorderPane();
    private final id.lindungdesa.ui.form.DateField date = new id.lindungdesa.ui.form.DateField();
    private final Label dateError = new Label();
    private final Label summary = new Label();
    private final Label error = new Label();
    private final TargetBarChart byCategory = new TargetBarChart(Messages.tr("dashboard.category"));
    private final TargetBarChart byKecamatan = new TargetBarChart(Messages.tr("dashboard.kecamatan"));
    private final PieChart funding = new PieChart();
    private final LineChart<String, Number> trend = new LineChart<>(new CategoryAxis(), new NumberAxis(0, 100, 25));
    private final TableView<CoverageService.Area> villages = new TableView<>();
    private final TableView<RosterRow> people = new TableView<>();
    private final Label villagesTitle = new Label();
    private final Label peopleTitle = new Label();
    private final InvalidationListener onOverview = o -> show();
    private final InvalidationListener onFunding = o -> showFunding();

    public DashboardView(ScreenContext ctx) {
        this.ctx = ctx;
        this.vm = new DashboardViewModel(ctx.services().coverage(), ctx.services().budget(), ctx.services().roster(),
                ctx.services().clock(), ctx.tasks());
        build();
    }

    private void build() {
        villages.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        if (villages.getPlaceholder() == null) villages.setPlaceholder(new Label(Messages.tr("report.empty")));
        people.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        if (people.getPlaceholder() == null) people.setPlaceholder(new Label(Messages.tr("report.empty")));
        date.setId("dashDate");
        date.setValue(vm.date.get());
        date.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(vm.date.get())) {
                vm.date.set(b);
                vm.refresh();
            }
        });
        Button refresh = new Button(Messages.tr("dashboard.refresh"));
        refresh.setId("dashRefresh");
        refresh.setOnAction(e -> vm.refresh());
        MenuButton export = new MenuButton(Messages.tr("dashboard.export"));
        export.setId("dashExport");
        export.getItems().addAll(
                exportItem("exportCoverageXlsx", "dashboard.export.coverage", "cakupan.xlsx",
                        (ex, f) -> p -> ex.coverageXlsx(f, vm.date.get(), p)),
                exportItem("exportMonevPdf", "dashboard.export.pdf", "monev.pdf",
                        (ex, f) -> p -> ex.monevPdf(f, vm.date.get(), p)),
                exportItem("exportRosterXlsx", "dashboard.export.roster", "aparat.xlsx",
                        (ex, f) -> p -> ex.rosterXlsx(f, vm.date.get(), p)),
                exportItem("exportBpjsXlsx", "dashboard.export.bpjs", "daftar-kolektif-bpjs.xlsx",
                        (ex, f) -> p -> ex.bpjsXlsx(f, vm.date.get(), false, p)));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label title = new Label(Messages.tr("screen.dashboard"));
        title.getStyleClass().add("h1");
        HBox top = new HBox(10, title, spacer, new Label(Messages.tr("dashboard.date")), date, refresh, export);
        top.setAlignment(Pos.CENTER_LEFT);
        summary.setId("dashSummary");
        summary.setWrapText(true);
        error.getStyleClass().add("error");
        dateError.setId("dashDateError");
        dateError.getStyleClass().add("error");
        dateError.textProperty().bind(date.errorProperty());
        dateError.managedProperty().bind(dateError.textProperty().isNotEmpty());
        VBox header = new VBox(6, top, dateError, summary, error);
        header.setPadding(new Insets(10));

        byCategory.setId("chartCategory");
        byCategory.setTitle(Messages.tr("dashboard.chart.category"));
        byKecamatan.setId("chartKecamatan");
        byKecamatan.setTitle(Messages.tr("dashboard.chart.kecamatan"));
        funding.setId("chartFunding");
        funding.setTitle(Messages.tr("dashboard.chart.funding"));
        funding.setAnimated(false);
        funding.setLegendVisible(true);
        trend.setId("chartTrend");
        trend.setTitle(Messages.tr("dashboard.chart.trend"));
        trend.setAnimated(false);
        trend.setCreateSymbols(false);
        trend.getYAxis().setLabel("%");
        GridPane charts = new GridPane();
        charts.setHgap(8);
        charts.setVgap(8);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        charts.getColumnConstraints().addAll(half, half);
        charts.add(byCategory, 0, 0);
        charts.add(byKecamatan, 1, 0);
        charts.add(funding, 0, 1);
        charts.add(trend, 1, 1);
        for (Node n : charts.getChildren()) ((Region) n).setPrefHeight(260);

        villages.setId("dashVillages");
        villages.setPlaceholder(new Label(Messages.tr("dashboard.pickBar")));
        villages.getColumns().add(col(Messages.tr("dashboard.village"), a -> a.name()));
        villages.getColumns().add(col(Messages.tr("report.col.covered"), a -> Integer.toString(count(a).covered())));
        villages.getColumns().add(col(Messages.tr("report.col.eligible"), a -> Integer.toString(count(a).eligible())));
        villages.getColumns().add(col(Messages.tr("report.col.percent"), a -> Formats.percent(count(a).ratio())));
        villages.getColumns().add(col(Messages.tr("dashboard.status"), a -> Messages.tr(a.fullyCovered() == 1
                ? "report.villages.full" : a.registeredNone() == 1 ? "report.villages.none" : "report.villages.some")));
        villages.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectVillage(b));
        people.setId("dashPeople");
        people.setPlaceholder(new Label(Messages.tr("dashboard.pickVillage")));
        people.getColumns().add(rcol(Messages.tr("report.col.name"), RosterRow::fullName));
        people.getColumns().add(rcol("NIK", RosterRow::nik));
        people.getColumns().add(rcol(Messages.tr("report.col.position"), r -> r.position().label(
                Messages.current().indonesian())));
        people.getColumns().add(rcol(Messages.tr("report.col.state"), r -> r.enrolmentState() == null
                ? Messages.tr("report.state.none") : r.enrolmentState().label(Messages.current().indonesian())));
        villagesTitle.textProperty().bind(vm.drillTitle);
        villagesTitle.getStyleClass().add("h2");
        peopleTitle.textProperty().bind(vm.peopleTitle);
        peopleTitle.getStyleClass().add("h2");
        villages.setItems(vm.villages);
        people.setItems(vm.people);
        VBox vbox = new VBox(4, villagesTitle, villages);
        VBox pbox = new VBox(4, peopleTitle, people);
        VBox.setVgrow(villages, Priority.ALWAYS);
        VBox.setVgrow(people, Priority.ALWAYS);
        SplitPane drill = new SplitPane(vbox, pbox);
        drill.setPrefHeight(240);

        VBox center = new VBox(8, charts, drill);
        center.setPadding(new Insets(0, 10, 10, 10));
        VBox.setVgrow(drill, Priority.ALWAYS);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(center);
        scroll.setFitToWidth(true);
        root.setTop(header);
        root.setCenter(scroll);
        error.textProperty().bind(vm.error);
    }

    private CoverageCount count(CoverageService.Area a) {
        Category c = vm.drillCategory.get();
        return c == null ? a.total() : a.of(c);
    }

    private static <T> TableColumn<T, String> col(String title, java.util.function.Function<T, String> f) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new SimpleStringProperty(f.apply(x.getValue())));
        return c;
    }

    private static TableColumn<RosterRow, String> rcol(String title, java.util.function.Function<RosterRow, String> f) {
        return col(title, f);
    }

    private interface ExportJob {
        Job<Path> job(Exports exports, Path file);
    }

    private MenuItem exportItem(String id, String key, String fileName, ExportJob job) {
        MenuItem item = new MenuItem(Messages.tr(key));
        item.setId(id);
        item.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle(Messages.tr(key));
            fc.setInitialFileName(fileName);
            File f = fc.showSaveDialog(root.getScene().getWindow());
            if (f == null) return;
            Exports ex = new Exports(ctx.services());
            ctx.runWithProgress(BackgroundTask.of(Messages.tr(key), job.job(ex, f.toPath()))
                    .onSuccess(p -> ctx.window().say(Messages.tr("dashboard.exported", p.toString())))
                    .onFailure(err -> vm.error.set(err.getMessage())));
        });
        return item;
    }

    private void show() {
        CoverageService.Overview o = vm.overview.get();
        if (o == null) return;
        CoverageService.Report r = o.report();
        CoverageService.Area a = r.region();
        summary.setText(Messages.tr("dashboard.summary", a.name(), Formats.date(r.on()), a.total().covered(),
                a.total().eligible(), Formats.percent(a.total().ratio()), a.villages(), a.registeredNone(),
                a.registeredSome(), a.fullyCovered())
                + r.target(null).map(t -> " " + Messages.tr("dashboard.target",
                        Formats.percent(t.percent().doubleValue() / 100))).orElse(""));
        Double target = r.target(null).map(t -> t.percent().doubleValue()).orElse(null);

        XYChart.Series<String, Number> cats = new XYChart.Series<>();
        for (Category c : Category.values()) {
            CoverageCount k = a.of(c);
            if (k.eligible() == 0) continue;
            cats.getData().add(new XYChart.Data<>(Messages.tr("dashboard.cat." + c.key()), k.percent()));
        }
        // Short category names (the long English ones, turned on their side, left no room for the bars) and the
        // axis told its categories anew, so bars of a new data set are never drawn against the old ones.
        ((CategoryAxis) byCategory.getXAxis()).setCategories(javafx.collections.FXCollections.observableArrayList(
                cats.getData().stream().map(XYChart.Data::getXValue).toList()));
        byCategory.getData().setAll(java.util.List.of(cats));
        int i = 0;
        for (Category c : Category.values()) {
            if (a.of(c).eligible() == 0) continue;
            Node bar = cats.getData().get(i++).getNode();
            bar.setId("bar-cat-" + c.key());
            bar.setOnMouseClicked(e -> {
                villages.getSelectionModel().clearSelection();
                vm.selectCategory(c);
            });
            bar.setStyle("-fx-cursor: hand;");
        }
        byCategory.targetProperty().set(target);

        // A province office sees its districts here; a district office its kecamatan.
        boolean province = r.districts().size() > 1;
        java.util.List<CoverageService.Area> areas = province ? r.districts() : r.kecamatan();
        byKecamatan.setTitle(Messages.tr(province ? "dashboard.chart.district" : "dashboard.chart.kecamatan"));
        XYChart.Series<String, Number> kec = new XYChart.Series<>();
        for (CoverageService.Area k : areas) kec.getData().add(new XYChart.Data<>(k.name(), k.total().percent()));
        byKecamatan.getData().setAll(java.util.List.of(kec));
        for (int j = 0; j < areas.size(); j++) {
            CoverageService.Area k = areas.get(j);
            Node bar = kec.getData().get(j).getNode();
            bar.setId("bar-kec-" + k.code().replace(".", ""));
            bar.setOnMouseClicked(e -> {
                villages.getSelectionModel().clearSelection();
                vm.selectKecamatan(k);
            });
            bar.setStyle("-fx-cursor: hand;");
        }
        byKecamatan.targetProperty().set(target);

        XYChart.Series<String, Number> t = new XYChart.Series<>();
        t.setName(Messages.tr("dashboard.chart.trend"));
        for (CoverageService.TrendPoint p : o.trend()) t.getData().add(new XYChart.Data<>(Formats.month(p.month()),
                p.total().percent()));
        trend.getData().setAll(java.util.List.of(t));
        if (target != null) {
            XYChart.Series<String, Number> tl = new XYChart.Series<>();
            tl.setName(Messages.tr("report.col.target"));
            for (CoverageService.TrendPoint p : o.trend()) tl.getData().add(new XYChart.Data<>(Formats.month(p.month()),
                    target));
            trend.getData().add(tl);
        }
        id.lindungdesa.ui.DesktopApp.Probe.mark("dashboard");
    }

    private void showFunding() {
        Map<FundingSource, Long> f = vm.funding.get();
        // A new list each time: clearing and refilling the same list left the old labels on the chart.
        javafx.collections.ObservableList<PieChart.Data> data = javafx.collections.FXCollections.observableArrayList();
        f.forEach((k, v) -> data.add(new PieChart.Data(k.label(Messages.current().indonesian()) + " "
                + Formats.rupiah(v), v)));
        funding.setData(data);
    }

    /** The view model (tests drive it). */
    public DashboardViewModel viewModel() {
        return vm;
    }

    @Override
    public String id() {
        return "dashboard";
    }

    @Override
    public String title() {
        return Messages.tr("screen.dashboard");
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void activate() {
        vm.overview.addListener(onOverview);
        vm.funding.addListener(onFunding);
        if (!LocalDate.now(ctx.services().clock()).equals(vm.date.get()) && vm.overview.get() == null) {
            vm.date.set(LocalDate.now(ctx.services().clock()));
        }
        vm.refresh();
    }

    @Override
    public void deactivate() {
        vm.overview.removeListener(onOverview);
        vm.funding.removeListener(onFunding);
    }
}
