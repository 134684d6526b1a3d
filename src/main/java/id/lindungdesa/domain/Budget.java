package id.lindungdesa.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Budget arithmetic in whole rupiah (pure, no I/O).
 *
 * <p>Each insured person contributes, for each month they are counted, the monthly contribution in force on the
 * first day of that month (rates are dated, so a rate change from a date changes the months after it). People with
 * the same category, funding source, monthly amount and number of months make one line:
 * headcount x monthly x months, computed exactly with {@link Contribution#budget}. The total is the exact sum
 * of the lines (so 326 kepala desa x Rp16.200 x 12 = Rp63.374.400, to the rupiah).
 */
public final class Budget {
    private Budget() {}

    /** One insured person (real or hypothetical) and the months of the year they are counted for. */
    public record Insured(Category category, FundingSource fundingSource, Segment segment, Set<Programme> programmes,
                          int riskClass, long wage, Set<YearMonth> months) {
        public Insured {
            Objects.requireNonNull(category);
            Objects.requireNonNull(fundingSource);
            months = Set.copyOf(months);
        }
    }

    /** A computed budget: lines (sorted by category, source, monthly) and their exact total. */
    public record Result(int year, List<BudgetLine> lines, long total) {
        public Map<FundingSource, Long> byFundingSource() {
            Map<FundingSource, Long> out = new EnumMap<>(FundingSource.class);
            for (BudgetLine l : lines) out.merge(l.fundingSource(), l.total(), Math::addExact);
            return out;
        }

        public Map<Category, Long> byCategory() {
            Map<Category, Long> out = new EnumMap<>(Category.class);
            for (BudgetLine l : lines) out.merge(l.category(), l.total(), Math::addExact);
            return out;
        }

        /** The lines of one funding source (null: all). */
        public Result only(FundingSource source) {
            if (source == null) return this;
            List<BudgetLine> kept = lines.stream().filter(l -> l.fundingSource() == source).toList();
            return new Result(year, kept, sum(kept));
        }
    }

    /** Computes the budget for {@code year} from the dated {@code rates}. */
    public static Result compute(int year, List<ContributionRate> rates, List<Insured> insured) {
        Map<Insured, Integer> counted = new LinkedHashMap<>();
        for (Insured p : insured) counted.merge(p, 1, Integer::sum);
        return computeCounted(year, rates, counted);
    }

    /** The same with alike people counted once: {@code insured} maps a person to how many are insured so. */
    public static Result computeCounted(int year, List<ContributionRate> rates, Map<Insured, Integer> insured) {
        record Key(Category category, FundingSource source, long monthly, int months) {
        }
        Map<Key, Integer> heads = new LinkedHashMap<>();
        for (Map.Entry<Insured, Integer> e : insured.entrySet()) {
            Insured p = e.getKey();
            int n = e.getValue();
            // Months per monthly amount for this person (a rate change splits the year).
            Map<Long, Integer> monthsPerAmount = new LinkedHashMap<>();
            for (int m = 1; m <= 12; m++) {
                YearMonth ym = YearMonth.of(year, m);
                if (!p.months().contains(ym)) continue;
                long monthly = Contribution.monthly(rates, p.segment(), p.programmes(), p.riskClass(), p.wage(),
                        ym.atDay(1)).total();
                monthsPerAmount.merge(monthly, 1, Integer::sum);
            }
            monthsPerAmount.forEach((monthly, months) ->
                    heads.merge(new Key(p.category(), p.fundingSource(), monthly, months), n, Integer::sum));
        }
        List<BudgetLine> lines = new ArrayList<>();
        heads.forEach((k, n) -> lines.add(BudgetLine.of(k.category(), k.source(), n, k.monthly(), k.months())));
        lines.sort(Comparator.comparing(BudgetLine::category).thenComparing(BudgetLine::fundingSource)
                .thenComparingLong(BudgetLine::monthly).thenComparingInt(BudgetLine::months));
        return new Result(year, List.copyOf(lines), sum(lines));
    }

    static long sum(List<BudgetLine> lines) {
        long t = 0;
        for (BudgetLine l : lines) t = Math.addExact(t, l.total());
        return t;
    }

    /** All twelve months of {@code year}. */
    public static Set<YearMonth> wholeYear(int year) {
        Set<YearMonth> s = new java.util.HashSet<>();
        for (int m = 1; m <= 12; m++) s.add(YearMonth.of(year, m));
        return s;
    }

    /** The first day of each month of {@code year}. */
    public static List<LocalDate> firstDays(int year) {
        List<LocalDate> out = new ArrayList<>();
        for (int m = 1; m <= 12; m++) out.add(LocalDate.of(year, m, 1));
        return out;
    }
}
