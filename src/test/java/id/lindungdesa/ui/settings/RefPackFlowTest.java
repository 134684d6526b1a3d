package id.lindungdesa.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.bundle.BundleKit;
import id.lindungdesa.bundle.FingerprintWords;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.testing.FxAppHarness;
import id.lindungdesa.ui.DesktopApp;
import id.lindungdesa.ui.report.SaveDialog;
import id.lindungdesa.wiring.Services;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Issue 18 through the real window at 1366×768. District: Settings → "Impor paket acuan…" refuses a changed pack
 * (database unchanged), shows the province key's words on the first pack and applies it only after "Sama,
 * lanjutkan", shows what it applied, and refuses the same pack again. Province: Settings → "Ekspor paket acuan…"
 * refuses a bad validity, signs the next pack in the background, and the dashboard shows which district runs which
 * pack and who is behind.
 */
class RefPackFlowTest extends FxRobot {
    @TempDir
    Path dir;
    DesktopApp app;

    @BeforeEach
    void indonesian() {
        Messages.setCurrent(Messages.INDONESIAN);
    }

    @AfterEach
    void tearDown() throws Exception {
        RefPackView.setOpenChooser(null);
        SaveDialog.setChooser(null);
        if (app != null) FxAppHarness.stop(app);
    }

    private void start(Path db) throws Exception {
        app = FxAppHarness.start(db, BundleKit.TODAY);
        FxAppHarness.waitUntil("the main window", () -> app.mainWindow() != null
                && lookup("#navigation").tryQuery().isPresent());
        Window w = lookup("#navigation").query().getScene().getWindow();
        interact(() -> {
            w.setX(0);
            w.setY(0);
            w.setWidth(1366);
            w.setHeight(768);
        });
    }

    private void openSettings() throws Exception {
        String title = Messages.tr("screen.settings");
        FxAppHarness.waitUntil(() -> lookup(title).tryQuery().isPresent());
        clickOn(title);
        FxAppHarness.waitUntil("the reference pack part", () -> lookup("#refpackStatus").tryQuery()
                .map(n -> n.getScene() != null).orElse(false));
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    private void click(String query) {
        Node n = lookup(query).query();
        interact(() -> {
            javafx.scene.Parent p = n.getParent();
            while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) p = p.getParent();
            if (p instanceof javafx.scene.control.ScrollPane sp) {
                Node content = sp.getContent();
                javafx.geometry.Bounds b = content.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
                double range = content.getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
                if (range > 0) sp.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 20) / range)));
            }
        });
        clickOn(query);
    }

    private void chooseAndImport(Path file) {
        RefPackView.setOpenChooser((owner, title) -> Optional.of(file));
        click("#refpackImport");
    }

    @Test
    void theDistrictComparesTheWordsAppliesThePackAndBadPacksAreRefused() throws Exception {
        String words;
        Path pack;
        try (Services prov = BundleKit.province(dir, "36");
             Services kab = BundleKit.district(dir, "36.04", 7)) {
            words = prov.bundles().keys().activeKey().orElseThrow().fingerprint();
            prov.targets().set("36", 2026, null, new BigDecimal("60.80"), "manual");
            pack = prov.bundles().refpacks().export(dir.resolve("acuan-1.ldr"), BundleKit.PROV_PASS, "90d").file();
        }
        // the same pack with the target changed inside the signed payload
        Path changed = dir.resolve("acuan-ubah.ldr");
        String env = Files.readString(pack);
        String b64 = env.replaceAll("(?s).*\"payload\":\"([^\"]+)\".*", "$1");
        String payload = new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
        assertThat(payload).contains("60.80");
        Files.writeString(changed, env.replace(b64, Base64.getEncoder().encodeToString(
                payload.replace("60.80", "10.80").getBytes(StandardCharsets.UTF_8))));

        start(dir.resolve("kab-36.04"));
        openSettings();
        FxAppHarness.waitUntil(() -> text("#refpackStatus").contains("Belum ada paket"));
        assertThat(lookup("#refpackExport").tryQuery()).as("a district does not sign packs").isEmpty();
        String before = BundleKit.dump(app.services());

        chooseAndImport(changed);
        FxAppHarness.waitUntil("the refusal of the changed pack",
                () -> text("#refpackMessage").contains("Tanda tangan paket tidak cocok"));
        assertThat(text("#refpackMessage")).contains("Tidak ada yang diubah");
        assertThat(lookup("#refpackApply").tryQuery()).isEmpty();
        assertThat(BundleKit.dump(app.services())).isEqualTo(before);

        // the words differ: nothing is pinned or applied
        chooseAndImport(pack);
        FxAppHarness.waitUntil("the words to compare", () -> lookup("#refpackQuestion").tryQuery().isPresent());
        assertThat(lookup("#refpackCancel").queryButton().getText()).isEqualTo("Berbeda, batalkan");
        click("#refpackCancel");
        FxAppHarness.waitUntil(() -> text("#refpackMessage").contains("tidak diterapkan"));
        assertThat(BundleKit.dump(app.services())).isEqualTo(before);

        chooseAndImport(pack);
        FxAppHarness.waitUntil("the words to compare", () -> lookup("#refpackQuestion").tryQuery().isPresent());
        assertThat(text("#refpackQuestion")).contains("Paket #1 dari provinsi 36")
                .contains(FingerprintWords.grouped(words));
        assertThat(lookup("#refpackApply").queryButton().getText()).isEqualTo("Sama, lanjutkan");
        click("#refpackApply");
        FxAppHarness.waitUntil("the summary", () -> text("#refpackMessage")
                .contains("Paket data acuan #1 diterapkan: 1 target, 0 kunci dicabut"));
        assertThat(text("#refpackMessage")).contains("Kunci provinsi disematkan").contains("Tarif iuran:")
                .contains("Kode wilayah:");
        FxAppHarness.waitUntil(() -> text("#refpackStatus").contains("Paket data acuan #1, berlaku sampai 17-05-2026"));
        assertThat(app.services().targets().targetFor("36.04", 2026, null).orElseThrow().source())
                .isEqualTo("provinsi:paket:1");
        String after = BundleKit.dump(app.services());

        // the same pack again: refused before anything is asked
        chooseAndImport(pack);
        FxAppHarness.waitUntil("the replay refusal", () -> text("#refpackMessage").contains("sudah diterapkan"));
        assertThat(lookup("#refpackApply").tryQuery()).isEmpty();
        assertThat(BundleKit.dump(app.services())).isEqualTo(after);
    }

    @Test
    void theProvinceExportsThePackAndItsDashboardShowsWhoIsBehind() throws Exception {
        try (Services prov = BundleKit.province(dir, "36");
             Services kab = BundleKit.district(dir, "36.04", 7)) {
            String words = prov.bundles().keys().activeKey().orElseThrow().fingerprint();
            BundleKit.enrol(kab, prov, dir);
            prov.regions().importBuiltin("36", id.lindungdesa.task.Progress.NONE); // Banten's kabupaten/kota
            prov.targets().set("36", 2026, null, new BigDecimal("60.80"), "manual");
            Path p1 = prov.bundles().refpacks().export(dir.resolve("acuan-1.ldr"), BundleKit.PROV_PASS, "90d")
                    .file();
            kab.bundles().refpacks().importPack(p1, words, false);
            Path r1 = kab.bundles().refpacks().writeReceipt(dir.resolve("r1.json"), BundleKit.PASS).file();
            prov.bundles().refpacks().importReceipt(r1);
        }
        start(dir.resolve("prov-36"));
        Path out = dir.resolve("paket-acuan.ldr");
        SaveDialog.setChooser((owner, title, folder, name) -> Optional.of(dir.resolve(name)));
        openSettings();
        FxAppHarness.waitUntil(() -> text("#refpackStatus").contains("Paket data acuan #1"));
        assertThat(lookup("#refpackImport").tryQuery()).as("a province does not import packs").isEmpty();

        // a bad validity is refused before anything is signed
        String before = BundleKit.dump(app.services());
        interact(() -> lookup("#refpackDays").queryAs(TextField.class).setText("tiga bulan"));
        click("#refpackPassphrase");
        write(new String(BundleKit.PROV_PASS));
        click("#refpackExport");
        FxAppHarness.waitUntil(() -> text("#refpackMessage").contains("tidak dikenali"));
        assertThat(out).doesNotExist();
        assertThat(BundleKit.dump(app.services())).isEqualTo(before);

        interact(() -> lookup("#refpackDays").queryAs(TextField.class).setText("30"));
        click("#refpackExport");
        FxAppHarness.waitUntil("the pack written", () -> text("#refpackMessage")
                .contains("Paket data acuan #2 ditulis (berlaku sampai 18-03-2026)"));
        assertThat(text("#refpackMessage")).contains("Isi: 1 target, 0 kunci dicabut");
        assertThat(out).exists();
        FxAppHarness.waitUntil(() -> text("#refpackStatus").contains("Paket data acuan #2"));

        // the dashboard: 36.04 runs #1 (its receipt), behind the newest #2
        interact(() -> app.mainWindow().navigate("province", null));
        FxAppHarness.waitUntil("the dashboard", () -> lookup("#provinceRefPacks").tryQuery()
                .map(n -> !((Label) n).getText().isEmpty()).orElse(false));
        assertThat(text("#provinceRefPacks")).contains("Paket data acuan terbaru #2")
                .contains("36.04");
        @SuppressWarnings("unchecked")
        TableView<id.lindungdesa.bundle.ProvinceService.DistrictRow> table =
                lookup("#provinceDistricts").queryAs(TableView.class);
        var column = table.getColumns().stream().filter(c -> c.getText().equals("Paket acuan")).findFirst()
                .orElseThrow();
        FxAppHarness.waitUntil(() -> table.getItems().stream().anyMatch(d -> d.code().equals("36.04")));
        var serang = table.getItems().stream().filter(d -> d.code().equals("36.04")).findFirst().orElseThrow();
        assertThat(column.getCellData(serang)).isEqualTo("#1 · tertinggal (terbaru #2)");
    }
}
