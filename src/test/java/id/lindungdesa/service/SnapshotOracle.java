package id.lindungdesa.service;

import id.lindungdesa.domain.Alert;
import id.lindungdesa.domain.AgreementInForce;
import id.lindungdesa.domain.Budget;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.Contribution;
import id.lindungdesa.domain.CoverageCount;
import id.lindungdesa.domain.CoverageTerm;
import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.RosterRules;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The district figures as they were computed before issue 14: from a whole-roster {@link RosterService.Snapshot}
 * in Java. Kept only here, as the oracle the SQL figures are compared with ({@code FiguresEquivalenceTest}).
 * The code is the old code, moved, not rewritten.
 */
final class SnapshotOracle {
    private SnapshotOracle() {}

    // ------------------------------------------------------------------ coverage (old CoverageService)

    static CoverageService.Report report(CoverageService coverage, String prefix, RosterService.Snapshot s,
                                         LocalDate on) {
        return coverage.build(prefix, RosterReadModel.coverage(s, on), on);
    }

    static List<CoverageService.TrendPoint> trend(RosterService.Snapshot s, LocalDate on, int months) {
        List<CoverageService.TrendPoint> out = new ArrayList<>();
        YearMonth last = YearMonth.from(on);
        for (int i = months - 1; i >= 0; i--) {
            YearMonth m = last.minusMonths(i);
            LocalDate d = i == 0 ? on : m.atEndOfMonth();
            Map<Category, CoverageCount> byCat = new EnumMap<>(Category.class);
            for (Category c : Category.values()) byCat.put(c, CoverageCount.ZERO);
            CoverageCount total = CoverageCount.ZERO;
            for (RosterReadModel.VillageCoverage v : RosterReadModel.coverage(s, d).values()) {
                v.byCategory().forEach((c, k) -> byCat.merge(c, new CoverageCount(k.covered(), k.eligible()),
                        CoverageCount::plus));
                total = total.plus(new CoverageCount(v.total().covered(), v.total().eligible()));
            }
            out.add(new CoverageService.TrendPoint(m, d, byCat, total));
        }
        return out;
    }

    // ------------------------------------------------------------------ stats (old StatsService)

    record Stats(int people, int officeHolders, Map<Category, Integer> posts, int enrolledActive) {
    }

    static Stats stats(RosterService.Snapshot s, LocalDate on) {
        Map<Category, Integer> counts = new EnumMap<>(Category.class);
        for (Category c : Category.values()) counts.put(c, 0);
        Set<UUID> holders = new HashSet<>();
        for (Post p : s.posts()) {
            if (!p.currentOn(on) || !s.people().containsKey(p.personId())) continue;
            counts.merge(p.category(), 1, Integer::sum);
            holders.add(p.personId());
        }
        int active = 0;
        for (Person p : s.people().values()) {
            boolean isActive = s.enrolmentOf(p.id(), on).map(e -> s.stateOn(e.id(), on) == EnrolmentState.ACTIVE)
                    .orElse(false);
            if (isActive) active++;
        }
        return new Stats(s.people().size(), holders.size(), counts, active);
    }

    // ------------------------------------------------------------------ alerts (old AlertService.rosterAlerts)

    static List<Alert> rosterAlerts(RosterService.Snapshot s, LocalDate on) {
        List<Alert> out = new ArrayList<>();
        Set<UUID> ageSeen = new HashSet<>();
        Set<UUID> lapsedSeen = new HashSet<>();
        for (Post post : s.posts()) {
            if (!post.currentOn(on)) continue;
            Person p = s.people().get(post.personId());
            if (p == null) continue;
            Region r = s.villages().get(post.villageCode());
            String village = r == null ? post.villageCode() : r.name();
            Alert.Target target = new Alert.Target("person", p.id(), post.id().toString());
            if (post.plannedEndDate() != null) {
                long days = ChronoUnit.DAYS.between(on, post.plannedEndDate());
                if (days < 0) {
                    out.add(new Alert(Alert.Kind.TERM_ENDED, Alert.Severity.MEDIUM, post.plannedEndDate(), days, target,
                            post.villageCode(), List.of(p.fullName(), post.position(), village, post.plannedEndDate())));
                } else if (days <= AlertService.TERM_WINDOW_DAYS) {
                    out.add(new Alert(Alert.Kind.TERM_ENDING, Alert.Severity.MEDIUM, post.plannedEndDate(), days,
                            target, post.villageCode(),
                            List.of(p.fullName(), post.position(), village, post.plannedEndDate())));
                }
            }
            if (post.category() == Category.PERANGKAT_DESA && p.birthDate() != null && ageSeen.add(p.id())) {
                LocalDate sixty = p.birthDate().plusYears(RosterRules.RETIREMENT_AGE);
                long days = ChronoUnit.DAYS.between(on, sixty);
                if (days <= AlertService.AGE_WINDOW_DAYS) {
                    out.add(new Alert(Alert.Kind.AGE_60, days <= 0 ? Alert.Severity.HIGH : Alert.Severity.MEDIUM,
                            sixty, days, target, post.villageCode(),
                            List.of(p.fullName(), post.position(), village, sixty)));
                }
            }
            if (lapsedSeen.add(p.id())) {
                for (Enrolment e : s.enrolmentsByPerson().getOrDefault(p.id(), List.of())) {
                    if (s.stateOn(e.id(), on) == EnrolmentState.LAPSED
                            && s.enrolmentOf(p.id(), on).map(x -> x.id().equals(e.id())).orElse(false)) {
                        LocalDate since = on;
                        for (var st : s.statuses().getOrDefault(e.id(), List.of())) {
                            if (!st.effectiveDate().isAfter(on)) since = st.effectiveDate();
                        }
                        out.add(new Alert(Alert.Kind.ENROLMENT_LAPSED, Alert.Severity.MEDIUM, since, 0,
                                target, post.villageCode(), List.of(p.fullName(), village,
                                e.kpj() == null ? "\u2013" : e.kpj())));
                    }
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ links (old AgreementService.links)

    static AgreementService.CoverageLinks links(RosterService.Snapshot s, List<AgreementInForce> inForce,
                                                LocalDate on) {
        Map<UUID, List<Post>> currentPosts = new HashMap<>();
        for (Post p : s.posts()) {
            if (p.currentOn(on)) currentPosts.computeIfAbsent(p.personId(), k -> new ArrayList<>()).add(p);
        }
        List<AgreementService.LinkedEnrolment> covered = new ArrayList<>();
        List<AgreementService.LinkedEnrolment> uncovered = new ArrayList<>();
        Map<String, Integer> enrolledPerTerm = new HashMap<>();
        for (Enrolment e : s.enrolments()) {
            if (s.stateOn(e.id(), on) != EnrolmentState.ACTIVE) continue;
            List<Post> held = currentPosts.getOrDefault(e.personId(), List.of());
            if (held.isEmpty()) continue;
            Post post = held.stream().filter(p -> p.id().equals(e.postId())).findFirst()
                    .orElse(held.stream().min(Comparator.comparing(p -> p.position().ordinal())).orElseThrow());
            Person person = s.people().get(e.personId());
            if (person == null) continue;
            var region = s.villages().get(post.villageCode());
            Optional<AgreementInForce> ag = AgreementService.covering(inForce, post.category(), e.fundingSource());
            AgreementService.LinkedEnrolment l = new AgreementService.LinkedEnrolment(e.id(), person.id(),
                    person.fullName(), post.villageCode(), region == null ? post.villageCode() : region.name(),
                    post.category(), e.fundingSource(), ag.map(x -> x.agreement().id()).orElse(null),
                    ag.map(x -> x.agreement().number()).orElse(null));
            if (ag.isPresent()) {
                covered.add(l);
                enrolledPerTerm.merge(ag.get().agreement().id() + "/" + post.category() + "/" + e.fundingSource(), 1,
                        Integer::sum);
            } else {
                uncovered.add(l);
            }
        }
        List<AgreementService.CoveredTerm> terms = new ArrayList<>();
        for (AgreementInForce x : inForce) {
            for (CoverageTerm t : x.terms()) {
                terms.add(new AgreementService.CoveredTerm(x.agreement().id(), x.agreement().number(), t,
                        enrolledPerTerm.getOrDefault(x.agreement().id() + "/" + t.category() + "/"
                                + t.fundingSource(), 0)));
            }
        }
        Comparator<AgreementService.LinkedEnrolment> order = Comparator
                .comparing(AgreementService.LinkedEnrolment::villageCode).thenComparing(l -> l.category().ordinal())
                .thenComparing(AgreementService.LinkedEnrolment::fullName);
        covered.sort(order);
        uncovered.sort(order);
        return new AgreementService.CoverageLinks(on, covered, uncovered, terms);
    }

    // ------------------------------------------------------------------ budget (old BudgetService.insured)

    static Budget.Result budget(RosterService.Snapshot s, int year, LocalDate today) {
        return Budget.compute(year, s.rates(), insured(s, year, today));
    }

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

    /** Current eligible office-holders without an ACTIVE enrolment, per category (each person once). */
    static Map<Category, Integer> uninsuredHolders(RosterService.Snapshot s, LocalDate on) {
        Map<Category, Integer> out = new LinkedHashMap<>();
        Set<UUID> seen = new HashSet<>();
        List<Post> current = s.posts().stream().filter(p -> p.currentOn(on))
                .sorted(Comparator.comparing((Post p) -> p.position().ordinal())).toList();
        for (Post p : current) {
            Person person = s.people().get(p.personId());
            if (person == null || !person.enrollable() || !seen.add(person.id())) continue;
            boolean active = s.enrolmentOf(person.id(), on).map(e -> s.stateOn(e.id(), on) == EnrolmentState.ACTIVE)
                    .orElse(false);
            if (!active) out.merge(p.category(), 1, Integer::sum);
        }
        return out;
    }

    // ------------------------------------------------------------------ ledger (old LedgerService.Billing)

    /** Billed per village for one month and source. */
    static Map<String, Long> billed(RosterService.Snapshot s, YearMonth m, FundingSource src) {
        Map<UUID, Post> posts = new HashMap<>();
        Map<UUID, String> firstVillage = new HashMap<>();
        // The old code took the first post in the snapshot's order; the new one the first by start date.
        s.posts().stream().sorted(Comparator.comparing(Post::startDate).thenComparing(Post::id)).forEach(p -> {
            posts.put(p.id(), p);
            firstVillage.putIfAbsent(p.personId(), p.villageCode());
        });
        Map<String, Long> out = new HashMap<>();
        for (Enrolment e : s.enrolments()) {
            if (e.fundingSource() != src) continue;
            Person person = s.people().get(e.personId());
            if (person == null) continue;
            String v = e.postId() != null && posts.containsKey(e.postId()) ? posts.get(e.postId()).villageCode()
                    : firstVillage.getOrDefault(e.personId(), person.homeVillageCode());
            LocalDate first = m.atDay(1);
            if (v == null || s.stateOn(e.id(), first) != EnrolmentState.ACTIVE) continue;
            long b;
            try {
                b = Contribution.monthly(s.rates(), e.segment(), e.programmes(), e.jkkRiskClass(), e.wageBase(), first)
                        .total();
            } catch (Contribution.MissingRateException ex) {
                b = 0;
            }
            if (b != 0) out.merge(v, b, Long::sum);
        }
        return out;
    }
}
