package id.lindungdesa.service;

import id.lindungdesa.domain.Budget;
import id.lindungdesa.domain.BudgetLine;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.ContributionRate;
import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Segment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
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

    public BudgetService(RosterService roster, EnrolmentService enrolments, CoverageService coverage) {
        this.roster = roster;
        this.enrolments = enrolments;
        this.coverage = coverage;
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

    public Result budget(int year, FundingSource source, Scenario scenario) {
        if (year < 2000 || year > 2100) throw ValidationException.of("year", "target.error.year");
        LocalDate today = roster.today();
        return budget(year, source, scenario, roster.snapshot(coverage.officeRegion(), today));
    }

    /** The same over a snapshot already read (of the office's region; its date does not matter). */
    public Result budget(int year, FundingSource source, Scenario scenario, RosterService.Snapshot s) {
        if (year < 2000 || year > 2100) throw ValidationException.of("year", "target.error.year");
        LocalDate today = roster.today();
        List<Budget.Insured> insured = insured(s, year, today);
        Budget.Result current = Budget.compute(year, s.rates(), insured).only(source);
        Budget.Result projected = null;
        Scenario sc = scenario == null ? Scenario.NONE : scenario;
        if (!sc.isNone()) {
            List<ContributionRate> rates = new ArrayList<>(s.rates());
            for (RateChange rc : sc.rateChanges()) rates.add(rate(s.rates(), rc));
            List<Budget.Insured> all = new ArrayList<>(insured);
            all.addAll(hypothetical(s, year, today, sc));
            projected = Budget.compute(year, rates, all).only(source);
        }
        return new Result(year, source, today, current, projected, sc);
    }

    /** Everyone insured in {@code year}, with the months they are counted for. */
    static List<Budget.Insured> insured(RosterService.Snapshot s, int year, LocalDate today) {
        Map<UUID, Post> posts = new HashMap<>();
        for (Post p : s.posts()) posts.put(p.id(), p);
        List<Budget.Insured> out = new ArrayList<>();
        for (Enrolment e : s.enrolments()) {
            Person person = s.people().get(e.personId());
            if (person == null) continue;
            Category cat = categoryOf(s, e, posts, today);
            if (cat == null) continue;
            Set<YearMonth> months = new HashSet<>();
            EnrolmentState now = s.stateOn(e.id(), today);
            for (LocalDate first : Budget.firstDays(year)) {
                EnrolmentState st = first.isAfter(today) ? now : s.stateOn(e.id(), first);
                if (st == EnrolmentState.ACTIVE) months.add(YearMonth.from(first));
            }
            if (months.isEmpty()) continue;
            out.add(new Budget.Insured(cat, e.fundingSource(), e.segment(), e.programmes(), e.jkkRiskClass(),
                    e.wageBase(), months));
        }
        return out;
    }

    private static Category categoryOf(RosterService.Snapshot s, Enrolment e, Map<UUID, Post> posts, LocalDate on) {
        if (e.postId() != null && posts.containsKey(e.postId())) return posts.get(e.postId()).category();
        return s.posts().stream().filter(p -> p.personId().equals(e.personId()))
                .min(Comparator.comparing((Post p) -> !p.currentOn(on)).thenComparing(p -> p.position().ordinal()))
                .map(Post::category).orElse(null);
    }

    private List<Budget.Insured> hypothetical(RosterService.Snapshot s, int year, LocalDate today, Scenario sc) {
        List<Budget.Insured> out = new ArrayList<>();
        Set<YearMonth> all = Budget.wholeYear(year);
        Map<Category, List<Person>> uninsured = uninsuredHolders(s, today);
        Set<Category> added = EnumSet.noneOf(Category.class);
        for (Addition a : sc.additions()) {
            Template t = template(s, a.category(), a.segment(), a.wage(), a.fundingSource(), today);
            int n = a.headcount() != null ? a.headcount() : uninsured.getOrDefault(a.category(), List.of()).size();
            if (n < 0) throw ValidationException.of("headcount", "budget.error.headcount");
            if (a.headcount() == null) added.add(a.category());
            for (int i = 0; i < n; i++) out.add(t.insured(a.category(), all));
        }
        if (sc.allEligible()) {
            for (var e : uninsured.entrySet()) {
                if (added.contains(e.getKey()) || e.getValue().isEmpty()) continue;
                Template t = template(s, e.getKey(), null, null, null, today);
                for (int i = 0; i < e.getValue().size(); i++) out.add(t.insured(e.getKey(), all));
            }
        }
        return out;
    }

    /** Current eligible office-holders without an ACTIVE enrolment today, per category (each person once). */
    static Map<Category, List<Person>> uninsuredHolders(RosterService.Snapshot s, LocalDate on) {
        Map<Category, List<Person>> out = new LinkedHashMap<>();
        Set<UUID> seen = new HashSet<>();
        List<Post> current = s.posts().stream().filter(p -> p.currentOn(on))
                .sorted(Comparator.comparing((Post p) -> p.position().ordinal())).toList();
        for (Post p : current) {
            Person person = s.people().get(p.personId());
            if (person == null || !person.enrollable() || !seen.add(person.id())) continue;
            boolean active = s.enrolmentOf(person.id(), on).map(e -> s.stateOn(e.id(), on) == EnrolmentState.ACTIVE)
                    .orElse(false);
            if (!active) out.computeIfAbsent(p.category(), k -> new ArrayList<>()).add(person);
        }
        return out;
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
    private Template template(RosterService.Snapshot s, Category c, Segment segment, Long wage, FundingSource source,
                              LocalDate today) {
        Map<UUID, Post> posts = new HashMap<>();
        for (Post p : s.posts()) posts.put(p.id(), p);
        Map<Template, Integer> seen = new HashMap<>();
        for (Enrolment e : s.enrolments()) {
            if (categoryOf(s, e, posts, today) != c) continue;
            seen.merge(new Template(e.fundingSource(), e.segment(), e.programmes(), e.jkkRiskClass(), e.wageBase()),
                    1, Integer::sum);
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
