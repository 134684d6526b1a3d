package id.lindungdesa.persistence;

import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.EnrolmentStatus;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Post;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The yardstick of the national benchmark (issue 14): the same rows a province import writes, batch-inserted with
 * plain JDBC into bare H2 tables that have the same columns and the same primary keys as the {@code prov_*} tables
 * and nothing else (no secondary index, no look-up, no hash, no parsing). A separate database file; never used by
 * the program itself.
 */
public final class BareInsert implements AutoCloseable {
    private static final int BATCH = 500;
    private static final String HASH = "0".repeat(64);
    private final Connection c;

    public BareInsert(Path base) {
        try {
            c = Database.connect(base, null);
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE bare_person (district_code VARCHAR(13) NOT NULL, id UUID NOT NULL,"
                        + " version INT NOT NULL, nik VARCHAR(16) NOT NULL, full_name VARCHAR(200) NOT NULL,"
                        + " sex CHAR(1) NOT NULL, birth_date DATE, birth_place VARCHAR(100), nkk VARCHAR(16),"
                        + " phone VARCHAR(32), employment_status VARCHAR(16) NOT NULL, home_village_code VARCHAR(13),"
                        + " deleted_at TIMESTAMP WITH TIME ZONE, deleted_reason VARCHAR(400),"
                        + " content_hash VARCHAR(64) NOT NULL, source_bundle_id UUID NOT NULL,"
                        + " last_seen_bundle_id UUID NOT NULL, PRIMARY KEY (id, district_code))");
                st.execute("CREATE TABLE bare_post (district_code VARCHAR(13) NOT NULL, id UUID NOT NULL,"
                        + " version INT NOT NULL, person_id UUID NOT NULL, village_code VARCHAR(13) NOT NULL,"
                        + " category VARCHAR(24) NOT NULL, position VARCHAR(40) NOT NULL, unit_label VARCHAR(100),"
                        + " sk_number VARCHAR(120), sk_date DATE, start_date DATE NOT NULL, planned_end_date DATE,"
                        + " end_date DATE, end_reason VARCHAR(24), deleted_at TIMESTAMP WITH TIME ZONE,"
                        + " deleted_reason VARCHAR(400), content_hash VARCHAR(64) NOT NULL,"
                        + " source_bundle_id UUID NOT NULL, last_seen_bundle_id UUID NOT NULL,"
                        + " PRIMARY KEY (id, district_code))");
                st.execute("CREATE TABLE bare_enrolment (district_code VARCHAR(13) NOT NULL, id UUID NOT NULL,"
                        + " version INT NOT NULL, person_id UUID NOT NULL, post_id UUID, kpj VARCHAR(20),"
                        + " segment VARCHAR(8) NOT NULL, programmes VARCHAR(40) NOT NULL, jkk_risk_class INT NOT NULL,"
                        + " wage_base BIGINT NOT NULL, funding_source VARCHAR(16) NOT NULL,"
                        + " deleted_at TIMESTAMP WITH TIME ZONE, deleted_reason VARCHAR(400),"
                        + " content_hash VARCHAR(64) NOT NULL, source_bundle_id UUID NOT NULL,"
                        + " last_seen_bundle_id UUID NOT NULL, PRIMARY KEY (id, district_code))");
                st.execute("CREATE TABLE bare_enrolment_status (district_code VARCHAR(13) NOT NULL, id UUID NOT NULL,"
                        + " enrolment_id UUID NOT NULL, status VARCHAR(16) NOT NULL, effective_date DATE NOT NULL,"
                        + " note VARCHAR(400), recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                        + " recorded_by VARCHAR(200) NOT NULL, source_bundle_id UUID NOT NULL,"
                        + " PRIMARY KEY (id, district_code))");
            }
            c.commit();
        } catch (SQLException e) {
            throw new DatabaseException(e.getMessage(), e);
        }
    }

    /** Inserts one district's rows in batches of 500, one transaction; returns the number of rows. */
    public long insert(String d, UUID bundle, List<Person> people, List<Post> posts, List<Enrolment> enrolments,
                       Map<UUID, List<EnrolmentStatus>> history) {
        long rows = 0;
        try {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bare_person VALUES (?,?,?,?,?,?,?,?,?,?,?,?,"
                    + "NULL,NULL,?,?,?)")) {
                int n = 0;
                for (Person p : people) {
                    int i = 1;
                    ps.setString(i++, d);
                    ps.setObject(i++, p.id());
                    ps.setInt(i++, p.version());
                    ps.setString(i++, p.nik());
                    ps.setString(i++, p.fullName());
                    ps.setString(i++, p.sex().name());
                    ps.setObject(i++, p.birthDate());
                    ps.setString(i++, p.birthPlace());
                    ps.setString(i++, p.nkk());
                    ps.setString(i++, p.phone());
                    ps.setString(i++, p.employmentStatus().name());
                    ps.setString(i++, p.homeVillageCode());
                    ps.setString(i++, HASH);
                    ps.setObject(i++, bundle);
                    ps.setObject(i, bundle);
                    ps.addBatch();
                    if (++n % BATCH == 0) ps.executeBatch();
                }
                ps.executeBatch();
                rows += n;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bare_post VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
                    + "NULL,NULL,?,?,?)")) {
                int n = 0;
                for (Post p : posts) {
                    int i = 1;
                    ps.setString(i++, d);
                    ps.setObject(i++, p.id());
                    ps.setInt(i++, p.version());
                    ps.setObject(i++, p.personId());
                    ps.setString(i++, p.villageCode());
                    ps.setString(i++, p.category().name());
                    ps.setString(i++, p.position().name());
                    ps.setString(i++, p.unitLabel());
                    ps.setString(i++, p.skNumber());
                    ps.setObject(i++, p.skDate());
                    ps.setObject(i++, p.startDate());
                    ps.setObject(i++, p.plannedEndDate());
                    ps.setObject(i++, p.endDate());
                    ps.setString(i++, p.endReason() == null ? null : p.endReason().name());
                    ps.setString(i++, HASH);
                    ps.setObject(i++, bundle);
                    ps.setObject(i, bundle);
                    ps.addBatch();
                    if (++n % BATCH == 0) ps.executeBatch();
                }
                ps.executeBatch();
                rows += n;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bare_enrolment VALUES (?,?,?,?,?,?,?,?,?,?,?,"
                    + "NULL,NULL,?,?,?)");
                 PreparedStatement ss = c.prepareStatement("INSERT INTO bare_enrolment_status VALUES "
                         + "(?,?,?,?,?,?,?,?,?)")) {
                int n = 0;
                int m = 0;
                for (Enrolment e : enrolments) {
                    int i = 1;
                    ps.setString(i++, d);
                    ps.setObject(i++, e.id());
                    ps.setInt(i++, e.version());
                    ps.setObject(i++, e.personId());
                    ps.setObject(i++, e.postId());
                    ps.setString(i++, e.kpj());
                    ps.setString(i++, e.segment().name());
                    ps.setString(i++, e.programmes().stream().map(Enum::name).collect(Collectors.joining(",")));
                    ps.setInt(i++, e.jkkRiskClass());
                    ps.setLong(i++, e.wageBase());
                    ps.setString(i++, e.fundingSource().name());
                    ps.setString(i++, HASH);
                    ps.setObject(i++, bundle);
                    ps.setObject(i, bundle);
                    ps.addBatch();
                    if (++n % BATCH == 0) ps.executeBatch();
                    for (EnrolmentStatus s : history.getOrDefault(e.id(), List.of())) {
                        int j = 1;
                        ss.setString(j++, d);
                        ss.setObject(j++, s.id());
                        ss.setObject(j++, e.id());
                        ss.setString(j++, s.state().name());
                        ss.setObject(j++, s.effectiveDate());
                        ss.setString(j++, s.note());
                        ss.setObject(j++, s.recordedAt());
                        ss.setString(j++, s.recordedBy());
                        ss.setObject(j, bundle);
                        ss.addBatch();
                        if (++m % BATCH == 0) ss.executeBatch();
                    }
                }
                ps.executeBatch();
                ss.executeBatch();
                rows += n + m;
            }
            c.commit();
            return rows;
        } catch (SQLException e) {
            throw new DatabaseException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            c.close();
        } catch (SQLException e) {
            throw new DatabaseException(e.getMessage(), e);
        }
    }

}
