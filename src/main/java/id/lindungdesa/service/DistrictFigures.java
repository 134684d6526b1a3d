package id.lindungdesa.service;

import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.Region;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.FiguresRepository;
import id.lindungdesa.persistence.RegionRepository;
import id.lindungdesa.persistence.Tx;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The district's figures from the database (decision 0120): coverage per village and category, stats, alert
 * candidates, enrolment links and the enrolment groups budgets and the ledger are computed from. Every method is
 * one read; none loads a roster. The per-village shape is {@link RosterReadModel.VillageCoverage}, so callers are
 * the same whether a figure comes from here or (in tests, as the oracle) from a snapshot.
 */
public final class DistrictFigures {
    private final Database db;
    private final FiguresRepository repo;
    private final RegionRepository regions;
    private final id.lindungdesa.persistence.RateRepository rates;

    public DistrictFigures(Database db, FiguresRepository repo, RegionRepository regions,
                           id.lindungdesa.persistence.RateRepository rates) {
        this.db = db;
        this.repo = repo;
        this.regions = regions;
        this.rates = rates;
    }

    /** The dated contribution rates. */
    public List<id.lindungdesa.domain.ContributionRate> rates() {
        return db.read(rates::rates);
    }

    /** Runs {@code work} in one read transaction with the repository (one consistent view). */
    public <T> T read(Function<Tx, T> work) {
        return db.read(work::apply);
    }

    public FiguresRepository repository() {
        return repo;
    }

    /**
     * Coverage per village within {@code prefix} on {@code on}: every village of the region list (retired ones only
     * while someone holds a post there) and every village someone holds a post in, zero categories included.
     */
    public Map<String, RosterReadModel.VillageCoverage> villageCoverage(String prefix, LocalDate on) {
        return db.read(tx -> villageCoverage(tx, prefix, on));
    }

    Map<String, RosterReadModel.VillageCoverage> villageCoverage(Tx tx, String prefix, LocalDate on) {
        Map<String, Region> villages = new HashMap<>();
        for (Region r : regions.listWithin(tx, prefix, true)) {
            if (r.villageType() != null) villages.put(r.code(), r);
        }
        Map<String, Map<Category, RosterReadModel.Count>> byCat = new HashMap<>();
        for (FiguresRepository.VillageCategory v : repo.byVillageAndCategory(tx, prefix, on)) {
            byCat.computeIfAbsent(v.villageCode(), k -> new EnumMap<>(Category.class))
                    .put(v.category(), new RosterReadModel.Count(v.covered(), v.eligible()));
        }
        Map<String, FiguresRepository.VillageTotal> totals = new HashMap<>();
        for (FiguresRepository.VillageTotal t : repo.byVillage(tx, prefix, on)) totals.put(t.villageCode(), t);
        Set<String> codes = new HashSet<>(villages.keySet());
        codes.addAll(totals.keySet());
        Map<String, RosterReadModel.VillageCoverage> out = new HashMap<>();
        for (String code : codes) {
            Region r = villages.get(code);
            FiguresRepository.VillageTotal t = totals.get(code);
            if (r != null && !r.active() && t == null) continue;
            Map<Category, RosterReadModel.Count> cats = new EnumMap<>(Category.class);
            Map<Category, RosterReadModel.Count> found = byCat.getOrDefault(code, Map.of());
            for (Category c : Category.values()) cats.put(c, found.getOrDefault(c, RosterReadModel.Count.ZERO));
            out.put(code, new RosterReadModel.VillageCoverage(code, r == null ? code : r.name(),
                    Region.parentOf(code), cats,
                    t == null ? RosterReadModel.Count.ZERO : new RosterReadModel.Count(t.covered(), t.eligible()),
                    t == null ? 0 : t.holders()));
        }
        return out;
    }

    /** Coverage per category summed over the villages within {@code prefix} (a person counts once per village). */
    public Map<Category, RosterReadModel.Count> categoryTotals(String prefix, LocalDate on) {
        return db.read(tx -> {
            Map<Category, RosterReadModel.Count> sum = new EnumMap<>(Category.class);
            for (Category c : Category.values()) sum.put(c, RosterReadModel.Count.ZERO);
            for (FiguresRepository.VillageCategory v : repo.byVillageAndCategory(tx, prefix, on)) {
                sum.merge(v.category(), new RosterReadModel.Count(v.covered(), v.eligible()),
                        RosterReadModel.Count::plus);
            }
            return sum;
        });
    }

    /** Total over villages within {@code prefix} (a person counts once per village). */
    public RosterReadModel.Count total(String prefix, LocalDate on) {
        return db.read(tx -> {
            RosterReadModel.Count sum = RosterReadModel.Count.ZERO;
            for (FiguresRepository.VillageTotal t : repo.byVillage(tx, prefix, on)) {
                sum = sum.plus(new RosterReadModel.Count(t.covered(), t.eligible()));
            }
            return sum;
        });
    }

    /** Names of the villages (desa/kelurahan, retired ones too) within {@code prefix}. */
    public Map<String, Region> villages(Tx tx, String prefix) {
        Map<String, Region> out = new HashMap<>();
        for (Region r : regions.listWithin(tx, prefix, true)) {
            if (r.villageType() != null) out.put(r.code(), r);
        }
        return out;
    }

    public FiguresRepository.Totals totals(LocalDate on) {
        return db.read(tx -> repo.totals(tx, on));
    }

    public List<FiguresRepository.ActiveLink> activeLinks(String prefix, LocalDate on) {
        return db.read(tx -> repo.activeLinks(tx, prefix, on));
    }

    public List<FiguresRepository.ActiveCount> activeCounts(String prefix, LocalDate on) {
        return db.read(tx -> repo.activeCounts(tx, prefix, on));
    }

    public List<FiguresRepository.EnrolmentGroup> enrolmentGroups(String prefix, LocalDate today,
                                                                  List<LocalDate> dates, boolean perEnrolment,
                                                                  boolean activeOnFirst) {
        return db.read(tx -> repo.enrolmentGroups(tx, prefix, today, dates, perEnrolment, activeOnFirst));
    }
}
