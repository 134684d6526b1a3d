package id.lindungdesa.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.backup.BackupService;
import id.lindungdesa.backup.BackupServiceTest;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.testing.FxAppHarness;
import id.lindungdesa.ui.DesktopApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** Through the real window: back up, restore (shown first, then swapped in), and recovery from a damaged file. */
class SettingsFlowTest extends FxRobot {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @TempDir
    Path dir;
    DesktopApp app;

    @org.junit.jupiter.api.BeforeEach
    void indonesian() {
        id.lindungdesa.i18n.Messages.setCurrent(id.lindungdesa.i18n.Messages.INDONESIAN);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) FxAppHarness.stop(app);
    }

    private void openSettings() throws Exception {
        FxAppHarness.waitUntil(() -> lookup("#navigation").tryQuery().isPresent());
        String title = id.lindungdesa.i18n.Messages.tr("screen.settings");
        FxAppHarness.waitUntil(() -> lookup(title).tryQuery().isPresent());
        clickOn(title);
        FxAppHarness.waitUntil(() -> lookup("#backupNow").tryQuery().isPresent());
    }

    @Test
    void aBackupMadeOnTheSettingsScreenIsShownThenRestoredAfterConfirmation() throws Exception {
        try (Services s = BackupServiceTest.withOffice(dir, "desk")) {
            BackupServiceTest.addPerson(s, "Siti Aminah", 1);
        }
        app = FxAppHarness.start(dir.resolve("desk"), TODAY);
        openSettings();
        clickOn("#backupNow");
        ListView<?> list = lookup("#backupList").queryAs(ListView.class);
        FxAppHarness.waitUntil(() -> list.getItems().stream().anyMatch(i -> i.toString().contains("manual")));
        assertThat(list.getItems().getFirst().toString()).startsWith("✔").contains("1 orang");

        BackupServiceTest.addPerson(app.services(), "Dewi Lestari", 2);
        interact(() -> list.getSelectionModel().select(0));
        clickOn("#backupRestore");
        FxAppHarness.waitUntil(() -> lookup("#restoreSummary").tryQuery().isPresent());
        String summary = lookup("#restoreSummary").queryAs(Label.class).getText();
        assertThat(summary).contains("DPMD Kabupaten Serang").contains("1 orang");
        assertThat(app.services().stats().stats(TODAY).people()).as("nothing swapped yet").isEqualTo(2);
        clickOn("#restoreSwap");
        Label message = lookup("#backupMessage").queryAs(Label.class);
        FxAppHarness.waitUntil(() -> message.getText().startsWith("Dipulihkan"));
        assertThat(app.services().stats().stats(TODAY).people()).isEqualTo(1);
        Path kept = Path.of(message.getText().substring(message.getText().indexOf(" di ") + 4).strip());
        assertThat(kept).exists();
    }

    @Test
    void aDamagedDatabaseOffersTheNewestVerifiedBackupAndKeepsTheDamagedFile() throws Exception {
        try (Services s = BackupServiceTest.withOffice(dir, "desk")) {
            BackupServiceTest.addPerson(s, "Siti Aminah", 1);
            s.backups().backupNow("daily", null);
        }
        Path data = dir.resolve("desk.mv.db");
        byte[] bytes = Files.readAllBytes(data);
        for (int i = 0; i < 8192; i++) bytes[i] = 0x33;
        Files.write(data, bytes);

        app = FxAppHarness.start(dir.resolve("desk"), TODAY);
        FxAppHarness.waitUntil(() -> lookup("#restoreNewest").tryQuery().isPresent());
        assertThat(lookup("#openError").queryAs(Label.class).getText()).contains("rusak").contains("TIDAK diubah");
        clickOn("#restoreNewest");
        FxAppHarness.waitUntil(() -> lookup("#navigation").tryQuery().isPresent());
        assertThat(app.services().stats().stats(TODAY).people()).isEqualTo(1);
        try (var files = Files.list(dir)) {
            Path aside = files.filter(f -> f.getFileName().toString().startsWith("desk.damaged-")).findFirst()
                    .orElseThrow();
            assertThat(Files.readAllBytes(aside)).isEqualTo(bytes);
        }
        assertThat(BackupService.newestVerified(dir.resolve("desk"))).isPresent();
    }
}
