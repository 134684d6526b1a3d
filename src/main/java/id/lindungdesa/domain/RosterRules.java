package id.lindungdesa.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The roster warnings of domain.md: pure functions over records and a date. */
public final class RosterRules {
    public static final int PERANGKAT_MIN_AGE = 20;
    public static final int PERANGKAT_MAX_APPOINT_AGE = 42;
    public static final int RETIREMENT_AGE = 60;
    public static final int KEPALA_DESA_MIN_AGE = 25;
    public static final int TERM_SOON_DAYS = 90;

    private RosterRules() {}

    /** Person-level checks: birth date and sex against the NIK. */
    public static List<Warning> checkPerson(Person p, LocalDate today) {
        List<Warning> out = new ArrayList<>();
        Nik.Check c = Nik.check(p.nik(), today);
        if (c.valid()) {
            if (p.birthDate() != null && !p.birthDate().equals(c.birthDate())) {
                out.add(new Warning(Warning.Code.NIK_BIRTHDATE_MISMATCH, p.homeVillageCode(), p.id(), null,
                        List.of(p.birthDate(), c.birthDate())));
            }
            if (p.sex() != null && p.sex() != c.sex()) {
                out.add(new Warning(Warning.Code.NIK_SEX_MISMATCH, p.homeVillageCode(), p.id(), null,
                        List.of(p.sex(), c.sex())));
            }
        }
        return out;
    }

    /** Post-level checks on {@code today} for a person's post. */
    public static List<Warning> checkPost(Person p, Post post, LocalDate today) {
        List<Warning> out = new ArrayList<>();
        LocalDate birth = p.birthDate();
        String v = post.villageCode();
        if (birth != null) {
            int ageAtStart = p.ageOn(post.startDate());
            if (post.category() == Category.PERANGKAT_DESA
                    && (ageAtStart < PERANGKAT_MIN_AGE || ageAtStart > PERANGKAT_MAX_APPOINT_AGE)) {
                out.add(new Warning(Warning.Code.APPOINTED_OUTSIDE_20_42, v, p.id(), post.id(), List.of(ageAtStart)));
            }
            if (post.category() == Category.KEPALA_DESA && !post.position().acting() && ageAtStart < KEPALA_DESA_MIN_AGE) {
                out.add(new Warning(Warning.Code.KEPALA_DESA_UNDER_25, v, p.id(), post.id(), List.of(ageAtStart)));
            }
            if (post.currentOn(today) && post.category() == Category.PERANGKAT_DESA
                    && p.ageOn(today) >= RETIREMENT_AGE) {
                out.add(new Warning(Warning.Code.AGE_60_REACHED, v, p.id(), post.id(),
                        List.of(birth.plusYears(RETIREMENT_AGE))));
            }
        }
        if (post.endDate() == null && post.plannedEndDate() != null) {
            if (!post.plannedEndDate().isAfter(today)) {
                out.add(new Warning(Warning.Code.TERM_ENDED, v, p.id(), post.id(), List.of(post.plannedEndDate())));
            } else if (ChronoUnit.DAYS.between(today, post.plannedEndDate()) <= TERM_SOON_DAYS) {
                out.add(new Warning(Warning.Code.TERM_ENDING_SOON, v, p.id(), post.id(), List.of(post.plannedEndDate())));
            }
        }
        return out;
    }

    /** BPD must have 5 to 9 members, an odd number. Returns a warning or null. */
    public static Warning checkBpdSize(String villageCode, Collection<Post> currentPosts, LocalDate today) {
        long n = currentPosts.stream()
                .filter(p -> p.villageCode().equals(villageCode) && p.category() == Category.BPD && p.currentOn(today))
                .count();
        if (n == 0) return null; // no BPD recorded yet: not a size problem
        if (n < 5 || n > 9 || n % 2 == 0) {
            return new Warning(Warning.Code.BPD_SIZE, villageCode, null, null, List.of(n));
        }
        return null;
    }

    /** The planned end for a new post from its usual term, or null. */
    public static LocalDate plannedEnd(Position position, LocalDate start) {
        int years = position.usualTermYears();
        return years == 0 ? null : start.plusYears(years).minusDays(1);
    }
}
