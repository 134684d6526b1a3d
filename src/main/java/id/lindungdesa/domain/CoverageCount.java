package id.lindungdesa.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Covered and eligible head-counts with the percent (two decimals, half-up; 0 when no one is eligible). */
public record CoverageCount(int covered, int eligible) {
    public static final CoverageCount ZERO = new CoverageCount(0, 0);

    public CoverageCount plus(CoverageCount o) {
        return new CoverageCount(covered + o.covered, eligible + o.eligible);
    }

    public BigDecimal percent() {
        if (eligible == 0) return BigDecimal.ZERO.setScale(2);
        return BigDecimal.valueOf(covered).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(eligible), 2, RoundingMode.HALF_UP);
    }

    public double ratio() {
        return eligible == 0 ? 0 : (double) covered / eligible;
    }
}
