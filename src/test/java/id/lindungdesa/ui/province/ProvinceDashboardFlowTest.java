package id.lindungdesa.ui.province;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.bundle.BundleKit;
import id.lindungdesa.bundle.ImportReport;
import id.lindungdesa.bundle.ProvinceService.DistrictRow;
import id.lindungdesa.bundle.ProvinceService.VillageRow;
import id.lindungdesa.domain.Category;
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
 * dashboard shows both imported districts against the target, who has not reported, and a district's villages.
 */
class ProvinceDashboardFlowTest extends FxRobot {
    @TempDir
    Path dir;
    DesktopApp app;

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) FxAppHarness.stop(app);
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
                && lookup("#provinceDistricts").queryAs(TableView.class).getItems().size() == 2);
        @SuppressWarnings("unchecked")
        TableView<DistrictRow> table = lookup("#provinceDistricts").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(DistrictRow::code).containsExactly("36.02", "36.04");
        DistrictRow serangRow = table.getItems().get(1);
        assertThat(serangRow.total().eligible()).isGreaterThan(50);
        assertThat(serangRow.targetFor(Category.KEPALA_DESA)).isEqualByComparingTo("60.80");
        assertThat(serangRow.reportedThisPeriod()).isTrue();
        String summary = lookup("#provinceSummary").queryAs(Label.class).getText();
        assertThat(summary).contains("2026-Q1");
        assertThat(lookup("#provinceNotReported").queryAs(Label.class).getText()).isNotBlank();
        assertThat(lookup(".chart-bar").queryAll()).isNotEmpty();

        // Drill down: click Serang, its villages appear.
        java.util.function.Supplier<java.util.Optional<javafx.scene.Node>> serangCell = () -> from(
                lookup("#provinceDistricts").queryAll()).lookup(".table-row-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getItem() instanceof DistrictRow d
                        && d.code().equals("36.04")).findFirst();
        FxAppHarness.waitUntil(() -> serangCell.get().isPresent());
        clickOn(serangCell.get().orElseThrow());
        FxAppHarness.waitUntil(() -> !lookup("#provinceVillages").queryAs(TableView.class).getItems().isEmpty());
        @SuppressWarnings("unchecked")
        TableView<VillageRow> villages = lookup("#provinceVillages").queryAs(TableView.class);
        assertThat(villages.getItems()).allMatch(v -> v.code().startsWith("36.04."));
        assertThat(villages.getItems()).hasSize(serangRow.villages());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
