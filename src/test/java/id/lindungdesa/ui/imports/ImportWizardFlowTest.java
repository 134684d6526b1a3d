package id.lindungdesa.ui.imports;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.domain.Position;
import id.lindungdesa.imports.RowClass;
import id.lindungdesa.imports.RowResult;
import id.lindungdesa.imports.Sheets;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.testing.FxAppHarness;
import id.lindungdesa.testing.TestDb;
import id.lindungdesa.ui.DesktopApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The import wizard through the real window: file → mapping → dry run → accept a village → apply → receipt. */
class ImportWizardFlowTest extends FxRobot {
    static final LocalDate TODAY = LocalDate.of(2026, 2, 2);
    static final String BUDI = "3604011203800001";
    static final String EUIS = "3604014505900004";

    @TempDir
    Path dir;
    DesktopApp app;

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) FxAppHarness.stop(app);
    }

    @Test
    void fromChoosingAFileToTheAppliedImport() throws Exception {
        try (Services s = TestDb.open(dir, "desk", TODAY)) {
            Sheets.district(s);
        }
        Path file = Sheets.xlsx(dir.resolve("aparat.xlsx"), "Aparat", List.of("DAFTAR APARAT DESA"),
                List.of("No", "Nama Lengkap", "No. KTP", "L/P", "Jabatan", "Desa", "Kecamatan", "Tgl SK", "Program"),
                List.of(
                        List.of("1", "Budi Santoso", BUDI, "L", "Sekdes", "Desa Sukamaju", "Cikande", "15-01-2020",
                                "JKK, JKM"),
                        List.of("2", "Euis Rohayati", EUIS, "P", "Kasi Kesra", "Sukamju", "Cikande", "12 Maret 2021",
                                ""),
                        List.of("3", "Dedi", new Sheets.Num(3.60405E15), "L", "Kadus", "Mekarsari", "Cikande",
                                "12-03-2019", "")));

        id.lindungdesa.i18n.Messages.setCurrent(id.lindungdesa.i18n.Messages.INDONESIAN);
        app = FxAppHarness.start(dir.resolve("desk"), TODAY);
        FxAppHarness.waitUntil(() -> lookup("Impor Daftar dari Excel").tryQuery().isPresent());
        clickOn("Impor Daftar dari Excel");
        FxAppHarness.waitUntil(() -> lookup("#importFile").tryQuery().isPresent());

        // 1. The file: set in its field (the Browse button opens the system's file chooser, which a robot cannot drive).
        interact(() -> lookup("#importFile").queryAs(javafx.scene.control.TextField.class).setText(file.toString()));
        clickOn("#importRead");
        FxAppHarness.waitUntil(() -> lookup("#map-NIK").queryAs(ComboBox.class).getValue() != null
                && ((Integer) lookup("#map-NIK").queryAs(ComboBox.class).getValue()) == 2);
        // 2. Header row found below the title; columns recognised.
        assertThat(((Label) lookup("#importInfo").query()).getText()).contains("baris judul 3");
        assertThat(lookup("#map-POSITION").queryAs(ComboBox.class).getValue()).isEqualTo(4);
        assertThat(lookup("#map-VILLAGE").queryAs(ComboBox.class).getValue()).isEqualTo(5);

        // 3. Dry run.
        clickOn("#importDryRun");
        @SuppressWarnings("unchecked")
        TableView<RowResult> table = lookup("#importTable").queryAs(TableView.class);
        FxAppHarness.waitUntil(() -> table.getItems().size() == 3);
        assertThat(((Label) lookup("#importCounts").query()).getText()).contains("1 baru").contains("2 ditolak");

        // Filter by class: only the refused rows.
        interact(() -> lookup("#importFilter").queryAs(ComboBox.class).getSelectionModel().select(RowClass.REFUSED));
        assertThat(table.getItems()).hasSize(2).allMatch(r -> r.cls() == RowClass.REFUSED);

        // Accept the offered village for Euis's row, which is checked again.
        RowResult typo = table.getItems().stream().filter(r -> r.suggestion() != null).findFirst().orElseThrow();
        interact(() -> table.getSelectionModel().select(typo));
        clickOn("#importAccept");
        FxAppHarness.waitUntil(() -> ((Label) lookup("#importCounts").query()).getText().contains("2 baru"));
        assertThat(table.getItems()).hasSize(1);
        assertThat(table.getItems().getFirst().problemsText(id.lindungdesa.i18n.Messages.current()))
                .contains("3.60405E+15");

        // Export the report.
        Path report = dir.resolve("laporan.xlsx");
        interact(() -> ((ImportView) app.mainWindow().screen("import")).viewModel().exportReport(report));
        FxAppHarness.waitUntil(() -> Files.exists(report));

        // 4. Apply, then the receipt.
        clickOn("#importApply");
        FxAppHarness.waitUntil(() -> !((Label) lookup("#importReceipt").query()).getText().isEmpty());
        assertThat(((Label) lookup("#importReceipt").query()).getText()).contains("2 baru").contains("1 ditolak");
        assertThat(app.services().roster().findByNik(BUDI)).singleElement()
                .satisfies(p -> assertThat(p.fullName()).isEqualTo("Budi Santoso"));
        var euis = app.services().roster().findByNik(EUIS).getFirst();
        assertThat(app.services().roster().postsOf(euis.id())).singleElement().satisfies(p -> {
            assertThat(p.position()).isEqualTo(Position.KASI_KESEJAHTERAAN);
            assertThat(p.villageCode()).isEqualTo("36.04.01.2001");
        });
    }
}
