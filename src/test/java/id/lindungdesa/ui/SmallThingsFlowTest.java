package id.lindungdesa.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.RosterService;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.FxAppHarness;
import id.lindungdesa.testing.TestDb;
import id.lindungdesa.wiring.Services;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** Issue 13 item 10 and the dates of item 5, as the clerk sees them in the real window at 1366×768. */
class SmallThingsFlowTest extends FxRobot {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @TempDir
    Path dir;
    DesktopApp app;

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) FxAppHarness.stop(app);
        Messages.setCurrent(Messages.INDONESIAN);
    }

    void start() throws Exception {
        try (Services s = TestDb.open(dir, "small", TODAY)) {
            s.office().init(OfficeLevel.DISTRICT, "61.01", "DPMD Sambas", "Sri Wahyuni");
            s.regions().importCsv(new StringReader("kode,nama\n61,Kalimantan Barat\n61.01,Kabupaten Sambas\n"
                    + "61.01.01,Sambas\n61.01.01.2001,Lorong\n61.01.01.2002,Durian\n"), "t.csv", null, Progress.NONE);
            s.roster().addPersonAndAppoint(new RosterService.NewPerson("6101011203800001", "Ahmad Yani", Sex.L,
                            LocalDate.of(1980, 3, 12), null, null, null, EmploymentStatus.NON_ASN, null),
                    new RosterService.NewPost(null, "61.01.01.2001", Position.KEPALA_DESA, null, "141/1/2020",
                            LocalDate.of(2020, 1, 5), LocalDate.of(2020, 1, 10), null));
        }
        app = FxAppHarness.start(dir.resolve("small"), TODAY);
        FxAppHarness.waitUntil(() -> app.mainWindow() != null);
        interact(() -> {
            Stage main = (Stage) app.mainWindow().root().getScene().getWindow();
            main.setX(0);
            main.setY(0);
            main.setWidth(1366);
            main.setHeight(768);
        });
    }

    @Test
    void aDistrictOfficeHasNoProvinceDashboardAndEveryTableSpeaksIndonesian() throws Exception {
        start();
        assertThat(app.mainWindow().screen("province")).isNull();
        for (String screen : new String[] {"home", "roster", "agreements", "monev", "dashboard", "budget", "ledger",
                "imports", "bundle", "settings"}) {
            if (app.mainWindow().screen(screen) == null) continue;
            interact(() -> app.mainWindow().navigate(screen, null));
            for (Node n : lookup(".table-view").queryAll()) {
                if (!n.isVisible() || n.getScene() == null) continue;
                Node placeholder = ((TableView<?>) n).getPlaceholder();
                assertThat(placeholder).as("placeholder of a table on %s", screen).isNotNull();
                if (placeholder instanceof Label l) assertThat(l.getText()).doesNotContain("No content");
            }
        }
    }

    @Test
    void theDashboardReadsIndonesianDatesAndSaysWhenItCannot() throws Exception {
        start();
        interact(() -> app.mainWindow().navigate("dashboard", null));
        javafx.scene.control.DatePicker picker = lookup("#dashDate").queryAs(javafx.scene.control.DatePicker.class);
        TextField editor = picker.getEditor();
        interact(editor::clear);
        clickOn(editor).write("31-10-2026").type(KeyCode.ENTER);
        FxAppHarness.waitUntil(() -> LocalDate.of(2026, 10, 31).equals(picker.getValue()));
        assertThat(editor.getText()).isEqualTo("31-10-2026");

        interact(editor::clear);
        clickOn(editor).write("15 Jan 2026").type(KeyCode.ENTER);
        FxAppHarness.waitUntil(() -> LocalDate.of(2026, 1, 15).equals(picker.getValue()));

        interact(editor::clear);
        clickOn(editor).write("31-13-2026").type(KeyCode.ENTER);
        FxAppHarness.waitUntil(() -> !lookup("#dashDateError").queryAs(Label.class).getText().isEmpty());
        assertThat(lookup("#dashDateError").queryAs(Label.class).getText()).contains("31-13-2026");
        assertThat(picker.getValue()).isEqualTo(LocalDate.of(2026, 1, 15));

        // Months read "Jan 2026", not "2026-01".
        @SuppressWarnings("unchecked")
        LineChart<String, Number> trend = lookup("#chartTrend").queryAs(LineChart.class);
        FxAppHarness.waitUntil(() -> !trend.getData().isEmpty() && !trend.getData().getFirst().getData().isEmpty());
        for (XYChart.Data<String, Number> d : trend.getData().getFirst().getData()) {
            assertThat(d.getXValue()).matches("\\p{L}{3} \\d{4}");
        }
    }

    @Test
    void theLanguageSwitchIsInTheWindowAndSettingsAndKeepsTheSearch() throws Exception {
        start();
        interact(() -> app.mainWindow().navigate("settings", null));
        assertThat(lookup("#settingsLanguage").tryQuery()).isPresent();
        interact(() -> app.mainWindow().navigate("roster", null));
        FxAppHarness.waitUntil(() -> lookup("Ahmad Yani").tryQuery().isPresent());
        clickOn("#rosterSearch").write("Ahmad");
        @SuppressWarnings("unchecked")
        ComboBox<String> menu = lookup("#menuLanguage").queryAs(ComboBox.class);
        interact(() -> menu.setValue("English"));
        FxAppHarness.waitUntil(() -> lookup("#rosterNew").tryQuery()
                .map(n -> ((javafx.scene.control.Button) n).getText().equals("New person")).orElse(false));
        assertThat(lookup("#rosterSearch").queryAs(TextField.class).getText()).isEqualTo("Ahmad");
        assertThat(app.services().office().setting("ui.language")).contains("en");

        // English: the category chart keeps its bars (short names) and months are English.
        interact(() -> app.mainWindow().navigate("dashboard", null));
        @SuppressWarnings("unchecked")
        XYChart<String, Number> cats = lookup("#chartCategory").queryAs(XYChart.class);
        FxAppHarness.waitUntil(() -> !cats.getData().isEmpty() && !cats.getData().getFirst().getData().isEmpty());
        XYChart.Data<String, Number> head = cats.getData().getFirst().getData().getFirst();
        assertThat(head.getXValue()).isEqualTo("Head");
        assertThat(head.getNode()).isNotNull();
        FxAppHarness.waitUntil(() -> head.getNode().isVisible() && head.getNode().getBoundsInParent().getWidth() > 0);
    }
}
