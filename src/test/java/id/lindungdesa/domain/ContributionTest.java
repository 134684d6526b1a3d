package id.lindungdesa.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContributionTest {
    static final LocalDate D = LocalDate.of(2025, 6, 1);
    static final List<ContributionRate> RATES = List.of(
            rate(Segment.PU, Programme.JKK, 1, "0.24", null, null, null),
            rate(Segment.PU, Programme.JKK, 2, "0.54", null, null, null),
            rate(Segment.PU, Programme.JKM, null, "0.30", null, null, null),
            rate(Segment.PU, Programme.JHT, null, "5.70", null, null, null),
            rate(Segment.PU, Programme.JP, null, "3.00", null, null, 10_547_400L),
            rate(Segment.BPU, Programme.JKK, null, "1.00", null, 10_000L, null),
            rate(Segment.BPU, Programme.JKM, null, null, 6_800L, null, null));

    static ContributionRate rate(Segment s, Programme p, Integer risk, String pct, Long flat, Long min, Long cap) {
        return new ContributionRate(UUID.randomUUID(), s, p, risk, LocalDate.of(2015, 7, 1),
                pct == null ? null : new BigDecimal(pct), flat, min, cap, null);
    }

    @Test
    void jkkAndJkmOnThreeMillionIs16200() {
        var b = Contribution.monthly(RATES, Segment.PU, EnumSet.of(Programme.JKK, Programme.JKM), 1, 3_000_000, D);
        assertThat(b.perProgramme()).containsEntry(Programme.JKK, 7_200L).containsEntry(Programme.JKM, 9_000L);
        assertThat(b.total()).isEqualTo(16_200);
    }

    @Test
    void serangBudgetIsExact() {
        var monthly = Contribution.monthly(RATES, Segment.PU, EnumSet.of(Programme.JKK, Programme.JKM), 1,
                3_000_000, D).total();
        assertThat(Contribution.budget(326, monthly, 12)).isEqualTo(63_374_400L);
    }

    @Test
    void perProgrammeAmountsRoundHalfUp() {
        // 2,022,200 x 0.24% = 4,853.28 -> 4,853; x 0.30% = 6,066.6 -> 6,067
        var b = Contribution.monthly(RATES, Segment.PU, EnumSet.of(Programme.JKK, Programme.JKM), 1, 2_022_200, D);
        assertThat(b.perProgramme()).containsEntry(Programme.JKK, 4_853L).containsEntry(Programme.JKM, 6_067L);
        assertThat(b.total()).isEqualTo(10_920);
    }

    @Test
    void pensionWageIsCapped() {
        var b = Contribution.monthly(RATES, Segment.PU, EnumSet.of(Programme.JP), 1, 20_000_000, D);
        assertThat(b.total()).isEqualTo(316_422); // 3% of 10,547,400
    }

    @Test
    void nonWageEarnersPayAtLeast16800() {
        var b = Contribution.monthly(RATES, Segment.BPU, EnumSet.of(Programme.JKK, Programme.JKM), 1, 500_000, D);
        assertThat(b.total()).isEqualTo(16_800);
        var b2 = Contribution.monthly(RATES, Segment.BPU, EnumSet.of(Programme.JKK, Programme.JKM), 1, 2_000_000, D);
        assertThat(b2.total()).isEqualTo(26_800);
    }

    @Test
    void aLaterRateSupersedesFromItsDate() {
        var later = new java.util.ArrayList<>(RATES);
        later.add(new ContributionRate(UUID.randomUUID(), Segment.PU, Programme.JKM, null, LocalDate.of(2026, 1, 1),
                new BigDecimal("0.40"), null, null, null, null));
        var before = Contribution.monthly(later, Segment.PU, EnumSet.of(Programme.JKM), 1, 3_000_000,
                LocalDate.of(2025, 12, 31));
        var after = Contribution.monthly(later, Segment.PU, EnumSet.of(Programme.JKM), 1, 3_000_000,
                LocalDate.of(2026, 1, 1));
        assertThat(before.total()).isEqualTo(9_000);
        assertThat(after.total()).isEqualTo(12_000);
    }

    @Test
    void aMissingRateIsAnError() {
        assertThatThrownBy(() -> Contribution.monthly(RATES, Segment.BPU, EnumSet.of(Programme.JP), 1, 1, D))
                .isInstanceOf(Contribution.MissingRateException.class);
    }
}
