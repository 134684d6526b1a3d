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
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
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

    /*
     * The inserts are plain JDBC batches on the transaction's connection (decision 0200): one prepared statement per
     * batch of 500 rows, values set by position. jOOQ's batch binding cost about a third of the insert time at the
     * national scale (an Object[] and a conversion per value); the SQL is the same portable INSERT.
     */

    /** Sets the values of one row: called once per row with the statement and the row. */
    private interface Row<T> {
        void set(PreparedStatement ps, T row) throws SQLException;
    }

    private static <T> void batch(Tx tx, String sql, List<T> rows, Row<T> row) {
        if (rows.isEmpty()) return;
        tx.dsl().connection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (T r : rows) {
                    row.set(ps, r);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    private static void setString(PreparedStatement ps, int i, String v) throws SQLException {
        if (v == null) ps.setNull(i, Types.VARCHAR);
        else ps.setString(i, v);
    }

    private static void setDate(PreparedStatement ps, int i, java.time.LocalDate v) throws SQLException {
        if (v == null) ps.setNull(i, Types.DATE);
        else ps.setObject(i, v);
    }

    private static void setUuid(PreparedStatement ps, int i, UUID v) throws SQLException {
        if (v == null) ps.setNull(i, Types.OTHER);
        else ps.setObject(i, v);
    }

    public void insertRegions(Tx tx, String d, List<Hashed<Region>> rows, UUID bundle) {
        batch(tx, "INSERT INTO prov_region (district_code, code, name, level, village_type, parent_code, active,"
                + " content_hash, source_bundle_id, last_seen_bundle_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows,
                (ps, h) -> {
                    Region r = h.value();
                    ps.setString(1, d);
                    ps.setString(2, r.code());
                    ps.setString(3, r.name());
                    ps.setString(4, r.level().name());
                    setString(ps, 5, r.villageType() == null ? null : r.villageType().name());
                    setString(ps, 6, r.parentCode());
                    ps.setBoolean(7, r.active());
                    ps.setString(8, h.hash());
                    ps.setObject(9, bundle);
                    ps.setObject(10, bundle);
                });
    }

    public void insertPeople(Tx tx, String d, List<Hashed<Person>> rows, UUID bundle) {
        batch(tx, "INSERT INTO prov_person (district_code, id, version, nik, full_name, sex, birth_date, birth_place,"
                + " nkk, phone, employment_status, home_village_code, content_hash, source_bundle_id,"
                + " last_seen_bundle_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, (ps, h) -> {
                    Person p = h.value();
                    ps.setString(1, d);
                    ps.setObject(2, p.id());
                    ps.setInt(3, p.version());
                    ps.setString(4, p.nik());
                    ps.setString(5, p.fullName());
                    ps.setString(6, p.sex().name());
                    setDate(ps, 7, p.birthDate());
                    setString(ps, 8, p.birthPlace());
                    setString(ps, 9, p.nkk());
                    setString(ps, 10, p.phone());
                    ps.setString(11, p.employmentStatus().name());
                    setString(ps, 12, p.homeVillageCode());
                    ps.setString(13, h.hash());
                    ps.setObject(14, bundle);
                    ps.setObject(15, bundle);
                });
    }

    public void insertPosts(Tx tx, String d, List<Hashed<Post>> rows, UUID bundle) {
        batch(tx, "INSERT INTO prov_post (district_code, id, version, person_id, village_code, category, position,"
                + " unit_label, sk_number, sk_date, start_date, planned_end_date, end_date, end_reason, content_hash,"
                + " source_bundle_id, last_seen_bundle_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows, (ps, h) -> {
                    Post p = h.value();
                    ps.setString(1, d);
                    ps.setObject(2, p.id());
                    ps.setInt(3, p.version());
                    ps.setObject(4, p.personId());
                    ps.setString(5, p.villageCode());
                    ps.setString(6, p.category().name());
                    ps.setString(7, p.position().name());
                    setString(ps, 8, p.unitLabel());
                    setString(ps, 9, p.skNumber());
                    setDate(ps, 10, p.skDate());
                    ps.setObject(11, p.startDate());
                    setDate(ps, 12, p.plannedEndDate());
                    setDate(ps, 13, p.endDate());
                    setString(ps, 14, p.endReason() == null ? null : p.endReason().name());
                    ps.setString(15, h.hash());
                    ps.setObject(16, bundle);
                    ps.setObject(17, bundle);
                });
    }

    /** A status row of an enrolment being inserted. */
    private record StatusRow(UUID enrolment, EnrolmentStatus status) {
    }

    public void insertEnrolments(Tx tx, String d, List<Hashed<Enrolment>> rows, Map<UUID, List<EnrolmentStatus>> history,
                                 UUID bundle) {
        batch(tx, "INSERT INTO prov_enrolment (district_code, id, version, person_id, post_id, kpj, segment,"
                + " programmes, jkk_risk_class, wage_base, funding_source, content_hash, source_bundle_id,"
                + " last_seen_bundle_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, (ps, h) -> {
                    Enrolment e = h.value();
                    ps.setString(1, d);
                    ps.setObject(2, e.id());
                    ps.setInt(3, e.version());
                    ps.setObject(4, e.personId());
                    setUuid(ps, 5, e.postId());
                    setString(ps, 6, e.kpj());
                    ps.setString(7, e.segment().name());
                    ps.setString(8, e.programmes().stream().map(Enum::name).collect(Collectors.joining(",")));
                    ps.setInt(9, e.jkkRiskClass());
                    ps.setLong(10, e.wageBase());
                    ps.setString(11, e.fundingSource().name());
                    ps.setString(12, h.hash());
                    ps.setObject(13, bundle);
                    ps.setObject(14, bundle);
                });
        List<StatusRow> statuses = new java.util.ArrayList<>();
        for (Hashed<Enrolment> h : rows) {
            for (EnrolmentStatus s : history.getOrDefault(h.value().id(), List.of())) {
                statuses.add(new StatusRow(h.value().id(), s));
            }
        }
        batch(tx, "INSERT INTO prov_enrolment_status (district_code, id, enrolment_id, status, effective_date, note,"
                + " recorded_at, recorded_by, source_bundle_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", statuses,
                (ps, r) -> {
                    EnrolmentStatus s = r.status();
                    ps.setString(1, d);
                    ps.setObject(2, s.id());
                    ps.setObject(3, r.enrolment());
                    ps.setString(4, s.state().name());
                    ps.setObject(5, s.effectiveDate());
                    setString(ps, 6, s.note());
                    ps.setObject(7, s.recordedAt());
                    ps.setString(8, s.recordedBy());
                    ps.setObject(9, bundle);
                });
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
