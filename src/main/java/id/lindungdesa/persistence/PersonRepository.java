package id.lindungdesa.persistence;

import static id.lindungdesa.persistence.jooq.Tables.PERSON;
import static id.lindungdesa.persistence.jooq.Tables.POST;

import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.persistence.jooq.tables.records.PersonRecord;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.impl.DSL;

/** People (tombstoned people are kept, and hidden from normal reads). */
public final class PersonRepository {

    public void insert(Tx tx, Person p, OffsetDateTime now) {
        PersonRecord r = tx.dsl().newRecord(PERSON);
        fill(r, p);
        r.setId(p.id());
        r.setVersion(p.version());
        r.setCreatedAt(now);
        r.setUpdatedAt(now);
        r.insert();
    }

    /** Batch insert (demo generation, imports): versions as given. */
    public void insertAll(Tx tx, Collection<Person> people, OffsetDateTime now) {
        if (people.isEmpty()) return;
        var batch = tx.dsl().batch(tx.dsl().insertInto(PERSON, PERSON.ID, PERSON.VERSION, PERSON.NIK,
                        PERSON.FULL_NAME, PERSON.SEX, PERSON.BIRTH_DATE, PERSON.BIRTH_PLACE, PERSON.NKK, PERSON.PHONE,
                        PERSON.EMPLOYMENT_STATUS, PERSON.HOME_VILLAGE_CODE, PERSON.CREATED_AT, PERSON.UPDATED_AT)
                .values((UUID) null, null, null, null, null, null, null, null, null, null, null, null, null));
        for (Person p : people) {
            batch = batch.bind(p.id(), p.version(), p.nik(), p.fullName(), p.sex().name(), p.birthDate(), p.birthPlace(),
                    p.nkk(), p.phone(), p.employmentStatus().name(), p.homeVillageCode(), now, now);
        }
        batch.execute();
    }

    /** Updates when the stored version equals {@code p.version()}; returns the record with the new version. */
    public Person update(Tx tx, Person p, OffsetDateTime now) {
        int n = tx.dsl().update(PERSON)
                .set(PERSON.VERSION, p.version() + 1)
                .set(PERSON.NIK, p.nik()).set(PERSON.FULL_NAME, p.fullName()).set(PERSON.SEX, p.sex().name())
                .set(PERSON.BIRTH_DATE, p.birthDate()).set(PERSON.BIRTH_PLACE, p.birthPlace())
                .set(PERSON.NKK, p.nkk()).set(PERSON.PHONE, p.phone())
                .set(PERSON.EMPLOYMENT_STATUS, p.employmentStatus().name())
                .set(PERSON.HOME_VILLAGE_CODE, p.homeVillageCode())
                .set(PERSON.UPDATED_AT, now)
                .where(PERSON.ID.eq(p.id()).and(PERSON.VERSION.eq(p.version())))
                .execute();
        if (n != 1) throw new StaleRecordException(tx, "person", p.id(), p.version());
        return p.withVersion(p.version() + 1);
    }

    public void tombstone(Tx tx, UUID id, int version, String reason, OffsetDateTime now) {
        int n = tx.dsl().update(PERSON).set(PERSON.VERSION, version + 1).set(PERSON.DELETED_AT, now)
                .set(PERSON.DELETED_REASON, reason).set(PERSON.UPDATED_AT, now)
                .where(PERSON.ID.eq(id).and(PERSON.VERSION.eq(version))).execute();
        if (n != 1) throw new StaleRecordException(tx, "person", id, version);
    }

    public Optional<Person> find(Tx tx, UUID id) {
        return tx.dsl().selectFrom(PERSON).where(PERSON.ID.eq(id).and(PERSON.DELETED_AT.isNull()))
                .fetchOptional(PersonRepository::map);
    }

    public List<Person> findByNik(Tx tx, String nik) {
        return tx.dsl().selectFrom(PERSON).where(PERSON.NIK.eq(nik).and(PERSON.DELETED_AT.isNull()))
                .fetch(PersonRepository::map);
    }

    /** People with at least one post in a village within {@code prefix} (or whose home village is there). */
    public List<Person> listWithin(Tx tx, String prefix) {
        var c = PERSON.DELETED_AT.isNull();
        if (prefix != null && !prefix.isEmpty()) {
            c = c.and(DSL.exists(DSL.selectOne().from(POST).where(POST.PERSON_ID.eq(PERSON.ID))
                    .and(PostRepository.villageWithin(prefix)).and(POST.DELETED_AT.isNull()))
                    .or(PostRepository.codeWithin(PERSON.HOME_VILLAGE_CODE, prefix)));
        }
        return tx.dsl().selectFrom(PERSON).where(c).fetch(PersonRepository::map);
    }

    /** People by id (tombstoned ones left out), in chunks so that large sets stay fast. */
    public List<Person> byIds(Tx tx, Collection<UUID> ids) {
        List<Person> out = new java.util.ArrayList<>(ids.size());
        for (List<UUID> chunk : Chunks.of(ids)) {
            out.addAll(tx.dsl().selectFrom(PERSON).where(PERSON.ID.in(chunk)).and(PERSON.DELETED_AT.isNull())
                    .fetch(PersonRepository::map));
        }
        return out;
    }

    /** People whose home village is within {@code prefix} (also those not yet appointed to any post). */
    public List<Person> byHomeVillageWithin(Tx tx, String prefix) {
        return tx.dsl().selectFrom(PERSON)
                .where(PostRepository.codeWithin(PERSON.HOME_VILLAGE_CODE, prefix)).and(PERSON.DELETED_AT.isNull())
                .fetch(PersonRepository::map);
    }

    public int countActive(Tx tx) {
        return tx.dsl().fetchCount(PERSON, PERSON.DELETED_AT.isNull());
    }

    static Person map(PersonRecord r) {
        return new Person(r.getId(), r.getVersion(), r.getNik(), r.getFullName(), Sex.valueOf(r.getSex().strip()),
                r.getBirthDate(), r.getBirthPlace(), r.getNkk(), r.getPhone(),
                EmploymentStatus.valueOf(r.getEmploymentStatus()), r.getHomeVillageCode());
    }

    private static void fill(PersonRecord r, Person p) {
        r.setNik(p.nik());
        r.setFullName(p.fullName());
        r.setSex(p.sex().name());
        r.setBirthDate(p.birthDate());
        r.setBirthPlace(p.birthPlace());
        r.setNkk(p.nkk());
        r.setPhone(p.phone());
        r.setEmploymentStatus(p.employmentStatus().name());
        r.setHomeVillageCode(p.homeVillageCode());
    }
}
