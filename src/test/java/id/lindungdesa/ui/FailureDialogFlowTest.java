package id.lindungdesa.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.backup.BackupServiceTest;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.testing.FxAppHarness;
import id.lindungdesa.ui.agreements.SystemViewer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** Through the real window: a failure nobody handles is shown with what to do and the details; the log opens. */
class FailureDialogFlowTest extends FxRobot {
    @TempDir
    Path dir;
    DesktopApp app;

    @BeforeEach
    void indonesian() {
        Messages.setCurrent(Messages.INDONESIAN);
        System.setProperty("lindungdesa.home", dir.resolve("home").toString());
    }

    @AfterEach
    void tearDown() throws Exception {
        SystemViewer.setOpener(null);
        System.clearProperty("lindungdesa.home");
        if (app != null) FxAppHarness.stop(app);
    }

    private void startDesk() throws Exception {
        try (Services s = BackupServiceTest.withOffice(dir, "desk")) {
            BackupServiceTest.addPerson(s, "Siti Aminah", 1);
        }
        app = FxAppHarness.start(dir.resolve("desk"), LocalDate.of(2026, 3, 10));
        FxAppHarness.waitUntil(() -> lookup("#navigation").tryQuery().isPresent());
    }

    @Test
    void aTaskWithoutItsOwnHandlerShowsTheMessageWhatToDoAndTheDetails() throws Exception {
        startDesk();
        app.tasks().execute(BackgroundTask.of("Ekspor laporan", p -> {
            throw new RuntimeException(new IOException("Disk penuh: D:\\laporan"));
        }));
        FxAppHarness.waitUntil(() -> lookup("#failureMessage").tryQuery().isPresent());
        assertThat(lookup("#failureMessage").queryAs(Label.class).getText()).isEqualTo("Yang terjadi: Disk penuh: D:\\laporan");
        assertThat(lookup("#failureWhatToDo").queryAs(Label.class).getText()).startsWith("Yang bisa dilakukan:")
                .contains("Buka berkas log");
        assertThat(lookup(".dialog-pane .header-panel .label").queryAs(Label.class).getText())
                .isEqualTo("Pekerjaan gagal: Ekspor laporan");

        TitledPane details = lookup("#failureDetails").queryAs(TitledPane.class);
        assertThat(details.getText()).isEqualTo("Rincian");
        assertThat(details.isExpanded()).as("details start collapsed").isFalse();
        clickOn("Rincian");
        FxAppHarness.waitUntil(details::isExpanded);
        TextArea trace = lookup("#failureTrace").queryAs(TextArea.class);
        assertThat(trace.isVisible()).isTrue();
        assertThat(trace.getText()).contains("Caused by: java.io.IOException: Disk penuh");
        clickOn("Tutup");
        FxAppHarness.waitUntil(() -> lookup("#failureMessage").tryQuery().isEmpty());
    }

    @Test
    void anExceptionOnTheWindowThreadIsShownToo() throws Exception {
        startDesk();
        Platform.runLater(() -> {
            throw new IllegalStateException("Tombol rusak");
        });
        FxAppHarness.waitUntil(() -> lookup("#failureMessage").tryQuery().isPresent());
        assertThat(lookup("#failureMessage").queryAs(Label.class).getText()).contains("Tombol rusak");
    }

    @Test
    void theSettingsScreenOpensTheLogFolder() throws Exception {
        startDesk();
        AtomicReference<Path> opened = new AtomicReference<>();
        SystemViewer.setOpener(opened::set);
        interact(() -> app.mainWindow().navigate("settings", null));
        FxAppHarness.waitUntil(() -> lookup("#openLogFile").tryQuery().isPresent());
        assertThat(lookup("#openLogFile").queryAs(javafx.scene.control.Button.class).getText())
                .isEqualTo("Buka berkas log");
        interact(() -> lookup("#openLogFile").queryAs(javafx.scene.control.Button.class).fire());
        FxAppHarness.waitUntil(() -> opened.get() != null);
        // No log file yet in this fresh data folder: its folder is made and opened.
        assertThat(opened.get()).isEqualTo(dir.resolve("home").resolve("logs").toAbsolutePath()).isDirectory();
        FxAppHarness.waitUntil(() -> lookup("#logMessage").queryAs(Label.class).getText().startsWith("Berkas log dibuka"));
    }
}
