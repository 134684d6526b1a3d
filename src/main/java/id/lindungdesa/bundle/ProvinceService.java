package id.lindungdesa.bundle;

import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.CoverageTarget;
import id.lindungdesa.domain.EnrolmentStatus;
import id.lindungdesa.domain.Office;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.ReceivedBundle;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.RegionLevel;
import id.lindungdesa.domain.TrustedKey;
import id.lindungdesa.domain.VillageType;
import id.lindungdesa.persistence.BundleRepository;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.KeyRepository;
import id.lindungdesa.persistence.ProvinceRepository;
import id.lindungdesa.persistence.RegionRepository;
import id.lindungdesa.service.OfficeService;
import id.lindungdesa.service.RosterReadModel;
import id.lindungdesa.service.RosterReadModel.Count;
import id.lindungdesa.service.RosterService;
import id.lindungdesa.service.TargetService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The province dashboard's read model over imported district data: coverage per kabupaten and category against the
 * province's targets, villages with no one registered, when each district last reported, and drill-down to a
 * district's villages. Coverage follows the district's own rule ({@link RosterReadModel#coverage}).
 */
public final class ProvinceService {
    private final Database db;
    private final ProvinceRepository prov;
    private final BundleRepository bundles;
    private final KeyRepository keys;
    private final RegionRepository regions;
    private final OfficeService office;
    private final TargetService targets;
    private final Clock clock;

    public ProvinceService(Database db, ProvinceRepository prov, BundleRepository bundles, KeyRepository keys,
                           RegionRepository regions, OfficeService office, TargetService targets, Clock clock) {
        this.db = db;
        this.prov = prov;
        this.bundles = bundles;
        this.keys = keys;
        this.regions = regions;
        this.office = office;
        this.targets = targets;
        this.clock = clock;
    }

    /** One kabupaten/kota on the dashboard. {@code target*} are percentages (null when none is set). */
    public record DistrictRow(String code, String name, Map<Category, Count> byCategory, Count total,
                              Map<Category, BigDecimal> targets, int villages, int villagesNoneRegistered,
                              ReceivedBundle lastBundle, boolean reportedThisPeriod) {
        public BigDecimal targetFor(Category c) {
            return targets.get(c);
        }
    }

    public record Dashboard(LocalDate on, Period period, String provinceCode, List<DistrictRow> districts,
                            Map<Category, Count> byCategory, Count total, int villages, int villagesNoneRegistered) {
        public List<DistrictRow> notReported() {
            return districts.stream().filter(d -> !d.reportedThisPeriod()).toList();
        }
    }

    /** One village in a district's drill-down. */
    public record VillageRow(String code, String name, String subdistrict, Map<Category, Count> byCategory,
                             Count total, int holders) {
        public boolean registeredNone() {
            return total.covered() == 0;
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public boolean isProvince() {
        return office.office().map(o -> o.level() == OfficeLevel.PROVINCE).orElse(false);
    }

    public Dashboard dashboard(LocalDate on) {
        Office me = office.require();
        Period period = Period.containing(on);
        String pc = me.regionCode();
        Map<String, String> names = new TreeMap<>();
        Map<String, ReceivedBundle> last = new HashMap<>();
        db.read(tx -> {
            for (Region r : regions.listWithin(tx, pc, false)) {
                if (r.level() == RegionLevel.REGENCY) names.put(r.code(), r.name());
            }
            for (TrustedKey k : keys.trustedAll(tx)) {
                if (k.officeLevel() == OfficeLevel.DISTRICT && Region.within(k.officeCode(), pc)) {
                    names.putIfAbsent(k.officeCode(), k.officeName());
                }
            }
            for (ReceivedBundle b : bundles.receivedAll(tx)) {
                names.putIfAbsent(b.issuerCode(), b.issuerName());
                last.merge(b.issuerCode(), b, (a, c) -> a.sequence() >= c.sequence() ? a : c);
                names.put(b.issuerCode(), b.issuerName());
            }
            for (String d : prov.districts(tx)) names.putIfAbsent(d, d);
            return null;
        });
        List<DistrictRow> rows = new ArrayList<>();
        Map<Category, Count> all = zero();
        Count total = Count.ZERO;
        int villages = 0;
        int none = 0;
        for (var e : names.entrySet()) {
            String d = e.getKey();
            List<VillageRow> vs = villages(d, on);
            Map<Category, Count> byCat = zero();
            Count t = Count.ZERO;
            int vNone = 0;
            int vCount = 0;
            for (VillageRow v : vs) {
                v.byCategory().forEach((c, n) -> byCat.merge(c, n, Count::plus));
                t = t.plus(v.total());
                vCount++;
                if (v.registeredNone()) vNone++;
            }
            Map<Category, BigDecimal> tg = new EnumMap<>(Category.class);
            for (Category c : Category.values()) {
                targets.targetFor(d, on.getYear(), c).map(CoverageTarget::percent).ifPresent(p -> tg.put(c, p));
            }
            ReceivedBundle lb = last.get(d);
            rows.add(new DistrictRow(d, e.getValue(), byCat, t, tg, vCount, vNone, lb,
                    lb != null && lb.periodLabel().equals(period.label())));
            byCat.forEach((c, n) -> all.merge(c, n, Count::plus));
            total = total.plus(t);
            villages += vCount;
            none += vNone;
        }
        return new Dashboard(on, period, pc, rows, all, total, villages, none);
    }

    private static Map<Category, Count> zero() {
        Map<Category, Count> m = new EnumMap<>(Category.class);
        for (Category c : Category.values()) m.put(c, Count.ZERO);
        return m;
    }

    /** Villages (desa and desa adat) of one district, with coverage on {@code on}; those with no one included. */
    public List<VillageRow> villages(String districtCode, LocalDate on) {
        return db.read(tx -> {
            List<Region> rs = prov.regions(tx, districtCode);
            Map<String, String> subdistricts = rs.stream().filter(r -> r.level() == RegionLevel.SUBDISTRICT)
                    .collect(Collectors.toMap(Region::code, Region::name));
            Map<String, Region> vs = rs.stream().filter(r -> r.level() == RegionLevel.VILLAGE)
                    .collect(Collectors.toMap(Region::code, Function.identity()));
            Map<UUID, Person> people = prov.people(tx, districtCode).stream()
                    .collect(Collectors.toMap(Person::id, Function.identity()));
            Map<UUID, List<EnrolmentStatus>> st = prov.statuses(tx, districtCode).stream()
                    .collect(Collectors.groupingBy(EnrolmentStatus::enrolmentId));
            var snap = RosterService.Snapshot.of(on, people, prov.posts(tx, districtCode),
                    prov.enrolments(tx, districtCode), st, vs, List.of());
            List<VillageRow> out = new ArrayList<>();
            for (var c : RosterReadModel.coverage(snap, on).values()) {
                Region r = vs.get(c.code());
                if (r == null || r.villageType() == VillageType.KELURAHAN) continue;
                if (!r.active() && c.holders() == 0) continue;
                out.add(new VillageRow(c.code(), c.name(), subdistricts.getOrDefault(r.parentCode(), r.parentCode()),
                        c.byCategory(), c.total(), c.holders()));
            }
            out.sort(Comparator.comparing(VillageRow::code));
            return out;
        });
    }

    /** The bundle a provincial record's content came from. */
    public Optional<UUID> sourceOf(String districtCode, String kind, Object key) {
        ProvinceRepository.Kind k = ProvinceRepository.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
        return Optional.ofNullable(db.read(tx -> prov.sourceBundle(tx, k, districtCode, key)));
    }

    public List<ReceivedBundle> received() {
        return db.read(bundles::receivedAll);
    }

}
