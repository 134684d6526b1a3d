package id.lindungdesa.ui.ledger;

import static id.lindungdesa.service.ReportFixture.appoint;
import static id.lindungdesa.service.ReportFixture.enrolPu;
import static id.lindungdesa.service.ReportFixture.person;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.ReportFixture;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.SyncTaskExecutor;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger screen without the toolkit: payments typed as text, months, lapses applied only when asked. */
class LedgerViewModelTest {
    static final LocalDate TODAY = LocalDate.of(2026, 5, 4);
    static final String A = "61.01.01.2001";
    @TempDir
    Path dir;
    Services s;
    LedgerViewModel vm;

    @BeforeEach
    void setUp() {
        Messages.setCurrent(Messages.INDONESIAN);
        s = ReportFixture.sambas(dir, TODAY);
        var p = person(s, A, Sex.L, LocalDate.of(1970, 1, 1), EmploymentStatus.NON_ASN);
        enrolPu(s, p, appoint(s, p, A, Position.SEKRETARIS_DESA, LocalDate.of(2020, 1, 1)), 3_000_000,
                FundingSource.APBDES, LocalDate.of(2025, 10, 1));
        vm = new LedgerViewModel(s.ledger(), s.coverage(), s.clock(), new SyncTaskExecutor());
    }

    @AfterEach
    void tearDown() {
        s.close();
    }

    @Test
    void aPaymentTypedWithThousandsDotsIsRecordedAndTheMonthsFollow() {
        assertThat(vm.defaultPaymentMonth()).hasToString("2026-04");
        vm.load("2026", FundingSource.APBDES);
        assertThat(vm.months()).hasSize(12);
        assertThat(vm.months().get(0).paid()).isZero();

        vm.pay("2026-01", FundingSource.APBDES, "", "16.200");
        assertThat(vm.messageProperty().get()).isEqualTo("Pembayaran Jan 2026 dicatat: Rp16.200.");
        assertThat(vm.months().get(0).paid()).isEqualTo(16_200);
        assertThat(vm.months().get(0).arrears()).isZero();
    }

    @Test
    void anUnreadableMonthOrAmountIsRefusedAndNothingIsRecorded() {
        vm.pay("Januari", FundingSource.APBDES, "", "16200");
        assertThat(vm.messageProperty().get()).isEqualTo(Messages.tr("ledger.error.input"));
        vm.pay("2026-01", FundingSource.APBDES, "", "enam belas ribu");
        assertThat(vm.messageProperty().get()).isEqualTo(Messages.tr("ledger.error.input"));
        vm.load("2026", FundingSource.APBDES);
        assertThat(vm.months().get(0).paid()).isZero();
        assertThat(LedgerViewModel.amount("2.000.000")).hasValue(2_000_000);
        vm.load("tahun ini", null);
        assertThat(vm.messageProperty().get()).isEqualTo(Messages.tr("target.error.year"));
    }

    @Test
    void lapseCandidatesAreListedAndLapsedOnlyWhenApplied() {
        vm.pay("2026-01", FundingSource.APBDES, "", "16200"); // then February to April unpaid: three months
        vm.loadCandidates();
        assertThat(vm.thresholdProperty().get()).isEqualTo(3);
        assertThat(vm.candidates()).singleElement().satisfies(c -> assertThat(c.monthsUnpaid()).isEqualTo(3));
        var id = vm.lapseIds().getFirst();
        assertThat(s.enrolments().stateOn(id, TODAY)).contains(EnrolmentState.ACTIVE);
        vm.applyLapses();
        assertThat(vm.messageProperty().get()).isEqualTo(Messages.tr("ledger.applied", 1));
        assertThat(s.enrolments().stateOn(id, TODAY)).contains(EnrolmentState.LAPSED);
        assertThat(vm.candidates()).isEmpty();
    }
}
