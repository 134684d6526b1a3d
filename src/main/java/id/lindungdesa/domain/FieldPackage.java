package id.lindungdesa.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A field package the district issued to a kecamatan officer (issue 15). */
public record FieldPackage(UUID packageId, long sequence, String kecamatanCode, String officerKeyId,
                           String officerName, String recipientKeyId, String signingKeyId, String statementSha256,
                           String payloadSha256, long payloadSize, String countsJson, String fileName,
                           OffsetDateTime issuedAt, String issuedBy, State state) {
    /** Stored by name: never rename, only add. */
    public enum State { SENT, RETURNED, MERGED }
}
