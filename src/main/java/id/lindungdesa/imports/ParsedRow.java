package id.lindungdesa.imports;

import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.Segment;
import id.lindungdesa.domain.Sex;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A data row read and normalised, independent of the database. Null fields were not given in the file and are
 * never used to erase stored values. {@code problems} non-empty: the row is refused.
 */
record ParsedRow(int row, String nik, String fullName, Sex sex, LocalDate birthDate, String birthPlace, String phone,
                 String nkk, EmploymentStatus employment, Position position, String unitLabel, String villageCode,
                 String villageName, String skNumber, LocalDate skDate, LocalDate startDate, boolean hasEnrolment,
                 String kpj, Segment segment, Set<Programme> programmes, Long wage, FundingSource funding,
                 EnrolmentState status, LocalDate statusDate, List<RowProblem> problems, Region suggestion,
                 String suggestedFor, List<RowProblem> notes) {

    boolean refused() {
        return !problems.isEmpty();
    }

    /** Identity of the post within the file: position, village and unit. */
    String postKey() {
        return position + "|" + villageCode + "|" + (unitLabel == null ? "" : unitLabel.toLowerCase(java.util.Locale.ROOT));
    }
}
