package id.lindungdesa.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A bundle this office exported; the next one chains to the last (sequence + 1, its statement hash). */
public record SentBundle(UUID bundleId, String kind, long sequence, String keyId, String statementSha256,
                         String payloadSha256, long payloadSize, String periodLabel, OffsetDateTime createdAt,
                         String fileName, String countsJson, String rotationKeyId, OffsetDateTime deliveredAt,
                         String receiptOffice) {
    public boolean delivered() {
        return deliveredAt != null;
    }
}
