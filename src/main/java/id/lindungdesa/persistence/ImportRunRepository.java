package id.lindungdesa.persistence;

import static id.lindungdesa.persistence.jooq.Tables.ENROLMENT;
import static id.lindungdesa.persistence.jooq.Tables.ENROLMENT_STATUS;
import static id.lindungdesa.persistence.jooq.Tables.IMPORT_ROW;
import static id.lindungdesa.persistence.jooq.Tables.IMPORT_RUN;
import static id.lindungdesa.persistence.jooq.Tables.PERSON;
import static id.lindungdesa.persistence.jooq.Tables.POST;

import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.EnrolmentStatus;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Post;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Applied roster imports (the receipts) and the file rows each one wrote (issue 4). */
public final class ImportRunRepository {

    /** An applied import. */
    public record Run(UUID id, String fileName, String fileSha256, String sheetName, OffsetDateTime appliedAt,
                      String actor, int rowsNew, int rowsChanged, int rowsUnchanged, int rowsRefused,
                      String rowsSha256) {
    }

    /** A file row that created or changed records. */
    public record Row(int rowNo, String result, UUID personId, UUID postId, String villageCode, String changes) {
    }

    public void insert(Tx tx, Run r) {
        tx.dsl().insertInto(IMPORT_RUN)
                .set(IMPORT_RUN.ID, r.id()).set(IMPORT_RUN.FILE_NAME, r.fileName())
                .set(IMPORT_RUN.FILE_SHA256, r.fileSha256()).set(IMPORT_RUN.SHEET_NAME, r.sheetName())
                .set(IMPORT_RUN.APPLIED_AT, r.appliedAt()).set(IMPORT_RUN.ACTOR, r.actor())
                .set(IMPORT_RUN.ROWS_NEW, r.rowsNew()).set(IMPORT_RUN.ROWS_CHANGED, r.rowsChanged())
                .set(IMPORT_RUN.ROWS_UNCHANGED, r.rowsUnchanged()).set(IMPORT_RUN.ROWS_REFUSED, r.rowsRefused())
                .set(IMPORT_RUN.ROWS_SHA256, r.rowsSha256())
                .execute();
    }

    public void insertRows(Tx tx, UUID runId, Collection<Row> rows) {
        if (rows.isEmpty()) return;
        var batch = tx.dsl().batch(tx.dsl().insertInto(IMPORT_ROW, IMPORT_ROW.RUN_ID, IMPORT_ROW.ROW_NO,
                        IMPORT_ROW.RESULT, IMPORT_ROW.PERSON_ID, IMPORT_ROW.POST_ID, IMPORT_ROW.VILLAGE_CODE,
                        IMPORT_ROW.CHANGES)
                .values((UUID) null, null, null, null, null, null, null));
        for (Row r : rows) {
            batch = batch.bind(runId, r.rowNo(), r.result(), r.personId(), r.postId(), r.villageCode(), r.changes());
        }
        batch.execute();
    }

    public List<Run> runs(Tx tx) {
        return tx.dsl().selectFrom(IMPORT_RUN).orderBy(IMPORT_RUN.APPLIED_AT.desc())
                .fetch(r -> new Run(r.getId(), r.getFileName(), r.getFileSha256(), r.getSheetName(), r.getAppliedAt(),
                        r.getActor(), r.getRowsNew(), r.getRowsChanged(), r.getRowsUnchanged(), r.getRowsRefused(),
                        r.getRowsSha256()));
    }

    public List<Row> rows(Tx tx, UUID runId) {
        return tx.dsl().selectFrom(IMPORT_ROW).where(IMPORT_ROW.RUN_ID.eq(runId)).orderBy(IMPORT_ROW.ROW_NO)
                .fetch(r -> new Row(r.getRowNo(), r.getResult(), r.getPersonId(), r.getPostId(), r.getVillageCode(),
                        r.getChanges()));
    }

    // ------------------------------------------------------------------ what an import compares against

    /** Every person not tombstoned (an import matches NIKs across the whole database). */
    public List<Person> allPeople(Tx tx) {
        return tx.dsl().selectFrom(PERSON).where(PERSON.DELETED_AT.isNull()).fetch(PersonRepository::map);
    }

    /** Every post not tombstoned, ended or not (an import tells current posts from ended ones by date). */
    public List<Post> allPosts(Tx tx) {
        return tx.dsl().selectFrom(POST).where(POST.DELETED_AT.isNull()).fetch(PostRepository::map);
    }

    /** Every post not tombstoned and not ended. */
    public List<Post> currentPosts(Tx tx) {
        return tx.dsl().selectFrom(POST).where(POST.DELETED_AT.isNull().and(POST.END_DATE.isNull()))
                .fetch(PostRepository::map);
    }

    public List<Enrolment> allEnrolments(Tx tx) {
        return tx.dsl().selectFrom(ENROLMENT).where(ENROLMENT.DELETED_AT.isNull()).fetch(EnrolmentRepository::map);
    }

    /** All status steps, in order of effective date then recording time. */
    public List<EnrolmentStatus> allStatuses(Tx tx) {
        return tx.dsl().selectFrom(ENROLMENT_STATUS)
                .orderBy(ENROLMENT_STATUS.EFFECTIVE_DATE, ENROLMENT_STATUS.RECORDED_AT)
                .fetch(EnrolmentRepository::mapStatus);
    }
}
