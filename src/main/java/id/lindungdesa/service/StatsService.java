package id.lindungdesa.service;

import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.RegionLevel;
import id.lindungdesa.domain.VillageType;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.RegionRepository;
import java.time.LocalDate;
import java.util.Map;

/** Head-line figures of a database (the {@code stats} command). */
public final class StatsService {
    private final Database db;
    private final RegionRepository regions;
    private final DistrictFigures figures;

    public StatsService(Database db, RegionRepository regions, DistrictFigures figures) {
        this.db = db;
        this.regions = regions;
        this.figures = figures;
    }

    /** Villages and kecamatan under the office's region. */
    public record Villages(int kecamatan, int desa, int desaAdat, int kelurahan) {
    }

    /**
     * The head-line figures on a date: people on any roster, current office-holders, current posts per category
     * (every category, zero included, in {@link Category} order) and people with an ACTIVE enrolment.
     */
    public record Stats(LocalDate on, Villages villages, int people, int officeHolders, Map<Category, Integer> posts,
                        int enrolledActive) {
        public Stats {
            posts = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(posts));
        }
    }

    /** The figures (the CLI writes them as {@code stats --json}). */
    public Stats stats(LocalDate on) {
        Villages villages = db.read(tx -> new Villages(regions.countLevel(tx, "", RegionLevel.SUBDISTRICT),
                regions.countVillages(tx, "", VillageType.DESA), regions.countVillages(tx, "", VillageType.DESA_ADAT),
                regions.countVillages(tx, "", VillageType.KELURAHAN)));
        var t = figures.totals(on);
        return new Stats(on, villages, t.people(), t.officeHolders(), t.posts(), t.enrolledActive());
    }
}
