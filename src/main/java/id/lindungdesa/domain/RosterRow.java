package id.lindungdesa.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of a roster: a post with its holder and the holder's enrolment state today
 * (read model for tables, filters and exports).
 */
public record RosterRow(UUID postId, UUID personId, String nik, String fullName, Sex sex, LocalDate birthDate,
                        EmploymentStatus employmentStatus, String villageCode, String villageName,
                        Position position, String unitLabel, LocalDate startDate, LocalDate plannedEndDate,
                        LocalDate endDate, UUID enrolmentId, String kpj, EnrolmentState enrolmentState,
                        long monthlyContribution) {

    public Category category() { return position.category(); }

    public boolean current() { return endDate == null; }

    public boolean enrolledActive() { return enrolmentState == EnrolmentState.ACTIVE; }
}
