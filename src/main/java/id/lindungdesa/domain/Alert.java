package id.lindungdesa.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Something on the "needs attention" list. {@code kind} names a message key ("alert.KIND") taking {@code args};
 * {@code target} is the record to open to act on it; {@code date} the date it is about (expiry, due date…);
 * {@code days} days from the reference date to it (negative: in the past).
 */
public record Alert(Kind kind, Severity severity, LocalDate date, long days, Target target, String villageCode,
                    List<Object> args) {

    public Alert {
        args = List.copyOf(args);
    }

    /** Stable names: part of the CLI JSON contract. */
    public enum Kind {
        AGREEMENT_EXPIRED, AGREEMENT_EXPIRES_7, AGREEMENT_EXPIRES_30, AGREEMENT_EXPIRES_90,
        MONEV_OVERDUE, MONEV_DUE, FOLLOW_UP_OVERDUE, TERM_ENDED, TERM_ENDING, AGE_60, ENROLMENT_LAPSED,
        CATEGORY_UNCOVERED, CATEGORY_NOBODY_ENROLLED,
        /** Issue 18: the province reference pack in force has expired (freeze). */
        REFERENCE_PACK_EXPIRED,
        /** Issue 18: a pack retires a region code where people still hold posts; it is kept and flagged. */
        REFERENCE_PACK_REGION_KEPT
    }

    public enum Severity { HIGH, MEDIUM, LOW }

    /** What to open: {@code type} is one of agreement, monev, follow_up, person, coverage. */
    public record Target(String type, UUID id, String key) {
        public static Target of(String type, UUID id) {
            return new Target(type, id, null);
        }
    }
}
