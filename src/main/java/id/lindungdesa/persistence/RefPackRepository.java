package id.lindungdesa.persistence;

import static id.lindungdesa.persistence.jooq.Tables.REFERENCE_PACK;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Reference packs issued (province) and applied (district), issue 18. */
public final class RefPackRepository {
    public static final String ISSUED = "ISSUED";
    public static final String APPLIED = "APPLIED";

    /** One pack as recorded. */
    public record Row(String direction, String provinceCode, int number, String sha256, String previousSha256,
                      String keyId, OffsetDateTime createdAt, LocalDate expiresOn, OffsetDateTime recordedAt) {
    }

    public void insert(Tx tx, Row r) {
        tx.dsl().insertInto(REFERENCE_PACK)
                .set(REFERENCE_PACK.DIRECTION, r.direction()).set(REFERENCE_PACK.PROVINCE_CODE, r.provinceCode())
                .set(REFERENCE_PACK.PACK_NUMBER, r.number()).set(REFERENCE_PACK.SHA256, r.sha256())
                .set(REFERENCE_PACK.PREVIOUS_SHA256, r.previousSha256()).set(REFERENCE_PACK.KEY_ID, r.keyId())
                .set(REFERENCE_PACK.CREATED_AT, r.createdAt()).set(REFERENCE_PACK.EXPIRES_ON, r.expiresOn())
                .set(REFERENCE_PACK.RECORDED_AT, r.recordedAt())
                .execute();
    }

    /** The highest-numbered pack of a direction (the one in force). */
    public Optional<Row> latest(Tx tx, String direction) {
        return tx.dsl().selectFrom(REFERENCE_PACK).where(REFERENCE_PACK.DIRECTION.eq(direction))
                .orderBy(REFERENCE_PACK.PACK_NUMBER.desc()).limit(1)
                .fetchOptional(r -> new Row(r.getDirection(), r.getProvinceCode(), r.getPackNumber(), r.getSha256(),
                        r.getPreviousSha256(), r.getKeyId(), r.getCreatedAt(), r.getExpiresOn(), r.getRecordedAt()));
    }
}
