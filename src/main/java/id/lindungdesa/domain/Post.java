package id.lindungdesa.domain;

import java.time.LocalDate;
import java.util.UUID;

/** A dated term of office: who holds which post in which village, by which decree, from when to when. */
public record Post(UUID id, int version, UUID personId, String villageCode, Position position, String unitLabel,
                   String skNumber, LocalDate skDate, LocalDate startDate, LocalDate plannedEndDate,
                   LocalDate endDate, EndReason endReason) {

    public Category category() { return position.category(); }

    /** Held on {@code date}: started on or before it and not yet ended. */
    public boolean currentOn(LocalDate date) {
        return !startDate.isAfter(date) && (endDate == null || endDate.isAfter(date));
    }

    public Post ended(LocalDate end, EndReason reason) {
        return new Post(id, version, personId, villageCode, position, unitLabel, skNumber, skDate, startDate,
                plannedEndDate, end, reason);
    }
}
