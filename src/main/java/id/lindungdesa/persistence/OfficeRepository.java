package id.lindungdesa.persistence;

import static id.lindungdesa.persistence.jooq.Tables.OFFICE;
import static id.lindungdesa.persistence.jooq.Tables.SETTING;

import id.lindungdesa.domain.Office;
import id.lindungdesa.domain.OfficeLevel;
import java.util.Optional;

/** The office row and simple key/value settings. */
public final class OfficeRepository {

    public Optional<Office> find(Tx tx) {
        return tx.dsl().selectFrom(OFFICE).fetchOptional()
                .map(r -> new Office(r.getId(), OfficeLevel.valueOf(r.getLevel()), r.getRegionCode(), r.getName(),
                        r.getClerkName(), r.getCreatedAt()));
    }

    public void insert(Tx tx, Office o) {
        tx.dsl().insertInto(OFFICE)
                .set(OFFICE.ID, o.id()).set(OFFICE.LEVEL, o.level().name()).set(OFFICE.REGION_CODE, o.regionCode())
                .set(OFFICE.NAME, o.name()).set(OFFICE.CLERK_NAME, o.clerkName()).set(OFFICE.CREATED_AT, o.createdAt())
                .execute();
    }

    public void updateClerk(Tx tx, String clerk) {
        tx.dsl().update(OFFICE).set(OFFICE.CLERK_NAME, clerk).execute();
    }

    public Optional<String> setting(Tx tx, String key) {
        return tx.dsl().select(SETTING.SVALUE).from(SETTING).where(SETTING.SKEY.eq(key)).fetchOptional(SETTING.SVALUE);
    }

    public void putSetting(Tx tx, String key, String value) {
        tx.dsl().mergeInto(SETTING).using(org.jooq.impl.DSL.selectOne())
                .on(SETTING.SKEY.eq(key))
                .whenMatchedThenUpdate().set(SETTING.SVALUE, value)
                .whenNotMatchedThenInsert(SETTING.SKEY, SETTING.SVALUE).values(key, value)
                .execute();
    }
}
