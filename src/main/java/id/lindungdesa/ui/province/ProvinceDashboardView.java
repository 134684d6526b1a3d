package id.lindungdesa.ui.province;

import id.lindungdesa.bundle.ProvinceService.DistrictRow;
import id.lindungdesa.bundle.ProvinceService.Holder;
import id.lindungdesa.bundle.ProvinceService.ReportingRow;
import id.lindungdesa.bundle.ProvinceService.VillageRow;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.CoverageCount;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.CoverageService.Area;
import id.lindungdesa.ui.province.ProvinceDashboardViewModel.Level;
import id.lindungdesa.ui.shell.Screen;
import id.lindungdesa.ui.shell.ScreenContext;
import java.io.File;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * Province dashboard: coverage per kabupaten and category against targets, desa with no one registered, last
 * report per district and who has not reported this period. Below: the drill-down (kabupaten → kecamatan → desa →
 * people, the people one page at a time; double-click or Enter opens, "Naik" goes back), the reporting list of a
 * period, and the desa with no one registered (export to XLSX).
 */
public final class ProvinceDashboardView implements Screen {
    private static final List<Category> SHOWN = List.of(Category.KEPALA_DESA, Category.PERANGKAT_DESA, Category.BPD,
            Category.RT_RW);

    private final ProvinceDashboardViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TableView<DistrictRow> districts = new TableView<>();
    private final TableView<Area> kecamatan = new TableView<>();
    private final TableView<VillageRow> villages = new TableView<>();
    private final TableView<Holder> people = new TableView<>();
    private final TableView<ReportingRow> reporting = new TableView<>();
    private final TableView<VillageRow> none = new TableView<>();
    private final BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis(0, 100, 10));
    private final ChangeListener<DistrictRow> onSelect;
    private final ChangeListener<Level> onLevel;
    private final StackPane drill = new StackPane();
    private final HBox pager;

    public ProvinceDashboardView(ScreenContext ctx) {
        this.vm = new ProvinceDashboardViewModel(ctx.services().bundles().province(),
                ctx.services().bundles().refpacks(), ctx.tasks());
        Label summary = new Label();
        summary.setId("provinceSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        summary.getStyleClass().add("h2");
        Label late = new Label();
        late.setId("provinceNotReported");
        late.setWrapText(true);
        late.textProperty().bind(vm.notReportedProperty());
        Label packLine = new Label();
        packLine.setId("provinceRefPacks");
        packLine.setWrapText(true);
        packLine.textProperty().bind(vm.packSummaryProperty());

        districts.setId("provinceDistricts");
        districts.setItems(vm.districts());
        districts.getColumns().add(col(Messages.tr("province.ui.district"), d -> d.code() + " " + d.name()));
        districts.getColumns().add(col(Messages.tr("province.ui.coverage"), d -> pct(d.total(), d.overallTarget())));
        for (Category c : SHOWN) {
            districts.getColumns().add(col(c.label(Messages.current().indonesian()), d -> pct(d.byCategory().get(c), d.targetFor(c))));
        }
        districts.getColumns().add(col(Messages.tr("province.ui.villagesNone"),
                d -> d.villagesNoneRegistered() + " / " + d.villages()));
        districts.getColumns().add(col(Messages.tr("province.ui.lastReport"), d -> d.lastBundle() == null
                ? Messages.tr("province.ui.never")
                : Formats.date(d.lastBundle().receivedAt().atZoneSameInstant(java.time.ZoneId.systemDefault())
                        .toLocalDate()) + " (#" + d.lastBundle().sequence() + ", "
                + d.lastBundle().period() + ")"));
        districts.getColumns().add(col(Messages.tr("province.ui.reported"),
                d -> Messages.tr(d.reportedThisPeriod() ? "province.ui.yes" : "province.ui.no")));
        districts.getColumns().add(col(Messages.tr("refpack.ui.packColumn"), d -> vm.packOf(d.code()))); // issue 18
        districts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        // drill-down: kecamatan → villages → people
        kecamatan.setId("provinceKecamatan");
        kecamatan.setItems(vm.kecamatan());
        kecamatan.getColumns().add(column(Messages.tr("province.ui.subdistrict"), a -> a.code() + " " + a.name()));
        kecamatan.getColumns().add(column(Messages.tr("province.ui.coverage"), a -> pct(a.total(), null)));
        for (Category c : SHOWN) kecamatan.getColumns().add(column(c.label(Messages.current().indonesian()), a -> pct(a.of(c), null)));
        kecamatan.getColumns().add(column(Messages.tr("province.ui.villagesNone"),
                a -> a.registeredNone() + " / " + a.villages()));
        kecamatan.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        opens(kecamatan, vm::openKecamatan);

        villages.setId("provinceVillages");
        villages.setItems(vm.villages());
        villages.getColumns().add(column(Messages.tr("province.ui.village"), v -> v.code() + " " + v.name()));
        villages.getColumns().add(column(Messages.tr("province.ui.subdistrict"), VillageRow::subdistrict));
        villages.getColumns().add(column(Messages.tr("province.ui.coverage"), v -> pct(v.total(), null)));
        for (Category c : SHOWN) villages.getColumns().add(column(c.label(Messages.current().indonesian()), v -> pct(v.byCategory().get(c), null)));
        villages.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        opens(villages, vm::openVillage);

        people.setId("provincePeople");
        people.setItems(vm.people());
        people.getColumns().add(column("NIK", Holder::nik));
        people.getColumns().add(column(Messages.tr("province.ui.name"), Holder::fullName));
        people.getColumns().add(column(Messages.tr("province.ui.position"), h -> position(h.position())));
        people.getColumns().add(column(Messages.tr("province.ui.start"),
                h -> h.startDate() == null ? "" : Formats.date(h.startDate())));
        people.getColumns().add(column(Messages.tr("province.ui.covered"),
                h -> Messages.tr(h.covered() ? "province.ui.yes" : "province.ui.no")));
        people.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Button prev = new Button(Messages.tr("province.ui.prev"));
        prev.setId("provincePrev");
        prev.setOnAction(e -> vm.previousPage());
        prev.disableProperty().bind(vm.pageProperty().isEqualTo(0));
        Button next = new Button(Messages.tr("province.ui.next"));
        next.setId("provinceNext");
        next.setOnAction(e -> vm.nextPage());
        next.disableProperty().bind(vm.pageProperty().add(1).greaterThanOrEqualTo(vm.pagesProperty()));
        Label pageText = new Label();
        pageText.setId("provincePage");
        pageText.textProperty().bind(vm.pageTextProperty());
        pager = new HBox(8, prev, pageText, next);
        VBox peopleBox = new VBox(4, people, pager);
        VBox.setVgrow(people, Priority.ALWAYS);
        drill.getChildren().addAll(kecamatan, villages, peopleBox);
        Button up = new Button(Messages.tr("province.ui.up"));
        up.setId("provinceUp");
        up.setOnAction(e -> vm.up());
        Label villagesTitle = new Label();
        villagesTitle.setId("provinceDrillTitle");
        villagesTitle.textProperty().bind(vm.villagesTitleProperty());
        VBox drillBox = new VBox(4, new HBox(8, up, villagesTitle), drill);
        VBox.setVgrow(drill, Priority.ALWAYS);
        onLevel = (o, a, b) -> showLevel(b);
        showLevel(Level.KECAMATAN);

        // reporting list of a period
        TextField period = new TextField();
        period.setId("provincePeriod");
        period.setPromptText("2026-Q4");
        period.setPrefColumnCount(8);
        Button show = new Button(Messages.tr("province.ui.show"));
        show.setId("provinceShowReporting");
        show.setOnAction(e -> vm.loadReporting(period.getText()));
        period.setOnAction(e -> vm.loadReporting(period.getText()));
        Label reportingTitle = new Label();
        reportingTitle.setId("provinceReportingTitle");
        reportingTitle.textProperty().bind(vm.reportingTitleProperty());
        reporting.setId("provinceReporting");
        reporting.setItems(vm.reporting());
        reporting.getColumns().add(column(Messages.tr("province.ui.district"), r -> r.code() + " " + r.name()));
        reporting.getColumns().add(column(Messages.tr("province.ui.reported"),
                r -> Messages.tr(r.reported() ? "province.ui.yes" : "province.ui.no")));
        reporting.getColumns().add(column(Messages.tr("province.ui.bundle"), r -> r.inPeriod() == null ? "—"
                : "#" + r.inPeriod().sequence() + " · " + Formats.date(r.inPeriod().receivedAt().toLocalDate())));
        reporting.getColumns().add(column(Messages.tr("province.ui.lastReport"), r -> r.last() == null
                ? Messages.tr("province.ui.never")
                : "#" + r.last().sequence() + " · " + r.last().period() + " · "
                + Formats.date(r.last().receivedAt().toLocalDate())));
        reporting.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Button exportReporting = new Button(Messages.tr("province.ui.exportNone"));
        exportReporting.setId("provinceExportReporting");
        exportReporting.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle(Messages.tr("province.ui.exportReporting"));
            fc.setInitialFileName("daftar-pelaporan.xlsx");
            File f = fc.showSaveDialog(root.getScene().getWindow());
            if (f != null) vm.exportReporting(f.toPath(), () -> ctx.window().say(vm.messageProperty().get()));
        });
        Label reportingMsg = new Label();
        reportingMsg.textProperty().bind(vm.messageProperty());
        VBox reportingBox = new VBox(4, new HBox(8, new Label(Messages.tr("province.ui.period")), period, show,
                exportReporting, reportingTitle, reportingMsg), reporting);
        VBox.setVgrow(reporting, Priority.ALWAYS);

        // desa with no one registered, exportable
        Label noneTitle = new Label();
        noneTitle.setId("provinceNoneTitle");
        noneTitle.textProperty().bind(vm.noneTitleProperty());
        none.setId("provinceNone");
        none.setItems(vm.noneRegistered());
        none.getColumns().add(column(Messages.tr("province.ui.village"), v -> v.code() + " " + v.name()));
        none.getColumns().add(column(Messages.tr("province.ui.subdistrict"), VillageRow::subdistrict));
        none.getColumns().add(column(Messages.tr("province.ui.holders"), v -> String.valueOf(v.holders())));
        none.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Button export = new Button(Messages.tr("province.ui.exportNone"));
        export.setId("provinceExportNone");
        export.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle(Messages.tr("province.ui.exportNone"));
            fc.setInitialFileName("desa-belum-mendaftarkan.xlsx");
            File f = fc.showSaveDialog(root.getScene().getWindow());
            if (f != null) vm.exportNoneRegistered(f.toPath(), () -> ctx.window().say(vm.messageProperty().get()));
        });
        Label msg = new Label();
        msg.textProperty().bind(vm.messageProperty());
        VBox noneBox = new VBox(4, new HBox(8, noneTitle, export, msg), none);
        VBox.setVgrow(none, Priority.ALWAYS);

        TabPane tabs = new TabPane(tab("provinceTabDrill", "province.ui.tabDrill", drillBox),
                tab("provinceTabReporting", "province.ui.tabReporting", reportingBox),
                tab("provinceTabNone", "province.ui.tabNone", noneBox));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        chart.setId("provinceChart");
        chart.setTitle(Messages.tr("province.ui.chart"));
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setPrefHeight(220);

        HBox top = new HBox(12, districts, chart);
        HBox.setHgrow(districts, Priority.ALWAYS);
        chart.setPrefWidth(360);
        SplitPane split = new SplitPane(top, tabs);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        VBox head = new VBox(4, summary, late, packLine);
        head.setPadding(new Insets(8));
        root.setTop(head);
        root.setCenter(split);
        onSelect = (o, a, b) -> vm.select(b);
    }

    private static Tab tab(String id, String key, Node content) {
        Tab t = new Tab(Messages.tr(key), content);
        t.setId(id);
        return t;
    }

    private void showLevel(Level level) {
        List<Node> shown = List.of(kecamatan, villages, pager.getParent() == null ? people : pager.getParent());
        for (int i = 0; i < shown.size(); i++) shown.get(i).setVisible(i == level.ordinal());
    }

    private static String position(String name) {
        try {
            return id.lindungdesa.domain.Position.valueOf(name).label(Messages.current().indonesian());
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    /** Double-click or Enter on a row opens it. */
    private static <T> void opens(TableView<T> table, java.util.function.Consumer<T> open) {
        table.setRowFactory(tv -> {
            TableRow<T> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) open.accept(row.getItem());
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) open.accept(table.getSelectionModel().getSelectedItem());
        });
    }

    private static TableColumn<DistrictRow, String> col(String title, Function<DistrictRow, String> f) {
        return column(title, f);
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> f) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        return c;
    }

    static String pct(CoverageCount c, BigDecimal target) {
        if (c == null || c.eligible() == 0) return "—";
        String s = Formats.percent(c.ratio()) + " (" + c.covered() + "/" + c.eligible() + ")";
        return target == null ? s : s + " · " + Messages.tr("province.ui.target", target.stripTrailingZeros()
                .toPlainString());
    }

    private void fillChart() {
        XYChart.Series<String, Number> cov = new XYChart.Series<>();
        cov.setName(Messages.tr("province.ui.coverage"));
        XYChart.Series<String, Number> tgt = new XYChart.Series<>();
        tgt.setName(Messages.tr("province.ui.targetSeries"));
        for (DistrictRow d : vm.districts()) {
            cov.getData().add(new XYChart.Data<>(d.code(), Math.round(d.total().ratio() * 1000) / 10.0));
            BigDecimal t = d.overallTarget() != null ? d.overallTarget() : d.targetFor(Category.KEPALA_DESA);
            tgt.getData().add(new XYChart.Data<>(d.code(), t == null ? 0 : t.doubleValue()));
        }
        chart.getData().setAll(List.of(cov, tgt));
    }

    @Override
    public String id() {
        return "province";
    }

    /** District and sub-district offices have no province figures: they do not see this screen. */
    @Override
    public boolean shownTo(id.lindungdesa.domain.OfficeLevel level) {
        return level != id.lindungdesa.domain.OfficeLevel.DISTRICT
                && level != id.lindungdesa.domain.OfficeLevel.SUBDISTRICT;
    }

    @Override
    public String title() {
        return Messages.tr("screen.province");
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void activate() {
        districts.getSelectionModel().selectedItemProperty().addListener(onSelect);
        vm.levelProperty().addListener(onLevel);
        vm.load(() -> {
            fillChart();
            id.lindungdesa.ui.DesktopApp.Probe.mark("province");
        });
    }

    @Override
    public void deactivate() {
        districts.getSelectionModel().selectedItemProperty().removeListener(onSelect);
        vm.levelProperty().removeListener(onLevel);
    }

    /** The view-model (tests). */
    public ProvinceDashboardViewModel viewModel() {
        return vm;
    }
}
