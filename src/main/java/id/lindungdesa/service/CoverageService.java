package id.lindungdesa.service;

import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.CoverageCount;
import id.lindungdesa.domain.CoverageTarget;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.RegionLevel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Coverage per category per village, rolled up to kecamatan, district (and province), on any date, from the
 * enrolment status history (see {@link RosterReadModel#coverage}); the yearly target in force; a month-by-month
 * trend. The counts come from the database ({@link DistrictFigures}, decision 0120); rollups are sums here.
 */
public final class CoverageService {
    private final DistrictFigures figures;
    private final RegionService regions;
    private final TargetService targets;
    private final OfficeService office;

    public CoverageService(DistrictFigures figures, RegionService regions, TargetService targets,
                           OfficeService office) {
        this.figures = figures;
        this.regions = regions;
        this.targets = targets;
        this.office = office;
    }

    /** Coverage of one area (village, kecamatan, district…). */
    public record Area(String code, String name, RegionLevel level, Map<Category, CoverageCount> byCategory,
                       CoverageCount total, int villages, int registeredNone, int registeredSome, int fullyCovered,
                       int holders) {
        public CoverageCount of(Category c) {
            return byCategory.getOrDefault(c, CoverageCount.ZERO);
        }
    }

    /** The target for a category (null = all) in force for the report's region and year. */
    public record Target(Category category, BigDecimal percent, String source) {
    }

    /** A coverage report: the whole region, its kecamatan (and districts), its villages, and targets. */
    public record Report(LocalDate on, Area region, List<Area> districts, List<Area> kecamatan, List<Area> villages,
                         Map<Category, Target> targets, Target overallTarget) {

        public Optional<Target> target(Category c) {
            return Optional.ofNullable(c == null ? overallTarget : targets.get(c));
        }

        /** True / false against the target, or null when there is no target. */
        public Boolean meetsTarget(Category c, CoverageCount count) {
            return target(c).map(t -> count.percent().compareTo(t.percent()) >= 0).orElse(null);
        }

        public List<Area> villagesOf(String kecamatanCode) {
            return villages.stream().filter(v -> Region.within(v.code(), kecamatanCode)).toList();
        }
    }

    /** One month of the trend: coverage on the month's last day (today for the current month). */
    public record TrendPoint(YearMonth month, LocalDate on, Map<Category, CoverageCount> byCategory,
                             CoverageCount total) {
    }

    /** The region the office covers ("" when no office is set up: everything). */
    public String officeRegion() {
        return office.office().map(o -> o.regionCode()).orElse("");
    }

    public Report report(LocalDate on) {
        return report(officeRegion(), on);
    }

    public Report report(String prefix, LocalDate on) {
        return build(prefix, figures.villageCoverage(prefix, on), on);
    }

    /** The report from coverage per village (from the database, or from a snapshot in the equivalence test). */
    Report build(String prefix, Map<String, RosterReadModel.VillageCoverage> vc, LocalDate on) {
        Map<String, String> names = new java.util.HashMap<>();
        for (Region r : regions.within(prefix)) names.put(r.code(), r.name());
        List<Area> villages = new ArrayList<>();
        for (RosterReadModel.VillageCoverage v : vc.values()) {
            Map<Category, CoverageCount> byCat = new EnumMap<>(Category.class);
            v.byCategory().forEach((c, n) -> byCat.put(c, new CoverageCount(n.covered(), n.eligible())));
            CoverageCount total = new CoverageCount(v.total().covered(), v.total().eligible());
            int none = total.covered() == 0 ? 1 : 0;
            int full = v.fullyCovered() ? 1 : 0;
            villages.add(new Area(v.code(), v.name(), RegionLevel.VILLAGE, byCat, total, 1, none,
                    1 - none - full, full, v.holders()));
        }
        villages.sort(Comparator.comparing(Area::code));
        List<Area> kecamatan = rollup(villages, 3, RegionLevel.SUBDISTRICT, names);
        List<Area> districts = rollup(villages, 2, RegionLevel.REGENCY, names);
        String regionCode = prefix == null || prefix.isEmpty() ? "" : prefix;
        Area whole = sum(regionCode, regionCode.isEmpty() ? "" : names.getOrDefault(regionCode,
                        office.office().filter(o -> o.regionCode().equals(regionCode)).map(o -> o.name())
                                .orElse(regionCode)),
                regionCode.isEmpty() ? RegionLevel.PROVINCE : Region.levelOf(regionCode), villages);
        int year = on.getYear();
        String targetRegion = regionCode.isEmpty() ? officeRegion() : regionCode;
        Map<Category, Target> ts = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            targets.targetFor(targetRegion, year, c)
                    .ifPresent(t -> ts.put(c, new Target(c, t.percent(), t.source())));
        }
        Target overall = targets.targetFor(targetRegion, year, null)
                .map(t -> new Target(null, t.percent(), t.source())).orElse(null);
        return new Report(on, whole, districts, kecamatan, List.copyOf(villages), ts, overall);
    }

    private static List<Area> rollup(List<Area> villages, int parts, RegionLevel level, Map<String, String> names) {
        Map<String, List<Area>> groups = new TreeMap<>();
        for (Area v : villages) {
            String[] p = v.code().split("\\.");
            if (p.length < parts) continue;
            String code = String.join(".", java.util.Arrays.copyOf(p, parts));
            groups.computeIfAbsent(code, k -> new ArrayList<>()).add(v);
        }
        List<Area> out = new ArrayList<>();
        groups.forEach((code, vs) -> out.add(sum(code, names.getOrDefault(code, code), level, vs)));
        return out;
    }

    /** Adds villages (or areas) up into one area: counts per category, totals and village tallies. */
    public static Area sum(String code, String name, RegionLevel level, List<Area> villages) {
        Map<Category, CoverageCount> byCat = new EnumMap<>(Category.class);
        for (Category c : Category.values()) byCat.put(c, CoverageCount.ZERO);
        CoverageCount total = CoverageCount.ZERO;
        int n = 0, none = 0, some = 0, full = 0, holders = 0;
        for (Area v : villages) {
            v.byCategory().forEach((c, k) -> byCat.merge(c, k, CoverageCount::plus));
            total = total.plus(v.total());
            n += v.villages();
            none += v.registeredNone();
            some += v.registeredSome();
            full += v.fullyCovered();
            holders += v.holders();
        }
        return new Area(code, name, level, byCat, total, n, none, some, full, holders);
    }

    /** Coverage month by month over the {@code months} months ending with {@code on}'s month. */
    public List<TrendPoint> trend(LocalDate on, int months) {
        return trend(officeRegion(), on, months);
    }

    public List<TrendPoint> trend(String prefix, LocalDate on, int months) {
        List<TrendPoint> out = new ArrayList<>();
        YearMonth last = YearMonth.from(on);
        for (int i = months - 1; i >= 0; i--) {
            YearMonth m = last.minusMonths(i);
            LocalDate d = i == 0 ? on : m.atEndOfMonth();
            Map<Category, CoverageCount> byCat = new EnumMap<>(Category.class);
            figures.categoryTotals(prefix, d).forEach((c, k) -> byCat.put(c, new CoverageCount(k.covered(),
                    k.eligible())));
            RosterReadModel.Count t = figures.total(prefix, d);
            out.add(new TrendPoint(m, d, byCat, new CoverageCount(t.covered(), t.eligible())));
        }
        return out;
    }

    /** A report and its trend (dashboard, PDF). */
    public record Overview(Report report, List<TrendPoint> trend) {
    }

    public Overview overview(LocalDate on, int months) {
        String region = officeRegion();
        return new Overview(report(region, on), trend(region, on, months));
    }

    /** Coverage of the villages within {@code prefix} (one village: what a desk re-reads after an edit). */
    public Map<String, RosterReadModel.VillageCoverage> villageCoverage(String prefix, LocalDate on) {
        return figures.villageCoverage(prefix, on);
    }
}
