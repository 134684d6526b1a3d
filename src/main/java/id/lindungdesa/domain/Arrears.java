package id.lindungdesa.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Arrears rules (pure). A month is in arrears for an insured person when what was paid for the scope that covers
 * them is less than what was billed for it. An enrolment lapses when its most recent closed months are all in
 * arrears and there are at least {@code threshold} of them in a row; it lapses from the first day after the
 * {@code threshold}-th unpaid month.
 */
public final class Arrears {
    private Arrears() {}

    /** Consecutive months in arrears ending at the last of {@code months} (sorted oldest first). */
    public static int trailingUnpaid(List<YearMonth> months, java.util.function.Predicate<YearMonth> unpaid) {
        int n = 0;
        for (int i = months.size() - 1; i >= 0; i--) {
            if (!unpaid.test(months.get(i))) break;
            n++;
        }
        return n;
    }

    /** The first unpaid month of a trailing run of {@code run} months ending at {@code last}. */
    public static YearMonth firstOfRun(YearMonth last, int run) {
        return last.minusMonths(run - 1L);
    }

    /** The lapse date: first day after {@code threshold} unpaid months starting with {@code firstUnpaid}. */
    public static LocalDate lapseDate(YearMonth firstUnpaid, int threshold) {
        return firstUnpaid.plusMonths(threshold).atDay(1);
    }
}
