package id.lindungdesa.service;

import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.RosterRow;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The roster's search and filters: text matches a name (any part, case-insensitive) or a NIK (prefix or any part);
 * a null category or status means "all". Status {@code null} with {@code notEnrolled=true} keeps people with no
 * active enrolment. Used by the desktop's roster and by the benchmark.
 */
public record RosterFilter(String text, Category category, EnrolmentState status, boolean notEnrolled,
                           String villagePrefix) implements Predicate<RosterRow> {
    public static final RosterFilter ALL = new RosterFilter(null, null, null, false, null);

    public RosterFilter {
        text = text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean test(RosterRow r) {
        if (villagePrefix != null && !villagePrefix.isEmpty() && !r.villageCode().equals(villagePrefix)
                && !r.villageCode().startsWith(villagePrefix + ".")) {
            return false;
        }
        if (category != null && r.category() != category) return false;
        if (status != null && r.enrolmentState() != status) return false;
        if (notEnrolled && r.enrolmentState() == EnrolmentState.ACTIVE) return false;
        if (text != null) {
            if (Character.isDigit(text.charAt(0))) return r.nik().contains(text);
            return r.fullName().toLowerCase(Locale.ROOT).contains(text);
        }
        return true;
    }

    public RosterFilter withText(String t) {
        return new RosterFilter(t, category, status, notEnrolled, villagePrefix);
    }

    public RosterFilter withCategory(Category c) {
        return new RosterFilter(text, c, status, notEnrolled, villagePrefix);
    }

    public RosterFilter withStatus(EnrolmentState s, boolean none) {
        return new RosterFilter(text, category, s, none, villagePrefix);
    }

    public RosterFilter withVillage(String prefix) {
        return new RosterFilter(text, category, status, notEnrolled, prefix);
    }
}
