package id.lindungdesa.persistence;

import static id.lindungdesa.persistence.jooq.Tables.FIELD_PACKAGE;
import static id.lindungdesa.persistence.jooq.Tables.FIELD_PACKAGE_RECORD;

import id.lindungdesa.domain.FieldPackage;
import id.lindungdesa.persistence.jooq.tables.records.FieldPackageRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Field packages issued by the district and the record versions each carried (issue 15). */
public final class FieldRepository {

    public void insertPackage(Tx tx, FieldPackage p) {
        tx.dsl().insertInto(FIELD_PACKAGE)
                .set(FIELD_PACKAGE.PACKAGE_ID, p.packageId()).set(FIELD_PACKAGE.SEQUENCE, p.sequence())
                .set(FIELD_PACKAGE.KECAMATAN_CODE, p.kecamatanCode())
                .set(FIELD_PACKAGE.OFFICER_KEY_ID, p.officerKeyId()).set(FIELD_PACKAGE.OFFICER_NAME, p.officerName())
                .set(FIELD_PACKAGE.RECIPIENT_KEY_ID, p.recipientKeyId())
                .set(FIELD_PACKAGE.SIGNING_KEY_ID, p.signingKeyId())
                .set(FIELD_PACKAGE.STATEMENT_SHA256, p.statementSha256())
                .set(FIELD_PACKAGE.PAYLOAD_SHA256, p.payloadSha256()).set(FIELD_PACKAGE.PAYLOAD_SIZE, p.payloadSize())
                .set(FIELD_PACKAGE.COUNTS_JSON, p.countsJson()).set(FIELD_PACKAGE.FILE_NAME, p.fileName())
                .set(FIELD_PACKAGE.ISSUED_AT, p.issuedAt()).set(FIELD_PACKAGE.ISSUED_BY, p.issuedBy())
                .set(FIELD_PACKAGE.STATE, p.state().name())
                .execute();
    }

    /** Records the version of every record the package carried: entity -> (id -> version). */
    public void insertRecords(Tx tx, UUID packageId, Map<String, Map<UUID, Integer>> versions) {
        var batch = tx.dsl().batch(tx.dsl().insertInto(FIELD_PACKAGE_RECORD, FIELD_PACKAGE_RECORD.PACKAGE_ID,
                FIELD_PACKAGE_RECORD.ENTITY, FIELD_PACKAGE_RECORD.RECORD_ID, FIELD_PACKAGE_RECORD.VERSION)
                .values((UUID) null, null, null, null));
        int n = 0;
        for (var e : versions.entrySet()) {
            for (var r : e.getValue().entrySet()) {
                batch = batch.bind(packageId, e.getKey(), r.getKey(), r.getValue());
                if (++n % 500 == 0) {
                    batch.execute();
                    batch = tx.dsl().batch(tx.dsl().insertInto(FIELD_PACKAGE_RECORD, FIELD_PACKAGE_RECORD.PACKAGE_ID,
                            FIELD_PACKAGE_RECORD.ENTITY, FIELD_PACKAGE_RECORD.RECORD_ID,
                            FIELD_PACKAGE_RECORD.VERSION).values((UUID) null, null, null, null));
                }
            }
        }
        if (n % 500 != 0) batch.execute();
    }

    public Optional<FieldPackage> lastPackage(Tx tx) {
        return tx.dsl().selectFrom(FIELD_PACKAGE).orderBy(FIELD_PACKAGE.SEQUENCE.desc()).limit(1)
                .fetchOptional(FieldRepository::map);
    }

    public Optional<FieldPackage> findPackage(Tx tx, UUID id) {
        return tx.dsl().selectFrom(FIELD_PACKAGE).where(FIELD_PACKAGE.PACKAGE_ID.eq(id))
                .fetchOptional(FieldRepository::map);
    }

    /** Every package issued, newest first. */
    public List<FieldPackage> packages(Tx tx) {
        return tx.dsl().selectFrom(FIELD_PACKAGE).orderBy(FIELD_PACKAGE.SEQUENCE.desc()).fetch(FieldRepository::map);
    }

    /** The version a package carried of one record, if it carried it. */
    public Optional<Integer> versionIn(Tx tx, UUID packageId, String entity, UUID recordId) {
        return tx.dsl().select(FIELD_PACKAGE_RECORD.VERSION).from(FIELD_PACKAGE_RECORD)
                .where(FIELD_PACKAGE_RECORD.PACKAGE_ID.eq(packageId)).and(FIELD_PACKAGE_RECORD.ENTITY.eq(entity))
                .and(FIELD_PACKAGE_RECORD.RECORD_ID.eq(recordId)).fetchOptional(FIELD_PACKAGE_RECORD.VERSION);
    }

    public int recordCount(Tx tx, UUID packageId) {
        return tx.dsl().fetchCount(FIELD_PACKAGE_RECORD, FIELD_PACKAGE_RECORD.PACKAGE_ID.eq(packageId));
    }

    private static FieldPackage map(FieldPackageRecord r) {
        return new FieldPackage(r.getPackageId(), r.getSequence(), r.getKecamatanCode(), r.getOfficerKeyId(),
                r.getOfficerName(), r.getRecipientKeyId(), r.getSigningKeyId(), r.getStatementSha256(),
                r.getPayloadSha256(), r.getPayloadSize(), r.getCountsJson(), r.getFileName(), r.getIssuedAt(),
                r.getIssuedBy(), FieldPackage.State.valueOf(r.getState()));
    }
}
