package id.lindungdesa.ui.monev;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.domain.AgreementParty;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.CoverageTerm;
import id.lindungdesa.domain.FollowUp;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.AgreementService;
import id.lindungdesa.service.MonevService;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.FxAppHarness;
import id.lindungdesa.testing.TestDb;
import id.lindungdesa.ui.DesktopApp;
import id.lindungdesa.wiring.Services;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Issue 13 item 10: monev follow-ups are entered in fields (action, owner, due date) into a small table, not typed
 * as "a | b | c"; an overdue follow-up's row is highlighted.
 */
class FollowUpFieldsFlowTest extends FxRobot {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @TempDir
    Path dir;
    DesktopApp app;
    UUID agreementId;

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) FxAppHarness.stop(app);
        Messages.setCurrent(Messages.INDONESIAN);
    }

    /**
     * Opens Monev on an agreement with one follow-up overdue since 1 Juli 2026, checks it stands out, then types a
     * line with an unreadable date and one without an owner: both refused with their reason, nothing added, and no
     * failure dialog on the way (a bad date once raised "kesalahan tak terduga" from the date field's tooltip).
     */
    private void openMonevAndRefuseTwoLines() throws Exception {
        try (Services s = TestDb.open(dir, "desk", TODAY)) {
            s.office().init(OfficeLevel.DISTRICT, "61.01", "DPMD Kabupaten Sambas", "Sri Wahyuni");
            s.regions().importCsv(new StringReader("kode,nama\n61,Kalimantan Barat\n61.01,Kabupaten Sambas\n"
                    + "61.01.01,Sambas\n61.01.01.2001,Lorong\n"), "t.csv", null, Progress.NONE);
            agreementId = s.agreements().create(new AgreementService.NewAgreement("445/002/PKS-DPMD/2024",
                    "PKS Aparat Desa", List.of(new AgreementParty("Pihak Pertama", "DPMD Kabupaten Sambas", null)),
                    LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 2), LocalDate.of(2027, 12, 31), List.of(),
                    List.of(new CoverageTerm(Category.KEPALA_DESA, FundingSource.APBD,
                            EnumSet.of(Programme.JKK, Programme.JKM), null, 16_200L)), null, null, null, null),
                    null).id();
            s.monev().record(new MonevService.NewEvaluation(agreementId, null, LocalDate.of(2026, 6, 10),
                    "DPMD, BPJS", "Data BPD belum lengkap",
                    List.of(new MonevService.NewFollowUp("Kirim data BPD", "Kasi Pemerintahan",
                            LocalDate.of(2026, 7, 1)))));
        }
        app = FxAppHarness.start(dir.resolve("desk"), TODAY);
        FxAppHarness.waitUntil(() -> app.mainWindow() != null && lookup("#navigation").tryQuery().isPresent());
        FxAppHarness.waitUntil(() -> lookup("#navigation .list-cell").queryAll().stream()
                .anyMatch(n -> "Monev".equals(((ListCell<?>) n).getText())));
        clickOn(lookup("#navigation .list-cell").match(n -> "Monev".equals(((ListCell<?>) n).getText()))
                .queryAs(Node.class));
        try {
            FxAppHarness.waitUntil("the follow-up of June", () -> lookup("#followUpTable").tryQuery()
                    .map(n -> ((TableView<?>) n).getItems().size() == 1).orElse(false));
        } catch (AssertionError e) {
            throw new AssertionError("nav: " + lookup("#navigation .list-cell").queryAll().stream()
                    .map(n -> ((ListCell<?>) n).getText()).toList() + " table: " + lookup("#followUpTable").tryQuery()
                    .map(n -> ((TableView<?>) n).getItems().toString()).orElse("none"), e);
        }

        // The overdue one (due 1 Juli 2026) stands out.
        showTable();
        try {
            FxAppHarness.waitUntil(() -> row("Kirim data BPD") != null);
        } catch (AssertionError e) {
            throw new AssertionError("rows: " + lookup(".table-row-cell").queryAll().stream()
                    .map(n -> ((TableRow<?>) n).getItem() + "@" + n.getParent()).toList(), e);
        }
        assertThat(row("Kirim data BPD").getStyleClass()).contains("overdue");

        // A line with an unreadable date is refused with its reason, and nothing is added.
        clickAt("#fuAction").write("Susun daftar anggota BPD");
        clickAt("#fuOwner").write("Kasi Pemerintahan");
        clickAt("#fuDue").write("31-13-2026");
        press("#fuAdd");
        try {
            FxAppHarness.waitUntil(() -> !lookup("#fuError").queryAs(Label.class).getText().isEmpty());
        } catch (AssertionError e) {
            throw new AssertionError("action=" + lookup("#fuAction").queryAs(javafx.scene.control.TextField.class)
                    .getText() + " owner=" + lookup("#fuOwner").queryAs(javafx.scene.control.TextField.class)
                    .getText() + " due=" + lookup("#fuDue").queryAs(id.lindungdesa.ui.form.DateField.class)
                    .getEditor().getText() + " lines=" + lookup("#fuLines").queryAs(TableView.class).getItems(), e);
        }
        assertThat(lookup("#fuLines").queryAs(TableView.class).getItems()).isEmpty();
        assertNoFailureDialog();
        // An incomplete line (no owner) is refused too.
        interact(() -> lookup("#fuDue").queryAs(id.lindungdesa.ui.form.DateField.class).getEditor().clear());
        clickAt("#fuDue").write("15-12-2026");
        interact(() -> lookup("#fuOwner").queryAs(javafx.scene.control.TextField.class).clear());
        press("#fuAdd");
        assertThat(lookup("#fuError").queryAs(Label.class).getText()).contains("penanggung jawab");
        assertThat(lookup("#fuLines").queryAs(TableView.class).getItems()).isEmpty();
        assertNoFailureDialog();
    }

    private static void assertNoFailureDialog() {
        assertThat(javafx.stage.Window.getWindows()).noneMatch(w -> w.getScene() != null
                && w.getScene().lookup("#failureDialog") != null);
    }

    @Test
    void followUpsAreEnteredInFieldsAndTheOverdueOneIsHighlighted() throws Exception {
        openMonevAndRefuseTwoLines();
        clickAt("#fuOwner").write("Kasi Pemerintahan");
        press("#fuAdd");
        FxAppHarness.waitUntil(() -> lookup("#fuLines").queryAs(TableView.class).getItems().size() == 1);
        assertThat(lookup("#fuError").queryAs(Label.class).getText()).isEmpty();
        // A second line typed and not added is added when the evaluation is recorded.
        clickAt("#fuAction").write("Undang kepala desa | rapat");
        clickAt("#fuOwner").write("Sekretaris DPMD");
        clickAt("#fuDue").write("05-12-2026");
        clickAt("#evalParticipants").write("DPMD, BPJS Ketenagakerjaan");
        clickAt("#evalFindings").write("BPD belum terdaftar");
        press("#evalSave");
        FxAppHarness.waitUntil("the evaluation recorded", () -> lookup("#monevMessage").queryAs(Label.class)
                .getText().contains("tersimpan"));
        // The list under the form shows the new follow-ups at once, without leaving the screen.
        FxAppHarness.waitUntil(() -> lookup("#followUpTable").queryAs(TableView.class).getItems().size() == 3);

        List<FollowUp> saved = app.services().monev().evaluations(agreementId).stream()
                .filter(e -> e.date().equals(TODAY)).findFirst().orElseThrow().followUps();
        assertThat(saved).extracting(FollowUp::action, FollowUp::owner, FollowUp::dueDate).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("Susun daftar anggota BPD", "Kasi Pemerintahan",
                        LocalDate.of(2026, 12, 15)),
                // a "|" in the text is text, not a column separator
                org.assertj.core.groups.Tuple.tuple("Undang kepala desa | rapat", "Sekretaris DPMD",
                        LocalDate.of(2026, 12, 5)));
        assertThat(lookup("#fuLines").queryAs(TableView.class).getItems()).isEmpty();
        // The new ones are not overdue; the June one still is.
        showTable();
        FxAppHarness.waitUntil(() -> row("Susun daftar anggota BPD") != null);
        assertThat(row("Susun daftar anggota BPD").getStyleClass()).doesNotContain("overdue");
        assertThat(row("Kirim data BPD").getStyleClass()).contains("overdue");
    }

    /** Scrolls the screen so {@code id} is in view, then clicks it. */
    private org.testfx.api.FxRobotInterface clickAt(String id) {
        interact(() -> {
            Node n = lookup(id).query();
            javafx.scene.Parent p = n.getParent();
            while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) p = p.getParent();
            if (p instanceof javafx.scene.control.ScrollPane sp) {
                Node content = sp.getContent();
                javafx.geometry.Bounds b = content.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
                double range = content.getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
                if (range > 0) sp.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 40) / range)));
            }
        });
        sleep(150); // one layout pulse, so the scrolled content is where the robot clicks
        return clickOn(id);
    }

    /**
     * Presses a button as the keyboard would (fire): after typing into a date field the first click of the robot can
     * go to the date picker's own popup handling instead of the button.
     */
    private void press(String id) {
        interact(() -> lookup(id).queryAs(javafx.scene.control.Button.class).fire());
    }

    /** Scrolls the screen down to the follow-up table. */
    private void showTable() {
        interact(() -> {
            Node t = lookup("#followUpTable").query();
            for (javafx.scene.Parent p = t.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane sp) sp.setVvalue(sp.getVmax());
            }
            t.applyCss();
            ((TableView<?>) t).layout();
        });
    }

    private TableRow<?> row(String action) {
        return lookup("#followUpTable .table-row-cell").queryAll().stream()
                .map(n -> (TableRow<?>) n)
                .filter(r -> r.getItem() instanceof FollowUp f && f.action().equals(action))
                .findFirst().orElse(null);
    }
}
