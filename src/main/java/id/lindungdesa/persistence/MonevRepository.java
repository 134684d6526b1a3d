package id.lindungdesa.persistence;

import static id.lindungdesa.persistence.jooq.Tables.MONEV_COVERAGE;
import static id.lindungdesa.persistence.jooq.Tables.MONEV_EVALUATION;
import static id.lindungdesa.persistence.jooq.Tables.MONEV_FOLLOW_UP;
import static id.lindungdesa.persistence.jooq.Tables.MONEV_SCHEDULE;

import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.CategoryCoverage;
import id.lindungdesa.domain.FollowUp;
import id.lindungdesa.domain.MonevEvaluation;
import id.lindungdesa.domain.MonevScheduleItem;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Monev schedules, evaluations with their coverage figures, and follow-up actions. */
public final class MonevRepository {

    // ------------------------------------------------------------------ schedule

    public void insertSchedule(Tx tx, Collection<MonevScheduleItem> items, OffsetDateTime now) {
        for (MonevScheduleItem s : items) {
            tx.dsl().insertInto(MONEV_SCHEDULE).set(MONEV_SCHEDULE.ID, s.id()).set(MONEV_SCHEDULE.VERSION, s.version())
                    .set(MONEV_SCHEDULE.AGREEMENT_ID, s.agreementId()).set(MONEV_SCHEDULE.DUE_DATE, s.dueDate())
                    .set(MONEV_SCHEDULE.EVALUATION_ID, s.evaluationId()).set(MONEV_SCHEDULE.NOTE, s.note())
                    .set(MONEV_SCHEDULE.UPDATED_AT, now).execute();
        }
    }

    public MonevScheduleItem updateSchedule(Tx tx, MonevScheduleItem s, OffsetDateTime now) {
        int n = tx.dsl().update(MONEV_SCHEDULE).set(MONEV_SCHEDULE.VERSION, s.version() + 1)
                .set(MONEV_SCHEDULE.DUE_DATE, s.dueDate()).set(MONEV_SCHEDULE.EVALUATION_ID, s.evaluationId())
                .set(MONEV_SCHEDULE.NOTE, s.note()).set(MONEV_SCHEDULE.UPDATED_AT, now)
                .where(MONEV_SCHEDULE.ID.eq(s.id()).and(MONEV_SCHEDULE.VERSION.eq(s.version()))).execute();
        if (n != 1) throw new StaleRecordException(tx, "monev schedule", s.id(), s.version());
        return findSchedule(tx, s.id()).orElseThrow();
    }

    /** Removes open schedule items of an agreement (before regenerating them). */
    public void deleteOpenSchedule(Tx tx, UUID agreementId) {
        tx.dsl().deleteFrom(MONEV_SCHEDULE).where(MONEV_SCHEDULE.AGREEMENT_ID.eq(agreementId))
                .and(MONEV_SCHEDULE.EVALUATION_ID.isNull()).execute();
    }

    public void deleteScheduleItem(Tx tx, UUID id, int version) {
        int n = tx.dsl().deleteFrom(MONEV_SCHEDULE).where(MONEV_SCHEDULE.ID.eq(id))
                .and(MONEV_SCHEDULE.VERSION.eq(version)).and(MONEV_SCHEDULE.EVALUATION_ID.isNull()).execute();
        if (n != 1) throw new StaleRecordException(tx, "monev schedule", id, version);
    }

    public Optional<MonevScheduleItem> findSchedule(Tx tx, UUID id) {
        return tx.dsl().selectFrom(MONEV_SCHEDULE).where(MONEV_SCHEDULE.ID.eq(id)).fetchOptional(MonevRepository::map);
    }

    /** The schedule of one agreement (null: all), by due date. */
    public List<MonevScheduleItem> schedule(Tx tx, UUID agreementId) {
        var cond = agreementId == null ? MONEV_SCHEDULE.ID.isNotNull() : MONEV_SCHEDULE.AGREEMENT_ID.eq(agreementId);
        return tx.dsl().selectFrom(MONEV_SCHEDULE).where(cond).orderBy(MONEV_SCHEDULE.DUE_DATE)
                .fetch(MonevRepository::map);
    }

    private static MonevScheduleItem map(id.lindungdesa.persistence.jooq.tables.records.MonevScheduleRecord r) {
        return new MonevScheduleItem(r.getId(), r.getVersion(), r.getAgreementId(), r.getDueDate(),
                r.getEvaluationId(), r.getNote());
    }

    // ------------------------------------------------------------------ evaluations

    public void insertEvaluation(Tx tx, MonevEvaluation e, OffsetDateTime now) {
        tx.dsl().insertInto(MONEV_EVALUATION).set(MONEV_EVALUATION.ID, e.id()).set(MONEV_EVALUATION.VERSION, e.version())
                .set(MONEV_EVALUATION.AGREEMENT_ID, e.agreementId()).set(MONEV_EVALUATION.EVAL_DATE, e.date())
                .set(MONEV_EVALUATION.PARTICIPANTS, e.participants()).set(MONEV_EVALUATION.FINDINGS, e.findings())
                .set(MONEV_EVALUATION.CREATED_AT, now).set(MONEV_EVALUATION.UPDATED_AT, now).execute();
        for (CategoryCoverage c : e.coverage()) {
            tx.dsl().insertInto(MONEV_COVERAGE).set(MONEV_COVERAGE.EVALUATION_ID, e.id())
                    .set(MONEV_COVERAGE.CATEGORY, c.category().name()).set(MONEV_COVERAGE.COVERED, c.covered())
                    .set(MONEV_COVERAGE.ELIGIBLE, c.eligible()).execute();
        }
        for (FollowUp f : e.followUps()) insertFollowUp(tx, f, now);
    }

    public void insertFollowUp(Tx tx, FollowUp f, OffsetDateTime now) {
        tx.dsl().insertInto(MONEV_FOLLOW_UP).set(MONEV_FOLLOW_UP.ID, f.id()).set(MONEV_FOLLOW_UP.VERSION, f.version())
                .set(MONEV_FOLLOW_UP.EVALUATION_ID, f.evaluationId()).set(MONEV_FOLLOW_UP.ACTION_TEXT, f.action())
                .set(MONEV_FOLLOW_UP.OWNER, f.owner()).set(MONEV_FOLLOW_UP.DUE_DATE, f.dueDate())
                .set(MONEV_FOLLOW_UP.DONE_DATE, f.doneDate()).set(MONEV_FOLLOW_UP.UPDATED_AT, now).execute();
    }

    public FollowUp setDone(Tx tx, UUID id, int version, LocalDate done, OffsetDateTime now) {
        int n = tx.dsl().update(MONEV_FOLLOW_UP).set(MONEV_FOLLOW_UP.VERSION, version + 1)
                .set(MONEV_FOLLOW_UP.DONE_DATE, done).set(MONEV_FOLLOW_UP.UPDATED_AT, now)
                .where(MONEV_FOLLOW_UP.ID.eq(id).and(MONEV_FOLLOW_UP.VERSION.eq(version))).execute();
        if (n != 1) throw new StaleRecordException(tx, "follow-up", id, version);
        return findFollowUp(tx, id).orElseThrow();
    }

    public Optional<FollowUp> findFollowUp(Tx tx, UUID id) {
        return tx.dsl().selectFrom(MONEV_FOLLOW_UP).where(MONEV_FOLLOW_UP.ID.eq(id))
                .fetchOptional(MonevRepository::mapFollowUp);
    }

    /** Evaluations of one agreement (null: all), newest first, with coverage figures and follow-ups. */
    public List<MonevEvaluation> evaluations(Tx tx, UUID agreementId) {
        var cond = MONEV_EVALUATION.DELETED_AT.isNull();
        if (agreementId != null) cond = cond.and(MONEV_EVALUATION.AGREEMENT_ID.eq(agreementId));
        var rows = tx.dsl().selectFrom(MONEV_EVALUATION).where(cond).orderBy(MONEV_EVALUATION.EVAL_DATE.desc()).fetch();
        if (rows.isEmpty()) return List.of();
        List<UUID> ids = rows.map(r -> r.getId());
        Map<UUID, List<CategoryCoverage>> cov = tx.dsl().selectFrom(MONEV_COVERAGE)
                .where(MONEV_COVERAGE.EVALUATION_ID.in(ids)).fetch().stream()
                .collect(Collectors.groupingBy(r -> r.getEvaluationId(), Collectors.mapping(
                        r -> new CategoryCoverage(Category.valueOf(r.getCategory()), r.getCovered(), r.getEligible()),
                        Collectors.toList())));
        Map<UUID, List<FollowUp>> fus = tx.dsl().selectFrom(MONEV_FOLLOW_UP)
                .where(MONEV_FOLLOW_UP.EVALUATION_ID.in(ids)).orderBy(MONEV_FOLLOW_UP.DUE_DATE).fetch().stream()
                .map(MonevRepository::mapFollowUp)
                .collect(Collectors.groupingBy(FollowUp::evaluationId));
        return rows.map(r -> new MonevEvaluation(r.getId(), r.getVersion(), r.getAgreementId(), r.getEvalDate(),
                r.getParticipants(), r.getFindings(),
                cov.getOrDefault(r.getId(), List.of()).stream()
                        .sorted(java.util.Comparator.comparing(c -> c.category().ordinal())).toList(),
                fus.getOrDefault(r.getId(), List.of())));
    }

    private static FollowUp mapFollowUp(id.lindungdesa.persistence.jooq.tables.records.MonevFollowUpRecord r) {
        return new FollowUp(r.getId(), r.getVersion(), r.getEvaluationId(), r.getActionText(), r.getOwner(),
                r.getDueDate(), r.getDoneDate());
    }
}
