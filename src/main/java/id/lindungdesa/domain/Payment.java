package id.lindungdesa.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.UUID;

/** A contribution payment recorded by the clerk for a month, funding source and scope (district or village). */
public record Payment(UUID id, int version, YearMonth month, FundingSource fundingSource, String scopeCode,
                      long amountPaid, LocalDate paidDate, String note, OffsetDateTime recordedAt,
                      String recordedBy) {
}
