package id.lindungdesa.ui.province;

import id.lindungdesa.bundle.ProvinceService.DistrictRow;
import id.lindungdesa.bundle.ProvinceService.VillageRow;
import id.lindungdesa.domain.Category;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.RosterReadModel.Count;
import id.lindungdesa.ui.shell.Screen;
import id.lindungdesa.ui.shell.ScreenContext;
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
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Province dashboard: coverage per kabupaten and category against targets, villages with no one registered, last
 * report per district and who has not reported this period; selecting a district lists its villages.
 */
public final class ProvinceDashboardView implements Screen {
    private static final List<Category> SHOWN = List.of(Category.KEPALA_DESA, Category.PERANGKAT_DESA, Category.BPD,
            Category.RT_RW);

    private final ProvinceDashboardViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TableView<DistrictRow> districts = new TableView<>();
    private final TableView<VillageRow> villages = new TableView<>();
    private final BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis(0, 100, 10));
    private final ChangeListener<DistrictRow> onSelect;

    public ProvinceDashboardView(ScreenContext ctx) {
        this.vm = new ProvinceDashboardViewModel(ctx.services().bundles().province(), ctx.tasks());
        Label summary = new Label();
        summary.setId("provinceSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        summary.getStyleClass().add("h2");
        Label late = new Label();
        late.setId("provinceNotReported");
        late.setWrapText(true);
        late.textProperty().bind(vm.notReportedProperty());

        districts.setId("provinceDistricts");
        districts.setItems(vm.districts());
        districts.getColumns().add(col(Messages.tr("province.ui.district"), d -> d.code() + " " + d.name()));
        districts.getColumns().add(col(Messages.tr("province.ui.coverage"), d -> pct(d.total(), null)));
        for (Category c : SHOWN) {
            districts.getColumns().add(col(c.label(Messages.current().indonesian()), d -> pct(d.byCategory().get(c), d.targetFor(c))));
        }
        districts.getColumns().add(col(Messages.tr("province.ui.villagesNone"),
                d -> d.villagesNoneRegistered() + " / " + d.villages()));
        districts.getColumns().add(col(Messages.tr("province.ui.lastReport"), d -> d.lastBundle() == null
                ? Messages.tr("province.ui.never")
                : Formats.date(d.lastBundle().importedAt().toLocalDate()) + " (#" + d.lastBundle().sequence() + ", "
                + d.lastBundle().periodLabel() + ")"));
        districts.getColumns().add(col(Messages.tr("province.ui.reported"),
                d -> Messages.tr(d.reportedThisPeriod() ? "province.ui.yes" : "province.ui.no")));
        districts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        villages.setId("provinceVillages");
        villages.setItems(vm.villages());
        TableColumn<VillageRow, String> vName = new TableColumn<>(Messages.tr("province.ui.village"));
        vName.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().code() + " " + c.getValue().name()));
        TableColumn<VillageRow, String> vSub = new TableColumn<>(Messages.tr("province.ui.subdistrict"));
        vSub.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().subdistrict()));
        TableColumn<VillageRow, String> vCov = new TableColumn<>(Messages.tr("province.ui.coverage"));
        vCov.setCellValueFactory(c -> new SimpleStringProperty(pct(c.getValue().total(), null)));
        villages.getColumns().add(vName);
        villages.getColumns().add(vSub);
        villages.getColumns().add(vCov);
        for (Category c : SHOWN) {
            TableColumn<VillageRow, String> col = new TableColumn<>(c.label(Messages.current().indonesian()));
            col.setCellValueFactory(v -> new SimpleStringProperty(pct(v.getValue().byCategory().get(c), null)));
            villages.getColumns().add(col);
        }
        villages.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label villagesTitle = new Label();
        villagesTitle.textProperty().bind(vm.villagesTitleProperty());

        chart.setId("provinceChart");
        chart.setTitle(Messages.tr("province.ui.chart"));
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setPrefHeight(220);

        HBox top = new HBox(12, districts, chart);
        HBox.setHgrow(districts, Priority.ALWAYS);
        chart.setPrefWidth(360);
        SplitPane split = new SplitPane(top, new VBox(4, villagesTitle, villages));
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        VBox.setVgrow(villages, Priority.ALWAYS);
        VBox head = new VBox(4, summary, late);
        head.setPadding(new Insets(8));
        root.setTop(head);
        root.setCenter(split);
        onSelect = (o, a, b) -> vm.select(b);
    }

    private static TableColumn<DistrictRow, String> col(String title, Function<DistrictRow, String> f) {
        TableColumn<DistrictRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        return c;
    }

    static String pct(Count c, BigDecimal target) {
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
            BigDecimal t = d.targetFor(Category.KEPALA_DESA) != null ? d.targetFor(Category.KEPALA_DESA)
                    : d.targetFor(Category.PERANGKAT_DESA);
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
        vm.load(() -> {
            fillChart();
            id.lindungdesa.ui.DesktopApp.Probe.mark("province");
        });
    }

    @Override
    public void deactivate() {
        districts.getSelectionModel().selectedItemProperty().removeListener(onSelect);
    }

    /** The view-model (tests). */
    public ProvinceDashboardViewModel viewModel() {
        return vm;
    }
}
