package id.lindungdesa.service;

import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.Contribution;
import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.RosterRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Pure read models over a {@link RosterService.Snapshot}: roster rows and coverage counts.
 *
 * <p>Coverage (domain.md): of a category = current office-holders with an ACTIVE enrolment on the date, divided
 * by current office-holders who may be enrolled (ASN and PPPK are covered by Taspen and are not counted).
 * A person is counted once per village and category even when holding two posts of it.
 */
public final class RosterReadModel {
    private RosterReadModel() {}

    /** Roster rows (current posts, plus ended ones when {@code includeEnded}) on the snapshot's date. */
    public static List<RosterRow> rows(RosterService.Snapshot s, boolean includeEnded) {
        LocalDate on = s.on();
        List<RosterRow> out = new ArrayList<>(s.posts().size());
        for (Post post : s.posts()) {
            boolean current = post.currentOn(on) || (post.endDate() == null && post.startDate().isAfter(on));
            if (!includeEnded && !current) continue;
            Person p = s.people().get(post.personId());
            if (p == null) continue;
            Optional<Enrolment> e = s.enrolmentOf(p.id(), on);
            EnrolmentState state = e.map(x -> s.stateOn(x.id(), on)).orElse(null);
            long monthly = 0;
            if (e.isPresent() && state == EnrolmentState.ACTIVE) {
                try {
                    Enrolment en = e.get();
                    monthly = Contribution.monthly(s.rates(), en.segment(), en.programmes(), en.jkkRiskClass(),
                            en.wageBase(), on).total();
                } catch (Contribution.MissingRateException ex) {
                    monthly = 0;
                }
            }
            Region v = s.villages().get(post.villageCode());
            out.add(new RosterRow(post.id(), p.id(), p.nik(), p.fullName(), p.sex(), p.birthDate(),
                    p.employmentStatus(), post.villageCode(), v == null ? post.villageCode() : v.name(),
                    post.position(), post.unitLabel(), post.startDate(), post.plannedEndDate(), post.endDate(),
                    e.map(Enrolment::id).orElse(null), e.map(Enrolment::kpj).orElse(null), state, monthly));
        }
        out.sort(RosterService.ROSTER_ORDER);
        return out;
    }

    /** Covered and eligible head-counts. */
    public record Count(int covered, int eligible) {
        public static final Count ZERO = new Count(0, 0);

        public Count plus(Count o) {
            return new Count(covered + o.covered, eligible + o.eligible);
        }

        public double ratio() {
            return eligible == 0 ? 0 : (double) covered / eligible;
        }
    }

    /** Coverage of one village on a date, per category and in total (distinct people). */
    public record VillageCoverage(String code, String name, String kecamatanCode, Map<Category, Count> byCategory,
                                  Count total, int holders) {
        public boolean registeredNone() { return total.covered() == 0; }

        public boolean fullyCovered() { return total.eligible() > 0 && total.covered() == total.eligible(); }
    }

    /** Coverage per village on {@code on}, for every village in the snapshot (those with no one included). */
    public static Map<String, VillageCoverage> coverage(RosterService.Snapshot s, LocalDate on) {
        Map<String, Map<Category, Set<UUID>>> eligible = new HashMap<>();
        Map<String, Map<Category, Set<UUID>>> covered = new HashMap<>();
        Map<String, Set<UUID>> holders = new HashMap<>();
        Map<UUID, Boolean> activeCache = new HashMap<>();
        for (Post post : s.posts()) {
            if (!post.currentOn(on)) continue;
            Person p = s.people().get(post.personId());
            if (p == null) continue;
            holders.computeIfAbsent(post.villageCode(), k -> new HashSet<>()).add(p.id());
            if (!p.enrollable()) continue;
            eligible.computeIfAbsent(post.villageCode(), k -> new EnumMap<>(Category.class))
                    .computeIfAbsent(post.category(), k -> new HashSet<>()).add(p.id());
            boolean active = activeCache.computeIfAbsent(p.id(), id -> s.enrolmentOf(id, on)
                    .map(e -> s.stateOn(e.id(), on) == EnrolmentState.ACTIVE).orElse(false));
            if (active) {
                covered.computeIfAbsent(post.villageCode(), k -> new EnumMap<>(Category.class))
                        .computeIfAbsent(post.category(), k -> new HashSet<>()).add(p.id());
            }
        }
        Set<String> codes = new HashSet<>(s.villages().keySet());
        codes.addAll(holders.keySet());
        Map<String, VillageCoverage> out = new HashMap<>();
        for (String code : codes) {
            Region r = s.villages().get(code);
            if (r != null && !r.active() && !holders.containsKey(code)) continue;
            Map<Category, Count> byCat = new EnumMap<>(Category.class);
            Set<UUID> allEligible = new HashSet<>();
            Set<UUID> allCovered = new HashSet<>();
            for (Category c : Category.values()) {
                Set<UUID> el = eligible.getOrDefault(code, Map.of()).getOrDefault(c, Set.of());
                Set<UUID> co = covered.getOrDefault(code, Map.of()).getOrDefault(c, Set.of());
                byCat.put(c, new Count(co.size(), el.size()));
                allEligible.addAll(el);
                allCovered.addAll(co);
            }
            out.put(code, new VillageCoverage(code, r == null ? code : r.name(), Region.parentOf(code), byCat,
                    new Count(allCovered.size(), allEligible.size()), holders.getOrDefault(code, Set.of()).size()));
        }
        return out;
    }
}
