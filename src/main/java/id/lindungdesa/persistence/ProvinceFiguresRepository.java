package id.lindungdesa.persistence;

import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.RegionLevel;
import id.lindungdesa.domain.VillageType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

    /** People, office-holders and active enrolments per district on {@code on}. */
    public List<DistrictPeople> people(Tx tx, String scope, LocalDate on) {
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

    /** Current posts per district and category on {@code on} (of people not removed). */
    public List<DistrictPosts> posts(Tx tx, String scope, LocalDate on) {
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

    /** Distinct covered and eligible people per village and category on {@code on}. */
    public List<VillageCategory> villageCategories(Tx tx, String scope, LocalDate on) {
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

    /** Distinct holders, eligible and covered people per village on {@code on} (a person once per village). */
    public List<VillageTotal> villageTotals(Tx tx, String scope, LocalDate on) {
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
