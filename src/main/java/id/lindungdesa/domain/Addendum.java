package id.lindungdesa.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An addendum (adendum) to an agreement: from {@code effectiveDate} it adds, changes or removes coverage terms,
 * and may set a new end of validity ({@code newValidTo}) or budget ceiling (null: unchanged).
 */
public record Addendum(UUID id, int version, UUID agreementId, String number, LocalDate signingDate,
                       LocalDate effectiveDate, LocalDate newValidTo, Long newBudgetCeiling,
                       List<AddendumChange> changes, String notes) {

    public Addendum {
        changes = List.copyOf(changes);
    }
}
