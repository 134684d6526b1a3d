package id.lindungdesa.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Budget arithmetic against hand-computed figures. */
class BudgetTest {
    static final LocalDate FROM = LocalDate.of(2015, 7, 1);

    static List<ContributionRate> rates() {
        List<ContributionRate> r = new ArrayList<>();
        r.add(new ContributionRate(UUID.randomUUID(), Segment.PU, Programme.JKK, 1, FROM, new BigDecimal("0.24"),
                null, null, null, null));
        r.add(new ContributionRate(UUID.randomUUID(), Segment.PU, Programme.JKM, null, FROM, new BigDecimal("0.30"),
                null, null, null, null));
        r.add(new ContributionRate(UUID.randomUUID(), Segment.BPU, Programme.JKK, null, FROM, new BigDecimal("1.00"),
                null, 10_000L, null, null));
        r.add(new ContributionRate(UUID.randomUUID(), Segment.BPU, Programme.JKM, null, FROM, null, 6_800L, null,
                null, null));
        return r;
    }

    static Budget.Insured kades(Set<YearMonth> months) {
        return new Budget.Insured(Category.KEPALA_DESA, FundingSource.APBD, Segment.PU,
                EnumSet.of(Programme.JKK, Programme.JKM), 1, 3_000_000, months);
    }

    @Test
    void serang326KepalaDesaForAYearIsExactly63374400() {
        List<Budget.Insured> people = new ArrayList<>();
        for (int i = 0; i < 326; i++) people.add(kades(Budget.wholeYear(2023)));
        Budget.Result r = Budget.compute(2023, rates(), people);
        assertThat(r.lines()).containsExactly(new BudgetLine(Category.KEPALA_DESA, FundingSource.APBD, 326, 16_200,
                12, 63_374_400L));
        assertThat(r.total()).isEqualTo(63_374_400L);
        assertThat(r.byFundingSource()).containsEntry(FundingSource.APBD, 63_374_400L);
    }

    @Test
    void aRateChangeFromJulySplitsTheYear() {
        List<ContributionRate> rates = rates();
        rates.add(new ContributionRate(UUID.randomUUID(), Segment.PU, Programme.JKM, null, LocalDate.of(2026, 7, 1),
                new BigDecimal("0.40"), null, null, null, null));
        Budget.Result r = Budget.compute(2026, rates, List.of(kades(Budget.wholeYear(2026)),
                kades(Budget.wholeYear(2026))));
        // Jan–Jun: 7.200 + 9.000 = 16.200; Jul–Dec: 7.200 + 12.000 = 19.200.
        assertThat(r.lines()).extracting(BudgetLine::monthly, BudgetLine::months, BudgetLine::headcount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(16_200L, 6, 2),
                        org.assertj.core.groups.Tuple.tuple(19_200L, 6, 2));
        assertThat(r.total()).isEqualTo(2 * 16_200L * 6 + 2 * 19_200L * 6);
    }

    @Test
    void partYearsAndBpuMinimumsAreExact() {
        Set<YearMonth> fromApril = new java.util.HashSet<>();
        for (int m = 4; m <= 12; m++) fromApril.add(YearMonth.of(2026, m));
        Budget.Insured bpd = new Budget.Insured(Category.BPD, FundingSource.DANA_DESA, Segment.BPU,
                EnumSet.of(Programme.JKK, Programme.JKM), 1, 500_000, fromApril);
        Budget.Result r = Budget.compute(2026, rates(), List.of(bpd, bpd, bpd));
        // BPU on Rp500.000: JKK 1% = 5.000, raised to the Rp10.000 minimum; JKM flat Rp6.800 → Rp16.800 x 9 x 3.
        assertThat(r.lines()).containsExactly(BudgetLine.of(Category.BPD, FundingSource.DANA_DESA, 3, 16_800, 9));
        assertThat(r.total()).isEqualTo(453_600L);
        assertThat(r.only(FundingSource.APBD).total()).isZero();
    }

    @Test
    void coveragePercentRoundsHalfUpToTwoDecimals() {
        assertThat(new CoverageCount(2, 3).percent()).isEqualByComparingTo("66.67");
        assertThat(new CoverageCount(0, 0).percent()).isEqualByComparingTo("0");
        assertThat(new CoverageCount(1, 8).percent()).isEqualByComparingTo("12.50");
    }

    @Test
    void lapseDateFollowsTheThresholdMonth() {
        assertThat(Arrears.lapseDate(YearMonth.of(2026, 2), 3)).isEqualTo(LocalDate.of(2026, 5, 1));
        List<YearMonth> months = List.of(YearMonth.of(2026, 1), YearMonth.of(2026, 2), YearMonth.of(2026, 3));
        assertThat(Arrears.trailingUnpaid(months, m -> m.getMonthValue() >= 2)).isEqualTo(2);
    }
}
