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
import id.lindungdesa.ui.form.DialogScaffold;
import id.lindungdesa.wiring.Services;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Every dialog of the desk opened through the real window at 1366×768: each fits the screen, its buttons are on
 * it and visible, also after a long message appears (duplicate NIK) or an optional section opens (successor), and
 * those never move the buttons.
 */
class DialogFitTest extends FxRobot {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final String LORONG = "61.01.01.2001";
    static final double W = 1366;
    static final double H = 768;

    @TempDir
    Path dir;
    DesktopApp app;

    @BeforeEach
    void smallScreen() {
        System.setProperty(DialogScaffold.SCREEN_PROPERTY, "1366x768");
    }

    @AfterEach
    void tearDown() throws Exception {
        System.clearProperty(DialogScaffold.SCREEN_PROPERTY);
        if (app != null) FxAppHarness.stop(app);
        Messages.setCurrent(Messages.INDONESIAN);
    }

    Path district() {
        try (Services s = TestDb.open(dir, "fit", TODAY)) {
            s.office().init(OfficeLevel.DISTRICT, "61.01", "DPMD Sambas", "Sri Wahyuni");
            s.regions().importCsv(new StringReader("kode,nama\n61,Kalimantan Barat\n61.01,Kabupaten Sambas\n"
                    + "61.01.01,Sambas\n61.01.01.2001,Lorong\n61.01.01.2002,Durian\n"), "t.csv", null, Progress.NONE);
            s.roster().addPersonAndAppoint(new RosterService.NewPerson("6101011203800001", "Ahmad Yani", Sex.L,
                            LocalDate.of(1980, 3, 12), null, null, null, EmploymentStatus.NON_ASN, null),
                    new RosterService.NewPost(null, LORONG, Position.KEPALA_DESA, null, "141/1/2020",
                            LocalDate.of(2020, 1, 5), LocalDate.of(2020, 1, 10), null));
        }
        return dir.resolve("fit");
    }

    void startAt1366() throws Exception {
        app = FxAppHarness.start(district(), TODAY);
        FxAppHarness.waitUntil(() -> app.mainWindow() != null);
        interact(() -> {
            Stage main = (Stage) ((Node) app.mainWindow().root()).getScene().getWindow();
            main.setX(0);
            main.setY(0);
            main.setWidth(W);
            main.setHeight(H);
            app.mainWindow().navigate("roster", null);
        });
        FxAppHarness.waitUntil(() -> lookup("#villageTree").tryQuery()
                .map(n -> ((TreeView<?>) n).getRoot() != null).orElse(false));
        FxAppHarness.waitUntil(() -> lookup("Ahmad Yani").tryQuery().isPresent());
    }

    /** The dialog holding {@code buttonIds} fits 1366×768 and each of the buttons is visible inside it. */
    Window assertFits(String... buttonIds) throws Exception {
        FxAppHarness.waitUntil("the dialog of " + buttonIds[0], () -> lookup(buttonIds[0]).tryQuery()
                .map(n -> n.getScene() != null && n.getScene().getWindow().isShowing()).orElse(false));
        Node first = lookup(buttonIds[0]).query();
        Window w = first.getScene().getWindow();
        WaitForLayout.pulse();
        assertThat(w.getWidth()).as("width of %s", buttonIds[0]).isLessThanOrEqualTo(W);
        assertThat(w.getHeight()).as("height of %s", buttonIds[0]).isLessThanOrEqualTo(H);
        assertThat(w.getX()).as("left of %s", buttonIds[0]).isGreaterThanOrEqualTo(0);
        assertThat(w.getY()).as("top of %s", buttonIds[0]).isGreaterThanOrEqualTo(0);
        assertThat(w.getX() + w.getWidth()).as("right of %s", buttonIds[0]).isLessThanOrEqualTo(W);
        assertThat(w.getY() + w.getHeight()).as("bottom of %s", buttonIds[0]).isLessThanOrEqualTo(H);
        for (String id : buttonIds) {
            Node b = lookup(id).query();
            assertThat(b.isVisible()).as("%s visible", id).isTrue();
            Bounds s = b.localToScreen(b.getLayoutBounds());
            Bounds scene = new javafx.geometry.BoundingBox(w.getX() + b.getScene().getX(),
                    w.getY() + b.getScene().getY(), b.getScene().getWidth(), b.getScene().getHeight());
            assertThat(scene.contains(s)).as("%s (%s) inside its window (%s)", id, s, scene).isTrue();
            assertThat(s.getMaxY()).as("%s above the bottom of the screen", id).isLessThanOrEqualTo(H);
        }
        return w;
    }

    Point2D at(String id) {
        Node n = lookup(id).query();
        Bounds b = n.localToScreen(n.getLayoutBounds());
        return new Point2D(b.getMinX(), b.getMinY());
    }

    void tab(int i) {
        interact(() -> lookup("#personTabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().select(i));
    }

    void escape() {
        press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    void shortcut(KeyCode key) {
        press(KeyCode.CONTROL, key);
        release(key, KeyCode.CONTROL);
    }

    <T> void choose(String comboId, T value) {
        @SuppressWarnings("unchecked")
        ComboBox<T> c = lookup(comboId).queryAs(ComboBox.class);
        interact(() -> c.setValue(value));
    }

    @Test
    void theNewPersonDialogFitsAndTheDuplicateNikMessageMovesNoButton() throws Exception {
        startAt1366();
        clickOn("#rosterNew");
        assertFits("#personSave", "#personCancel");
        Point2D save = at("#personSave");
        clickOn("#personNik").write("6101011203800001");
        clickOn("#personName").write("Ahmad Yani");
        choose("#personSex", Sex.L);
        choose("#postVillage", firstDesa());
        choose("#postPosition", Position.KEPALA_DUSUN);
        clickOn("#personSave");
        FxAppHarness.waitUntil(() -> lookup("#duplicatePanel").query().isVisible());
        assertFits("#personSave", "#personCancel", "#addToExisting");
        assertThat(at("#personSave")).isEqualTo(save);
        assertThat(lookup("#duplicateText").queryAs(Label.class).getText()).contains("Ahmad Yani");
        escape();
        FxAppHarness.waitUntil(() -> lookup("#personNik").tryQuery().isEmpty());
    }

    @Test
    void theEditorsOfAPersonTheirPostsAndEnrolmentsFit() throws Exception {
        startAt1366();
        clickOn("Ahmad Yani");
        shortcut(KeyCode.E);
        assertFits("#personSave", "#personCancel", "#personRemove");
        tab(1);
        clickOn("#postAdd");
        assertFits("#postSave");
        clickOn("#postSave"); // empty: errors under the fields, the buttons stay on screen
        FxAppHarness.waitUntil(() -> !lookup("#positionError").queryAs(Label.class).getText().isEmpty());
        assertFits("#postSave");
        escape();
        FxAppHarness.waitUntil(() -> lookup("#postSave").tryQuery().isEmpty());
        tab(2);
        clickOn("#enrolmentAdd");
        assertFits("#enrolSave", "#enrolCancel");
        escape();
        FxAppHarness.waitUntil(() -> lookup("#enrolSave").tryQuery().isEmpty());
        clickOn("#personRemove");
        assertFits("#removeConfirm");
        escape();
        escape();
        FxAppHarness.waitUntil(() -> lookup("#personSave").tryQuery().isEmpty());
    }

    @Test
    void endOfTermFitsAndTickingTheSuccessorMovesNothing() throws Exception {
        startAt1366();
        clickOn("Ahmad Yani");
        shortcut(KeyCode.T);
        FxAppHarness.waitUntil(() -> lookup("#endTermSave").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        assertFits("#endTermSave", "#endTermCancel");
        Point2D save = at("#endTermSave");
        Point2D tick = at("#endTermAppoint");
        clickOn("#endTermAppoint");
        FxAppHarness.waitUntil(() -> lookup("#successorNik").query().isVisible());
        assertFits("#endTermSave", "#endTermCancel");
        assertThat(at("#endTermSave")).isEqualTo(save);
        assertThat(at("#endTermAppoint")).isEqualTo(tick);
        // The successor's fields are reachable in the dialog (it opened tall enough for them).
        Node nik = lookup("#successorStart").query();
        Window w = nik.getScene().getWindow();
        assertThat(nik.localToScreen(nik.getBoundsInLocal()).getMaxY()).isLessThanOrEqualTo(w.getY() + w.getHeight());
        escape();
    }

    @Test
    void theRostersOtherDialogsFit() throws Exception {
        startAt1366();
        clickOn("Ahmad Yani");
        clickOn("#rosterEnrol");
        assertFits("#enrolSave", "#enrolCancel");
        escape();
        FxAppHarness.waitUntil(() -> lookup("#enrolSave").tryQuery().isEmpty());

        clickOn("Ahmad Yani");
        type(KeyCode.DELETE);
        assertFits("#removeConfirm");
        clickOn("#removeConfirm");
        FxAppHarness.waitUntil(() -> !lookup("#removeError").queryAs(Label.class).getText().isEmpty());
        assertFits("#removeConfirm");
        escape();
        FxAppHarness.waitUntil(() -> lookup("#removeConfirm").tryQuery().isEmpty());

        clickOn("#rosterImportRegions");
        assertFits("#importClose", "#importStart");
        clickOn("#importClose");
        FxAppHarness.waitUntil(() -> lookup("#importClose").tryQuery().isEmpty());

        // The village's history (a village chosen in the navigator).
        interact(() -> {
            @SuppressWarnings("unchecked")
            TreeView<Object> tree = lookup("#villageTree").queryAs(TreeView.class);
            var kec = tree.getRoot().getChildren().getFirst();
            kec.setExpanded(true);
            tree.getSelectionModel().select(tree.getRow(kec.getChildren().getFirst()));
        });
        shortcut(KeyCode.H);
        assertFits("#villageAuditClose");
        TableView<?> audit = lookup("#villageAuditTable").queryAs(TableView.class);
        assertThat(audit.getPlaceholder()).isNotNull();
        clickOn("#villageAuditClose");
    }

    @Test
    void theFailureDialogFitsWithItsDetailsOpen() throws Exception {
        startAt1366();
        StringBuilder longText = new StringBuilder();
        for (int i = 0; i < 200; i++) longText.append("baris ").append(i).append('\n');
        interact(() -> FailureDialog.show(lookup("#rosterTable").query().getScene().getWindow(), "uji",
                new IllegalStateException(longText.toString())));
        FxAppHarness.waitUntil(() -> lookup("#failureDetails").tryQuery().isPresent());
        interact(() -> lookup("#failureDetails").queryAs(javafx.scene.control.TitledPane.class).setExpanded(true));
        FxAppHarness.waitUntil(() -> lookup("#failureTrace").query().isVisible());
        interact(() -> {
            var pane = lookup("#failureDialog").queryAs(javafx.scene.control.DialogPane.class);
            pane.lookupButton(pane.getButtonTypes().getFirst()).setId("failureClose");
        });
        assertFits("#failureClose");
        clickOn("#failureClose");
    }

    /** Lets the toolkit lay out what just changed. */
    static final class WaitForLayout {
        static void pulse() {
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents(3);
        }
    }

    /** The first desa of the village chooser (its first line is a kecamatan header, not selectable). */
    @SuppressWarnings("unchecked")
    id.lindungdesa.ui.roster.RosterViewModel.NavNode firstDesa() {
        return ((ComboBox<id.lindungdesa.ui.roster.RosterViewModel.NavNode>) lookup("#postVillage")
                .queryAs(ComboBox.class)).getItems().stream().filter(n -> n.code().split("\\.").length == 4)
                .findFirst().orElseThrow();
    }
}
