package id.lindungdesa.ui.roster;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.RosterRow;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.RosterService;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.FxAppHarness;
import id.lindungdesa.testing.TestDb;
import id.lindungdesa.ui.DesktopApp;
import id.lindungdesa.wiring.Services;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** Issue 13 item 12 through the real window: Ctrl+Z undoes an end of term, Ctrl+Y does it again. */
class UndoFlowTest extends FxRobot {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final String LORONG = "61.01.01.2001";

    @TempDir
    Path dir;
    DesktopApp app;

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) FxAppHarness.stop(app);
        Messages.setCurrent(Messages.INDONESIAN);
    }

    Path district() {
        try (Services s = TestDb.open(dir, "desk", TODAY)) {
            s.office().init(OfficeLevel.DISTRICT, "61.01", "DPMD Sambas", "Sri Wahyuni");
            s.regions().importCsv(new StringReader("kode,nama\n61,Kalimantan Barat\n61.01,Kabupaten Sambas\n"
                    + "61.01.01,Sambas\n61.01.01.2001,Lorong\n"), "t.csv", null, Progress.NONE);
            s.roster().addPersonAndAppoint(new RosterService.NewPerson("6101011203700001", "Nana Suryana", Sex.L,
                            LocalDate.of(1970, 3, 12), null, null, null, EmploymentStatus.NON_ASN, null),
                    new RosterService.NewPost(null, LORONG, Position.KEPALA_DESA, null, "141/1/2018",
                            LocalDate.of(2018, 1, 5), LocalDate.of(2018, 1, 10), null));
        }
        return dir.resolve("desk");
    }

    @SuppressWarnings("unchecked")
    TableView<RosterRow> table() {
        return lookup("#rosterTable").queryAs(TableView.class);
    }

    boolean tableShows(String name) {
        return table().getItems().stream().anyMatch(r -> r.fullName().equals(name));
    }

    String status() {
        return lookup("#statusText").queryAs(Label.class).getText();
    }

    void shortcut(KeyCode key) {
        press(KeyCode.CONTROL, key);
        release(key, KeyCode.CONTROL);
    }

    @Test
    void ctrlZUndoesAnEndOfTermAndCtrlYDoesItAgain() throws Exception {
        app = FxAppHarness.start(district(), TODAY);
        FxAppHarness.waitUntil(() -> app.mainWindow() != null);
        interact(() -> app.mainWindow().navigate("roster", null));
        FxAppHarness.waitUntil(() -> lookup("#villageTree").tryQuery()
                .map(n -> ((TreeView<?>) n).getRoot() != null).orElse(false));
        FxAppHarness.waitUntil(() -> lookup("Nana Suryana").tryQuery().isPresent());
        clickOn("Nana Suryana");
        shortcut(KeyCode.T);
        FxAppHarness.waitUntil(() -> lookup("#endTermSave").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        clickOn("#endTermSave");
        FxAppHarness.waitUntil(() -> lookup("#endTermConfirm").tryQuery().map(Node::isVisible).orElse(false));
        clickOn("#endTermConfirm");
        FxAppHarness.waitUntil(() -> !tableShows("Nana Suryana"));

        clickOn("#rosterTable");
        shortcut(KeyCode.Z);
        FxAppHarness.waitUntil(() -> tableShows("Nana Suryana"));
        FxAppHarness.waitUntil(() -> status().equals("Dibatalkan: akhiri masa jabatan Nana Suryana"));
        RosterRow back = table().getItems().stream().filter(r -> r.fullName().equals("Nana Suryana")).findFirst()
                .orElseThrow();
        assertThat(back.endDate()).isNull();
        assertThat(back.position()).isEqualTo(Position.KEPALA_DESA);

        shortcut(KeyCode.Y);
        FxAppHarness.waitUntil(() -> !tableShows("Nana Suryana"));
        FxAppHarness.waitUntil(() -> status().equals("Diulangi: akhiri masa jabatan Nana Suryana"));
        assertThat(app.services().audit().forPerson(back.personId())).extracting(e -> e.summary())
                .contains("Batalkan: akhiri masa jabatan Nana Suryana", "Ulangi: akhiri masa jabatan Nana Suryana");

        shortcut(KeyCode.Y);
        FxAppHarness.waitUntil(() -> status().equals("Tidak ada perubahan yang dapat diulangi."));
    }
}
