package id.lindungdesa.persistence;

import static id.lindungdesa.persistence.jooq.Tables.REGION;
import static id.lindungdesa.persistence.jooq.Tables.REGION_HISTORY;

import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.RegionLevel;
import id.lindungdesa.domain.VillageType;
import id.lindungdesa.persistence.jooq.tables.records.RegionRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** Region codes with their history (nothing is ever deleted). */
public final class RegionRepository {

    static Condition within(String prefix) {
        if (prefix == null || prefix.isEmpty()) return DSL.trueCondition();
        return REGION.CODE.eq(prefix).or(REGION.CODE.startsWith(prefix + "."));
    }

    public List<Region> listWithin(Tx tx, String prefix, boolean includeRetired) {
        Condition c = within(prefix);
        if (!includeRetired) c = c.and(REGION.ACTIVE.isTrue());
        return tx.dsl().selectFrom(REGION).where(c).orderBy(REGION.CODE).fetch(RegionRepository::map);
    }

    public Optional<Region> find(Tx tx, String code) {
        return tx.dsl().selectFrom(REGION).where(REGION.CODE.eq(code)).fetchOptional(RegionRepository::map);
    }

    public void insert(Tx tx, Region r, OffsetDateTime now) {
        tx.dsl().insertInto(REGION)
                .set(REGION.CODE, r.code()).set(REGION.NAME, r.name()).set(REGION.LEVEL, r.level().name())
                .set(REGION.VILLAGE_TYPE, r.villageType() == null ? null : r.villageType().name())
                .set(REGION.PARENT_CODE, r.parentCode()).set(REGION.ACTIVE, r.active())
                .set(REGION.FIRST_SEEN_AT, now)
                .execute();
    }

    /** Batch insert for large region lists. */
    public void insertAll(Tx tx, List<Region> regions, OffsetDateTime now) {
        var batch = tx.dsl().batch(tx.dsl().insertInto(REGION, REGION.CODE, REGION.NAME, REGION.LEVEL,
                        REGION.VILLAGE_TYPE, REGION.PARENT_CODE, REGION.ACTIVE, REGION.FIRST_SEEN_AT)
                .values((String) null, null, null, null, null, null, null));
        for (Region r : regions) {
            batch = batch.bind(r.code(), r.name(), r.level().name(), r.villageType() == null ? null : r.villageType().name(),
                    r.parentCode(), r.active(), now);
        }
        if (!regions.isEmpty()) batch.execute();
    }

    public void rename(Tx tx, String code, String name) {
        tx.dsl().update(REGION).set(REGION.NAME, name).where(REGION.CODE.eq(code)).execute();
    }

    public void setActive(Tx tx, String code, boolean active, OffsetDateTime now) {
        tx.dsl().update(REGION).set(REGION.ACTIVE, active).set(REGION.RETIRED_AT, active ? null : now)
                .where(REGION.CODE.eq(code)).execute();
    }

    public void history(Tx tx, String code, String type, String oldName, String newName, OffsetDateTime at,
                        String source) {
        tx.dsl().insertInto(REGION_HISTORY)
                .set(REGION_HISTORY.CODE, code).set(REGION_HISTORY.CHANGE_TYPE, type)
                .set(REGION_HISTORY.OLD_NAME, oldName).set(REGION_HISTORY.NEW_NAME, newName)
                .set(REGION_HISTORY.CHANGED_AT, at).set(REGION_HISTORY.SOURCE_FILE, source)
                .execute();
    }

    /** Batch of ADDED history rows for newly inserted regions. */
    public void historyAdded(Tx tx, List<Region> regions, OffsetDateTime at, String source) {
        if (regions.isEmpty()) return;
        var batch = tx.dsl().batch(tx.dsl().insertInto(REGION_HISTORY, REGION_HISTORY.CODE,
                        REGION_HISTORY.CHANGE_TYPE, REGION_HISTORY.NEW_NAME, REGION_HISTORY.CHANGED_AT,
                        REGION_HISTORY.SOURCE_FILE)
                .values((String) null, null, null, null, null));
        for (Region r : regions) batch = batch.bind(r.code(), "ADDED", r.name(), at, source);
        batch.execute();
    }

    /** Record of a code's changes: change type, old and new name, when. */
    public record HistoryEntry(String code, String changeType, String oldName, String newName, OffsetDateTime at) {
    }

    public List<HistoryEntry> historyOf(Tx tx, String code) {
        return tx.dsl().selectFrom(REGION_HISTORY).where(REGION_HISTORY.CODE.eq(code))
                .orderBy(REGION_HISTORY.ID)
                .fetch(r -> new HistoryEntry(r.getCode(), r.getChangeType(), r.getOldName(), r.getNewName(),
                        r.getChangedAt()));
    }

    public int countVillages(Tx tx, String prefix, VillageType type) {
        return tx.dsl().fetchCount(REGION, within(prefix).and(REGION.ACTIVE.isTrue())
                .and(REGION.VILLAGE_TYPE.eq(type.name())));
    }

    public int countLevel(Tx tx, String prefix, RegionLevel level) {
        return tx.dsl().fetchCount(REGION, within(prefix).and(REGION.ACTIVE.isTrue())
                .and(REGION.LEVEL.eq(level.name())));
    }

    static Region map(RegionRecord r) {
        return new Region(r.getCode(), r.getName(), RegionLevel.valueOf(r.getLevel()),
                r.getVillageType() == null ? null : VillageType.valueOf(r.getVillageType()), r.getParentCode(),
                r.getActive());
    }
}
