package id.lindungdesa.field;

import java.util.Objects;

/**
 * The per-field three-way merge table of issue 15 (decision 0170), as a pure function: base (what the package
 * carried), district (the record now), officer (the value returned).
 */
public final class FieldMerge {
    private FieldMerge() {}

    /** What happens to one field. */
    public enum Outcome {
        /** Changed only by the officer: the officer's value is applied. */
        APPLY,
        /** Not changed by the officer, or changed on both sides to the same value, or changed only at the district. */
        UNCHANGED,
        /** Changed on both sides to different values: the district value stays, the officer's is kept with it. */
        CONFLICT
    }

    public static Outcome field(String base, String district, String officer) {
        if (Objects.equals(officer, base)) return Outcome.UNCHANGED;       // only the district (or nobody) changed it
        if (Objects.equals(officer, district)) return Outcome.UNCHANGED;   // both sides to the same value: one change
        if (Objects.equals(district, base)) return Outcome.APPLY;          // only the officer changed it
        return Outcome.CONFLICT;
    }

    /**
     * One side removed (tombstoned, or ended and removed) the record, the other edited it: always a conflict. A removal
     * against an untouched record is applied; an edit against a record both sides left alone is the field table.
     */
    public static Outcome removal(boolean districtRemoved, boolean districtEdited, boolean officerRemoved,
                                  boolean officerEdited) {
        if (districtRemoved && officerRemoved) return Outcome.UNCHANGED;
        if (districtRemoved) return officerEdited ? Outcome.CONFLICT : Outcome.UNCHANGED;
        if (officerRemoved) return districtEdited ? Outcome.CONFLICT : Outcome.APPLY;
        return Outcome.UNCHANGED;
    }

    /**
     * An enrolment status step the officer added (a status history only grows): applied when the district added no
     * step to that enrolment since the base; one change when the district added the same step (state and date);
     * a conflict when the district added a different one.
     */
    public static Outcome statusStep(boolean districtAddedSince, boolean districtAddedTheSame) {
        if (!districtAddedSince) return Outcome.APPLY;
        return districtAddedTheSame ? Outcome.UNCHANGED : Outcome.CONFLICT;
    }
}
