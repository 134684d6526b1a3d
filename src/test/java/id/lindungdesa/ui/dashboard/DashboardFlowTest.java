package id.lindungdesa.ui.dashboard;

import static id.lindungdesa.service.ReportFixture.appoint;
import static id.lindungdesa.service.ReportFixture.enrolPu;
import static id.lindungdesa.service.ReportFixture.person;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.RosterRow;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.service.CoverageService;
import id.lindungdesa.service.ReportFixture;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.testing.FxAppHarness;
import id.lindungdesa.ui.DesktopApp;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.Node;
import javafx.scene.chart.PieChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** Through the real window: dashboard → click a kecamatan's bar → its villages → a village's people. */
class DashboardFlowTest extends FxRobot {
    static final LocalDate TODAY = LocalDate.of(2026, 5, 4);
    @TempDir
    Path dir;
    DesktopApp app;

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) FxAppHarness.stop(app);
    }

    @Test
    void fromTheDashboardToAVillagesPeople() throws Exception {
        try (Services s = ReportFixture.sambas(dir, TODAY)) {
            var k = person(s, "61.01.01.2001", Sex.L, LocalDate.of(1970, 1, 1), EmploymentStatus.NON_ASN);
            enrolPu(s, k, appoint(s, k, "61.01.01.2001", Position.KEPALA_DESA, LocalDate.of(2020, 1, 1)), 3_000_000,
                    FundingSource.APBD, LocalDate.of(2025, 1, 1));
            var sek = person(s, "61.01.01.2001", Sex.P, LocalDate.of(1985, 2, 2), EmploymentStatus.NON_ASN);
            appoint(s, sek, "61.01.01.2001", Position.SEKRETARIS_DESA, LocalDate.of(2021, 1, 1));
            var kb = person(s, "61.01.02.2001", Sex.L, LocalDate.of(1972, 1, 1), EmploymentStatus.NON_ASN);
            appoint(s, kb, "61.01.02.2001", Position.KEPALA_DESA, LocalDate.of(2020, 1, 1));
            s.targets().set("61.01", 2026, null, new BigDecimal("60.80"), "Provinsi");
        }
        app = FxAppHarness.start(dir.resolve("test"), TODAY);
        FxAppHarness.waitUntil(() -> lookup(".list-cell").match(
                (javafx.scene.control.ListCell<?> c) -> "Dasbor Cakupan".equals(c.getText())).tryQuery().isPresent());
        clickOn(lookup(".list-cell").match(
                (javafx.scene.control.ListCell<?> c) -> "Dasbor Cakupan".equals(c.getText())).queryAs(Node.class));
        FxAppHarness.waitUntil(() -> lookup("#bar-kec-610101").tryQuery().isPresent());
        // The charts are filled on the FX thread; the target line and the pie may show a pulse after the bars.
        FxAppHarness.waitUntil(() -> lookup("#chartKecamatan").queryAs(TargetBarChart.class).targetLine().isVisible()
                && lookup("#chartFunding").queryAs(PieChart.class).getData().size() == 1);

        String summary = lookup("#dashSummary").queryAs(Label.class).getText();
        assertThat(summary).contains("Kabupaten Sambas", "1 dari 3", "Target: 60,8%");
        TargetBarChart kec = lookup("#chartKecamatan").queryAs(TargetBarChart.class);
        assertThat(kec.targetLine().isVisible()).isTrue();
        assertThat(kec.getData().getFirst().getData()).hasSize(2);
        assertThat(lookup("#chartFunding").queryAs(PieChart.class).getData()).singleElement()
                .satisfies(d -> assertThat(d.getName()).contains("APBD", "Rp194.400"));

        clickOn("#bar-kec-610101");
        @SuppressWarnings("unchecked")
        TableView<CoverageService.Area> villages = lookup("#dashVillages").queryAs(TableView.class);
        FxAppHarness.waitUntil(() -> villages.getItems().size() == 2);
        assertThat(villages.getItems()).extracting(CoverageService.Area::name).containsExactly("Lorong", "Durian");

        clickOn("Lorong");
        @SuppressWarnings("unchecked")
        TableView<RosterRow> people = lookup("#dashPeople").queryAs(TableView.class);
        try {
            FxAppHarness.waitUntil(() -> people.getItems().size() == 2);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("people " + people.getItems() + " sel " + villages.getSelectionModel()
                    .getSelectedItem() + " err " + lookup(".error").queryAllAs(Label.class).stream()
                    .map(Label::getText).toList());
        }
        assertThat(people.getItems()).extracting(RosterRow::position)
                .containsExactly(Position.KEPALA_DESA, Position.SEKRETARIS_DESA);
        assertThat(people.getItems().getFirst().enrolledActive()).isTrue();
        assertThat(people.getItems().get(1).enrolmentState()).isNull();

        clickOn("#bar-cat-kepala_desa");
        try {
            FxAppHarness.waitUntil(() -> villages.getItems().size() == 2 && people.getItems().isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("villages " + villages.getItems().stream().map(CoverageService.Area::name)
                    .toList() + " people " + people.getItems().size() + " title "
                    + lookup("#dashSummary").queryAs(Label.class).getText());
        }
        // Least covered first: Sekura (0 of 1) before Lorong (1 of 1).
        assertThat(villages.getItems()).extracting(CoverageService.Area::name).containsExactly("Sekura", "Lorong");

        // The budget screen: this year's budget, and a target set per year and category.
        clickOn(navItem("Anggaran & Target"));
        FxAppHarness.waitUntil(() -> lookup("#budgetTotals").queryAs(Label.class).getText().contains("Rp194.400"));
        @SuppressWarnings("unchecked")
        TableView<id.lindungdesa.domain.CoverageTarget> targets = lookup("#targetTable").queryAs(TableView.class);
        FxAppHarness.waitUntil(() -> targets.getItems().size() == 1);
        interact(() -> lookup("#targetCategory").queryAs(javafx.scene.control.ComboBox.class)
                .getSelectionModel().select(id.lindungdesa.domain.Category.BPD));
        clickOn("#targetPercent").write("63,5");
        clickOn("#targetSave");
        FxAppHarness.waitUntil(() -> targets.getItems().size() == 2);
        assertThat(app.services().targets().targetFor("61.01", 2026, id.lindungdesa.domain.Category.BPD)
                .orElseThrow().percent()).isEqualByComparingTo("63.5");

        // The ledger screen: twelve months of APBD billing.
        clickOn(navItem("Buku Iuran"));
        @SuppressWarnings("unchecked")
        TableView<id.lindungdesa.service.LedgerService.Month> months = lookup("#ledgerMonths").queryAs(TableView.class);
        FxAppHarness.waitUntil(() -> months.getItems().size() == 12);
        assertThat(months.getItems().get(4).billed()).isEqualTo(16_200);
    }

    private Node navItem(String title) throws Exception {
        FxAppHarness.waitUntil(() -> lookup(".list-cell").match(
                (javafx.scene.control.ListCell<?> c) -> title.equals(c.getText())).tryQuery().isPresent());
        return lookup(".list-cell").match((javafx.scene.control.ListCell<?> c) -> title.equals(c.getText()))
                .queryAs(Node.class);
    }
}
