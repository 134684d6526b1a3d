package id.lindungdesa.domain;

import java.time.OffsetDateTime;

/** The scanned document of an agreement (its bytes stay in the database; this is what is known about them). */
public record AttachmentInfo(String fileName, String mediaType, long sizeBytes, String sha256, OffsetDateTime addedAt) {
}
