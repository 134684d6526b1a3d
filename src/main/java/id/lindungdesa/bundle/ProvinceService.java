package id.lindungdesa.bundle;

import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.CoverageCount;
import id.lindungdesa.domain.CoverageTarget;
import id.lindungdesa.domain.Office;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.ReceivedBundle;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.RegionLevel;
import id.lindungdesa.domain.VillageType;
import id.lindungdesa.persistence.BundleRepository;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.ProvinceFiguresRepository;
import id.lindungdesa.persistence.ProvinceRepository;
import id.lindungdesa.service.CoverageService;
import id.lindungdesa.service.CoverageService.Area;
import id.lindungdesa.service.CoverageService.Report;
import id.lindungdesa.service.CoverageService.Target;
import id.lindungdesa.service.OfficeService;
import id.lindungdesa.service.StatsService;
import id.lindungdesa.service.TargetService;
import id.lindungdesa.service.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Figures of a province (or national) office over the district data it imported ({@code prov_*}): head-line stats,
 * coverage per category, village, kecamatan, kabupaten and province against the targets, who reported for a period,
 * and the drill-down to the people of a village, one page at a time. Everything is SQL aggregation
 * ({@link ProvinceFiguresRepository}); no roster is loaded (decision 0125). The coverage rule is the district's, so a
 * province's totals are the sums of its districts' own reports.
 *
 * <p>A scope is {@code ""} (every district held: a national office), a province code ({@code 36}) or a district
 * code ({@code 36.04}).
 */
public final class ProvinceService {
    /** Rows of the drill-down's people list per page. */
    public static final int PAGE = 50;

    private final Database db;
    private final ProvinceRepository prov;
    private final ProvinceFiguresRepository figures;
    private final BundleRepository bundles;
    private final OfficeService office;
    private final TargetService targets;
    private final Clock clock;

    public ProvinceService(Database db, ProvinceRepository prov, BundleRepository bundles, OfficeService office,
                           TargetService targets, Clock clock) {
        this(db, prov, bundles, office, targets, clock, new ProvinceFiguresRepository());
    }

    private ProvinceService(Database db, ProvinceRepository prov, BundleRepository bundles, OfficeService office,
                            TargetService targets, Clock clock, ProvinceFiguresRepository figures) {
        this.figures = figures;
        this.db = db;
        this.prov = prov;
        this.bundles = bundles;
        this.office = office;
        this.targets = targets;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ records

    /** A district bundle received: its sequence, period, when it was made and when this office imported it. */
    public record Received(String issuerCode, String issuerName, long sequence, String period,
                           java.time.OffsetDateTime createdAt, java.time.OffsetDateTime receivedAt) {
        static Received of(ProvinceFiguresRepository.Received r) {
            return new Received(r.issuerCode(), r.issuerName(), r.sequence(), r.period(), r.createdAt(),
                    r.importedAt());
        }
    }

    /** One current office-holder (a post) of a village, covered or not on the date. */
    public record Holder(java.util.UUID personId, java.util.UUID postId, String nik, String fullName, String sex,
                         String employment, String position, LocalDate startDate, LocalDate plannedEndDate,
                         boolean covered) {
        static Holder of(ProvinceFiguresRepository.Holder h) {
            return new Holder(h.personId(), h.postId(), h.nik(), h.fullName(), h.sex(), h.employment(), h.position(),
                    h.startDate(), h.plannedEndDate(), h.covered());
        }
    }

    /** One kabupaten/kota on the dashboard. {@code targets} are percentages per category (absent when none). */
    public record DistrictRow(String code, String name, Map<Category, CoverageCount> byCategory, CoverageCount total,
                              Map<Category, BigDecimal> targets, BigDecimal overallTarget, int villages,
                              int villagesNoneRegistered, Received lastBundle, boolean reportedThisPeriod) {
        public BigDecimal targetFor(Category c) {
            return targets.get(c);
        }
    }

    /**
     * The dashboard: coverage of the office's area and of each kabupaten/kota; {@code villages} and
     * {@code villagesNoneRegistered} count desa and desa adat (kelurahan have no kepala desa or BPD).
     */
    public record Dashboard(LocalDate on, Period period, String scope, List<DistrictRow> districts,
                            Map<Category, CoverageCount> byCategory, CoverageCount total, int villages,
                            int villagesNoneRegistered) {
        public List<DistrictRow> notReported() {
            return districts.stream().filter(d -> !d.reportedThisPeriod()).toList();
        }
    }

    /** A village in the drill-down. */
    public record VillageRow(String code, String name, String subdistrict, VillageType type,
                             Map<Category, CoverageCount> byCategory, CoverageCount total, int holders) {
        public boolean registeredNone() {
            return total.covered() == 0;
        }
    }

    /** Coverage of a scope: the district-shaped report plus the targets per kabupaten/kota. */
    public record Coverage(String scope, Report report, Map<String, Map<Category, Target>> districtTargets,
                           Map<String, Target> districtOverall, List<Area> provinces,
                           Map<String, VillageType> villageTypes) {
        /** Villages of type desa or desa adat with no one registered, of one district (or all), by code. */
        public List<Area> noneRegistered(String district) {
            return report.villages().stream()
                    .filter(v -> district == null || Region.within(v.code(), district))
                    .filter(v -> v.registeredNone() == 1 && villageTypes.get(v.code()) != VillageType.KELURAHAN)
                    .toList();
        }
    }

    /** Head-line figures of one kabupaten/kota. */
    public record DistrictStats(String code, String name, int people, int officeHolders, Map<Category, Integer> posts,
                                int enrolledActive, Received lastBundle) {
    }

    /** {@code stats} at a province or national office: the district-shaped figures plus each district's. */
    public record Stats(String scope, StatsService.Stats totals, List<DistrictStats> districts) {
    }

    /** One kabupaten/kota in the reporting list: its bundle for the period (null: missing) and its last one. */
    public record ReportingRow(String code, String name, Received inPeriod, Received last) {
        public boolean reported() {
            return inPeriod != null;
        }
    }

    public record Reporting(Period period, String scope, List<ReportingRow> districts) {
        public List<ReportingRow> missing() {
            return districts.stream().filter(r -> !r.reported()).toList();
        }
    }

    /** A page of the people of a village. */
    public record PeoplePage(String village, int page, int pages, int total, List<Holder> rows) {
    }

    // ------------------------------------------------------------------ office and scope

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** True at an office that holds imported district data: a province, or a national office. */
    public boolean isProvince() {
        return office.office().map(o -> o.level().receivesBundles()).orElse(false);
    }

    /** The office's name (documents' letterhead). */
    public String officeName() {
        return office.office().map(Office::name).orElse("LindungDesa");
    }

    /** The office's own scope: its province code, or "" at a national office. */
    public String officeScope() {
        Office o = office.require();
        return o.level() == OfficeLevel.PROVINCE ? o.regionCode() : "";
    }

    /**
     * The scope asked for: a district ({@code district}), else a province ({@code province}), else the office's;
     * refused when outside the office's area.
     */
    public String scope(String province, String district) {
        String own = officeScope();
        String wanted = district != null ? district : province != null ? province : own;
        if (district != null && Region.levelOf(district) != RegionLevel.REGENCY) {
            throw ValidationException.of("district", "province.cli.error.district", district);
        }
        if (district == null && province != null && Region.levelOf(province) != RegionLevel.PROVINCE) {
            throw ValidationException.of("province", "province.cli.error.province", province);
        }
        if (!Region.within(wanted, own)) {
            throw ValidationException.of("scope", "province.cli.error.outside", wanted, own.isEmpty() ? "00" : own);
        }
        return wanted;
    }

    // ------------------------------------------------------------------ per-district summary (decision 0126)

    /**
     * The same service with every figure computed on the fly from the {@code prov_*} rows, never from the
     * per-district summary: the oracle the summary is compared with (tests), and a diagnostic.
     */
    public ProvinceService computedOnTheFly() {
        return new ProvinceService(db, prov, bundles, office, targets, clock, new ProvinceFiguresRepository(false));
    }

    /**
     * Computes the summary of every district held whose summary does not hold today: a database made before the
     * summary existed, or one whose figures changed since its last import (a post starting or ending, a status
     * taking effect after the import's date). Run when the database is opened; returns how many were computed.
     */
    public int refreshSummaries() {
        if (!isProvince()) return 0;
        LocalDate on = today();
        List<String> stale = db.read(tx -> figures.unsummarised(tx, "", on));
        if (stale.isEmpty()) return 0;
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(clock);
        db.writeVoid(tx -> {
            for (String d : stale) figures.refreshSummary(tx, d, on, null, now);
        });
        return stale.size();
    }

    // ------------------------------------------------------------------ stats

    public Stats stats(String scope, LocalDate on) {
        return db.readOnly(tx -> { // one snapshot, no locks (issue 16)
            int[] rc = figures.regionCounts(tx, scope);
            Map<String, int[]> people = new TreeMap<>();
            for (var p : figures.people(tx, scope, on)) {
                people.put(p.district(), new int[] {p.people(), p.officeHolders(), p.enrolledActive()});
            }
            Map<String, Map<Category, Integer>> posts = new TreeMap<>();
            for (var p : figures.posts(tx, scope, on)) {
                posts.computeIfAbsent(p.district(), k -> zeroInts()).merge(p.category(), p.posts(), Integer::sum);
            }
            Map<String, String> names = districtNames(tx, scope);
            Map<String, Received> last = lastBundles(tx, scope);
            List<String> codes = new ArrayList<>(new java.util.TreeSet<>(names.keySet()));
            for (String d : people.keySet()) if (!codes.contains(d)) codes.add(d);
            codes.sort(Comparator.naturalOrder());
            List<DistrictStats> ds = new ArrayList<>();
            int tp = 0, th = 0, te = 0;
            Map<Category, Integer> tposts = zeroInts();
            for (String d : codes) {
                int[] v = people.getOrDefault(d, new int[3]);
                Map<Category, Integer> pc = posts.getOrDefault(d, zeroInts());
                ds.add(new DistrictStats(d, names.getOrDefault(d, d), v[0], v[1], pc, v[2], last.get(d)));
                tp += v[0];
                th += v[1];
                te += v[2];
                pc.forEach((c, n) -> tposts.merge(c, n, Integer::sum));
            }
            StatsService.Stats totals = new StatsService.Stats(on, new StatsService.Villages(rc[0], rc[1], rc[2],
                    rc[3]), tp, th, tposts, te);
            return new Stats(scope, totals, ds);
        });
    }

    private static Map<Category, Integer> zeroInts() {
        Map<Category, Integer> m = new EnumMap<>(Category.class);
        for (Category c : Category.values()) m.put(c, 0);
        return m;
    }

    // ------------------------------------------------------------------ coverage

    /** Coverage of a scope on a date, in the district report's shape (see class comment). */
    public Coverage coverage(String scope, LocalDate on) {
        List<CoverageTarget> allTargets = targets.all();
        return db.readOnly(tx -> { // one snapshot, no locks (issue 16)
            Map<String, Region> villages = new HashMap<>();
            Map<String, String> names = new HashMap<>();
            figures.regions(tx, scope, dr -> {
                Region r = dr.region();
                names.put(r.code(), r.name());
                if (r.level() == RegionLevel.VILLAGE) villages.put(r.code(), r);
            });
            Map<String, String> districtNames = districtNames(tx, scope);
            names.putAll(districtNames);
            Map<String, String> provinceNames = figures.provinceNames(tx);
            // one plan (which districts come from the summary) for both reads; rows stream into the maps
            ProvinceFiguresRepository.Plan plan = figures.plan(tx, scope, on);
            Map<String, Map<Category, CoverageCount>> byCat = new HashMap<>();
            figures.villageCategories(tx, plan, scope, on, v -> byCat.computeIfAbsent(v.village(), k -> zeroCounts())
                    .merge(v.category(), new CoverageCount(v.covered(), v.eligible()), CoverageCount::plus));
            Map<String, ProvinceFiguresRepository.VillageTotal> totals = new HashMap<>();
            figures.villageTotals(tx, plan, scope, on, v -> totals.put(v.village(), v));
            java.util.Set<String> codes = new java.util.TreeSet<>(villages.keySet());
            codes.addAll(totals.keySet());
            List<Area> vs = new ArrayList<>(codes.size());
            Map<String, VillageType> types = new HashMap<>();
            for (String code : codes) {
                Region r = villages.get(code);
                var t = totals.get(code);
                int holders = t == null ? 0 : t.holders();
                if (r != null && !r.active() && holders == 0) continue;
                CoverageCount total = t == null ? CoverageCount.ZERO : new CoverageCount(t.covered(), t.eligible());
                int none = total.covered() == 0 ? 1 : 0;
                int full = total.eligible() > 0 && total.covered() == total.eligible() ? 1 : 0;
                vs.add(new Area(code, r == null ? code : r.name(), RegionLevel.VILLAGE,
                        byCat.getOrDefault(code, zeroCounts()), total, 1, none, 1 - none - full, full, holders));
                types.put(code, r != null && r.villageType() != null ? r.villageType() : Region.villageTypeOf(code));
            }
            List<Area> kecamatan = rollup(vs, 3, RegionLevel.SUBDISTRICT, names);
            List<Area> districts = rollup(vs, 2, RegionLevel.REGENCY, names);
            List<Area> provinces = rollup(vs, 1, RegionLevel.PROVINCE, provinceNames);
            String regionName = scope.isEmpty() ? office.require().name()
                    : scope.indexOf('.') < 0 ? provinceNames.getOrDefault(scope, office.require().name())
                    : names.getOrDefault(scope, scope);
            Area whole = sum(scope, regionName, scope.isEmpty() ? RegionLevel.PROVINCE : Region.levelOf(scope), vs);
            int year = on.getYear();
            String targetRegion = scope.isEmpty() ? office.require().regionCode() : scope;
            Map<Category, Target> ts = targetsFor(allTargets, targetRegion, year);
            Target overall = overallFor(allTargets, targetRegion, year);
            Map<String, Map<Category, Target>> dt = new TreeMap<>();
            Map<String, Target> dOverall = new TreeMap<>();
            for (Area d : districts) {
                dt.put(d.code(), targetsFor(allTargets, d.code(), year));
                Target o = overallFor(allTargets, d.code(), year);
                if (o != null) dOverall.put(d.code(), o);
            }
            Report report = new Report(on, whole, districts, kecamatan, List.copyOf(vs), ts, overall);
            return new Coverage(scope, report, dt, dOverall, provinces, types);
        });
    }

    private static Map<Category, CoverageCount> zeroCounts() {
        Map<Category, CoverageCount> m = new EnumMap<>(Category.class);
        for (Category c : Category.values()) m.put(c, CoverageCount.ZERO);
        return m;
    }

    /** The target in force per category (a category's own, else the all-categories one; nearest region first). */
    static Map<Category, Target> targetsFor(List<CoverageTarget> all, String region, int year) {
        Map<Category, Target> out = new EnumMap<>(Category.class);
        Comparator<CoverageTarget> nearest = Comparator.comparingInt((CoverageTarget t) -> t.regionCode().length())
                .thenComparing(t -> t.category() != null);
        for (Category c : Category.values()) {
            all.stream().filter(t -> t.year() == year && Region.within(region, t.regionCode()))
                    .filter(t -> t.category() == null || t.category() == c).max(nearest)
                    .ifPresent(t -> out.put(c, new Target(c, t.percent(), t.source())));
        }
        return out;
    }

    /** The all-categories target in force (nearest region), or null. */
    static Target overallFor(List<CoverageTarget> all, String region, int year) {
        return all.stream()
                .filter(t -> t.year() == year && t.category() == null && Region.within(region, t.regionCode()))
                .max(Comparator.comparingInt((CoverageTarget t) -> t.regionCode().length()))
                .map(t -> new Target(null, t.percent(), t.source())).orElse(null);
    }

    private static List<Area> rollup(List<Area> villages, int parts, RegionLevel level, Map<String, String> names) {
        Map<String, List<Area>> groups = new TreeMap<>();
        for (Area v : villages) {
            String[] p = v.code().split("\\.");
            if (p.length < parts) continue;
            groups.computeIfAbsent(String.join(".", java.util.Arrays.copyOf(p, parts)), k -> new ArrayList<>()).add(v);
        }
        List<Area> out = new ArrayList<>();
        groups.forEach((code, vs) -> out.add(sum(code, names.getOrDefault(code, code), level, vs)));
        return out;
    }

    /** Adds villages up into one area, exactly as a district's own report does. */
    static Area sum(String code, String name, RegionLevel level, List<Area> villages) {
        return CoverageService.sum(code, name, level, villages);
    }

    // ------------------------------------------------------------------ reporting

    /** For every kabupaten/kota of the scope (its region list, plus any that sent a bundle), its report. */
    public Reporting reporting(String scope, Period period) {
        return db.readOnly(tx -> { // one snapshot, no locks (issue 16)
            Map<String, String> names = districtNames(tx, scope);
            Map<String, Received> last = new HashMap<>();
            Map<String, Received> inPeriod = new HashMap<>();
            for (var x : figures.received(tx, scope, Manifest.KIND_DISTRICT_SNAPSHOT)) {
                Received r = Received.of(x);
                last.put(r.issuerCode(), r); // ordered by sequence: the last one wins
                if (r.period().equals(period.label())) inPeriod.put(r.issuerCode(), r);
            }
            List<ReportingRow> rows = new ArrayList<>();
            for (var e : names.entrySet()) {
                rows.add(new ReportingRow(e.getKey(), e.getValue(), inPeriod.get(e.getKey()), last.get(e.getKey())));
            }
            return new Reporting(period, scope, rows);
        });
    }

    /** Kabupaten/kota of the scope by code: the office's region list, then bundles' issuers, then prov data. */
    private Map<String, String> districtNames(id.lindungdesa.persistence.Tx tx, String scope) {
        Map<String, String> names = new TreeMap<>();
        String regencyScope = scope;
        for (Region r : figures.regencies(tx, regencyScope)) names.put(r.code(), r.name());
        for (var r : figures.received(tx, scope, Manifest.KIND_DISTRICT_SNAPSHOT)) {
            names.putIfAbsent(r.issuerCode(), r.issuerName());
        }
        for (String d : figures.districts(tx, scope)) names.putIfAbsent(d, d);
        return names;
    }

    private Map<String, Received> lastBundles(id.lindungdesa.persistence.Tx tx, String scope) {
        Map<String, Received> last = new HashMap<>();
        for (var r : figures.received(tx, scope, Manifest.KIND_DISTRICT_SNAPSHOT)) {
            last.put(r.issuerCode(), Received.of(r));
        }
        return last;
    }

    // ------------------------------------------------------------------ dashboard and drill-down

    /**
     * The dashboard of the office's area on {@code on}: per kabupaten/kota, its coverage by category and its desa
     * counts, read as aggregates per district (decision 0126's summary, GROUP BY district) and one narrow row per
     * village for the counts; never the villages' coverage by category, never a person. Equal to
     * {@link #dashboardFromCoverage} (ProvinceSummaryTest).
     */
    public Dashboard dashboard(LocalDate on) {
        String scope = officeScope();
        Period period = Period.containing(on);
        List<CoverageTarget> allTargets = targets.all();
        Reporting rep = reporting(scope, period);
        return db.read(tx -> {
            Map<String, Map<Category, CoverageCount>> byCat = new TreeMap<>();
            for (var c : figures.districtCategories(tx, scope, on)) {
                byCat.computeIfAbsent(c.district(), k -> zeroCounts())
                        .merge(c.category(), new CoverageCount(c.covered(), c.eligible()), CoverageCount::plus);
            }
            Map<String, CoverageCount> totals = new TreeMap<>();
            for (var t : figures.districtTotals(tx, scope, on)) {
                totals.merge(t.district(), new CoverageCount(t.covered(), t.eligible()), CoverageCount::plus);
            }
            java.util.Set<String> withVillages = new java.util.TreeSet<>();
            Map<String, int[]> desa = new HashMap<>();
            for (var v : figures.villageMarks(tx, scope, on)) {
                if (Boolean.FALSE.equals(v.active()) && v.holders() == 0) continue;
                String district = v.village().length() >= 5 ? v.village().substring(0, 5) : v.district();
                withVillages.add(district);
                VillageType type = v.type() != null ? VillageType.valueOf(v.type()) : Region.villageTypeOf(v.village());
                if (type == VillageType.KELURAHAN) continue;
                int[] n = desa.computeIfAbsent(district, k -> new int[2]);
                n[0]++;
                if (v.covered() == 0) n[1]++;
            }
            Map<String, ReportingRow> byCode = new LinkedHashMap<>();
            for (ReportingRow r : rep.districts()) byCode.put(r.code(), r);
            java.util.Set<String> codes = new java.util.TreeSet<>(byCode.keySet());
            codes.addAll(withVillages);
            Map<String, String> names = districtNames(tx, scope);
            int year = on.getYear();
            List<DistrictRow> rows = new ArrayList<>();
            int villages = 0, none = 0;
            Map<Category, CoverageCount> wholeCat = zeroCounts();
            CoverageCount whole = CoverageCount.ZERO;
            for (String code : codes) {
                ReportingRow r = byCode.get(code);
                boolean area = withVillages.contains(code);
                Map<Category, CoverageCount> bc = area ? byCat.getOrDefault(code, zeroCounts()) : zeroCounts();
                CoverageCount total = area ? totals.getOrDefault(code, CoverageCount.ZERO) : CoverageCount.ZERO;
                Map<Category, BigDecimal> tg = new EnumMap<>(Category.class);
                if (area) targetsFor(allTargets, code, year).forEach((c, t) -> tg.put(c, t.percent()));
                Target o = area ? overallFor(allTargets, code, year) : null;
                int[] n = desa.getOrDefault(code, new int[2]);
                villages += n[0];
                none += n[1];
                if (area) {
                    bc.forEach((c, k) -> wholeCat.merge(c, k, CoverageCount::plus));
                    whole = whole.plus(total);
                }
                rows.add(new DistrictRow(code, r != null ? r.name() : names.getOrDefault(code, code), bc, total, tg,
                        o == null ? null : o.percent(), n[0], n[1], r == null ? null : r.last(),
                        r != null && r.reported()));
            }
            return new Dashboard(on, period, scope, rows, wholeCat, whole, villages, none);
        });
    }

    /**
     * The dashboard as it was computed before (from the full coverage report, every village): the oracle
     * {@link #dashboard} is compared with in tests.
     */
    Dashboard dashboardFromCoverage(LocalDate on) {
        String scope = officeScope();
        Period period = Period.containing(on);
        Coverage cov = coverage(scope, on);
        Reporting rep = reporting(scope, period);
        Map<String, ReportingRow> byCode = new LinkedHashMap<>();
        for (ReportingRow r : rep.districts()) byCode.put(r.code(), r);
        Map<String, Area> areas = new HashMap<>();
        for (Area a : cov.report().districts()) areas.put(a.code(), a);
        java.util.Set<String> codes = new java.util.TreeSet<>(byCode.keySet());
        codes.addAll(areas.keySet());
        Map<String, int[]> desa = new HashMap<>();
        for (Area v : cov.report().villages()) {
            if (cov.villageTypes().get(v.code()) == VillageType.KELURAHAN) continue;
            int[] n = desa.computeIfAbsent(v.code().substring(0, 5), k -> new int[2]);
            n[0]++;
            n[1] += v.registeredNone();
        }
        List<DistrictRow> rows = new ArrayList<>();
        int villages = 0, none = 0;
        for (String code : codes) {
            Area a = areas.get(code);
            ReportingRow r = byCode.get(code);
            Map<Category, BigDecimal> tg = new EnumMap<>(Category.class);
            cov.districtTargets().getOrDefault(code, Map.of()).forEach((c, t) -> tg.put(c, t.percent()));
            Target o = cov.districtOverall().get(code);
            int[] n = desa.getOrDefault(code, new int[2]);
            villages += n[0];
            none += n[1];
            rows.add(new DistrictRow(code, r != null ? r.name() : a.name(),
                    a == null ? zeroCounts() : a.byCategory(), a == null ? CoverageCount.ZERO : a.total(), tg,
                    o == null ? null : o.percent(), n[0], n[1], r == null ? null : r.last(),
                    r != null && r.reported()));
        }
        Area whole = cov.report().region();
        return new Dashboard(on, period, scope, rows, whole.byCategory(), whole.total(), villages, none);
    }

    /** A district (or kecamatan) opened in the drill-down: its kecamatan and its villages with coverage. */
    public record Drill(String area, List<Area> kecamatan, List<VillageRow> villages) {
    }

    /** Kecamatan and villages (every type) of a district or of one kecamatan, with coverage on {@code on}. */
    public Drill drill(String area, LocalDate on) {
        String district = area.substring(0, Math.min(5, area.length()));
        Coverage c = coverage(district, on);
        Map<String, String> kec = new HashMap<>();
        for (Area k : c.report().kecamatan()) kec.put(k.code(), k.name());
        List<VillageRow> out = new ArrayList<>();
        for (Area v : c.report().villages()) {
            if (!Region.within(v.code(), area)) continue;
            String parent = Region.parentOf(v.code());
            out.add(new VillageRow(v.code(), v.name(), kec.getOrDefault(parent, parent), c.villageTypes().get(v.code()),
                    v.byCategory(), v.total(), v.holders()));
        }
        List<Area> ks = c.report().kecamatan().stream().filter(k -> Region.within(k.code(), area)).toList();
        return new Drill(area, ks, out);
    }

    /** Villages (every type) of a district, or of one kecamatan, with coverage on {@code on}. */
    public List<VillageRow> villages(String area, LocalDate on) {
        return drill(area, on).villages();
    }

    /** One page (from 0) of the current office-holders of a village, by name; never the whole roster. */
    public PeoplePage people(String village, LocalDate on, int page) {
        String district = village.substring(0, 5);
        return db.read(tx -> {
            int total = figures.countHolders(tx, district, village, on);
            int pages = Math.max(1, (total + PAGE - 1) / PAGE);
            int p = Math.max(0, Math.min(page, pages - 1));
            return new PeoplePage(village, p, pages, total, figures.holders(tx, district, village, on, p * PAGE, PAGE)
                    .stream().map(Holder::of).toList());
        });
    }

    // ------------------------------------------------------------------ provenance

    /** The bundle a provincial record's content came from. */
    public Optional<UUID> sourceOf(String districtCode, String kind, Object key) {
        ProvinceRepository.Kind k = ProvinceRepository.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
        return Optional.ofNullable(db.read(tx -> prov.sourceBundle(tx, k, districtCode, key)));
    }

    public List<ReceivedBundle> received() {
        return db.read(bundles::receivedAll);
    }
}
