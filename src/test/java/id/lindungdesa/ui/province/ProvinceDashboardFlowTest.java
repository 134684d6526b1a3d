package id.lindungdesa.ui.province;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.bundle.BundleKit;
import id.lindungdesa.bundle.ImportReport;
import id.lindungdesa.bundle.ProvinceService;
import id.lindungdesa.bundle.ProvinceService.DistrictRow;
import id.lindungdesa.bundle.ProvinceService.VillageRow;
import id.lindungdesa.domain.Category;
import id.lindungdesa.service.CoverageService.Area;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.FxAppHarness;
import id.lindungdesa.ui.DesktopApp;
import id.lindungdesa.ui.bundle.BundleView;
import java.math.BigDecimal;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Through the real window at a province office: the import wizard dry-runs and applies a district bundle; the
 * dashboard shows both imported districts against the target, who has not reported; the drill-down goes kabupaten →
 * kecamatan → desa → people (one page); the reporting list shows the six kabupaten/kota that have not reported; the
 * desa with no one registered are listed and exported.
 */
class ProvinceDashboardFlowTest extends FxRobot {
    @TempDir
    Path dir;
    DesktopApp app;

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) FxAppHarness.stop(app);
    }

    private ProvinceDashboardView view() {
        return (ProvinceDashboardView) app.mainWindow().screen("province");
    }

    private javafx.scene.Node row(String table, int index) throws Exception {
        FxAppHarness.waitUntil(() -> from(lookup(table).queryAll()).lookup(".table-row-cell").queryAll().stream()
                .anyMatch(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getIndex() == index
                        && r.getItem() != null));
        return from(lookup(table).queryAll()).lookup(".table-row-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getIndex() == index)
                .findFirst().orElseThrow();
    }

    @Test
    void dashboardShowsTwoImportedDistrictsAndDrillsDownToVillages() throws Exception {
        Path lebakBundle;
        try (Services serang = BundleKit.district(dir, "36.04", 11);
             Services lebak = BundleKit.district(dir, "36.02", 12);
             Services prov = BundleKit.province(dir, "36")) {
            BundleKit.enrol(serang, prov, dir);
            BundleKit.enrol(lebak, prov, dir);
            prov.targets().set("36", BundleKit.TODAY.getYear(), null, new BigDecimal("60.80"), "UCJ Banten");
            prov.regions().importBuiltin("36", Progress.NONE); // Banten's 8 kabupaten/kota: 6 never report
            prov.bundles().imports().apply(BundleKit.export(serang, dir, "serang.ldb"), BundleKit.PROV_PASS, null,
                    Progress.NONE);
            lebakBundle = BundleKit.export(lebak, dir, "lebak.ldb");
        }
        app = FxAppHarness.start(dir.resolve("prov-36"),
                BundleKit.TODAY);
        FxAppHarness.waitUntil(() -> lookup("#navigation").tryQuery().isPresent());

        // The import wizard: dry run shows the counts, apply imports and writes the receipt.
        Platform.runLater(() -> app.mainWindow().navigate("bundle", null));
        FxAppHarness.waitUntil(() -> lookup("#bundleImport").tryQuery().isPresent());
        BundleView screen = (BundleView) app.mainWindow().screen("bundle");
        Platform.runLater(() -> screen.startImport(lebakBundle));
        FxAppHarness.waitUntil(() -> !lookup("#bundleApply").queryButton().isDisabled());
        TableView<?> report = lookup("#bundleReport").queryAs(TableView.class);
        assertThat(report.getItems()).hasSize(ImportReport.TYPES.size());
        assertThat(app.services().bundles().province().received()).hasSize(1);
        clickOn("#bundlePassphrase").write(new String(BundleKit.PROV_PASS));
        clickOn("#bundleApply");
        FxAppHarness.waitUntil(() -> app.services().bundles().province().received().size() == 2);
        FxAppHarness.waitUntil(() -> lookup("#bundleMessage").queryAs(Label.class).getText().contains("receipt"));
        // issue 12.3: the receipt goes beside the database (the bundle may be on read-only media)
        assertThat(dir.resolve("prov-36.receipts").resolve("lebak.ldb.receipt.json")).exists();

        // The dashboard.
        Platform.runLater(() -> app.mainWindow().navigate("province", null));
        FxAppHarness.waitUntil(() -> lookup("#provinceDistricts").tryQuery().isPresent()
                && lookup("#provinceDistricts").queryAs(TableView.class).getItems().size() == 8);
        @SuppressWarnings("unchecked")
        TableView<DistrictRow> table = lookup("#provinceDistricts").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(DistrictRow::code)
                .containsExactly("36.01", "36.02", "36.03", "36.04", "36.71", "36.72", "36.73", "36.74");
        assertThat(table.getItems().stream().filter(d -> d.total().eligible() > 0).map(DistrictRow::code))
                .containsExactly("36.02", "36.04");
        DistrictRow serangRow = table.getItems().get(3);
        assertThat(serangRow.total().eligible()).isGreaterThan(50);
        assertThat(serangRow.targetFor(Category.KEPALA_DESA)).isEqualByComparingTo("60.80");
        assertThat(serangRow.reportedThisPeriod()).isTrue();
        String summary = lookup("#provinceSummary").queryAs(Label.class).getText();
        assertThat(summary).contains("2026-Q1");
        assertThat(lookup("#provinceNotReported").queryAs(Label.class).getText()).isNotBlank();
        assertThat(lookup(".chart-bar").queryAll()).isNotEmpty();

        // Drill down: click Serang, its kecamatan appear; open one, its villages; open a village, its people.
        java.util.function.Supplier<java.util.Optional<javafx.scene.Node>> serangCell = () -> from(
                lookup("#provinceDistricts").queryAll()).lookup(".table-row-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getItem() instanceof DistrictRow d
                        && d.code().equals("36.04")).findFirst();
        FxAppHarness.waitUntil(() -> serangCell.get().isPresent());
        clickOn(serangCell.get().orElseThrow());
        FxAppHarness.waitUntil(() -> !lookup("#provinceKecamatan").queryAs(TableView.class).getItems().isEmpty());
        @SuppressWarnings("unchecked")
        TableView<Area> kecamatan = lookup("#provinceKecamatan").queryAs(TableView.class);
        assertThat(kecamatan.getItems()).allMatch(k -> k.code().startsWith("36.04."));
        assertThat(kecamatan.getItems().stream().mapToInt(k -> k.total().eligible()).sum())
                .isEqualTo(serangRow.total().eligible());
        assertThat(kecamatan.isVisible()).isTrue();
        doubleClickOn(row("#provinceKecamatan", 0));
        FxAppHarness.waitUntil(() -> lookup("#provinceVillages").queryAs(TableView.class).isVisible());
        @SuppressWarnings("unchecked")
        TableView<VillageRow> villages = lookup("#provinceVillages").queryAs(TableView.class);
        String kec = kecamatan.getItems().getFirst().code();
        assertThat(villages.getItems()).isNotEmpty().allMatch(v -> v.code().startsWith(kec + "."));
        int withPeople = 0;
        while (villages.getItems().get(withPeople).holders() == 0) withPeople++;
        VillageRow village = villages.getItems().get(withPeople);
        int pick = withPeople;
        interact(() -> {
            villages.getSelectionModel().select(pick);
            villages.requestFocus();
        });
        type(javafx.scene.input.KeyCode.ENTER);
        FxAppHarness.waitUntil(() -> lookup("#provincePeople").queryAs(TableView.class).isVisible());
        @SuppressWarnings("unchecked")
        TableView<ProvinceService.Holder> people = lookup("#provincePeople").queryAs(TableView.class);
        FxAppHarness.waitUntil(() -> !people.getItems().isEmpty());
        assertThat(people.getItems()).hasSizeLessThanOrEqualTo(ProvinceService.PAGE)
                .extracting(ProvinceService.Holder::nik).allMatch(n -> n.matches("\\d{16}"));
        assertThat(lookup("#provincePage").queryAs(Label.class).getText()).contains("1");
        if (view().viewModel().pagesProperty().get() == 1) {
            assertThat(people.getItems().stream().map(ProvinceService.Holder::personId).distinct().count())
                    .isEqualTo(village.holders());
        }
        clickOn("#provinceUp");
        FxAppHarness.waitUntil(() -> lookup("#provinceVillages").queryAs(TableView.class).isVisible());

        // The reporting list: Lebak and Serang reported this quarter; the six others of Banten have not.
        clickOn("#provinceTabReporting");
        @SuppressWarnings("unchecked")
        TableView<ProvinceService.ReportingRow> reporting = lookup("#provinceReporting").queryAs(TableView.class);
        FxAppHarness.waitUntil(() -> reporting.getItems().size() == 8);
        assertThat(reporting.getItems().stream().filter(r -> !r.reported()).map(ProvinceService.ReportingRow::code))
                .containsExactly("36.01", "36.03", "36.71", "36.72", "36.73", "36.74");
        assertThat(lookup("#provinceReportingTitle").queryAs(Label.class).getText()).contains("6").contains("8");
        // ... and exported as the analyst sends it on: every kabupaten/kota, who has not reported says "BELUM MELAPOR"
        Path reportingXlsx = dir.resolve("daftar-pelaporan.xlsx");
        Platform.runLater(() -> view().viewModel().exportReporting(reportingXlsx, () -> { }));
        FxAppHarness.waitUntil(() -> java.nio.file.Files.exists(reportingXlsx));
        java.util.Map<String, String> reportedIn = new java.util.TreeMap<>();
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(reportingXlsx.toFile())) {
            for (var row : wb.getFirstSheet().read()) {
                if (row.getRowNum() > 4 && row.getCellCount() > 2) reportedIn.put(row.getCellText(0), row.getCellText(2));
            }
        }
        assertThat(reportedIn).hasSize(8).containsEntry("36.04", "sudah melapor").containsEntry("36.02", "sudah melapor")
                .containsEntry("36.01", "BELUM MELAPOR").containsEntry("36.74", "BELUM MELAPOR");
        clickOn("#provincePeriod").write("2025-Q4");
        clickOn("#provinceShowReporting");
        FxAppHarness.waitUntil(() -> reporting.getItems().stream().noneMatch(ProvinceService.ReportingRow::reported));
        assertThat(lookup("#provinceReportingTitle").queryAs(Label.class).getText()).contains("2025-Q4");

        // Desa with no one registered in Serang, exported to XLSX.
        clickOn("#provinceTabNone");
        @SuppressWarnings("unchecked")
        TableView<VillageRow> none = lookup("#provinceNone").queryAs(TableView.class);
        assertThat(none.getItems()).hasSize(serangRow.villagesNoneRegistered())
                .allMatch(v -> v.code().startsWith("36.04.") && v.total().covered() == 0);
        assertThat(lookup("#provinceNoneTitle").queryAs(Label.class).getText())
                .contains(String.valueOf(serangRow.villagesNoneRegistered()));
        Path xlsx = dir.resolve("desa-belum.xlsx");
        ProvinceDashboardView view = view();
        Platform.runLater(() -> view.viewModel().exportNoneRegistered(xlsx, () -> { }));
        FxAppHarness.waitUntil(() -> java.nio.file.Files.exists(xlsx));
        assertThat(xlsx).isNotEmptyFile();
        WaitForAsyncUtils.waitForFxEvents();
    }
}
