package id.lindungdesa.persistence;

import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.RegionLevel;
import id.lindungdesa.domain.VillageType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jooq.Record;

/**
 * Figures over the province-side copy of district data ({@code prov_*}), computed by SQL aggregation (GROUP BY over
 * indexed columns): nothing here loads a roster. Every query takes a scope: {@code ""} (every district held: a
 * national office), a province code ({@code "36"}) or a district code ({@code "36.04"}). Decision 0125.
 *
 * <p>The rules are the district's (docs/architecture.md "Coverage"): a post is current on a date when it started on
 * or before it and has not ended by then; ASN and PPPK are not eligible; a person is covered on a date when one of
 * their (not removed) enrolments has ACTIVE as its last status effective by that date. Removed records
 * (tombstones) never count.
 */
public final class ProvinceFiguresRepository {

    /** Per district: people, current office-holders, people with an active enrolment. */
    public record DistrictPeople(String district, int people, int officeHolders, int enrolledActive) {
    }

    /** Current posts of a district and category. */
    public record DistrictPosts(String district, Category category, int posts) {
    }

    /** Distinct covered and eligible people of a village and category. */
    public record VillageCategory(String district, String village, Category category, int covered, int eligible) {
    }

    /** Distinct people of a village: every current holder, the eligible ones and the covered ones. */
    public record VillageTotal(String district, String village, int holders, int eligible, int covered) {
    }

    /** A region row of the province-side copy with the district it came from. */
    public record DistrictRegion(String district, Region region) {
    }

    /** One current office-holder of a village (a page of the drill-down). */
    public record Holder(UUID personId, UUID postId, String nik, String fullName, String sex, String employment,
                         String position, LocalDate startDate, LocalDate plannedEndDate, boolean covered) {
    }

    /** One received bundle, as the reporting list needs it. */
    public record Received(String issuerCode, String issuerName, long sequence, String period,
                           java.time.OffsetDateTime createdAt, java.time.OffsetDateTime importedAt) {
    }

    private final boolean summaries;

    /** Figures read from the per-district summary wherever it holds on the date asked (decision 0126). */
    public ProvinceFiguresRepository() {
        this(true);
    }

    /**
     * {@code summaries} false: every figure is computed on the fly from the {@code prov_*} rows (the summary's
     * oracle in tests; diagnostics).
     */
    public ProvinceFiguresRepository(boolean summaries) {
        this.summaries = summaries;
    }

    // ------------------------------------------------------------------ per-district summary (decision 0126)

    /** Which districts of a scope are read from the summary on a date, and which are computed on the fly. */
    public record Plan(Set<String> served, List<String> live, boolean allLive) {
    }

    /** Districts of the scope whose summary holds on {@code on}. */
    public Set<String> summarised(Tx tx, String scope, LocalDate on) {
        List<Object> b = new ArrayList<>();
        String cond = scope("f.district_code", scope, b);
        b.add(on);
        b.add(on);
        String sql = "SELECT f.district_code FROM prov_fig_district f WHERE " + cond
                + " AND (f.valid_from IS NULL OR f.valid_from <= ?) AND (f.valid_until IS NULL OR f.valid_until > ?)";
        return new HashSet<>(tx.dsl().fetch(sql, b.toArray()).getValues(0, String.class));
    }

    /**
     * Districts (kabupaten/kota codes) of the scope that may hold data: every issuer of a received bundle and every
     * district with imported regions.
     */
    public Set<String> holding(Tx tx, String scope) {
        Set<String> out = new TreeSet<>(districts(tx, scope));
        List<Object> b = new ArrayList<>();
        String sql = "SELECT DISTINCT bi.issuer_code FROM bundle_import bi WHERE " + scope("bi.issuer_code", scope, b);
        out.addAll(tx.dsl().fetch(sql, b.toArray()).getValues(0, String.class));
        out.removeIf(d -> !DISTRICT.matcher(d).matches());
        return out;
    }

    private static final java.util.regex.Pattern DISTRICT = java.util.regex.Pattern.compile("\\d{2}\\.\\d{2}");

    /** Districts of the scope that hold data but have no summary holding on {@code on} (to fill). */
    public List<String> unsummarised(Tx tx, String scope, LocalDate on) {
        Set<String> served = summarised(tx, scope, on);
        List<String> out = new ArrayList<>();
        for (String d : holding(tx, scope)) if (!served.contains(d)) out.add(d);
        return out;
    }

    /**
     * Recomputes one district's summary for {@code on} with the very queries that compute the figures on the fly,
     * and records the dates between which it holds (the last post start or end, or status effective date, on or
     * before {@code on}; the first one after it). Called by the bundle import in its transaction, and when a
     * database without a summary is opened. {@code bundle} may be null.
     */
    public void refreshSummary(Tx tx, String district, LocalDate on, UUID bundle, OffsetDateTime now) {
        if (!DISTRICT.matcher(district).matches()) throw new IllegalArgumentException(district);
        for (String t : List.of("prov_fig_village_cat", "prov_fig_village", "prov_fig_posts", "prov_fig_district",
                "prov_fig_work")) {
            tx.dsl().execute("DELETE FROM " + t + " WHERE district_code = ?", district);
        }
        LocalDate[] valid = validity(tx, district, on);
        // Set-based (decision 0200): the district's current posts are joined with their holders ONCE, each row with
        // whether the holder is eligible (NON_ASN) and covered (eligible, and an enrolment whose last status by the
        // date is ACTIVE): the very conditions of the on-the-fly queries below (current, POST_PERSON, active).
        // Every summary table is then one INSERT ... SELECT grouping these rows.
        List<Object> b = new ArrayList<>();
        String work = "INSERT INTO prov_fig_work (district_code, village_code, category, person_id, eligible, covered)"
                + " SELECT po.district_code, po.village_code, po.category, po.person_id,"
                + " CASE WHEN pe.employment_status = 'NON_ASN' THEN TRUE ELSE FALSE END,"
                + " CASE WHEN pe.employment_status = 'NON_ASN' AND " + active("po.district_code", "po.person_id", b, on)
                + " THEN TRUE ELSE FALSE END" + POST_PERSON + " WHERE " + current(b, on) + " AND po.district_code = ?";
        b.add(district);
        tx.dsl().execute(work, b.toArray());
        List<Object> bp = new ArrayList<>();
        String peopleSql = "SELECT COUNT(*), SUM(CASE WHEN " + active("pe.district_code", "pe.id", bp, on)
                + " THEN 1 ELSE 0 END) FROM prov_person pe WHERE pe.deleted_at IS NULL AND pe.district_code = ?";
        bp.add(district);
        Record people = tx.dsl().fetchOne(peopleSql, bp.toArray());
        Record holders = tx.dsl().fetchOne("SELECT COUNT(DISTINCT w.person_id) FROM prov_fig_work w"
                + " WHERE w.district_code = ?", district);
        tx.dsl().execute("INSERT INTO prov_fig_district (district_code, figures_on, valid_from, valid_until, people,"
                + " office_holders, enrolled_active, bundle_id, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                district, on, valid[0], valid[1], i(people, 0), i(holders, 0), i(people, 1), bundle, now);
        tx.dsl().execute("INSERT INTO prov_fig_posts (district_code, category, posts)"
                + " SELECT w.district_code, w.category, COUNT(*) FROM prov_fig_work w WHERE w.district_code = ?"
                + " GROUP BY w.district_code, w.category", district);
        tx.dsl().execute("INSERT INTO prov_fig_village_cat (district_code, village_code, category, covered, eligible)"
                + " SELECT w.district_code, w.village_code, w.category,"
                + " COUNT(DISTINCT CASE WHEN w.covered THEN w.person_id END), COUNT(DISTINCT w.person_id)"
                + " FROM prov_fig_work w WHERE w.district_code = ? AND w.eligible"
                + " GROUP BY w.district_code, w.village_code, w.category", district);
        tx.dsl().execute("INSERT INTO prov_fig_village (district_code, village_code, holders, eligible, covered)"
                + " SELECT w.district_code, w.village_code, COUNT(DISTINCT w.person_id),"
                + " COUNT(DISTINCT CASE WHEN w.eligible THEN w.person_id END),"
                + " COUNT(DISTINCT CASE WHEN w.covered THEN w.person_id END)"
                + " FROM prov_fig_work w WHERE w.district_code = ? GROUP BY w.district_code, w.village_code", district);
        tx.dsl().execute("DELETE FROM prov_fig_work WHERE district_code = ?", district);
    }

    /**
     * The dates between which a district's figures stay what they are on {@code on}: [last change on or before
     * it, first change after it), either null when there is none. A figure on date d depends on d only through
     * "start_date <= d", "end_date > d" and "effective_date <= d", so it is constant between two such dates.
     */
    LocalDate[] validity(Tx tx, String district, LocalDate on) {
        Record po = tx.dsl().fetchOne("SELECT MAX(CASE WHEN po.start_date <= ? THEN po.start_date END),"
                + " MIN(CASE WHEN po.start_date > ? THEN po.start_date END),"
                + " MAX(CASE WHEN po.end_date <= ? THEN po.end_date END),"
                + " MIN(CASE WHEN po.end_date > ? THEN po.end_date END)"
                + " FROM prov_post po WHERE po.district_code = ?", on, on, on, on, district);
        Record st = tx.dsl().fetchOne("SELECT MAX(CASE WHEN s.effective_date <= ? THEN s.effective_date END),"
                + " MIN(CASE WHEN s.effective_date > ? THEN s.effective_date END)"
                + " FROM prov_enrolment_status s WHERE s.district_code = ?", on, on, district);
        LocalDate from = latest(po.get(0, LocalDate.class), po.get(2, LocalDate.class), st.get(0, LocalDate.class));
        LocalDate until = earliest(po.get(1, LocalDate.class), po.get(3, LocalDate.class),
                st.get(1, LocalDate.class));
        return new LocalDate[] {from, until};
    }

    private static LocalDate latest(LocalDate... ds) {
        LocalDate out = null;
        for (LocalDate d : ds) if (d != null && (out == null || d.isAfter(out))) out = d;
        return out;
    }

    private static LocalDate earliest(LocalDate... ds) {
        LocalDate out = null;
        for (LocalDate d : ds) if (d != null && (out == null || d.isBefore(out))) out = d;
        return out;
    }

    /**
     * One figure (decision 0126): its summary table, and the same rows computed on the fly. {@code live} builds the
     * on-the-fly query for a scope; it returns exactly the summary table's {@code columns}, under the same names,
     * so every read below is one query shape, {@code SELECT … FROM <source> s}, whatever the source.
     */
    private record Figure(String table, String columns, LiveSql live) {
        /** {@code (SELECT …) s} computed on the fly, or {@code table s} with the scope condition. */
        String source(boolean summary, String scope, LocalDate on, List<Object> binds) {
            if (summary) return table + " s WHERE " + ProvinceFiguresRepository.scope("s.district_code", scope, binds);
            return "(" + live.sql(scope, on, binds) + ") s";
        }
    }

    @FunctionalInterface
    private interface LiveSql {
        String sql(String scope, LocalDate on, List<Object> binds);
    }

    private static final Figure DISTRICT_FIG = new Figure("prov_fig_district",
            "district_code, people, office_holders, enrolled_active", ProvinceFiguresRepository::liveDistrictSql);
    private static final Figure POSTS = new Figure("prov_fig_posts", "district_code, category, posts",
            ProvinceFiguresRepository::livePostsSql);
    private static final Figure VILLAGE_CAT = new Figure("prov_fig_village_cat",
            "district_code, village_code, category, covered, eligible", ProvinceFiguresRepository::liveVillageCatSql);
    private static final Figure VILLAGE = new Figure("prov_fig_village",
            "district_code, village_code, holders, eligible, covered", ProvinceFiguresRepository::liveVillageSql);

    /** Reads one row of a figure's query; the first column is always the district code. */
    @FunctionalInterface
    public interface Row<T> {
        T map(String district, java.sql.ResultSet rs) throws java.sql.SQLException;
    }

    /**
     * The one read of every figure: {@code SELECT s.district_code, <select> FROM <source> s [GROUP BY
     * s.district_code<groupBy>]} over the summary rows of the districts whose summary holds on the date, plus the
     * same query over the on-the-fly rows of each other district (everything on the fly when no summary holds).
     * Rows stream to {@code sink} (nothing is collected here).
     */
    private <T> void read(Tx tx, Plan p, String scope, LocalDate on, Figure f, String select, String groupBy,
                          Row<T> map, java.util.function.Consumer<T> sink) {
        String tail = groupBy == null ? "" : " GROUP BY s.district_code" + groupBy;
        if (p.allLive()) {
            List<Object> b = new ArrayList<>();
            String sql = "SELECT s.district_code, " + select + " FROM " + f.source(false, scope, on, b) + tail;
            query(tx, sql, b, rs -> sink.accept(map.map(rs.getString(1), rs)));
            return;
        }
        List<Object> b = new ArrayList<>();
        String sql = "SELECT s.district_code, " + select + " FROM " + f.source(true, scope, on, b) + tail;
        query(tx, sql, b, rs -> {
            String d = rs.getString(1);
            if (p.served().contains(d)) sink.accept(map.map(d, rs));
        });
        for (String d : p.live()) {
            List<Object> lb = new ArrayList<>();
            String lsql = "SELECT s.district_code, " + select + " FROM " + f.source(false, d, on, lb) + tail;
            query(tx, lsql, lb, rs -> sink.accept(map.map(rs.getString(1), rs)));
        }
    }

    private <T> List<T> list(Tx tx, Plan p, String scope, LocalDate on, Figure f, String select, String groupBy,
                             Row<T> map) {
        List<T> out = new ArrayList<>();
        read(tx, p, scope, on, f, select, groupBy, map, out::add);
        return out;
    }

    @FunctionalInterface
    private interface RowHandler {
        void row(java.sql.ResultSet rs) throws java.sql.SQLException;
    }

    /** Runs a query and hands each row over as it is read (plain JDBC: no record per row is kept). */
    private static void query(Tx tx, String sql, List<Object> binds, RowHandler h) {
        tx.dsl().connection(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
                for (int k = 0; k < binds.size(); k++) ps.setObject(k + 1, binds.get(k));
                ps.setFetchSize(1000);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) h.row(rs);
                }
            }
        });
    }

    /** The districts read from the summary and those computed on the fly, for a scope and a date: ask once. */
    public Plan plan(Tx tx, String scope, LocalDate on) {
        if (!summaries) return new Plan(Set.of(), List.of(), true);
        Set<String> served = summarised(tx, scope, on);
        if (served.isEmpty()) return new Plan(served, List.of(), true);
        List<String> live = new ArrayList<>();
        for (String d : holding(tx, scope)) if (!served.contains(d)) live.add(d);
        return new Plan(served, live, false);
    }

    /** People, office-holders and active enrolments per district on {@code on}. */
    public List<DistrictPeople> people(Tx tx, String scope, LocalDate on) {
        return list(tx, plan(tx, scope, on), scope, on, DISTRICT_FIG, "s.people, s.office_holders, s.enrolled_active",
                null, (d, rs) -> new DistrictPeople(d, rs.getInt(2), rs.getInt(3), rs.getInt(4)));
    }

    /** Current posts per district and category on {@code on} (of people not removed). */
    public List<DistrictPosts> posts(Tx tx, String scope, LocalDate on) {
        return list(tx, plan(tx, scope, on), scope, on, POSTS, "s.category, s.posts", null,
                (d, rs) -> new DistrictPosts(d, Category.valueOf(rs.getString(2)), rs.getInt(3)));
    }

    /** Distinct covered and eligible people per village and category on {@code on}. */
    public List<VillageCategory> villageCategories(Tx tx, String scope, LocalDate on) {
        List<VillageCategory> out = new ArrayList<>();
        villageCategories(tx, plan(tx, scope, on), scope, on, out::add);
        return out;
    }

    /** As {@link #villageCategories(Tx, String, LocalDate)}, streamed, with the plan asked once by the caller. */
    public void villageCategories(Tx tx, Plan p, String scope, LocalDate on,
                                  java.util.function.Consumer<VillageCategory> sink) {
        read(tx, p, scope, on, VILLAGE_CAT, "s.village_code, s.category, s.covered, s.eligible", null,
                (d, rs) -> new VillageCategory(d, rs.getString(2), Category.valueOf(rs.getString(3)), rs.getInt(4),
                        rs.getInt(5)), sink);
    }

    /** Distinct holders, eligible and covered people per village on {@code on} (a person once per village). */
    public List<VillageTotal> villageTotals(Tx tx, String scope, LocalDate on) {
        List<VillageTotal> out = new ArrayList<>();
        villageTotals(tx, plan(tx, scope, on), scope, on, out::add);
        return out;
    }

    /** As {@link #villageTotals(Tx, String, LocalDate)}, streamed, with the plan asked once by the caller. */
    public void villageTotals(Tx tx, Plan p, String scope, LocalDate on, java.util.function.Consumer<VillageTotal> sink) {
        read(tx, p, scope, on, VILLAGE, "s.village_code, s.holders, s.eligible, s.covered", null,
                (d, rs) -> new VillageTotal(d, rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)), sink);
    }

    /** Covered and eligible people of a district and category: the sum over its villages' rows. */
    public record DistrictCategory(String district, Category category, int covered, int eligible) {
    }

    /**
     * Per district and category, the sums of {@link #villageCategories} over the district's villages (one
     * {@code GROUP BY} over the same source): what the province dashboard shows per kabupaten/kota.
     */
    public List<DistrictCategory> districtCategories(Tx tx, String scope, LocalDate on) {
        return list(tx, plan(tx, scope, on), scope, on, VILLAGE_CAT, "s.category, SUM(s.covered), SUM(s.eligible)",
                ", s.category", (d, rs) -> new DistrictCategory(d, Category.valueOf(rs.getString(2)), rs.getInt(3),
                        rs.getInt(4)));
    }

    /**
     * Per district, the sums of {@link #villageTotals} over its villages (each person once per village, as the
     * coverage report's district row adds them up); {@code village} is empty.
     */
    public List<VillageTotal> districtTotals(Tx tx, String scope, LocalDate on) {
        return list(tx, plan(tx, scope, on), scope, on, VILLAGE, "SUM(s.holders), SUM(s.eligible), SUM(s.covered)",
                "", (d, rs) -> new VillageTotal(d, "", rs.getInt(2), rs.getInt(3), rs.getInt(4)));
    }

    /** A village of the region lists or of the figures, with what the dashboard counts of it. */
    public record VillageMark(String district, String village, String type, Boolean active, int holders,
                              int covered) {
    }

    /**
     * Every village of the scope as the dashboard counts them: the imported region lists' villages (with their type
     * and whether active) joined with the village totals (holders, covered; 0 when none), plus villages that have
     * totals but no region row (type and active null). Narrow rows, one per village; no person is read.
     */
    public List<VillageMark> villageMarks(Tx tx, String scope, LocalDate on) {
        java.util.Map<String, VillageTotal> totals = new java.util.HashMap<>();
        villageTotals(tx, plan(tx, scope, on), scope, on, v -> totals.put(v.village(), v));
        List<Object> b = new ArrayList<>();
        String sql = "SELECT r.district_code, r.code, r.village_type, r.active FROM prov_region r"
                + " WHERE r.level = 'VILLAGE' AND " + scope("r.district_code", scope, b);
        List<VillageMark> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        query(tx, sql, b, rs -> {
            String code = rs.getString(2);
            if (!seen.add(code)) return;
            VillageTotal t = totals.get(code);
            boolean active = rs.getBoolean(4);
            Boolean act = rs.wasNull() ? null : active;
            out.add(new VillageMark(rs.getString(1), code, rs.getString(3), act, t == null ? 0 : t.holders(),
                    t == null ? 0 : t.covered()));
        });
        for (VillageTotal t : totals.values()) {
            if (!seen.contains(t.village())) {
                out.add(new VillageMark(t.district(), t.village(), null, null, t.holders(), t.covered()));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ SQL pieces

    /** The scope condition on a {@code district_code} column, with its bind value added to {@code binds}. */
    static String scope(String column, String scope, List<Object> binds) {
        if (scope == null || scope.isEmpty()) return "1 = 1";
        if (scope.indexOf('.') < 0) {
            binds.add(scope + ".%");
            return column + " LIKE ?";
        }
        binds.add(scope);
        return column + " = ?";
    }

    /** A post (alias {@code po}) current on the date: two binds. */
    private static String current(List<Object> binds, LocalDate on) {
        binds.add(on);
        binds.add(on);
        return "po.deleted_at IS NULL AND po.start_date <= ? AND (po.end_date IS NULL OR po.end_date > ?)";
    }

    /**
     * True when the person ({@code districtCol}, {@code personCol}) has an enrolment whose last status effective by
     * the date is ACTIVE: one bind.
     */
    private static String active(String districtCol, String personCol, List<Object> binds, LocalDate on) {
        binds.add(on);
        return "EXISTS (SELECT 1 FROM prov_enrolment e WHERE e.district_code = " + districtCol
                + " AND e.person_id = " + personCol + " AND e.deleted_at IS NULL"
                + " AND (SELECT s.status FROM prov_enrolment_status s WHERE s.enrolment_id = e.id"
                + " AND s.district_code = e.district_code AND s.effective_date <= ?"
                + " ORDER BY s.effective_date DESC, s.recorded_at DESC, s.id DESC FETCH FIRST 1 ROWS ONLY)"
                + " = 'ACTIVE')";
    }

    private static final String POST_PERSON = " FROM prov_post po JOIN prov_person pe"
            + " ON pe.id = po.person_id AND pe.district_code = po.district_code AND pe.deleted_at IS NULL";

    private static int i(Record r, int idx) {
        Number n = (Number) r.get(idx);
        return n == null ? 0 : n.intValue();
    }

    // ------------------------------------------------------------------ stats

    /**
     * The on-the-fly rows of {@code prov_fig_district}: per district, people (not removed), current office-holders
     * (distinct people with a current post) and people with an active enrolment on the date.
     */
    static String liveDistrictSql(String scope, LocalDate on, List<Object> b) {
        String people = "SELECT pe.district_code AS district_code, COUNT(*) AS people, SUM(CASE WHEN "
                + active("pe.district_code", "pe.id", b, on) + " THEN 1 ELSE 0 END) AS enrolled_active"
                + " FROM prov_person pe WHERE pe.deleted_at IS NULL AND " + scope("pe.district_code", scope, b)
                + " GROUP BY pe.district_code";
        String holders = "SELECT po.district_code AS district_code, COUNT(DISTINCT po.person_id) AS office_holders"
                + POST_PERSON + " WHERE " + current(b, on) + " AND " + scope("po.district_code", scope, b)
                + " GROUP BY po.district_code";
        return "SELECT a.district_code AS district_code, a.people AS people,"
                + " COALESCE(h.office_holders, 0) AS office_holders, a.enrolled_active AS enrolled_active"
                + " FROM (" + people + ") a LEFT JOIN (" + holders + ") h ON h.district_code = a.district_code";
    }

    /** People, office-holders and active enrolments per district on {@code on}, computed on the fly. */
    List<DistrictPeople> livePeople(Tx tx, String scope, LocalDate on) {
        return list(tx, LIVE, scope, on, DISTRICT_FIG, "s.people, s.office_holders, s.enrolled_active", null,
                (d, rs) -> new DistrictPeople(d, rs.getInt(2), rs.getInt(3), rs.getInt(4)));
    }

    /** Every figure computed on the fly. */
    private static final Plan LIVE = new Plan(Set.of(), List.of(), true);

    /** The on-the-fly rows of {@code prov_fig_posts}: current posts per district and category. */
    static String livePostsSql(String scope, LocalDate on, List<Object> b) {
        return "SELECT po.district_code AS district_code, po.category AS category, COUNT(*) AS posts" + POST_PERSON
                + " WHERE " + current(b, on) + " AND " + scope("po.district_code", scope, b)
                + " GROUP BY po.district_code, po.category";
    }

    /** Current posts per district and category on {@code on} (of people not removed), computed on the fly. */
    List<DistrictPosts> livePosts(Tx tx, String scope, LocalDate on) {
        return list(tx, LIVE, scope, on, POSTS, "s.category, s.posts", null,
                (d, rs) -> new DistrictPosts(d, Category.valueOf(rs.getString(2)), rs.getInt(3)));
    }

    /** Active kecamatan, desa, desa adat and kelurahan of the imported region lists: [kec, desa, adat, kel]. */
    public int[] regionCounts(Tx tx, String scope) {
        List<Object> b = new ArrayList<>();
        String sql = "SELECT r.level, r.village_type, COUNT(*) FROM prov_region r WHERE r.active = TRUE AND "
                + scope("r.district_code", scope, b) + " GROUP BY r.level, r.village_type";
        int[] out = new int[4];
        for (Record r : tx.dsl().fetch(sql, b.toArray())) {
            String level = r.get(0, String.class);
            String type = r.get(1, String.class);
            int n = i(r, 2);
            if (RegionLevel.SUBDISTRICT.name().equals(level)) out[0] += n;
            else if (VillageType.DESA.name().equals(type)) out[1] += n;
            else if (VillageType.DESA_ADAT.name().equals(type)) out[2] += n;
            else if (VillageType.KELURAHAN.name().equals(type)) out[3] += n;
        }
        return out;
    }

    // ------------------------------------------------------------------ coverage

    /** The on-the-fly rows of {@code prov_fig_village_cat}: distinct covered and eligible per village, category. */
    static String liveVillageCatSql(String scope, LocalDate on, List<Object> b) {
        return "SELECT po.district_code AS district_code, po.village_code AS village_code, po.category AS category,"
                + " COUNT(DISTINCT CASE WHEN " + active("po.district_code", "po.person_id", b, on)
                + " THEN po.person_id END) AS covered, COUNT(DISTINCT po.person_id) AS eligible" + POST_PERSON
                + " WHERE " + current(b, on) + " AND pe.employment_status = 'NON_ASN' AND "
                + scope("po.district_code", scope, b) + " GROUP BY po.district_code, po.village_code, po.category";
    }

    /** Distinct covered and eligible people per village and category on {@code on}, computed on the fly. */
    List<VillageCategory> liveVillageCategories(Tx tx, String scope, LocalDate on) {
        List<VillageCategory> out = new ArrayList<>();
        villageCategories(tx, LIVE, scope, on, out::add);
        return out;
    }

    /** The on-the-fly rows of {@code prov_fig_village}: distinct holders, eligible and covered per village. */
    static String liveVillageSql(String scope, LocalDate on, List<Object> b) {
        return "SELECT po.district_code AS district_code, po.village_code AS village_code,"
                + " COUNT(DISTINCT po.person_id) AS holders,"
                + " COUNT(DISTINCT CASE WHEN pe.employment_status = 'NON_ASN' THEN po.person_id END) AS eligible,"
                + " COUNT(DISTINCT CASE WHEN pe.employment_status = 'NON_ASN' AND "
                + active("po.district_code", "po.person_id", b, on) + " THEN po.person_id END) AS covered"
                + POST_PERSON + " WHERE " + current(b, on) + " AND " + scope("po.district_code", scope, b)
                + " GROUP BY po.district_code, po.village_code";
    }

    /** Distinct holders, eligible and covered people per village on {@code on}, computed on the fly. */
    List<VillageTotal> liveVillageTotals(Tx tx, String scope, LocalDate on) {
        List<VillageTotal> out = new ArrayList<>();
        villageTotals(tx, LIVE, scope, on, out::add);
        return out;
    }

    /** Kecamatan and village rows (retired ones too) of the imported region lists, by code. */
    public List<DistrictRegion> regions(Tx tx, String scope) {
        List<DistrictRegion> out = new ArrayList<>();
        regions(tx, scope, out::add);
        return out;
    }

    /** As {@link #regions(Tx, String)}, streamed (plain JDBC, one region object per row). */
    public void regions(Tx tx, String scope, java.util.function.Consumer<DistrictRegion> sink) {
        List<Object> b = new ArrayList<>();
        String sql = "SELECT r.district_code, r.code, r.name, r.level, r.village_type, r.parent_code, r.active"
                + " FROM prov_region r WHERE " + scope("r.district_code", scope, b) + " ORDER BY r.code";
        query(tx, sql, b, rs -> {
            String type = rs.getString(5);
            sink.accept(new DistrictRegion(rs.getString(1), new Region(rs.getString(2), rs.getString(3),
                    RegionLevel.valueOf(rs.getString(4)), type == null ? null : VillageType.valueOf(type),
                    rs.getString(6), rs.getBoolean(7))));
        });
    }

    /** Districts with any record at the office, within the scope. */
    public List<String> districts(Tx tx, String scope) {
        List<Object> b = new ArrayList<>();
        String sql = "SELECT DISTINCT r.district_code FROM prov_region r WHERE " + scope("r.district_code", scope, b)
                + " ORDER BY r.district_code";
        return tx.dsl().fetch(sql, b.toArray()).getValues(0, String.class);
    }

    // ------------------------------------------------------------------ people of a village (paged)

    /** How many current office-holder rows (posts) a village has on {@code on}. */
    public int countHolders(Tx tx, String district, String village, LocalDate on) {
        List<Object> b = new ArrayList<>();
        String sql = "SELECT COUNT(*)" + POST_PERSON + " WHERE " + current(b, on)
                + " AND po.district_code = ? AND po.village_code = ?";
        b.add(district);
        b.add(village);
        return i(tx.dsl().fetchOne(sql, b.toArray()), 0);
    }

    /** One page of a village's current office-holders (one row per post), by name. */
    public List<Holder> holders(Tx tx, String district, String village, LocalDate on, int offset, int limit) {
        List<Object> b = new ArrayList<>();
        String act = active("po.district_code", "po.person_id", b, on);
        String sql = "SELECT pe.id, po.id, pe.nik, pe.full_name, pe.sex, pe.employment_status, po.position,"
                + " po.start_date, po.planned_end_date, CASE WHEN " + act + " THEN 1 ELSE 0 END" + POST_PERSON
                + " WHERE " + current(b, on) + " AND po.district_code = ? AND po.village_code = ?"
                + " ORDER BY pe.full_name, po.id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        b.add(district);
        b.add(village);
        b.add(offset);
        b.add(limit);
        List<Holder> out = new ArrayList<>();
        for (Record r : tx.dsl().fetch(sql, b.toArray())) {
            String sex = r.get(4, String.class);
            out.add(new Holder(r.get(0, UUID.class), r.get(1, UUID.class), r.get(2, String.class),
                    r.get(3, String.class), sex == null ? null : sex.strip(), r.get(5, String.class),
                    r.get(6, String.class), r.get(7, LocalDate.class), r.get(8, LocalDate.class), i(r, 9) == 1));
        }
        return out;
    }

    // ------------------------------------------------------------------ received bundles

    /** Every district bundle received, oldest sequence first per issuer (a few per district and quarter). */
    public List<Received> received(Tx tx, String scope, String kind) {
        List<Object> b = new ArrayList<>();
        String cond = scope("bi.issuer_code", scope, b);
        b.add(kind);
        String sql = "SELECT bi.issuer_code, bi.issuer_name, bi.sequence_no, bi.period_label, bi.created_at,"
                + " bi.imported_at FROM bundle_import bi WHERE " + cond + " AND bi.kind = ?"
                + " ORDER BY bi.issuer_code, bi.sequence_no";
        List<Received> out = new ArrayList<>();
        for (Record r : tx.dsl().fetch(sql, b.toArray())) {
            out.add(new Received(r.get(0, String.class), r.get(1, String.class), r.get(2, Long.class),
                    r.get(3, String.class), r.get(4, java.time.OffsetDateTime.class),
                    r.get(5, java.time.OffsetDateTime.class)));
        }
        return out;
    }

    /**
     * Regencies (kabupaten/kota) of the office's own region list within the scope (active ones). The list holds
     * the whole country at a national office (~90,000 rows), so this is read through the parent index (a
     * regency's parent is its province), never by a scan.
     */
    public List<Region> regencies(Tx tx, String scope) {
        List<Object> b = new ArrayList<>();
        String where;
        if (scope == null || scope.isEmpty()) {
            where = "r.parent_code IN (SELECT p.code FROM region p WHERE p.parent_code IS NULL)";
        } else if (scope.indexOf('.') < 0) {
            where = "r.parent_code = ?";
            b.add(scope);
        } else {
            where = "r.code = ?";
            b.add(scope);
        }
        String sql = "SELECT r.code, r.name FROM region r WHERE " + where
                + " AND r.level = 'REGENCY' AND r.active = TRUE ORDER BY r.code";
        List<Region> out = new ArrayList<>();
        query(tx, sql, b, rs -> {
            String code = rs.getString(1);
            out.add(new Region(code, rs.getString(2), RegionLevel.REGENCY, null, Region.parentOf(code), true));
        });
        return out;
    }

    /** Names of provinces in the office's own region list. */
    public java.util.Map<String, String> provinceNames(Tx tx) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        // provinces are the roots of the list: read through the parent index, not by a scan of the whole country
        query(tx, "SELECT r.code, r.name FROM region r WHERE r.parent_code IS NULL AND r.level = 'PROVINCE'",
                List.of(), rs -> out.put(rs.getString(1), rs.getString(2)));
        return out;
    }
}
