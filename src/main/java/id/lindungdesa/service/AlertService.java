package id.lindungdesa.service;

import id.lindungdesa.domain.Addendum;
import id.lindungdesa.domain.Agreement;
import id.lindungdesa.domain.AgreementInForce;
import id.lindungdesa.domain.Alert;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.CoverageTerm;
import id.lindungdesa.domain.FollowUp;
import id.lindungdesa.domain.MonevEvaluation;
import id.lindungdesa.domain.MonevScheduleItem;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.RosterRules;
import id.lindungdesa.i18n.Messages;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The "needs attention" list: agreements expiring in 90/30/7 days or expired without renewal, monev due or
 * overdue, follow-ups overdue, terms ending within 90 days, perangkat reaching 60, lapsed enrolments, and
 * categories enrolled without an agreement (or covered with nobody enrolled). The date comes from the injected clock
 * unless given.
 */
public final class AlertService {
    public static final int EXPIRY_WINDOW_DAYS = 90;
    public static final int MONEV_DUE_DAYS = 30;
    public static final int TERM_WINDOW_DAYS = RosterRules.TERM_SOON_DAYS;
    public static final int AGE_WINDOW_DAYS = 90;

    private final AgreementService agreements;
    private final MonevService monev;
    private final DistrictFigures figures;
    private final OfficeService office;
    private final Clock clock;
    private final List<java.util.function.Function<LocalDate, List<Alert>>> sources =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public AlertService(AgreementService agreements, MonevService monev, DistrictFigures figures, OfficeService office,
                        Clock clock) {
        this.agreements = agreements;
        this.monev = monev;
        this.figures = figures;
        this.office = office;
        this.clock = clock;
    }

    /** Alerts a feature adds (issue 18: the expired province reference pack), registered by the wiring. */
    public void addSource(java.util.function.Function<LocalDate, List<Alert>> source) {
        sources.add(source);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Alerts for today (the injected clock). */
    public List<Alert> alerts() {
        return alerts(today());
    }

    /** Alerts as they stand on {@code on}, most urgent first. */
    public List<Alert> alerts(LocalDate on) {
        List<Alert> out = new ArrayList<>();
        List<Agreement> all = agreements.all();
        List<Addendum> addenda = agreements.addenda();
        List<AgreementInForce> states = all.stream().map(a -> AgreementInForce.on(a, addenda, on)).toList();
        List<AgreementInForce> inForce = states.stream().filter(AgreementInForce::inForce).toList();
        agreementAlerts(out, all, addenda, states, inForce, on);
        monevAlerts(out, all, addenda, on);
        String prefix = office.office().map(o -> o.regionCode()).orElse("");
        rosterAlerts(out, prefix, on);
        AgreementService.LinkCounts links = agreements.linkCounts(on, inForce);
        links.uncoveredCounts().forEach((k, n) -> out.add(new Alert(Alert.Kind.CATEGORY_UNCOVERED,
                Alert.Severity.HIGH, on, 0, new Alert.Target("coverage", null, k.category() + "/" + k.fundingSource()),
                null, List.of(k.category(), k.fundingSource(), n))));
        for (AgreementService.CoveredTerm t : links.nobodyEnrolled()) {
            out.add(new Alert(Alert.Kind.CATEGORY_NOBODY_ENROLLED, Alert.Severity.LOW, on, 0,
                    new Alert.Target("agreement", t.agreementId(), t.term().category() + "/" + t.term().fundingSource()),
                    null, List.of(t.term().category(), t.term().fundingSource(), t.agreementNumber())));
        }
        for (var src : sources) out.addAll(src.apply(on));
        out.sort(Comparator.comparing((Alert a) -> a.severity().ordinal()).thenComparing(a -> a.kind().ordinal())
                .thenComparing(Alert::date));
        return out;
    }

    /** The message of an alert in the current language. */
    public static String message(Alert a) {
        return Messages.tr("alert." + a.kind().name(), a.args().toArray());
    }

    private void agreementAlerts(List<Alert> out, List<Agreement> all, List<Addendum> addenda,
                                 List<AgreementInForce> states, List<AgreementInForce> inForce, LocalDate on) {
        for (AgreementInForce x : states) {
            Agreement a = x.agreement();
            if (x.state() == id.lindungdesa.domain.AgreementState.NOT_YET) continue;
            LocalDate end = x.validTo();
            // Renewed: every term in force on its last day is covered by another agreement the day after it
            // (for expiring ones) or today (for expired ones).
            LocalDate check = x.inForce() ? end.plusDays(1) : on;
            AgreementInForce last = AgreementInForce.on(a, addenda, end);
            boolean renewed = !last.terms().isEmpty() && last.terms().stream().allMatch(t -> all.stream()
                    .filter(o -> !o.id().equals(a.id()))
                    .map(o -> AgreementInForce.on(o, addenda, check))
                    .anyMatch(o -> o.covers(t.category(), t.fundingSource())));
            if (renewed) continue;
            long days = ChronoUnit.DAYS.between(on, end);
            Alert.Kind kind;
            Alert.Severity sev;
            if (!x.inForce()) {
                kind = Alert.Kind.AGREEMENT_EXPIRED;
                sev = Alert.Severity.HIGH;
            } else if (days <= 7) {
                kind = Alert.Kind.AGREEMENT_EXPIRES_7;
                sev = Alert.Severity.HIGH;
            } else if (days <= 30) {
                kind = Alert.Kind.AGREEMENT_EXPIRES_30;
                sev = Alert.Severity.HIGH;
            } else if (days <= EXPIRY_WINDOW_DAYS) {
                kind = Alert.Kind.AGREEMENT_EXPIRES_90;
                sev = Alert.Severity.MEDIUM;
            } else {
                continue;
            }
            out.add(new Alert(kind, sev, end, days, Alert.Target.of("agreement", a.id()), null,
                    List.of(a.number(), end, Math.abs(days))));
        }
    }

    private void monevAlerts(List<Alert> out, List<Agreement> all, List<Addendum> addenda, LocalDate on) {
        Map<UUID, Agreement> byId = new HashMap<>();
        all.forEach(a -> byId.put(a.id(), a));
        for (MonevScheduleItem s : monev.schedule(null)) {
            Agreement a = byId.get(s.agreementId());
            if (a == null || s.done()) continue;
            // A monev falling after the agreement ended (as finally extended) is no longer owed.
            if (s.dueDate().isAfter(AgreementInForce.finalValidTo(a, addenda))) continue;
            long days = ChronoUnit.DAYS.between(on, s.dueDate());
            if (days < 0) {
                out.add(new Alert(Alert.Kind.MONEV_OVERDUE, Alert.Severity.HIGH, s.dueDate(), days,
                        new Alert.Target("monev", a.id(), s.id().toString()), null,
                        List.of(a.number(), s.dueDate(), -days)));
            } else if (days <= MONEV_DUE_DAYS) {
                out.add(new Alert(Alert.Kind.MONEV_DUE, Alert.Severity.MEDIUM, s.dueDate(), days,
                        new Alert.Target("monev", a.id(), s.id().toString()), null,
                        List.of(a.number(), s.dueDate(), days)));
            }
        }
        for (MonevEvaluation e : monev.evaluations(null)) {
            Agreement a = byId.get(e.agreementId());
            if (a == null) continue;
            for (FollowUp f : e.followUps()) {
                if (!f.overdueOn(on)) continue;
                long days = ChronoUnit.DAYS.between(on, f.dueDate());
                out.add(new Alert(Alert.Kind.FOLLOW_UP_OVERDUE, Alert.Severity.MEDIUM, f.dueDate(), days,
                        new Alert.Target("follow_up", f.id(), e.id().toString()), null,
                        List.of(shown(f.action()), shown(f.owner()), f.dueDate(), a.number(), -days)));
            }
        }
    }

    /**
     * Terms ending or ended, perangkat reaching 60 and lapsed enrolments: the database picks the candidates
     * (current posts near their planned end or with a holder near 60, lapsed enrolments), the rules decide here.
     */
    private void rosterAlerts(List<Alert> out, String prefix, LocalDate on) {
        LocalDate endBy = on.plusDays(TERM_WINDOW_DAYS);
        // A margin of a few days for 29 February; the exact rule is applied below.
        LocalDate bornBy = on.plusDays(AGE_WINDOW_DAYS).minusYears(RosterRules.RETIREMENT_AGE).plusDays(3);
        figures.read(tx -> {
            Map<String, Region> villages = figures.villages(tx, prefix);
            Set<UUID> ageSeen = new HashSet<>();
            for (var l : figures.repository().termAndAgeCandidates(tx, prefix, on, endBy, bornBy)) {
                Region r = villages.get(l.villageCode());
                String village = r == null ? l.villageCode() : r.name();
                Alert.Target target = new Alert.Target("person", l.personId(), l.postId().toString());
                if (l.plannedEndDate() != null) {
                    long days = ChronoUnit.DAYS.between(on, l.plannedEndDate());
                    if (days < 0) {
                        out.add(new Alert(Alert.Kind.TERM_ENDED, Alert.Severity.MEDIUM, l.plannedEndDate(), days,
                                target, l.villageCode(),
                                List.of(l.fullName(), l.position(), village, l.plannedEndDate())));
                    } else if (days <= TERM_WINDOW_DAYS) {
                        out.add(new Alert(Alert.Kind.TERM_ENDING, Alert.Severity.MEDIUM, l.plannedEndDate(), days,
                                target, l.villageCode(),
                                List.of(l.fullName(), l.position(), village, l.plannedEndDate())));
                    }
                }
                if (l.position().category() == Category.PERANGKAT_DESA && l.birthDate() != null
                        && !ageSeen.contains(l.personId())) {
                    LocalDate sixty = l.birthDate().plusYears(RosterRules.RETIREMENT_AGE);
                    long days = ChronoUnit.DAYS.between(on, sixty);
                    if (days <= AGE_WINDOW_DAYS) {
                        ageSeen.add(l.personId());
                        out.add(new Alert(Alert.Kind.AGE_60, days <= 0 ? Alert.Severity.HIGH : Alert.Severity.MEDIUM,
                                sixty, days, target, l.villageCode(),
                                List.of(l.fullName(), l.position(), village, sixty)));
                    }
                }
            }
            Set<UUID> lapsedSeen = new HashSet<>();
            for (var l : figures.repository().lapsed(tx, prefix, on)) {
                if (!lapsedSeen.add(l.personId())) continue;
                Region r = villages.get(l.villageCode());
                String village = r == null ? l.villageCode() : r.name();
                out.add(new Alert(Alert.Kind.ENROLMENT_LAPSED, Alert.Severity.MEDIUM,
                        l.since() == null ? on : l.since(), 0,
                        new Alert.Target("person", l.personId(), l.postId().toString()), l.villageCode(),
                        List.of(l.fullName(), village, shown(l.kpj()))));
            }
            return null;
        });
    }

    /** An optional value as an alert shows it: a dash where the record has none (a KPJ not issued yet). */
    private static Object shown(Object value) {
        return value == null ? "\u2013" : value;
    }

    /** Number of alerts per kind (for the home screen's summary). */
    public static Map<Alert.Kind, Integer> counts(List<Alert> alerts) {
        Map<Alert.Kind, Integer> out = new java.util.EnumMap<>(Alert.Kind.class);
        for (Alert a : alerts) out.merge(a.kind(), 1, Integer::sum);
        return out;
    }

    /** Unused here but handy for callers: the key of a coverage alert. */
    public static CoverageTerm.Key coverageKey(Alert a) {
        String[] parts = a.target().key().split("/");
        return new CoverageTerm.Key(Category.valueOf(parts[0]),
                id.lindungdesa.domain.FundingSource.valueOf(parts[1]));
    }
}
