package id.lindungdesa.persistence;

import static id.lindungdesa.persistence.jooq.Tables.BUNDLE_IMPORT;
import static id.lindungdesa.persistence.jooq.Tables.POST;
import static id.lindungdesa.persistence.jooq.Tables.REFERENCE_PACK;
import static id.lindungdesa.persistence.jooq.Tables.REFERENCE_PACK_RECEIPT;
import static id.lindungdesa.persistence.jooq.Tables.REFERENCE_REGION_FLAG;
import static id.lindungdesa.persistence.jooq.Tables.REGION_HISTORY;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.impl.DSL;

/** Reference packs issued (province) and applied (district), issue 18. */
public final class RefPackRepository {
    public static final String ISSUED = "ISSUED";
    public static final String APPLIED = "APPLIED";

    /** One pack as recorded; {@code regionMark} is the province's last region_history id at signing (V220). */
    public record Row(String direction, String provinceCode, int number, String sha256, String previousSha256,
                      String keyId, OffsetDateTime createdAt, LocalDate expiresOn, OffsetDateTime recordedAt,
                      Long regionMark) {
    }

    public void insert(Tx tx, Row r) {
        tx.dsl().insertInto(REFERENCE_PACK)
                .set(REFERENCE_PACK.DIRECTION, r.direction()).set(REFERENCE_PACK.PROVINCE_CODE, r.provinceCode())
                .set(REFERENCE_PACK.PACK_NUMBER, r.number()).set(REFERENCE_PACK.SHA256, r.sha256())
                .set(REFERENCE_PACK.PREVIOUS_SHA256, r.previousSha256()).set(REFERENCE_PACK.KEY_ID, r.keyId())
                .set(REFERENCE_PACK.CREATED_AT, r.createdAt()).set(REFERENCE_PACK.EXPIRES_ON, r.expiresOn())
                .set(REFERENCE_PACK.RECORDED_AT, r.recordedAt())
                .set(REFERENCE_PACK.REGION_HISTORY_MARK, r.regionMark())
                .execute();
    }

    /** The highest-numbered pack of a direction (the one in force). */
    public Optional<Row> latest(Tx tx, String direction) {
        return tx.dsl().selectFrom(REFERENCE_PACK).where(REFERENCE_PACK.DIRECTION.eq(direction))
                .orderBy(REFERENCE_PACK.PACK_NUMBER.desc()).limit(1)
                .fetchOptional(RefPackRepository::map);
    }

    /** Every pack of a direction, oldest first. */
    public List<Row> all(Tx tx, String direction) {
        return tx.dsl().selectFrom(REFERENCE_PACK).where(REFERENCE_PACK.DIRECTION.eq(direction))
                .orderBy(REFERENCE_PACK.PACK_NUMBER).fetch(RefPackRepository::map);
    }

    private static Row map(id.lindungdesa.persistence.jooq.tables.records.ReferencePackRecord r) {
        return new Row(r.getDirection(), r.getProvinceCode(), r.getPackNumber(), r.getSha256(),
                r.getPreviousSha256(), r.getKeyId(), r.getCreatedAt(), r.getExpiresOn(), r.getRecordedAt(),
                r.getRegionHistoryMark());
    }

    // ---------------------------------------------------------------- region changes (province side)

    /** The highest region_history id (0 when there is none). */
    public long regionHistoryMark(Tx tx) {
        Long m = tx.dsl().select(DSL.max(REGION_HISTORY.ID)).from(REGION_HISTORY).fetchOne(0, Long.class);
        return m == null ? 0 : m;
    }

    /** A region change recorded at the province. */
    public record RegionChange(long id, String code, String changeType, String oldName, String newName) {
    }

    /** Region changes with an id above {@code afterId}, for codes inside {@code prefix}, in order. */
    public List<RegionChange> regionChangesAfter(Tx tx, long afterId, String prefix) {
        return tx.dsl().selectFrom(REGION_HISTORY)
                .where(REGION_HISTORY.ID.gt(afterId))
                .and(REGION_HISTORY.CODE.eq(prefix).or(REGION_HISTORY.CODE.startsWith(prefix + ".")))
                .orderBy(REGION_HISTORY.ID)
                .fetch(r -> new RegionChange(r.getId(), r.getCode(), r.getChangeType(), r.getOldName(),
                        r.getNewName()));
    }

    // ---------------------------------------------------------------- region flags (district side)

    /** People holding a post (not ended before {@code on}, not removed) in the region or anywhere inside it. */
    public int holders(Tx tx, String code, LocalDate on) {
        return tx.dsl().fetchCount(tx.dsl().selectDistinct(POST.PERSON_ID).from(POST)
                .where(POST.VILLAGE_CODE.eq(code).or(POST.VILLAGE_CODE.startsWith(code + ".")))
                .and(POST.DELETED_AT.isNull())
                .and(POST.END_DATE.isNull().or(POST.END_DATE.ge(on))));
    }

    /** A region kept although a pack retires it. */
    public record Flag(String code, String provinceCode, int packNumber, int holders, OffsetDateTime flaggedAt,
                       OffsetDateTime resolvedAt, String resolution) {
    }

    public void insertFlag(Tx tx, Flag f) {
        tx.dsl().insertInto(REFERENCE_REGION_FLAG)
                .set(REFERENCE_REGION_FLAG.CODE, f.code()).set(REFERENCE_REGION_FLAG.PROVINCE_CODE, f.provinceCode())
                .set(REFERENCE_REGION_FLAG.PACK_NUMBER, f.packNumber())
                .set(REFERENCE_REGION_FLAG.HOLDERS, f.holders())
                .set(REFERENCE_REGION_FLAG.FLAGGED_AT, f.flaggedAt())
                .execute();
    }

    public void resolveFlag(Tx tx, String code, OffsetDateTime at, String resolution) {
        tx.dsl().update(REFERENCE_REGION_FLAG).set(REFERENCE_REGION_FLAG.RESOLVED_AT, at)
                .set(REFERENCE_REGION_FLAG.RESOLUTION, resolution)
                .where(REFERENCE_REGION_FLAG.CODE.eq(code)).and(REFERENCE_REGION_FLAG.RESOLVED_AT.isNull())
                .execute();
    }

    /** Flags not yet resolved, by code. */
    public List<Flag> openFlags(Tx tx) {
        return tx.dsl().selectFrom(REFERENCE_REGION_FLAG).where(REFERENCE_REGION_FLAG.RESOLVED_AT.isNull())
                .orderBy(REFERENCE_REGION_FLAG.CODE)
                .fetch(r -> new Flag(r.getCode(), r.getProvinceCode(), r.getPackNumber(), r.getHolders(),
                        r.getFlaggedAt(), r.getResolvedAt(), r.getResolution()));
    }

    // ---------------------------------------------------------------- what the province knows of its districts

    /** A district's signed receipt for a pack (V221). */
    public record Receipt(String districtCode, String districtName, int packNumber, String packSha256,
                          OffsetDateTime appliedAt, OffsetDateTime receivedAt, String keyId, String statementSha256,
                          String keptRegions) {
    }

    public void insertReceipt(Tx tx, Receipt r) {
        tx.dsl().insertInto(REFERENCE_PACK_RECEIPT)
                .set(REFERENCE_PACK_RECEIPT.DISTRICT_CODE, r.districtCode())
                .set(REFERENCE_PACK_RECEIPT.DISTRICT_NAME, r.districtName())
                .set(REFERENCE_PACK_RECEIPT.PACK_NUMBER, r.packNumber())
                .set(REFERENCE_PACK_RECEIPT.PACK_SHA256, r.packSha256())
                .set(REFERENCE_PACK_RECEIPT.APPLIED_AT, r.appliedAt())
                .set(REFERENCE_PACK_RECEIPT.RECEIVED_AT, r.receivedAt())
                .set(REFERENCE_PACK_RECEIPT.KEY_ID, r.keyId())
                .set(REFERENCE_PACK_RECEIPT.STATEMENT_SHA256, r.statementSha256())
                .set(REFERENCE_PACK_RECEIPT.KEPT_REGIONS, r.keptRegions())
                .execute();
    }

    /** Every receipt, by district and pack number. */
    public List<Receipt> receipts(Tx tx) {
        return tx.dsl().selectFrom(REFERENCE_PACK_RECEIPT)
                .orderBy(REFERENCE_PACK_RECEIPT.DISTRICT_CODE, REFERENCE_PACK_RECEIPT.PACK_NUMBER)
                .fetch(r -> new Receipt(r.getDistrictCode(), r.getDistrictName(), r.getPackNumber(),
                        r.getPackSha256(), r.getAppliedAt(), r.getReceivedAt(), r.getKeyId(),
                        r.getStatementSha256(), r.getKeptRegions()));
    }

    /** The pack a received district bundle's manifest names. */
    public void markBundle(Tx tx, java.util.UUID bundleId, Integer packNumber) {
        tx.dsl().update(BUNDLE_IMPORT).set(BUNDLE_IMPORT.REFERENCE_PACK_NUMBER, packNumber)
                .where(BUNDLE_IMPORT.BUNDLE_ID.eq(bundleId)).execute();
    }

    /** A district's latest received bundle and the pack its manifest names (null: none named). */
    public record BundlePack(String districtCode, String districtName, long sequence, Integer packNumber,
                             OffsetDateTime importedAt) {
    }

    /** Per district, its highest-sequence district-snapshot bundle received here. */
    public List<BundlePack> latestBundlePacks(Tx tx) {
        var b = BUNDLE_IMPORT;
        var rows = tx.dsl().selectFrom(b).where(b.KIND.eq("district-snapshot"))
                .orderBy(b.ISSUER_CODE, b.SEQUENCE_NO.desc()).fetch();
        java.util.Map<String, BundlePack> out = new java.util.LinkedHashMap<>();
        for (var r : rows) {
            out.putIfAbsent(r.getIssuerCode(), new BundlePack(r.getIssuerCode(), r.getIssuerName(),
                    r.getSequenceNo(), r.getReferencePackNumber(), r.getImportedAt()));
        }
        return List.copyOf(out.values());
    }
}
