package id.lindungdesa.domain;

import java.math.BigDecimal;
import java.util.UUID;

/** A yearly coverage target for a region, for one category or (category null) for all. Percent, e.g. 60.80. */
public record CoverageTarget(UUID id, String regionCode, int year, Category category, BigDecimal percent,
                             String source) {
}
