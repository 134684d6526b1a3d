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
import java.util.LinkedHashMap;
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

    /** The figures; the map's keys are the JSON contract of {@code stats --json}. */
    public Map<String, Object> stats(LocalDate on) {
        Map<String, Object> villages = new LinkedHashMap<>();
        db.read(tx -> {
            villages.put("kecamatan", regions.countLevel(tx, "", RegionLevel.SUBDISTRICT));
            villages.put("desa", regions.countVillages(tx, "", VillageType.DESA));
            villages.put("desa_adat", regions.countVillages(tx, "", VillageType.DESA_ADAT));
            villages.put("kelurahan", regions.countVillages(tx, "", VillageType.KELURAHAN));
            return null;
        });
        RosterService.Snapshot s = roster.snapshot("", on);
        Map<String, Object> posts = new LinkedHashMap<>();
        Map<Category, Integer> counts = new java.util.EnumMap<>(Category.class);
        for (Category c : Category.values()) counts.put(c, 0);
        Set<UUID> holders = new HashSet<>();
        for (Post p : s.posts()) {
            if (!p.currentOn(on) || !s.people().containsKey(p.personId())) continue;
            counts.merge(p.category(), 1, Integer::sum);
            holders.add(p.personId());
        }
        counts.forEach((c, n) -> posts.put(c.key(), n));
        int active = 0;
        for (Person p : s.people().values()) {
            boolean isActive = s.enrolmentOf(p.id(), on).map(e -> s.stateOn(e.id(), on) == EnrolmentState.ACTIVE)
                    .orElse(false);
            if (isActive) active++;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("villages", villages);
        out.put("people", s.people().size());
        out.put("office_holders", holders.size());
        out.put("posts", posts);
        out.put("enrolled_active", active);
        out.put("on", on.toString());
        return out;
    }
}
