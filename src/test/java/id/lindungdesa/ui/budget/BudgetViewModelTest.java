package id.lindungdesa.ui.budget;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.report.Exports;
import id.lindungdesa.service.ReportFixture;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.SyncTaskExecutor;
import id.lindungdesa.testing.TestDb;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The budget screen without the toolkit: the form is read here, the tables and totals follow, targets are saved. */
class BudgetViewModelTest {
    static final LocalDate TODAY = LocalDate.of(2026, 5, 4);
    @TempDir
    Path dir;
    Services s;
    BudgetViewModel vm;

    @BeforeEach
    void setUp() {
        Messages.setCurrent(Messages.INDONESIAN);
        s = TestDb.open(dir, TODAY);
        ReportFixture.serangRegions(s);
        ReportFixture.serangKepalaDesa(s, LocalDate.of(2025, 6, 1));
        vm = new BudgetViewModel(s.budget(), s.targets(), s.coverage(), new Exports(s), s.clock(), s.actor(),
                new SyncTaskExecutor());
    }

    @AfterEach
    void tearDown() {
        s.close();
    }

    private static BudgetViewModel.Form form(String year, Category add, String headcount, String wage) {
        return new BudgetViewModel.Form(year, FundingSource.APBD, add, headcount, wage, false, null, null, "", null);
    }

    @Test
    void theBudgetAndAWhatIfAreComputedFromTheTypedForm() {
        assertThat(vm.thisYear()).isEqualTo(2026);
        vm.compute(form("2026", null, "", ""));
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.current()).singleElement().satisfies(l -> assertThat(l.headcount()).isEqualTo(326));
        assertThat(vm.projected()).isEmpty();
        assertThat(vm.totalsProperty().get()).startsWith("Anggaran 2026: ").contains("63.374.400");

        // What-if: all perangkat (8 x 326) at a wage typed with thousands dots.
        vm.compute(form("2026", Category.PERANGKAT_DESA, "2608", "2.022.200"));
        assertThat(vm.projected()).hasSize(2);
        assertThat(vm.totalsProperty().get()).contains("341.752.320");
    }

    @Test
    void unreadableNumbersAreRefusedWithAMessageAndNothingIsComputed() {
        vm.compute(form("dua ribu", null, "", ""));
        assertThat(vm.errorProperty().get()).isEqualTo(Messages.tr("target.error.year"));
        vm.compute(form("2026", Category.PERANGKAT_DESA, "banyak", ""));
        assertThat(vm.errorProperty().get()).isEqualTo(Messages.tr("budget.error.number"));
        assertThat(vm.current()).isEmpty();
        assertThat(vm.read(form("2026", null, "", ""))).isPresent();
    }

    @Test
    void aTargetTypedWithADecimalCommaIsSavedAndListed() {
        vm.saveTarget("2026", Category.KEPALA_DESA, "60,80");
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.targets()).singleElement().satisfies(t -> {
            assertThat(t.percent()).isEqualByComparingTo(new BigDecimal("60.80"));
            assertThat(t.regionCode()).isEqualTo("36.04");
        });
        vm.saveTarget("2026", null, "enam puluh");
        assertThat(vm.errorProperty().get()).isEqualTo(Messages.tr("budget.error.number"));
    }
}
