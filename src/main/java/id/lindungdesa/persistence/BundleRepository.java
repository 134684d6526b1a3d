package id.lindungdesa.persistence;

import static id.lindungdesa.persistence.jooq.Tables.BUNDLE_EXPORT;
import static id.lindungdesa.persistence.jooq.Tables.BUNDLE_IMPORT;
import static id.lindungdesa.persistence.jooq.Tables.ENROLMENT;
import static id.lindungdesa.persistence.jooq.Tables.ENROLMENT_STATUS;
import static id.lindungdesa.persistence.jooq.Tables.PERSON;
import static id.lindungdesa.persistence.jooq.Tables.POST;

import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.EnrolmentStatus;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.ReceivedBundle;
import id.lindungdesa.domain.SentBundle;
import id.lindungdesa.persistence.jooq.tables.records.BundleExportRecord;
import id.lindungdesa.persistence.jooq.tables.records.BundleImportRecord;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.HashSet;
import java.util.Set;
import org.jooq.Cursor;
import org.jooq.Record;

/** Bundles sent and received, and streaming reads of a district's records for export. */
public final class BundleRepository {

    // ------------------------------------------------------------------ export reads (cursors, ordered by id)

    /**
     * Ids of the people of a district: holding (or having held) a post in it, or living in it. Read once per export
     * (a district's people fit in memory easily; the records themselves are streamed).
     */
    public Set<UUID> peopleWithin(Tx tx, String prefix) {
        Set<UUID> ids = new HashSet<>(tx.dsl().selectDistinct(POST.PERSON_ID).from(POST)
                .where(PostRepository.villageWithin(prefix)).fetch(POST.PERSON_ID));
        ids.addAll(tx.dsl().select(PERSON.ID).from(PERSON)
                .where(PostRepository.codeWithin(PERSON.HOME_VILLAGE_CODE, prefix)).fetch(PERSON.ID));
        return ids;
    }

    /** Kind of a removed record and its tombstone fields. */
    public record Removed(String type, UUID id, int version, OffsetDateTime deletedAt, String reason) {
    }

    public void forEachPerson(Tx tx, Set<UUID> people, Consumer<Person> out) {
        try (Cursor<? extends Record> c = tx.dsl().selectFrom(PERSON)
                .where(PERSON.DELETED_AT.isNull()).orderBy(PERSON.ID).fetchLazy()) {
            for (Record r : c) {
                if (people.contains(r.get(PERSON.ID))) out.accept(PersonRepository.map(r.into(PERSON)));
            }
        }
    }

    public void forEachPost(Tx tx, String prefix, Consumer<Post> out) {
        try (Cursor<? extends Record> c = tx.dsl().selectFrom(POST)
                .where(POST.DELETED_AT.isNull()).and(PostRepository.villageWithin(prefix)).orderBy(POST.ID)
                .fetchLazy()) {
            for (Record r : c) out.accept(PostRepository.map(r.into(POST)));
        }
    }

    /** Enrolments (not removed) of {@code people}, each with its status history in order (a merge of two cursors). */
    public void forEachEnrolment(Tx tx, Set<UUID> people,
                                 java.util.function.BiConsumer<Enrolment, List<EnrolmentStatus>> out) {
        try (Cursor<? extends Record> ec = tx.dsl().selectFrom(ENROLMENT)
                     .where(ENROLMENT.DELETED_AT.isNull()).orderBy(ENROLMENT.ID).fetchLazy();
             Cursor<? extends Record> sc = tx.dsl().selectFrom(ENROLMENT_STATUS)
                     .orderBy(ENROLMENT_STATUS.ENROLMENT_ID, ENROLMENT_STATUS.EFFECTIVE_DATE,
                             ENROLMENT_STATUS.RECORDED_AT, ENROLMENT_STATUS.ID)
                     .fetchLazy()) {
            EnrolmentStatus pending = sc.hasNext() ? EnrolmentRepository.mapStatus(sc.fetchNext().into(ENROLMENT_STATUS)) : null;
            for (Record r : ec) {
                Enrolment e = EnrolmentRepository.map(r.into(ENROLMENT));
                List<EnrolmentStatus> h = new ArrayList<>(4);
                while (pending != null && pending.enrolmentId().compareTo(e.id()) < 0) {
                    pending = sc.hasNext() ? EnrolmentRepository.mapStatus(sc.fetchNext().into(ENROLMENT_STATUS)) : null;
                }
                while (pending != null && pending.enrolmentId().equals(e.id())) {
                    h.add(pending);
                    pending = sc.hasNext() ? EnrolmentRepository.mapStatus(sc.fetchNext().into(ENROLMENT_STATUS)) : null;
                }
                if (people.contains(e.personId())) out.accept(e, h);
            }
        }
    }

    /** Removed people, posts and enrolments of a district. */
    public void forEachRemoved(Tx tx, String prefix, Set<UUID> people, Consumer<Removed> out) {
        try (var c = tx.dsl().select(PERSON.ID, PERSON.VERSION, PERSON.DELETED_AT, PERSON.DELETED_REASON).from(PERSON)
                .where(PERSON.DELETED_AT.isNotNull()).orderBy(PERSON.ID).fetchLazy()) {
            for (var r : c) {
                if (people.contains(r.value1())) {
                    out.accept(new Removed("person", r.value1(), r.value2(), r.value3(), r.value4()));
                }
            }
        }
        try (var c = tx.dsl().select(POST.ID, POST.VERSION, POST.DELETED_AT, POST.DELETED_REASON).from(POST)
                .where(POST.DELETED_AT.isNotNull()).and(PostRepository.villageWithin(prefix)).orderBy(POST.ID)
                .fetchLazy()) {
            for (var r : c) out.accept(new Removed("post", r.value1(), r.value2(), r.value3(), r.value4()));
        }
        try (var c = tx.dsl().select(ENROLMENT.ID, ENROLMENT.VERSION, ENROLMENT.DELETED_AT, ENROLMENT.DELETED_REASON,
                        ENROLMENT.PERSON_ID).from(ENROLMENT).where(ENROLMENT.DELETED_AT.isNotNull())
                .orderBy(ENROLMENT.ID).fetchLazy()) {
            for (var r : c) {
                if (people.contains(r.value5())) {
                    out.accept(new Removed("enrolment", r.value1(), r.value2(), r.value3(), r.value4()));
                }
            }
        }
    }

    // ------------------------------------------------------------------ sent bundles

    public Optional<SentBundle> lastSent(Tx tx, String kind) {
        return tx.dsl().selectFrom(BUNDLE_EXPORT).where(BUNDLE_EXPORT.KIND.eq(kind))
                .orderBy(BUNDLE_EXPORT.SEQUENCE_NO.desc()).limit(1).fetchOptional(BundleRepository::map);
    }

    public List<SentBundle> sent(Tx tx) {
        return tx.dsl().selectFrom(BUNDLE_EXPORT).orderBy(BUNDLE_EXPORT.SEQUENCE_NO.desc()).fetch(BundleRepository::map);
    }

    public Optional<SentBundle> sent(Tx tx, UUID id) {
        return tx.dsl().selectFrom(BUNDLE_EXPORT).where(BUNDLE_EXPORT.BUNDLE_ID.eq(id))
                .fetchOptional(BundleRepository::map);
    }

    public void insertSent(Tx tx, SentBundle b) {
        tx.dsl().insertInto(BUNDLE_EXPORT)
                .set(BUNDLE_EXPORT.BUNDLE_ID, b.bundleId()).set(BUNDLE_EXPORT.KIND, b.kind())
                .set(BUNDLE_EXPORT.SEQUENCE_NO, b.sequence()).set(BUNDLE_EXPORT.KEY_ID, b.keyId())
                .set(BUNDLE_EXPORT.STATEMENT_SHA256, b.statementSha256())
                .set(BUNDLE_EXPORT.PAYLOAD_SHA256, b.payloadSha256()).set(BUNDLE_EXPORT.PAYLOAD_SIZE, b.payloadSize())
                .set(BUNDLE_EXPORT.PERIOD_LABEL, b.periodLabel()).set(BUNDLE_EXPORT.CREATED_AT, b.createdAt())
                .set(BUNDLE_EXPORT.FILE_NAME, b.fileName()).set(BUNDLE_EXPORT.COUNTS_JSON, b.countsJson())
                .set(BUNDLE_EXPORT.ROTATION_KEY_ID, b.rotationKeyId())
                .execute();
    }

    public void markDelivered(Tx tx, UUID id, OffsetDateTime at, String office, String receiptJson) {
        tx.dsl().update(BUNDLE_EXPORT).set(BUNDLE_EXPORT.DELIVERED_AT, at).set(BUNDLE_EXPORT.RECEIPT_OFFICE, office)
                .set(BUNDLE_EXPORT.RECEIPT_JSON, receiptJson).where(BUNDLE_EXPORT.BUNDLE_ID.eq(id)).execute();
    }

    private static SentBundle map(BundleExportRecord r) {
        return new SentBundle(r.getBundleId(), r.getKind(), r.getSequenceNo(), r.getKeyId(), r.getStatementSha256(),
                r.getPayloadSha256(), r.getPayloadSize(), r.getPeriodLabel(), r.getCreatedAt(), r.getFileName(),
                r.getCountsJson(), r.getRotationKeyId(), r.getDeliveredAt(), r.getReceiptOffice());
    }

    // ------------------------------------------------------------------ received bundles

    public Optional<ReceivedBundle> received(Tx tx, UUID id) {
        return tx.dsl().selectFrom(BUNDLE_IMPORT).where(BUNDLE_IMPORT.BUNDLE_ID.eq(id))
                .fetchOptional(BundleRepository::map);
    }

    public Optional<ReceivedBundle> lastReceived(Tx tx, String issuerCode, String kind) {
        return tx.dsl().selectFrom(BUNDLE_IMPORT).where(BUNDLE_IMPORT.ISSUER_CODE.eq(issuerCode))
                .and(BUNDLE_IMPORT.KIND.eq(kind)).orderBy(BUNDLE_IMPORT.SEQUENCE_NO.desc()).limit(1)
                .fetchOptional(BundleRepository::map);
    }

    public List<ReceivedBundle> receivedAll(Tx tx) {
        return tx.dsl().selectFrom(BUNDLE_IMPORT).orderBy(BUNDLE_IMPORT.IMPORTED_AT.desc(),
                BUNDLE_IMPORT.ISSUER_CODE).fetch(BundleRepository::map);
    }

    public void insertReceived(Tx tx, ReceivedBundle b) {
        tx.dsl().insertInto(BUNDLE_IMPORT)
                .set(BUNDLE_IMPORT.BUNDLE_ID, b.bundleId()).set(BUNDLE_IMPORT.KIND, b.kind())
                .set(BUNDLE_IMPORT.ISSUER_CODE, b.issuerCode()).set(BUNDLE_IMPORT.ISSUER_NAME, b.issuerName())
                .set(BUNDLE_IMPORT.ISSUER_LEVEL, b.issuerLevel().name()).set(BUNDLE_IMPORT.SEQUENCE_NO, b.sequence())
                .set(BUNDLE_IMPORT.KEY_ID, b.keyId()).set(BUNDLE_IMPORT.STATEMENT_SHA256, b.statementSha256())
                .set(BUNDLE_IMPORT.PREVIOUS_SHA256, b.previousSha256())
                .set(BUNDLE_IMPORT.PAYLOAD_SHA256, b.payloadSha256()).set(BUNDLE_IMPORT.PERIOD_LABEL, b.periodLabel())
                .set(BUNDLE_IMPORT.CREATED_AT, b.createdAt()).set(BUNDLE_IMPORT.IMPORTED_AT, b.importedAt())
                .set(BUNDLE_IMPORT.IMPORTED_BY, b.importedBy()).set(BUNDLE_IMPORT.FILE_NAME, b.fileName())
                .set(BUNDLE_IMPORT.COUNTS_JSON, b.countsJson()).set(BUNDLE_IMPORT.WARNINGS, b.warnings())
                .execute();
    }

    /** The issuer's audit head stated in a bundle ({@code table}: bundle_export or bundle_import). */
    public void setAuditHead(Tx tx, String table, UUID id, long count, String mac) {
        if ("bundle_export".equals(table)) {
            tx.dsl().update(BUNDLE_EXPORT).set(BUNDLE_EXPORT.AUDIT_COUNT, count).set(BUNDLE_EXPORT.AUDIT_HEAD, mac)
                    .where(BUNDLE_EXPORT.BUNDLE_ID.eq(id)).execute();
        } else {
            tx.dsl().update(BUNDLE_IMPORT).set(BUNDLE_IMPORT.AUDIT_COUNT, count).set(BUNDLE_IMPORT.AUDIT_HEAD, mac)
                    .where(BUNDLE_IMPORT.BUNDLE_ID.eq(id)).execute();
        }
    }

    /** The audit head stated in the last bundle received from {@code issuerCode} before {@code sequence}. */
    public Optional<long[]> previousAuditCount(Tx tx, String issuerCode, String kind, long sequence) {
        return tx.dsl().select(BUNDLE_IMPORT.AUDIT_COUNT, BUNDLE_IMPORT.SEQUENCE_NO).from(BUNDLE_IMPORT)
                .where(BUNDLE_IMPORT.ISSUER_CODE.eq(issuerCode)).and(BUNDLE_IMPORT.KIND.eq(kind))
                .and(BUNDLE_IMPORT.SEQUENCE_NO.lt(sequence)).and(BUNDLE_IMPORT.AUDIT_COUNT.isNotNull())
                .orderBy(BUNDLE_IMPORT.SEQUENCE_NO.desc()).limit(1)
                .fetchOptional(r -> new long[] {r.value1(), r.value2()});
    }

    /** Stores the signed receipt of an applied bundle (same transaction as the import). */
    public void storeReceipt(Tx tx, UUID id, String receiptJson) {
        tx.dsl().update(BUNDLE_IMPORT).set(BUNDLE_IMPORT.RECEIPT_JSON, receiptJson)
                .where(BUNDLE_IMPORT.BUNDLE_ID.eq(id)).execute();
    }

    /** Where the receipt file was last written. */
    public void receiptWritten(Tx tx, UUID id, String file) {
        tx.dsl().update(BUNDLE_IMPORT).set(BUNDLE_IMPORT.RECEIPT_FILE, file)
                .where(BUNDLE_IMPORT.BUNDLE_ID.eq(id)).execute();
    }

    /** The stored signed receipt (empty for bundles imported before receipts were kept, or unknown ids). */
    public Optional<String> receiptJson(Tx tx, UUID id) {
        return tx.dsl().select(BUNDLE_IMPORT.RECEIPT_JSON).from(BUNDLE_IMPORT).where(BUNDLE_IMPORT.BUNDLE_ID.eq(id))
                .fetchOptional(BUNDLE_IMPORT.RECEIPT_JSON).filter(java.util.Objects::nonNull);
    }

    /** Where the receipt file of a received bundle was last written (null: never). */
    public Optional<String> receiptFile(Tx tx, UUID id) {
        return tx.dsl().select(BUNDLE_IMPORT.RECEIPT_FILE).from(BUNDLE_IMPORT).where(BUNDLE_IMPORT.BUNDLE_ID.eq(id))
                .fetchOptional(BUNDLE_IMPORT.RECEIPT_FILE).filter(java.util.Objects::nonNull);
    }

    private static ReceivedBundle map(BundleImportRecord r) {
        return new ReceivedBundle(r.getBundleId(), r.getKind(), r.getIssuerCode(), r.getIssuerName(),
                OfficeLevel.valueOf(r.getIssuerLevel()), r.getSequenceNo(), r.getKeyId(), r.getStatementSha256(),
                r.getPreviousSha256(), r.getPayloadSha256(), r.getPeriodLabel(), r.getCreatedAt(), r.getImportedAt(),
                r.getImportedBy(), r.getFileName(), r.getCountsJson(), r.getWarnings());
    }
}
