package id.lindungdesa.persistence;

import static id.lindungdesa.persistence.jooq.Tables.PROV_ENROLMENT;
import static id.lindungdesa.persistence.jooq.Tables.PROV_ENROLMENT_STATUS;
import static id.lindungdesa.persistence.jooq.Tables.PROV_PERSON;
import static id.lindungdesa.persistence.jooq.Tables.PROV_POST;
import static id.lindungdesa.persistence.jooq.Tables.PROV_REGION;

import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.EndReason;
import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.EnrolmentStatus;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.RegionLevel;
import id.lindungdesa.domain.Segment;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.domain.VillageType;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The province-side copy of district data. Records are keyed by (issuing district, id) and carry the bundle their
 * content came from ({@code source_bundle_id}) and the last bundle that contained them. Writes are batched.
 */
public final class ProvinceRepository {

    /** The table of a record type. */
    public enum Kind { REGION, PERSON, POST, ENROLMENT }

    /** What the province holds for one record: its content hash, whether it is removed, whether it has ended. */
    public record Existing(String hash, boolean deleted, boolean ended) {
    }

    public record Hashed<T>(T value, String hash) {
    }

    private static Table<?> table(Kind k) {
        return switch (k) {
            case REGION -> PROV_REGION;
            case PERSON -> PROV_PERSON;
            case POST -> PROV_POST;
            case ENROLMENT -> PROV_ENROLMENT;
        };
    }

    @SuppressWarnings("unchecked")
    private static Field<Object> key(Kind k) {
        return (Field<Object>) (Field<?>) switch (k) {
            case REGION -> PROV_REGION.CODE;
            case PERSON -> PROV_PERSON.ID;
            case POST -> PROV_POST.ID;
            case ENROLMENT -> PROV_ENROLMENT.ID;
        };
    }

    private static Field<String> district(Kind k) {
        return table(k).field("DISTRICT_CODE", String.class);
    }

    private static Field<UUID> lastSeen(Kind k) {
        return table(k).field("LAST_SEEN_BUNDLE_ID", UUID.class);
    }

    private static Field<UUID> source(Kind k) {
        return table(k).field("SOURCE_BUNDLE_ID", UUID.class);
    }

    private static Field<String> hash(Kind k) {
        return table(k).field("CONTENT_HASH", String.class);
    }

    private static Field<OffsetDateTime> deletedAt(Kind k) {
        return table(k).field("DELETED_AT", OffsetDateTime.class);
    }

    /** Existing records among {@code keys} (UUIDs, or region codes) of a district. */
    public Map<Object, Existing> existing(Tx tx, Kind kind, String districtCode, Collection<?> keys) {
        Map<Object, Existing> out = new HashMap<>();
        if (keys.isEmpty()) return out;
        Field<?> ended = kind == Kind.POST ? PROV_POST.END_DATE : DSL.inline((Object) null);
        Field<?> gone = kind == Kind.REGION ? PROV_REGION.ACTIVE : deletedAt(kind);
        // Look up by id only (the first column of the primary key), then keep this district's rows.
        for (var r : tx.dsl().select(key(kind), hash(kind), gone, ended, district(kind)).from(table(kind))
                .where(key(kind).in(keys)).fetch()) {
            if (!districtCode.equals(r.value5())) continue;
            boolean isDeleted = kind == Kind.REGION ? !Boolean.TRUE.equals(r.value3()) : r.value3() != null;
            out.put(r.value1(), new Existing(r.value2(), isDeleted, r.value4() != null));
        }
        return out;
    }

    /** Marks records as seen in {@code bundle} (unchanged content). */
    public void touch(Tx tx, Kind kind, String districtCode, Collection<?> keys, UUID bundle) {
        if (keys.isEmpty()) return;
        tx.dsl().update(table(kind)).set(lastSeen(kind), bundle)
                .where(district(kind).eq(districtCode)).and(key(kind).in(keys)).execute();
    }

    public void delete(Tx tx, Kind kind, String districtCode, Collection<?> keys) {
        if (keys.isEmpty()) return;
        if (kind == Kind.ENROLMENT) {
            tx.dsl().deleteFrom(PROV_ENROLMENT_STATUS).where(PROV_ENROLMENT_STATUS.DISTRICT_CODE.eq(districtCode))
                    .and(PROV_ENROLMENT_STATUS.ENROLMENT_ID.in(keys)).execute();
        }
        tx.dsl().deleteFrom(table(kind)).where(district(kind).eq(districtCode)).and(key(kind).in(keys)).execute();
    }

    /** Removes the record (tombstone): returns whether it was live. */
    public boolean tombstone(Tx tx, Kind kind, String districtCode, UUID id, OffsetDateTime at, String reason,
                             UUID bundle) {
        var t = table(kind);
        int n = tx.dsl().update(t).set(deletedAt(kind), at)
                .set(t.field("DELETED_REASON", String.class), reason)
                .set(source(kind), bundle).set(lastSeen(kind), bundle)
                .where(district(kind).eq(districtCode)).and(key(kind).eq(id)).and(deletedAt(kind).isNull())
                .execute();
        if (n == 0) touch(tx, kind, districtCode, List.of(id), bundle);
        return n > 0;
    }

    /** Records of a district (live ones) that {@code bundle} did not contain: marked removed; returns how many. */
    public int removeAbsent(Tx tx, Kind kind, String districtCode, UUID bundle, OffsetDateTime at, String reason) {
        var t = table(kind);
        if (kind == Kind.REGION) {
            return tx.dsl().update(PROV_REGION).set(PROV_REGION.ACTIVE, false).set(PROV_REGION.SOURCE_BUNDLE_ID, bundle)
                    .where(PROV_REGION.DISTRICT_CODE.eq(districtCode)).and(PROV_REGION.ACTIVE.isTrue())
                    .and(PROV_REGION.LAST_SEEN_BUNDLE_ID.ne(bundle)).execute();
        }
        return tx.dsl().update(t).set(deletedAt(kind), at).set(t.field("DELETED_REASON", String.class), reason)
                .set(source(kind), bundle)
                .where(district(kind).eq(districtCode)).and(deletedAt(kind).isNull())
                .and(lastSeen(kind).ne(bundle)).execute();
    }

    /** Whether the district has any record of this kind (a first import need not look anything up). */
    public boolean holdsAny(Tx tx, Kind kind, String districtCode) {
        return tx.dsl().fetchExists(tx.dsl().selectOne().from(table(kind)).where(district(kind).eq(districtCode)));
    }

    // ------------------------------------------------------------------ inserts (batched)

    public void insertRegions(Tx tx, String d, List<Hashed<Region>> rows, UUID bundle) {
        if (rows.isEmpty()) return;
        var b = tx.dsl().batch(tx.dsl().insertInto(PROV_REGION, PROV_REGION.DISTRICT_CODE, PROV_REGION.CODE,
                PROV_REGION.NAME, PROV_REGION.LEVEL, PROV_REGION.VILLAGE_TYPE, PROV_REGION.PARENT_CODE,
                PROV_REGION.ACTIVE, PROV_REGION.CONTENT_HASH, PROV_REGION.SOURCE_BUNDLE_ID,
                PROV_REGION.LAST_SEEN_BUNDLE_ID).values((String) null, null, null, null, null, null, null, null, null,
                null));
        for (Hashed<Region> h : rows) {
            Region r = h.value();
            b = b.bind(d, r.code(), r.name(), r.level().name(), r.villageType() == null ? null : r.villageType().name(),
                    r.parentCode(), r.active(), h.hash(), bundle, bundle);
        }
        b.execute();
    }

    public void insertPeople(Tx tx, String d, List<Hashed<Person>> rows, UUID bundle) {
        if (rows.isEmpty()) return;
        var b = tx.dsl().batch(tx.dsl().insertInto(PROV_PERSON, PROV_PERSON.DISTRICT_CODE, PROV_PERSON.ID,
                PROV_PERSON.VERSION, PROV_PERSON.NIK, PROV_PERSON.FULL_NAME, PROV_PERSON.SEX, PROV_PERSON.BIRTH_DATE,
                PROV_PERSON.BIRTH_PLACE, PROV_PERSON.NKK, PROV_PERSON.PHONE, PROV_PERSON.EMPLOYMENT_STATUS,
                PROV_PERSON.HOME_VILLAGE_CODE, PROV_PERSON.CONTENT_HASH, PROV_PERSON.SOURCE_BUNDLE_ID,
                PROV_PERSON.LAST_SEEN_BUNDLE_ID).values((String) null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null));
        for (Hashed<Person> h : rows) {
            Person p = h.value();
            b = b.bind(d, p.id(), p.version(), p.nik(), p.fullName(), p.sex().name(), p.birthDate(), p.birthPlace(),
                    p.nkk(), p.phone(), p.employmentStatus().name(), p.homeVillageCode(), h.hash(), bundle, bundle);
        }
        b.execute();
    }

    public void insertPosts(Tx tx, String d, List<Hashed<Post>> rows, UUID bundle) {
        if (rows.isEmpty()) return;
        var b = tx.dsl().batch(tx.dsl().insertInto(PROV_POST, PROV_POST.DISTRICT_CODE, PROV_POST.ID,
                PROV_POST.VERSION, PROV_POST.PERSON_ID, PROV_POST.VILLAGE_CODE, PROV_POST.CATEGORY,
                PROV_POST.POSITION, PROV_POST.UNIT_LABEL, PROV_POST.SK_NUMBER, PROV_POST.SK_DATE,
                PROV_POST.START_DATE, PROV_POST.PLANNED_END_DATE, PROV_POST.END_DATE, PROV_POST.END_REASON,
                PROV_POST.CONTENT_HASH, PROV_POST.SOURCE_BUNDLE_ID, PROV_POST.LAST_SEEN_BUNDLE_ID)
                .values((String) null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null));
        for (Hashed<Post> h : rows) {
            Post p = h.value();
            b = b.bind(d, p.id(), p.version(), p.personId(), p.villageCode(), p.category().name(), p.position().name(),
                    p.unitLabel(), p.skNumber(), p.skDate(), p.startDate(), p.plannedEndDate(), p.endDate(),
                    p.endReason() == null ? null : p.endReason().name(), h.hash(), bundle, bundle);
        }
        b.execute();
    }

    public void insertEnrolments(Tx tx, String d, List<Hashed<Enrolment>> rows, Map<UUID, List<EnrolmentStatus>> history,
                                 UUID bundle) {
        if (rows.isEmpty()) return;
        var b = tx.dsl().batch(tx.dsl().insertInto(PROV_ENROLMENT, PROV_ENROLMENT.DISTRICT_CODE, PROV_ENROLMENT.ID,
                PROV_ENROLMENT.VERSION, PROV_ENROLMENT.PERSON_ID, PROV_ENROLMENT.POST_ID, PROV_ENROLMENT.KPJ,
                PROV_ENROLMENT.SEGMENT, PROV_ENROLMENT.PROGRAMMES, PROV_ENROLMENT.JKK_RISK_CLASS,
                PROV_ENROLMENT.WAGE_BASE, PROV_ENROLMENT.FUNDING_SOURCE, PROV_ENROLMENT.CONTENT_HASH,
                PROV_ENROLMENT.SOURCE_BUNDLE_ID, PROV_ENROLMENT.LAST_SEEN_BUNDLE_ID)
                .values((String) null, null, null, null, null, null, null, null, null, null, null, null, null, null));
        var sb = tx.dsl().batch(tx.dsl().insertInto(PROV_ENROLMENT_STATUS, PROV_ENROLMENT_STATUS.DISTRICT_CODE,
                PROV_ENROLMENT_STATUS.ID, PROV_ENROLMENT_STATUS.ENROLMENT_ID, PROV_ENROLMENT_STATUS.STATUS,
                PROV_ENROLMENT_STATUS.EFFECTIVE_DATE, PROV_ENROLMENT_STATUS.NOTE, PROV_ENROLMENT_STATUS.RECORDED_AT,
                PROV_ENROLMENT_STATUS.RECORDED_BY, PROV_ENROLMENT_STATUS.SOURCE_BUNDLE_ID)
                .values((String) null, null, null, null, null, null, null, null, null));
        int statuses = 0;
        for (Hashed<Enrolment> h : rows) {
            Enrolment e = h.value();
            b = b.bind(d, e.id(), e.version(), e.personId(), e.postId(), e.kpj(), e.segment().name(),
                    e.programmes().stream().map(Enum::name).collect(Collectors.joining(",")), e.jkkRiskClass(),
                    e.wageBase(), e.fundingSource().name(), h.hash(), bundle, bundle);
            for (EnrolmentStatus s : history.getOrDefault(e.id(), List.of())) {
                sb = sb.bind(d, s.id(), e.id(), s.state().name(), s.effectiveDate(), s.note(), s.recordedAt(),
                        s.recordedBy(), bundle);
                statuses++;
            }
        }
        b.execute();
        if (statuses > 0) sb.execute();
    }

    // ------------------------------------------------------------------ reads for the dashboard

    /** Districts that have records at the province. */
    public List<String> districts(Tx tx) {
        return tx.dsl().selectDistinct(PROV_REGION.DISTRICT_CODE).from(PROV_REGION).orderBy(PROV_REGION.DISTRICT_CODE)
                .fetch(PROV_REGION.DISTRICT_CODE);
    }

    public List<Region> regions(Tx tx, String districtCode) {
        return tx.dsl().selectFrom(PROV_REGION).where(PROV_REGION.DISTRICT_CODE.eq(districtCode))
                .orderBy(PROV_REGION.CODE)
                .fetch(r -> new Region(r.getCode(), r.getName(), RegionLevel.valueOf(r.getLevel()),
                        r.getVillageType() == null ? null : VillageType.valueOf(r.getVillageType()), r.getParentCode(),
                        r.getActive()));
    }

    public List<Person> people(Tx tx, String districtCode) {
        return tx.dsl().selectFrom(PROV_PERSON).where(PROV_PERSON.DISTRICT_CODE.eq(districtCode))
                .and(PROV_PERSON.DELETED_AT.isNull())
                .fetch(r -> new Person(r.getId(), r.getVersion(), r.getNik(), r.getFullName(),
                        Sex.valueOf(r.getSex().strip()), r.getBirthDate(), r.getBirthPlace(), r.getNkk(), r.getPhone(),
                        EmploymentStatus.valueOf(r.getEmploymentStatus()), r.getHomeVillageCode()));
    }

    public List<Post> posts(Tx tx, String districtCode) {
        return tx.dsl().selectFrom(PROV_POST).where(PROV_POST.DISTRICT_CODE.eq(districtCode))
                .and(PROV_POST.DELETED_AT.isNull())
                .fetch(r -> new Post(r.getId(), r.getVersion(), r.getPersonId(), r.getVillageCode(),
                        Position.valueOf(r.getPosition()), r.getUnitLabel(), r.getSkNumber(), r.getSkDate(),
                        r.getStartDate(), r.getPlannedEndDate(), r.getEndDate(),
                        r.getEndReason() == null ? null : EndReason.valueOf(r.getEndReason())));
    }

    public List<Enrolment> enrolments(Tx tx, String districtCode) {
        return tx.dsl().selectFrom(PROV_ENROLMENT).where(PROV_ENROLMENT.DISTRICT_CODE.eq(districtCode))
                .and(PROV_ENROLMENT.DELETED_AT.isNull())
                .fetch(r -> {
                    EnumSet<Programme> ps = EnumSet.noneOf(Programme.class);
                    for (String p : r.getProgrammes().split(",")) if (!p.isBlank()) ps.add(Programme.valueOf(p));
                    return new Enrolment(r.getId(), r.getVersion(), r.getPersonId(), r.getPostId(), r.getKpj(),
                            Segment.valueOf(r.getSegment()), ps, r.getJkkRiskClass(), r.getWageBase(),
                            FundingSource.valueOf(r.getFundingSource()));
                });
    }

    public List<EnrolmentStatus> statuses(Tx tx, String districtCode) {
        return tx.dsl().selectFrom(PROV_ENROLMENT_STATUS).where(PROV_ENROLMENT_STATUS.DISTRICT_CODE.eq(districtCode))
                .orderBy(PROV_ENROLMENT_STATUS.EFFECTIVE_DATE, PROV_ENROLMENT_STATUS.RECORDED_AT)
                .fetch(r -> new EnrolmentStatus(r.getId(), r.getEnrolmentId(), EnrolmentState.valueOf(r.getStatus()),
                        r.getEffectiveDate(), r.getNote(), r.getRecordedAt(), r.getRecordedBy()));
    }

    /** The bundle a record's current content came from (null when unknown). */
    public UUID sourceBundle(Tx tx, Kind kind, String districtCode, Object key) {
        return tx.dsl().select(source(kind)).from(table(kind)).where(district(kind).eq(districtCode))
                .and(key(kind).eq(key)).fetchOne(source(kind));
    }

    public long count(Tx tx, Kind kind) {
        return tx.dsl().fetchCount(table(kind));
    }

}
