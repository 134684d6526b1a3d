package id.lindungdesa.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A bundle this office verified and applied (a province's record of a district's report). */
public record ReceivedBundle(UUID bundleId, String kind, String issuerCode, String issuerName, OfficeLevel issuerLevel,
                             long sequence, String keyId, String statementSha256, String previousSha256,
                             String payloadSha256, String periodLabel, OffsetDateTime createdAt,
                             OffsetDateTime importedAt, String importedBy, String fileName, String countsJson,
                             String warnings) {
}
