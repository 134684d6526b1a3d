package id.lindungdesa.field;

import static id.lindungdesa.field.FieldMerge.Outcome.APPLY;
import static id.lindungdesa.field.FieldMerge.Outcome.CONFLICT;
import static id.lindungdesa.field.FieldMerge.Outcome.UNCHANGED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every cell of the merge table of issue 15 (base / district / officer per field; removals). */
class FieldMergeTableTest {

    @Test
    void changedOnlyByTheOfficerIsApplied() {
        assertThat(FieldMerge.field("1980-01-02", "1980-01-02", "1980-01-03")).isEqualTo(APPLY);
        assertThat(FieldMerge.field(null, null, "0812")).isEqualTo(APPLY); // an empty field filled in
        assertThat(FieldMerge.field("0812", "0812", null)).isEqualTo(APPLY); // a field emptied
    }

    @Test
    void changedOnlyAtTheDistrictIsKept() {
        assertThat(FieldMerge.field("3000000", "3100000", "3000000")).isEqualTo(UNCHANGED);
    }

    @Test
    void changedOnBothSidesToTheSameValueIsOneChange() {
        assertThat(FieldMerge.field("A", "B", "B")).isEqualTo(UNCHANGED);
        assertThat(FieldMerge.field("A", null, null)).isEqualTo(UNCHANGED);
    }

    @Test
    void changedOnBothSidesToDifferentValuesIsAConflict() {
        assertThat(FieldMerge.field("1980-01-02", "1980-01-01", "1980-01-03")).isEqualTo(CONFLICT);
        assertThat(FieldMerge.field("A", null, "C")).isEqualTo(CONFLICT);
    }

    @Test
    void editedOnOneSideAndRemovedOnTheOtherIsAConflict() {
        // removed at the district, edited by the officer
        assertThat(FieldMerge.removal(true, false, false, true)).isEqualTo(CONFLICT);
        // removed by the officer, edited at the district
        assertThat(FieldMerge.removal(false, true, true, false)).isEqualTo(CONFLICT);
    }

    @Test
    void removalsAgainstUntouchedRecords() {
        assertThat(FieldMerge.removal(false, false, true, false)).isEqualTo(APPLY);   // only the officer removed it
        assertThat(FieldMerge.removal(true, false, false, false)).isEqualTo(UNCHANGED); // only the district did
        assertThat(FieldMerge.removal(true, true, true, false)).isEqualTo(UNCHANGED);  // both removed it
    }

    @Test
    void statusStepsAddedInTheField() {
        assertThat(FieldMerge.statusStep(false, false)).isEqualTo(APPLY);    // only the officer added a step
        assertThat(FieldMerge.statusStep(true, true)).isEqualTo(UNCHANGED);  // both added the same step
        assertThat(FieldMerge.statusStep(true, false)).isEqualTo(CONFLICT);  // both added, differently
    }
}
