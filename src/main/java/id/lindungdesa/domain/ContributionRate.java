package id.lindungdesa.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A dated contribution rate. {@code ratePercent} applies to the wage (capped by {@code wageCap} when set);
 * {@code flatAmount} replaces the percentage; {@code minimumAmount} is a floor. riskClass is for JKK only.
 */
public record ContributionRate(UUID id, Segment segment, Programme programme, Integer riskClass, LocalDate validFrom,
                               BigDecimal ratePercent, Long flatAmount, Long minimumAmount, Long wageCap, String note) {
}
