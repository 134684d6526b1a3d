package id.lindungdesa.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Monthly contribution (iuran) arithmetic in whole rupiah.
 *
 * <p>Rounding rule (documented in docs/architecture.md): each programme's amount is computed exactly
 * (wage x percent / 100, wage capped where the rate has a cap), then rounded half-up to a whole rupiah;
 * a flat amount replaces the percentage; a minimum is applied after rounding. The monthly total is the sum of
 * the rounded programme amounts. Example: JKK 0.24% + JKM 0.30% on Rp3,000,000 = 7,200 + 9,000 = Rp16,200.
 */
public final class Contribution {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Contribution() {}

    /** Amount per programme and the total, in rupiah. */
    public record Breakdown(Map<Programme, Long> perProgramme, long total) {
    }

    /** Thrown when no rate is in force for a programme on the date. */
    public static final class MissingRateException extends RuntimeException {
        public MissingRateException(Segment s, Programme p, LocalDate on) {
            super("No contribution rate for " + s + " " + p + " on " + on);
        }
    }

    /** The rate in force on {@code on}: the latest valid_from not after it, matching risk class for PU JKK. */
    public static Optional<ContributionRate> rateInForce(List<ContributionRate> rates, Segment segment,
                                                         Programme programme, int riskClass, LocalDate on) {
        return rates.stream()
                .filter(r -> r.segment() == segment && r.programme() == programme)
                .filter(r -> r.riskClass() == null || r.riskClass() == riskClass)
                .filter(r -> !r.validFrom().isAfter(on))
                .max(Comparator.comparing(ContributionRate::validFrom));
    }

    public static Breakdown monthly(List<ContributionRate> rates, Segment segment, Set<Programme> programmes,
                                    int riskClass, long wage, LocalDate on) {
        Map<Programme, Long> amounts = new EnumMap<>(Programme.class);
        long total = 0;
        for (Programme p : Programme.values()) {
            if (!programmes.contains(p)) continue;
            ContributionRate r = rateInForce(rates, segment, p, riskClass, on)
                    .orElseThrow(() -> new MissingRateException(segment, p, on));
            long amount = amount(r, wage);
            amounts.put(p, amount);
            total = Math.addExact(total, amount);
        }
        return new Breakdown(Map.copyOf(amounts), total);
    }

    static long amount(ContributionRate r, long wage) {
        long amount;
        if (r.flatAmount() != null) {
            amount = r.flatAmount();
        } else {
            long base = r.wageCap() != null ? Math.min(wage, r.wageCap()) : wage;
            amount = BigDecimal.valueOf(base).multiply(r.ratePercent()).divide(HUNDRED, 0, RoundingMode.HALF_UP)
                    .longValueExact();
        }
        if (r.minimumAmount() != null) amount = Math.max(amount, r.minimumAmount());
        return amount;
    }

    /** Budget = headcount x monthly contribution x months, exact. */
    public static long budget(long headcount, long monthly, int months) {
        return Math.multiplyExact(Math.multiplyExact(headcount, monthly), months);
    }
}
