package id.lindungdesa.ui.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.domain.AgreementInForce;
import id.lindungdesa.domain.AgreementParty;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.CoverageTerm;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.MonevScheduleItem;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.service.AgreementService;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.testing.FxAppHarness;
import id.lindungdesa.testing.TestDb;
import id.lindungdesa.ui.DesktopApp;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Through the real window, on 1 December 2025: record a PKS valid until 14 December 2025 covering kepala desa with
 * JKK+JKM; record an addendum effective later that adds BPD; the in-force view before and after the addendum
 * differs; the home screen shows the expiry alert and it opens the agreement; a monev overdue by one day is listed
 * and opens the monev screen.
 */
class AgreementFlowTest extends FxRobot {
    static final LocalDate TODAY = LocalDate.of(2025, 12, 1);

    static {
        // Type and move quickly: the flow is long (defaults: 25 ms per character, up to 200 mouse steps).
        System.setProperty("testfx.robot.write_sleep", "2");
        System.setProperty("testfx.robot.move_max_count", "8");
    }

    @TempDir
    Path dir;
    DesktopApp app;

    @AfterEach
    void tearDown() throws Exception {
        SystemViewer.setOpener(null);
        if (app != null) FxAppHarness.stop(app);
    }

    @Test
    void recordAgreementAndAddendumSeeWhatIsInForceAndFollowTheAlerts() throws Exception {
        Path db = dir.resolve("desk");
        try (Services s = TestDb.open(dir, "desk", TODAY)) {
            s.office().init(OfficeLevel.DISTRICT, "61.01", "DPMD Kabupaten Sambas", "Sri Wahyuni");
            // Another agreement whose first monev (six months after signing) was due yesterday.
            s.agreements().create(new AgreementService.NewAgreement("445/009/PKS-BPD/2025", "PKS BPD",
                    List.of(new AgreementParty("Pihak Pertama", "DPMD Kabupaten Sambas", null)),
                    LocalDate.of(2025, 5, 30), LocalDate.of(2025, 5, 30), LocalDate.of(2026, 5, 29), List.of(),
                    List.of(new CoverageTerm(Category.BPD, FundingSource.DANA_DESA,
                            EnumSet.of(Programme.JKK, Programme.JKM), null, 16_800L)), null, null, null, null), null);
        }
        app = FxAppHarness.start(db, TODAY);
        FxAppHarness.waitUntil(() -> lookup("#alertList").tryQuery().isPresent());
        ListView<?> nav = lookup("#navigation").queryAs(ListView.class);
        assertThat(nav.getSelectionModel().getSelectedIndex()).as("home screen first").isZero();

        // Record the PKS.
        nav("Perjanjian (PKS)");
        FxAppHarness.waitUntil(() -> lookup("#agreementTable").queryAs(TableView.class).getItems().size() == 1);
        clickOn("#agreementNew");
        type("#agNumber", "445/001/PKS-DPMD/2023");
        type("#agTitle", "PKS Kepala Desa");
        type("#agSigning", "14-03-2023");
        type("#agFrom", "14-03-2023");
        type("#agTo", "14-12-2025");
        type("#agParties", "Pihak Kedua | BPJS KC | Kepala KC");
        type("#agBases", "UU 6/2014");
        type("#agBudget", "63374400");
        choose("#termCategory", "Kepala Desa");
        choose("#termSource", "APBD");
        click("#termJkk");
        click("#termJkm");
        type("#termMonthly", "16200");
        click("#termAdd");
        Path scan = java.nio.file.Files.writeString(dir.resolve("pks.pdf"), "%PDF-1.4 PKS bertanda tangan");
        type("#agAttachment", scan.toString());
        click("#agSave");
        FxAppHarness.waitUntil(() -> table().getItems().size() == 2 && selectedNumber().equals("445/001/PKS-DPMD/2023"));
        assertThat(text("#inForceTerms")).contains("Kepala Desa (APBD): JKK+JKM").doesNotContain("BPD");
        assertThat(text("#agreementDocument")).contains("pks.pdf");
        assertThat(lookup(".label").queryAllAs(Label.class).stream().map(Label::getText))
                .contains("Pagu anggaran: Rp63.374.400", "Pihak Kedua: BPJS KC (Kepala KC)", "Dasar hukum: UU 6/2014");

        // The scanned document is checked and handed to the system viewer (captured here).
        java.util.concurrent.atomic.AtomicReference<Path> opened = new java.util.concurrent.atomic.AtomicReference<>();
        SystemViewer.setOpener(opened::set);
        clickOn("#attachmentOpen");
        FxAppHarness.waitUntil(() -> opened.get() != null);
        assertThat(java.nio.file.Files.readString(opened.get())).isEqualTo("%PDF-1.4 PKS bertanda tangan");

        // Record the addendum adding BPD from 1 July 2024.
        clickOn("#addendumNew");
        type("#adNumber", "445/001.1/ADD/2024");
        type("#adSigning", "20-06-2024");
        type("#adEffective", "01-07-2024");
        choose("#termCategory", "BPD");
        // Issue 13: the line takes the source and programmes the PKS already uses (decision 0155).
        assertThat(lookup("#termJkk").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isTrue();
        assertThat(lookup("#termJkm").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isTrue();
        choose("#termSource", "APBD");
        click("#termAdd");
        click("#adSave");
        FxAppHarness.waitUntil(() -> lookup("#timeline").tryQuery().isPresent()
                && lookup("#timeline").<ListView<String>>query().getItems().stream()
                .anyMatch(i -> i.contains("Adendum 445/001.1/ADD/2024 berlaku")));

        // The in-force view before and after the addendum.
        showInForceOn("30-06-2024");
        FxAppHarness.waitUntil(() -> text("#inForceHeading").contains("30 Juni 2024"));
        assertThat(text("#inForceTerms")).contains("Kepala Desa (APBD)").doesNotContain("BPD");
        showInForceOn("01-07-2024");
        FxAppHarness.waitUntil(() -> text("#inForceHeading").contains("1 Juli 2024"));
        assertThat(text("#inForceTerms")).contains("Kepala Desa (APBD)").contains("BPD (APBD): JKK+JKM")
                .contains("445/001.1/ADD/2024");
        AgreementInForce shown = table().getSelectionModel().getSelectedItem();
        assertThat(shown.terms()).extracting(CoverageTerm::category).containsExactly(Category.KEPALA_DESA, Category.BPD);

        // Home: the expiry alert on 1 December 2025 leads to the agreement.
        nav("Perlu Perhatian");
        FxAppHarness.waitUntil(() -> cell("14 Desember 2025 (13 hari lagi)").isPresent());
        // Leave the agreements screen on a different agreement first, so that opening it is what selects it.
        doubleClickOn(cell("445/001/PKS-DPMD/2023 berakhir pada 14 Desember 2025").orElseThrow());
        FxAppHarness.waitUntil(() -> lookup("#agreementTable").tryQuery().map(Node::isVisible).orElse(false)
                && table().getSelectionModel().getSelectedItem() != null
                && selectedNumber().equals("445/001/PKS-DPMD/2023"));
        assertThat(text("#agreementTitle")).startsWith("445/001/PKS-DPMD/2023");

        // Home: the monev due yesterday is listed as one day overdue and opens the monev screen.
        nav("Perlu Perhatian");
        FxAppHarness.waitUntil(() -> cell("30 November 2025: terlambat 1 hari").isPresent());
        doubleClickOn(cell("30 November 2025: terlambat 1 hari").orElseThrow());
        FxAppHarness.waitUntil(() -> lookup("#monevSchedule").tryQuery().isPresent()
                && lookup("#monevSchedule").queryAs(TableView.class).getSelectionModel().getSelectedItem() != null);
        @SuppressWarnings("unchecked")
        ComboBox<id.lindungdesa.domain.Agreement> monevAgreement = lookup("#monevAgreement").queryAs(ComboBox.class);
        assertThat(monevAgreement.getValue().number()).isEqualTo("445/009/PKS-BPD/2025");
        MonevScheduleItem item = (MonevScheduleItem) lookup("#monevSchedule").queryAs(TableView.class)
                .getSelectionModel().getSelectedItem();
        assertThat(item.dueDate()).isEqualTo(LocalDate.of(2025, 11, 30));
    }

    /** Scrolls a form field into view, then clicks it and types. */
    private void type(String id, String text) {
        reveal(id);
        clickOn(id).write(text);
    }

    /** Scrolls the enclosing scroll pane so that the node is in view, then clicks it. */
    private void click(String id) {
        reveal(id);
        clickOn(id);
    }

    private void reveal(String id) {
        Node n = lookup(id).query();
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
    }

    /** Clicks a screen in the navigation list once its cell is laid out. */
    private void nav(String title) throws Exception {
        FxAppHarness.waitUntil(() -> lookup("#navigation .list-cell").queryAll().stream()
                .anyMatch(n -> title.equals(((ListCell<?>) n).getText()) && n.isVisible()));
        clickOn(lookup("#navigation .list-cell").match(n -> title.equals(((ListCell<?>) n).getText()))
                .queryAs(Node.class));
    }

    private void choose(String combo, String label) {
        click(combo);
        clickOn(lookup(".combo-box-popup .list-cell").match(n -> label.equals(((ListCell<?>) n).getText()))
                .queryAs(Node.class));
    }

    private void showInForceOn(String date) {
        clickOn("#inForceDate").push(KeyCode.CONTROL, KeyCode.A).write(date);
        clickOn("#inForceShow");
    }

    @SuppressWarnings("unchecked")
    private TableView<AgreementInForce> table() {
        return lookup("#agreementTable").queryAs(TableView.class);
    }

    private String selectedNumber() {
        AgreementInForce x = table().getSelectionModel().getSelectedItem();
        return x == null ? "" : x.agreement().number();
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    private Optional<Node> cell(String containing) {
        return lookup("#alertList .list-cell").queryAll().stream()
                .filter(n -> ((ListCell<?>) n).getText() != null && ((ListCell<?>) n).getText().contains(containing))
                .findFirst();
    }
}
