package id.lindungdesa.service;

import id.lindungdesa.wiring.Services;
import static id.lindungdesa.service.ReportFixture.appoint;
import static id.lindungdesa.service.ReportFixture.enrolPu;
import static id.lindungdesa.service.ReportFixture.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.domain.BudgetLine;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.CoverageCount;
import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Segment;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.TestDb;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Coverage on dates around status changes, the Serang budget and what-ifs, and the ledger's arrears and lapses. */
class CoverageBudgetLedgerTest {
    static final LocalDate TODAY = LocalDate.of(2026, 5, 4);
    static final String A = "61.01.01.2001";
    static final String B = "61.01.01.2002";
    static final String C = "61.01.02.2001";

    @TempDir
    Path dir;

    static Services small(Path dir) {
        return ReportFixture.sambas(dir, TODAY);
    }

    @Test
    void coverageFollowsTheStatusHistoryDayByDay() {
        try (Services s = small(dir)) {
            var kades = person(s, A, Sex.L, LocalDate.of(1970, 1, 1), EmploymentStatus.NON_ASN);
            var kp = appoint(s, kades, A, Position.KEPALA_DESA, LocalDate.of(2020, 1, 1));
            var e = enrolPu(s, kades, kp, 3_000_000, FundingSource.APBD, LocalDate.of(2025, 3, 1));
            s.enrolments().changeStatus(e.id(), EnrolmentState.LAPSED, LocalDate.of(2025, 6, 1), "tunggakan");
            s.enrolments().changeStatus(e.id(), EnrolmentState.ACTIVE, LocalDate.of(2025, 8, 1), "dibayar");
            var sekdes = person(s, A, Sex.P, LocalDate.of(1985, 2, 2), EmploymentStatus.NON_ASN);
            appoint(s, sekdes, A, Position.SEKRETARIS_DESA, LocalDate.of(2021, 1, 1));
            var asn = person(s, A, Sex.L, LocalDate.of(1980, 3, 3), EmploymentStatus.ASN);
            appoint(s, asn, A, Position.KASI_PEMERINTAHAN, LocalDate.of(2021, 1, 1));
            var kadesB = person(s, B, Sex.L, LocalDate.of(1972, 1, 1), EmploymentStatus.NON_ASN);
            var kpB = appoint(s, kadesB, B, Position.KEPALA_DESA, LocalDate.of(2020, 1, 1));
            enrolPu(s, kadesB, kpB, 3_000_000, FundingSource.APBD, LocalDate.of(2025, 1, 1));

            CoverageService cov = s.coverage();
            assertThat(kadesCovered(cov, LocalDate.of(2025, 2, 28))).isEqualTo(new CoverageCount(1, 2));
            assertThat(kadesCovered(cov, LocalDate.of(2025, 3, 1))).isEqualTo(new CoverageCount(2, 2));
            assertThat(kadesCovered(cov, LocalDate.of(2025, 5, 31))).isEqualTo(new CoverageCount(2, 2));
            assertThat(kadesCovered(cov, LocalDate.of(2025, 6, 1))).isEqualTo(new CoverageCount(1, 2));
            assertThat(kadesCovered(cov, LocalDate.of(2025, 7, 31))).isEqualTo(new CoverageCount(1, 2));
            assertThat(kadesCovered(cov, LocalDate.of(2025, 8, 1))).isEqualTo(new CoverageCount(2, 2));

            var r = cov.report(TODAY);
            // Lorong: kepala desa covered, sekdes not, the ASN kasi is left out of both (Taspen).
            var lorong = r.villages().stream().filter(v -> v.code().equals(A)).findFirst().orElseThrow();
            assertThat(lorong.of(Category.PERANGKAT_DESA)).isEqualTo(new CoverageCount(0, 1));
            assertThat(lorong.total()).isEqualTo(new CoverageCount(1, 2));
            assertThat(r.kecamatan()).extracting(CoverageService.Area::code).containsExactly("61.01.01", "61.01.02");
            assertThat(r.kecamatan().getFirst().total()).isEqualTo(new CoverageCount(2, 3));
            assertThat(r.region().total().percent()).isEqualByComparingTo("66.67");
            // Durian fully covered, Lorong some, Sekura (no one) none.
            assertThat(r.region().fullyCovered()).isEqualTo(1);
            assertThat(r.region().registeredSome()).isEqualTo(1);
            assertThat(r.region().registeredNone()).isEqualTo(1);

            assertThat(r.target(Category.KEPALA_DESA)).isEmpty();
            s.targets().set("61.01", 2026, Category.KEPALA_DESA, new BigDecimal("60.80"), "Provinsi");
            s.targets().set("61", 2026, null, new BigDecimal("59.56"), "Provinsi");
            r = cov.report(TODAY);
            assertThat(r.target(Category.KEPALA_DESA).orElseThrow().percent()).isEqualByComparingTo("60.80");
            assertThat(r.meetsTarget(Category.KEPALA_DESA, r.region().of(Category.KEPALA_DESA))).isTrue();
            assertThat(r.meetsTarget(Category.PERANGKAT_DESA, r.region().of(Category.PERANGKAT_DESA))).isFalse();
            assertThat(r.target(null).orElseThrow().percent()).isEqualByComparingTo("59.56");

            var trend = cov.trend(TODAY, 24);
            assertThat(trend).hasSize(24);
            assertThat(trend.getLast().month()).isEqualTo(YearMonth.of(2026, 5));
            assertThat(trend.getLast().on()).isEqualTo(TODAY);
            // June 2025 ends with Lorong's kepala desa lapsed.
            var june = trend.stream().filter(p -> p.month().equals(YearMonth.of(2025, 6))).findFirst().orElseThrow();
            assertThat(june.byCategory().get(Category.KEPALA_DESA)).isEqualTo(new CoverageCount(1, 2));
        }
    }

    private static CoverageCount kadesCovered(CoverageService cov, LocalDate on) {
        return cov.report(on).region().of(Category.KEPALA_DESA);
    }

    @Test
    void serangBudgetAndWhatIfsMatchHandComputedFigures() {
        try (Services s = TestDb.open(dir, TODAY)) {
            ReportFixture.serangRegions(s);
            ReportFixture.serangKepalaDesa(s, LocalDate.of(2025, 6, 1));
            var r = s.budget().budget(2026, FundingSource.APBD, BudgetService.Scenario.NONE);
            assertThat(r.current().lines()).containsExactly(
                    BudgetLine.of(Category.KEPALA_DESA, FundingSource.APBD, 326, 16_200, 12));
            assertThat(r.current().total()).isEqualTo(63_374_400L);

            // The year they joined (active from June 2025): 7 months.
            assertThat(s.budget().budget(2025, null, BudgetService.Scenario.NONE).current().total())
                    .isEqualTo(326L * 16_200 * 7);

            // What-if: all perangkat (8 x 326) at the siltap Rp2.022.200: JKK 4.853 + JKM 6.067 = Rp10.920.
            var add = new BudgetService.Scenario(List.of(new BudgetService.Addition(Category.PERANGKAT_DESA, 8 * 326,
                    FundingSource.APBD, Segment.PU, 2_022_200L)), false, List.of());
            var w = s.budget().budget(2026, FundingSource.APBD, add);
            assertThat(w.projected().byCategory()).containsEntry(Category.PERANGKAT_DESA, 2608L * 10_920 * 12);
            assertThat(w.difference()).isEqualTo(341_752_320L);

            // What-if: JKM 0.40% from 1 July 2026: Jan–Jun Rp16.200, Jul–Dec Rp19.200.
            var rate = new BudgetService.Scenario(List.of(), false, List.of(new BudgetService.RateChange(Segment.PU,
                    Programme.JKM, null, LocalDate.of(2026, 7, 1), new BigDecimal("0.40"))));
            assertThat(s.budget().budget(2026, null, rate).projected().total())
                    .isEqualTo(326L * 16_200 * 6 + 326L * 19_200 * 6);
        }
    }

    @Test
    void everyoneEligibleEnrolledIsPricedLikeTheirCategory() {
        try (Services s = small(dir)) {
            var k1 = person(s, A, Sex.L, LocalDate.of(1970, 1, 1), EmploymentStatus.NON_ASN);
            enrolPu(s, k1, appoint(s, k1, A, Position.KEPALA_DESA, LocalDate.of(2020, 1, 1)), 3_000_000,
                    FundingSource.APBD, LocalDate.of(2025, 1, 1));
            var k2 = person(s, B, Sex.L, LocalDate.of(1971, 1, 1), EmploymentStatus.NON_ASN);
            appoint(s, k2, B, Position.KEPALA_DESA, LocalDate.of(2020, 1, 1));
            var asn = person(s, B, Sex.L, LocalDate.of(1980, 1, 1), EmploymentStatus.PPPK);
            appoint(s, asn, B, Position.SEKRETARIS_DESA, LocalDate.of(2020, 1, 1));
            var all = new BudgetService.Scenario(List.of(), true, List.of());
            var r = s.budget().budget(2026, null, all);
            assertThat(r.current().total()).isEqualTo(16_200L * 12);
            // k2 like k1 (Rp16.200); the PPPK secretary is not eligible and is not priced.
            assertThat(r.projected().total()).isEqualTo(2 * 16_200L * 12);
            assertThatThrownBy(() -> s.budget().budget(2026, null, new BudgetService.Scenario(List.of(
                    new BudgetService.Addition(Category.LPM, 5, null, null, null)), false, List.of())))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("LPM");
        }
    }

    @Test
    void ledgerShowsArrearsAndLapsesOnlyWhenConfirmed() {
        try (Services s = small(dir)) {
            var a = person(s, A, Sex.L, LocalDate.of(1970, 1, 1), EmploymentStatus.NON_ASN);
            var ea = enrolPu(s, a, appoint(s, a, A, Position.SEKRETARIS_DESA, LocalDate.of(2020, 1, 1)), 3_000_000,
                    FundingSource.APBDES, LocalDate.of(2025, 10, 1));
            var b = person(s, B, Sex.L, LocalDate.of(1971, 1, 1), EmploymentStatus.NON_ASN);
            var eb = enrolPu(s, b, appoint(s, b, B, Position.SEKRETARIS_DESA, LocalDate.of(2020, 1, 1)), 3_000_000,
                    FundingSource.APBDES, LocalDate.of(2025, 10, 1));
            LedgerService l = s.ledger();
            for (int m = 1; m <= 4; m++) l.recordPayment(YearMonth.of(2026, m), FundingSource.APBDES, A, 16_200, null, null);
            l.recordPayment(YearMonth.of(2026, 1), FundingSource.APBDES, B, 16_200, null, null);
            l.recordPayment(YearMonth.of(2026, 2), FundingSource.APBDES, B, 10_000, null, "sebagian");

            var feb = l.ledger(2026, FundingSource.APBDES).get(1);
            assertThat(feb.billed()).isEqualTo(32_400);
            assertThat(feb.paid()).isEqualTo(26_200);
            assertThat(feb.arrears()).isEqualTo(6_200);
            assertThat(feb.insured()).isEqualTo(2);
            var dec = l.ledger(2026, FundingSource.APBDES).get(11);
            assertThat(dec.billed()).isEqualTo(32_400);
            assertThat(dec.arrears()).isZero();

            assertThat(l.lapseThreshold()).isEqualTo(3);
            var candidates = l.lapseCandidates();
            // Durian: Feb (part paid), Mar, Apr unpaid = 3 months → lapses from 1 May 2026.
            assertThat(candidates).singleElement().satisfies(c -> {
                assertThat(c.enrolmentId()).isEqualTo(eb.id());
                assertThat(c.monthsUnpaid()).isEqualTo(3);
                assertThat(c.firstUnpaid()).isEqualTo(YearMonth.of(2026, 2));
                assertThat(c.arrears()).isEqualTo(3 * 16_200);
                assertThat(c.lapseDate()).isEqualTo(LocalDate.of(2026, 5, 1));
            });
            // Nothing changes until the clerk confirms.
            assertThat(s.enrolments().stateOn(eb.id(), TODAY)).contains(EnrolmentState.ACTIVE);
            l.setLapseThreshold(4);
            assertThat(l.lapseCandidates()).isEmpty();
            l.setLapseThreshold(3);
            assertThat(l.applyLapses(List.of(eb.id(), ea.id()))).isEqualTo(1);
            assertThat(s.enrolments().stateOn(eb.id(), TODAY)).contains(EnrolmentState.LAPSED);
            assertThat(s.enrolments().stateOn(eb.id(), LocalDate.of(2026, 4, 30))).contains(EnrolmentState.ACTIVE);
            assertThat(s.enrolments().stateOn(ea.id(), TODAY)).contains(EnrolmentState.ACTIVE);
            assertThat(s.coverage().report(TODAY).region().of(Category.PERANGKAT_DESA))
                    .isEqualTo(new CoverageCount(1, 2));
            assertThat(l.lapseCandidates()).isEmpty();

            // A district-wide payment covers every village; a correction replaces the amount.
            l.recordPayment(YearMonth.of(2026, 3), FundingSource.APBD, "61.01", 0, null, null);
            l.recordPayment(YearMonth.of(2026, 3), FundingSource.APBD, "61.01", 5_000, null, "koreksi");
            assertThat(l.payments()).filteredOn(p -> p.fundingSource() == FundingSource.APBD).singleElement()
                    .satisfies(p -> assertThat(p.amountPaid()).isEqualTo(5_000));
            assertThatThrownBy(() -> l.recordPayment(YearMonth.of(2026, 3), FundingSource.APBD, "36.04", 1, null,
                    null)).isInstanceOf(ValidationException.class);
        }
    }
}
