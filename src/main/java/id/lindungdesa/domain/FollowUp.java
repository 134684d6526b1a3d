package id.lindungdesa.domain;

import java.time.LocalDate;
import java.util.UUID;

/** An action agreed at a monev: who does it, by when, and when it was done (null: open). */
public record FollowUp(UUID id, int version, UUID evaluationId, String action, String owner, LocalDate dueDate,
                       LocalDate doneDate) {
    public boolean done() {
        return doneDate != null;
    }

    public boolean overdueOn(LocalDate date) {
        return !done() && dueDate.isBefore(date);
    }
}
