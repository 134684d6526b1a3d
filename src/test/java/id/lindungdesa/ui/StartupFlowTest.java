package id.lindungdesa.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.testing.FxAppHarness;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** First run through the real window: the set-up form appears, the office is saved, the main window follows. */
class StartupFlowTest extends FxRobot {
    @TempDir
    Path dir;
    DesktopApp app;

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) FxAppHarness.stop(app);
    }

    @Test
    void firstRunSetsUpTheOfficeThenShowsTheMainWindow() throws Exception {
        app = FxAppHarness.start(dir.resolve("desk"), LocalDate.of(2026, 2, 2));
        FxAppHarness.waitUntil(() -> lookup("#setupCode").tryQuery().isPresent());
        clickOn("#setupCode").write("36.04");
        clickOn("#setupName").write("DPMD Kabupaten Serang");
        clickOn("#setupClerk").write("Budi Santoso");
        clickOn("#setupSave");
        // issue 11: set-up imports the office's regions from the list shipped with the program; no import step
        FxAppHarness.waitUntil(() -> lookup("#navigation").tryQuery().isPresent());
        ListView<?> nav = lookup("#navigation").queryAs(ListView.class);
        assertThat(nav.getItems()).isNotEmpty();
        assertThat(app.services().currentOffice().orElseThrow().clerkName()).isEqualTo("Budi Santoso");
    }
}
