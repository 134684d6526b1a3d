package id.lindungdesa.domain;

import java.time.LocalDate;
import java.util.UUID;

/** A dated default wage base for a category (and optionally one position). */
public record WageBaseDefault(UUID id, Category category, Position position, LocalDate validFrom, long amount,
                              String note) {
}
