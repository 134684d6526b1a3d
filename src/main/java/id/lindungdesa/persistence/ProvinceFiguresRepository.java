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
    private record Plan(Set<String> served, List<String> live, boolean allLive) {
    }

    private Plan plan(Tx tx, String scope, LocalDate on) {
        if (!summaries) return new Plan(Set.of(), List.of(), true);
        Set<String> served = summarised(tx, scope, on);
        if (served.isEmpty()) return new Plan(served, List.of(), true);
        List<String> live = new ArrayList<>();
        for (String d : holding(tx, scope)) if (!served.contains(d)) live.add(d);
        return new Plan(served, live, false);
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
        for (String t : List.of("prov_fig_village_cat", "prov_fig_village", "prov_fig_posts", "prov_fig_district")) {
            tx.dsl().execute("DELETE FROM " + t + " WHERE district_code = ?", district);
        }
        LocalDate[] valid = validity(tx, district, on);
        int[] pv = new int[3];
        for (DistrictPeople p : livePeople(tx, district, on)) {
            if (!p.district().equals(district)) continue;
            pv[0] = p.people();
            pv[1] = p.officeHolders();
            pv[2] = p.enrolledActive();
        }
        tx.dsl().execute("INSERT INTO prov_fig_district (district_code, figures_on, valid_from, valid_until, people,"
                + " office_holders, enrolled_active, bundle_id, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                district, on, valid[0], valid[1], pv[0], pv[1], pv[2], bundle, now);
        List<Object[]> rows = new ArrayList<>();
        for (DistrictPosts p : livePosts(tx, district, on)) {
            rows.add(new Object[] {p.district(), p.category().name(), p.posts()});
        }
        batch(tx, "INSERT INTO prov_fig_posts (district_code, category, posts) VALUES (?, ?, ?)", rows);
        rows = new ArrayList<>();
        for (VillageCategory v : liveVillageCategories(tx, district, on)) {
            rows.add(new Object[] {v.district(), v.village(), v.category().name(), v.covered(), v.eligible()});
        }
        batch(tx, "INSERT INTO prov_fig_village_cat (district_code, village_code, category, covered, eligible)"
                + " VALUES (?, ?, ?, ?, ?)", rows);
        rows = new ArrayList<>();
        for (VillageTotal v : liveVillageTotals(tx, district, on)) {
            rows.add(new Object[] {v.district(), v.village(), v.holders(), v.eligible(), v.covered()});
        }
        batch(tx, "INSERT INTO prov_fig_village (district_code, village_code, holders, eligible, covered)"
                + " VALUES (?, ?, ?, ?, ?)", rows);
    }

    private static void batch(Tx tx, String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += 500) {
            List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + 500));
            tx.dsl().batch(sql, part.toArray(new Object[0][])).execute();
        }
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

    /** People, office-holders and active enrolments per district on {@code on}. */
    public List<DistrictPeople> people(Tx tx, String scope, LocalDate on) {
        return read(tx, scope, on, "prov_fig_district", "people, office_holders, enrolled_active", "people > 0",
                (d, r) -> new DistrictPeople(d, i(r, 1), i(r, 2), i(r, 3)), this::livePeople);
    }

    /** Current posts per district and category on {@code on} (of people not removed). */
    public List<DistrictPosts> posts(Tx tx, String scope, LocalDate on) {
        return read(tx, scope, on, "prov_fig_posts", "category, posts", null,
                (d, r) -> new DistrictPosts(d, Category.valueOf(r.get(1, String.class)), i(r, 2)), this::livePosts);
    }

    /** Distinct covered and eligible people per village and category on {@code on}. */
    public List<VillageCategory> villageCategories(Tx tx, String scope, LocalDate on) {
        return read(tx, scope, on, "prov_fig_village_cat", "village_code, category, covered, eligible", null,
                (d, r) -> new VillageCategory(d, r.get(1, String.class), Category.valueOf(r.get(2, String.class)),
                        i(r, 3), i(r, 4)), this::liveVillageCategories);
    }

    /** Distinct holders, eligible and covered people per village on {@code on} (a person once per village). */
    public List<VillageTotal> villageTotals(Tx tx, String scope, LocalDate on) {
        return read(tx, scope, on, "prov_fig_village", "village_code, holders, eligible, covered", null,
                (d, r) -> new VillageTotal(d, r.get(1, String.class), i(r, 2), i(r, 3), i(r, 4)),
                this::liveVillageTotals);
    }

    /** Covered and eligible people of a district and category: the sum over its villages' rows. */
    public record DistrictCategory(String district, Category category, int covered, int eligible) {
    }

    /**
     * Per district and category, the sums of {@link #villageCategories} over the district's villages: what the
     * province dashboard shows per kabupaten/kota, read as one aggregate per district (never a row per village).
     */
    public List<DistrictCategory> districtCategories(Tx tx, String scope, LocalDate on) {
        return read(tx, scope, on, "prov_fig_village_cat", "s.category, SUM(s.covered), SUM(s.eligible)", null,
                "s.category", (d, r) -> new DistrictCategory(d, Category.valueOf(r.get(1, String.class)), i(r, 2),
                        i(r, 3)), (t, sc, o) -> sumCategories(liveVillageCategories(t, sc, o)));
    }

    private static List<DistrictCategory> sumCategories(List<VillageCategory> vs) {
        java.util.Map<String, int[]> m = new java.util.TreeMap<>();
        for (VillageCategory v : vs) {
            int[] n = m.computeIfAbsent(v.district() + "|" + v.category().name(), k -> new int[2]);
            n[0] += v.covered();
            n[1] += v.eligible();
        }
        List<DistrictCategory> out = new ArrayList<>();
        m.forEach((k, n) -> {
            int bar = k.indexOf('|');
            out.add(new DistrictCategory(k.substring(0, bar), Category.valueOf(k.substring(bar + 1)), n[0], n[1]));
        });
        return out;
    }

    /**
     * Per district, the totals of its villages: holders, eligible and covered people summed over the villages
     * (each person once per village, as the coverage report's district row adds them up).
     */
    public List<VillageTotal> districtTotals(Tx tx, String scope, LocalDate on) {
        return read(tx, scope, on, "prov_fig_village", "'', SUM(s.holders), SUM(s.eligible), SUM(s.covered)", null,
                "''", (d, r) -> new VillageTotal(d, "", i(r, 2), i(r, 3), i(r, 4)),
                (t, sc, o) -> {
                    java.util.Map<String, int[]> m = new java.util.TreeMap<>();
                    for (VillageTotal v : liveVillageTotals(t, sc, o)) {
                        int[] n = m.computeIfAbsent(v.district(), k -> new int[3]);
                        n[0] += v.holders();
                        n[1] += v.eligible();
                        n[2] += v.covered();
                    }
                    List<VillageTotal> out = new ArrayList<>();
                    m.forEach((d, n) -> out.add(new VillageTotal(d, "", n[0], n[1], n[2])));
                    return out;
                });
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
        for (VillageTotal v : villageTotals(tx, scope, on)) totals.put(v.village(), v);
        List<Object> b = new ArrayList<>();
        String sql = "SELECT r.district_code, r.code, r.village_type, r.active FROM prov_region r"
                + " WHERE r.level = 'VILLAGE' AND " + scope("r.district_code", scope, b);
        List<VillageMark> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Record r : tx.dsl().fetch(sql, b.toArray())) {
            String code = r.get(1, String.class);
            if (!seen.add(code)) continue;
            VillageTotal t = totals.get(code);
            out.add(new VillageMark(r.get(0, String.class), code, r.get(2, String.class), r.get(3, Boolean.class),
                    t == null ? 0 : t.holders(), t == null ? 0 : t.covered()));
        }
        for (VillageTotal t : totals.values()) {
            if (!seen.contains(t.village())) {
                out.add(new VillageMark(t.district(), t.village(), null, null, t.holders(), t.covered()));
            }
        }
        return out;
    }

    /** Computes one figure on the fly for a scope (a district, a province or every district) and a date. */
    @FunctionalInterface
    private interface Live<T> {
        List<T> compute(Tx tx, String scope, LocalDate on);
    }

    /**
     * The one read of a figure (decision 0126): the rows of summary table {@code table} ({@code district_code}
     * first, then {@code columns}) for the districts whose summary holds on the date, plus the same figure computed
     * on the fly ({@code live}) for each other district; everything on the fly when no summary holds. The summary
     * rows are, by construction, the rows {@code live} returns for their district ({@link #refreshSummary}).
     */
    private <T> List<T> read(Tx tx, String scope, LocalDate on, String table, String columns, String where,
                             java.util.function.BiFunction<String, Record, T> map, Live<T> live) {
        return read(tx, scope, on, table, columns, where, null, map, live);
    }

    /** As above, with a {@code GROUP BY} after {@code s.district_code} (aggregates of the summary rows). */
    private <T> List<T> read(Tx tx, String scope, LocalDate on, String table, String columns, String where,
                             String groupBy, java.util.function.BiFunction<String, Record, T> map, Live<T> live) {
        Plan p = plan(tx, scope, on);
        if (p.allLive()) return live.compute(tx, scope, on);
        List<Object> b = new ArrayList<>();
        String sql = "SELECT s.district_code, " + columns + " FROM " + table + " s WHERE "
                + scope("s.district_code", scope, b) + (where == null ? "" : " AND " + where)
                + (groupBy == null ? "" : " GROUP BY s.district_code, " + groupBy);
        List<T> out = new ArrayList<>();
        for (Record r : tx.dsl().fetch(sql, b.toArray())) {
            String d = r.get(0, String.class);
            if (p.served().contains(d)) out.add(map.apply(d, r));
        }
        for (String d : p.live()) out.addAll(live.compute(tx, d, on));
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

    /** People, office-holders and active enrolments per district on {@code on}, computed on the fly. */
    List<DistrictPeople> livePeople(Tx tx, String scope, LocalDate on) {
        java.util.Map<String, int[]> m = new java.util.TreeMap<>();
        List<Object> b = new ArrayList<>();
        String sql = "SELECT pe.district_code, COUNT(*), SUM(CASE WHEN " + active("pe.district_code", "pe.id", b, on)
                + " THEN 1 ELSE 0 END) FROM prov_person pe WHERE pe.deleted_at IS NULL AND "
                + scope("pe.district_code", scope, b) + " GROUP BY pe.district_code";
        for (Record r : tx.dsl().fetch(sql, b.toArray())) {
            int[] v = m.computeIfAbsent(r.get(0, String.class), k -> new int[3]);
            v[0] = i(r, 1);
            v[2] = i(r, 2);
        }
        List<Object> b2 = new ArrayList<>();
        String holders = "SELECT po.district_code, COUNT(DISTINCT po.person_id)" + POST_PERSON + " WHERE "
                + current(b2, on) + " AND " + scope("po.district_code", scope, b2) + " GROUP BY po.district_code";
        for (Record r : tx.dsl().fetch(holders, b2.toArray())) {
            m.computeIfAbsent(r.get(0, String.class), k -> new int[3])[1] = i(r, 1);
        }
        List<DistrictPeople> out = new ArrayList<>();
        m.forEach((d, v) -> out.add(new DistrictPeople(d, v[0], v[1], v[2])));
        return out;
    }

    /** Current posts per district and category on {@code on} (of people not removed), computed on the fly. */
    List<DistrictPosts> livePosts(Tx tx, String scope, LocalDate on) {
        List<Object> b = new ArrayList<>();
        String sql = "SELECT po.district_code, po.category, COUNT(*)" + POST_PERSON + " WHERE " + current(b, on)
                + " AND " + scope("po.district_code", scope, b) + " GROUP BY po.district_code, po.category";
        List<DistrictPosts> out = new ArrayList<>();
        for (Record r : tx.dsl().fetch(sql, b.toArray())) {
            out.add(new DistrictPosts(r.get(0, String.class), Category.valueOf(r.get(1, String.class)), i(r, 2)));
        }
        return out;
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

    /** Distinct covered and eligible people per village and category on {@code on}, computed on the fly. */
    List<VillageCategory> liveVillageCategories(Tx tx, String scope, LocalDate on) {
        List<Object> b = new ArrayList<>();
        String sql = "SELECT po.district_code, po.village_code, po.category, COUNT(DISTINCT CASE WHEN "
                + active("po.district_code", "po.person_id", b, on) + " THEN po.person_id END),"
                + " COUNT(DISTINCT po.person_id)" + POST_PERSON + " WHERE " + current(b, on)
                + " AND pe.employment_status = 'NON_ASN' AND " + scope("po.district_code", scope, b)
                + " GROUP BY po.district_code, po.village_code, po.category";
        List<VillageCategory> out = new ArrayList<>();
        for (Record r : tx.dsl().fetch(sql, b.toArray())) {
            out.add(new VillageCategory(r.get(0, String.class), r.get(1, String.class),
                    Category.valueOf(r.get(2, String.class)), i(r, 3), i(r, 4)));
        }
        return out;
    }

    /** Distinct holders, eligible and covered people per village on {@code on}, computed on the fly. */
    List<VillageTotal> liveVillageTotals(Tx tx, String scope, LocalDate on) {
        List<Object> b = new ArrayList<>();
        String sql = "SELECT po.district_code, po.village_code, COUNT(DISTINCT po.person_id),"
                + " COUNT(DISTINCT CASE WHEN pe.employment_status = 'NON_ASN' THEN po.person_id END),"
                + " COUNT(DISTINCT CASE WHEN pe.employment_status = 'NON_ASN' AND "
                + active("po.district_code", "po.person_id", b, on) + " THEN po.person_id END)" + POST_PERSON
                + " WHERE " + current(b, on) + " AND " + scope("po.district_code", scope, b)
                + " GROUP BY po.district_code, po.village_code";
        List<VillageTotal> out = new ArrayList<>();
        for (Record r : tx.dsl().fetch(sql, b.toArray())) {
            out.add(new VillageTotal(r.get(0, String.class), r.get(1, String.class), i(r, 2), i(r, 3), i(r, 4)));
        }
        return out;
    }

    /** Kecamatan and village rows (retired ones too) of the imported region lists, by code. */
    public List<DistrictRegion> regions(Tx tx, String scope) {
        List<Object> b = new ArrayList<>();
        String sql = "SELECT r.district_code, r.code, r.name, r.level, r.village_type, r.parent_code, r.active"
                + " FROM prov_region r WHERE " + scope("r.district_code", scope, b) + " ORDER BY r.code";
        List<DistrictRegion> out = new ArrayList<>();
        for (Record r : tx.dsl().fetch(sql, b.toArray())) {
            String type = r.get(4, String.class);
            out.add(new DistrictRegion(r.get(0, String.class), new Region(r.get(1, String.class),
                    r.get(2, String.class), RegionLevel.valueOf(r.get(3, String.class)),
                    type == null ? null : VillageType.valueOf(type), r.get(5, String.class),
                    Boolean.TRUE.equals(r.get(6, Boolean.class)))));
        }
        return out;
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

    /** Regencies (kabupaten/kota) of the office's own region list within the scope (active ones). */
    public List<Region> regencies(Tx tx, String scope) {
        List<Object> b = new ArrayList<>();
        String sql = "SELECT r.code, r.name, r.active FROM region r WHERE r.level = 'REGENCY' AND r.active = TRUE AND "
                + scope("r.code", scope, b) + " ORDER BY r.code";
        List<Region> out = new ArrayList<>();
        for (Record r : tx.dsl().fetch(sql, b.toArray())) {
            String code = r.get(0, String.class);
            out.add(new Region(code, r.get(1, String.class), RegionLevel.REGENCY, null, Region.parentOf(code), true));
        }
        return out;
    }

    /** Names of provinces in the office's own region list. */
    public java.util.Map<String, String> provinceNames(Tx tx) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (Record r : tx.dsl().fetch("SELECT r.code, r.name FROM region r WHERE r.level = 'PROVINCE'")) {
            out.put(r.get(0, String.class), r.get(1, String.class));
        }
        return out;
    }
}
