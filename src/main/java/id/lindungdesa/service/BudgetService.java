package id.lindungdesa.service;

import id.lindungdesa.domain.Budget;
import id.lindungdesa.domain.BudgetLine;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.ContributionRate;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Segment;
import id.lindungdesa.persistence.FiguresRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Budgets for a year and funding source: headcount x monthly contribution x months from the dated rates and each
 * person's wage base (see {@link Budget}); what-if projections.
 *
 * <p>Who is counted in a month: a person whose enrolment is ACTIVE on the first day of that month, by the status
 * history for months that have begun, and by today's state for months still to come (a projection). An enrolment
 * counts under the category of the post it is paid for.
 */
public final class BudgetService {
    private final RosterService roster;
    private final EnrolmentService enrolments;
    private final CoverageService coverage;
    private final DistrictFigures figures;

    public BudgetService(RosterService roster, EnrolmentService enrolments, CoverageService coverage,
                         DistrictFigures figures) {
        this.roster = roster;
        this.enrolments = enrolments;
        this.coverage = coverage;
        this.figures = figures;
    }

    /** Adds a category: {@code headcount} people (null: the category's eligible office-holders not yet insured). */
    public record Addition(Category category, Integer headcount, FundingSource fundingSource, Segment segment,
                           Long wage) {
    }

    /** A rate change from a date (a new dated rate, only for the projection). */
    public record RateChange(Segment segment, Programme programme, Integer riskClass, LocalDate from,
                             BigDecimal percent) {
    }

    /** What-if projections; {@link #NONE} is the plain budget. */
    public record Scenario(List<Addition> additions, boolean allEligible, List<RateChange> rateChanges) {
        public static final Scenario NONE = new Scenario(List.of(), false, List.of());

        public Scenario {
            additions = List.copyOf(additions);
            rateChanges = List.copyOf(rateChanges);
        }

        public boolean isNone() {
            return additions.isEmpty() && !allEligible && rateChanges.isEmpty();
        }
    }

    /** The budget as it stands and, with a scenario, the projection. */
    public record Result(int year, FundingSource fundingSource, LocalDate basis, Budget.Result current,
                         Budget.Result projected, Scenario scenario) {
        public long difference() {
            return projected == null ? 0 : Math.subtractExact(projected.total(), current.total());
        }
    }

    /**
     * The budget of the office's region, from enrolments grouped alike by the database (decision 0120): each group's
     * category, source, segment, programmes, risk class, wage and state on today and on each month's first day.
     */
    public Result budget(int year, FundingSource source, Scenario scenario) {
        if (year < 2000 || year > 2100) throw ValidationException.of("year", "target.error.year");
        LocalDate today = roster.today();
        String prefix = coverage.officeRegion();
        List<LocalDate> dates = new ArrayList<>();
        dates.add(today);
        for (LocalDate first : Budget.firstDays(year)) if (!first.isAfter(today)) dates.add(first);
        List<FiguresRepository.EnrolmentGroup> groups = figures.enrolmentGroups(prefix, today, dates, false, false);
        List<ContributionRate> rates = figures.rates();
        Map<Budget.Insured, Integer> insured = insured(groups, dates, year, today);
        Budget.Result current = Budget.computeCounted(year, rates, insured).only(source);
        Budget.Result projected = null;
        Scenario sc = scenario == null ? Scenario.NONE : scenario;
        if (!sc.isNone()) {
            List<ContributionRate> withChanges = new ArrayList<>(rates);
            for (RateChange rc : sc.rateChanges()) withChanges.add(rate(rates, rc));
            Map<Budget.Insured, Integer> all = new LinkedHashMap<>(insured);
            Map<Category, Integer> uninsured = figures.read(tx -> figures.repository().uninsuredHolders(tx, prefix,
                    today));
            hypothetical(all, groups, uninsured, year, today, sc);
            projected = Budget.computeCounted(year, withChanges, all).only(source);
        }
        return new Result(year, source, today, current, projected, sc);
    }

    /**
     * The whole year's amount for everyone insured on {@code on} (what a head signs for the current year, issue 13
     * item 6), from enrolments grouped alike by the database; the projection and scenario of {@code asComputed} stay.
     */
    public Result wholeYear(Result asComputed, LocalDate on) {
        int year = asComputed.year();
        Set<YearMonth> months = Budget.wholeYear(year);
        Map<Budget.Insured, Integer> insured = new LinkedHashMap<>();
        for (FiguresRepository.EnrolmentGroup g : figures.enrolmentGroups(coverage.officeRegion(), on, List.of(on),
                false, true)) {
            if (g.category() == null) continue;
            insured.merge(new Budget.Insured(g.category(), g.fundingSource(), g.segment(), g.programmes(),
                    g.riskClass(), g.wage(), months), g.count(), Integer::sum);
        }
        Budget.Result whole = Budget.computeCounted(year, figures.rates(), insured).only(asComputed.fundingSource());
        return new Result(year, asComputed.fundingSource(), on, whole, asComputed.projected(), asComputed.scenario());
    }

    /** Everyone insured in {@code year} (alike people counted together), with the months they are counted for. */
    static Map<Budget.Insured, Integer> insured(List<FiguresRepository.EnrolmentGroup> groups, List<LocalDate> dates,
                                                int year, LocalDate today) {
        Map<Budget.Insured, Integer> out = new LinkedHashMap<>();
        for (FiguresRepository.EnrolmentGroup g : groups) {
            if (g.category() == null) continue;
            Set<YearMonth> months = new HashSet<>();
            EnrolmentState now = g.states().getFirst();
            for (LocalDate first : Budget.firstDays(year)) {
                EnrolmentState st = first.isAfter(today) ? now : g.states().get(dates.indexOf(first));
                if (st == EnrolmentState.ACTIVE) months.add(YearMonth.from(first));
            }
            if (months.isEmpty()) continue;
            out.merge(new Budget.Insured(g.category(), g.fundingSource(), g.segment(), g.programmes(),
                    g.riskClass(), g.wage(), months), g.count(), Integer::sum);
        }
        return out;
    }

    private void hypothetical(Map<Budget.Insured, Integer> out, List<FiguresRepository.EnrolmentGroup> groups,
                              Map<Category, Integer> uninsured, int year, LocalDate today, Scenario sc) {
        Set<YearMonth> all = Budget.wholeYear(year);
        Set<Category> added = EnumSet.noneOf(Category.class);
        for (Addition a : sc.additions()) {
            Template t = template(groups, a.category(), a.segment(), a.wage(), a.fundingSource(), today);
            int n = a.headcount() != null ? a.headcount() : uninsured.getOrDefault(a.category(), 0);
            if (n < 0) throw ValidationException.of("headcount", "budget.error.headcount");
            if (a.headcount() == null) added.add(a.category());
            if (n > 0) out.merge(t.insured(a.category(), all), n, Integer::sum);
        }
        if (sc.allEligible()) {
            for (var e : uninsured.entrySet()) {
                if (added.contains(e.getKey()) || e.getValue() == 0) continue;
                Template t = template(groups, e.getKey(), null, null, null, today);
                out.merge(t.insured(e.getKey(), all), e.getValue(), Integer::sum);
            }
        }
    }

    /** How a hypothetical person of a category would be insured. */
    record Template(FundingSource source, Segment segment, Set<Programme> programmes, int riskClass, long wage) {
        Budget.Insured insured(Category c, Set<YearMonth> months) {
            return new Budget.Insured(c, source, segment, programmes, riskClass, wage, months);
        }
    }

    /**
     * Like the category's existing enrolments (the most common segment, programmes, risk class, wage and source);
     * overridden by what the user gave. Without either, PU JKK+JKM on the category's default wage base.
     */
    private Template template(List<FiguresRepository.EnrolmentGroup> groups, Category c, Segment segment,
                              Long wage, FundingSource source, LocalDate today) {
        Map<Template, Integer> seen = new LinkedHashMap<>();
        for (FiguresRepository.EnrolmentGroup g : groups) {
            if (g.category() != c) continue;
            seen.merge(new Template(g.fundingSource(), g.segment(), g.programmes(), g.riskClass(), g.wage()),
                    g.count(), Integer::sum);
        }
        Template common = seen.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(null);
        Segment seg = segment != null ? segment : common != null ? common.segment() : Segment.PU;
        Long w = wage != null ? wage : common != null && common.segment() == seg ? Long.valueOf(common.wage())
                : defaultWage(c, today);
        if (w == null || w <= 0) throw ValidationException.of("wage", "budget.error.wage", c);
        FundingSource src = source != null ? source : common != null ? common.source() : FundingSource.APBD;
        Set<Programme> ps = common != null && common.segment() == seg ? common.programmes()
                : EnumSet.of(Programme.JKK, Programme.JKM);
        int risk = common != null ? common.riskClass() : 1;
        return new Template(src, seg, ps, risk, w);
    }

    private Long defaultWage(Category c, LocalDate on) {
        for (id.lindungdesa.domain.Position p : id.lindungdesa.domain.Position.values()) {
            if (p.category() == c && !p.acting()) {
                var w = enrolments.defaultWageBase(p, on);
                if (w.isPresent()) return w.get();
            }
        }
        return null;
    }

    private static ContributionRate rate(List<ContributionRate> existing, RateChange rc) {
        if (rc.segment() == null || rc.programme() == null || rc.from() == null || rc.percent() == null
                || rc.percent().signum() < 0) {
            throw ValidationException.of("rate", "budget.error.rate");
        }
        Long cap = existing.stream().filter(r -> r.segment() == rc.segment() && r.programme() == rc.programme())
                .max(Comparator.comparing(ContributionRate::validFrom)).map(ContributionRate::wageCap).orElse(null);
        return new ContributionRate(UUID.randomUUID(), rc.segment(), rc.programme(),
                rc.programme() == Programme.JKK && rc.segment() == Segment.PU
                        ? (rc.riskClass() == null ? 1 : rc.riskClass()) : null,
                rc.from(), rc.percent(), null, null, cap, "what-if");
    }
}
