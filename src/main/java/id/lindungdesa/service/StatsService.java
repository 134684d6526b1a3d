package id.lindungdesa.service;

import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.RegionLevel;
import id.lindungdesa.domain.VillageType;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.RegionRepository;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Head-line figures of a database (the {@code stats} command). */
public final class StatsService {
    private final Database db;
    private final RegionRepository regions;
    private final RosterService roster;

    public StatsService(Database db, RegionRepository regions, RosterService roster) {
        this.db = db;
        this.regions = regions;
        this.roster = roster;
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
        RosterService.Snapshot s = roster.snapshot("", on);
        Map<Category, Integer> counts = new java.util.EnumMap<>(Category.class);
        for (Category c : Category.values()) counts.put(c, 0);
        Set<UUID> holders = new HashSet<>();
        for (Post p : s.posts()) {
            if (!p.currentOn(on) || !s.people().containsKey(p.personId())) continue;
            counts.merge(p.category(), 1, Integer::sum);
            holders.add(p.personId());
        }
        int active = 0;
        for (Person p : s.people().values()) {
            boolean isActive = s.enrolmentOf(p.id(), on).map(e -> s.stateOn(e.id(), on) == EnrolmentState.ACTIVE)
                    .orElse(false);
            if (isActive) active++;
        }
        return new Stats(on, villages, s.people().size(), holders.size(), counts, active);
    }
}
