package id.lindungdesa.domain;

import java.time.LocalDate;
import java.util.UUID;

/** A planned monitoring and evaluation (monev) of an agreement; done when an evaluation fulfils it. */
public record MonevScheduleItem(UUID id, int version, UUID agreementId, LocalDate dueDate, UUID evaluationId,
                                String note) {
    public boolean done() {
        return evaluationId != null;
    }

    public boolean overdueOn(LocalDate date) {
        return !done() && dueDate.isBefore(date);
    }
}
