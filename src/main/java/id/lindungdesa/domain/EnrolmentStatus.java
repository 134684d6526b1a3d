package id.lindungdesa.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One step of an enrolment's status history. */
public record EnrolmentStatus(UUID id, UUID enrolmentId, EnrolmentState state, LocalDate effectiveDate, String note,
                              OffsetDateTime recordedAt, String recordedBy) {
}
