package id.lindungdesa.bench;

import id.lindungdesa.wiring.Services;
import id.lindungdesa.service.ValidationException;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.EnrolmentStatus;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.Nik;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.RegionLevel;
import id.lindungdesa.domain.RosterRules;
import id.lindungdesa.domain.Segment;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.domain.VillageType;
import id.lindungdesa.persistence.EnrolmentRepository;
import id.lindungdesa.persistence.PersonRepository;
import id.lindungdesa.persistence.PostRepository;
import id.lindungdesa.task.Progress;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A synthetic province for benchmarks: every desa of a province gets about {@code perVillage} office-holders
 * (kepala desa, perangkat, BPD, RT/RW), ~60% enrolled with a status history over the last two years. Rows are
 * written directly in one batch per district (no audit entry per row: this is benchmark data, recorded as one
 * IMPORT entry). Kalimantan Barat (61) from the region list gives ~2,100 villages: 30 per village ≈ 61,000 people.
 */
public final class SyntheticProvince {
    private SyntheticProvince() {}

    public record Result(int districts, int villages, int people, int enrolments) {
    }

    public static Result generate(Services s, Path regionsFile, String province, int perVillage, long seed,
                                  Progress progress) {
        if (s.database().read(tx -> new PersonRepository().countActive(tx)) > 0) {
            throw ValidationException.of("demo", "demo.error.notEmpty");
        }
        if (regionsFile != null) {
            s.regions().importCsv(regionsFile, province, progress);
        } else {
            List<Region> rs = new ArrayList<>();
            rs.add(new Region(province, "Provinsi Sintetis", RegionLevel.PROVINCE, null, null, true));
            for (int d = 1; d <= 14; d++) {
                String dc = province + String.format(".%02d", d);
                rs.add(new Region(dc, "Kabupaten " + d, RegionLevel.REGENCY, null, province, true));
                for (int k = 1; k <= 15; k++) {
                    String kc = dc + String.format(".%02d", k);
                    rs.add(new Region(kc, "Kecamatan " + d + "-" + k, RegionLevel.SUBDISTRICT, null, dc, true));
                    for (int v = 1; v <= 10; v++) {
                        rs.add(new Region(kc + String.format(".2%03d", v), "Desa " + d + "-" + k + "-" + v,
                                RegionLevel.VILLAGE, VillageType.DESA, kc, true));
                    }
                }
            }
            s.regions().addSynthetic(rs, "bench");
        }
        if (s.office().office().isEmpty()) {
            s.office().init(OfficeLevel.PROVINCE, province, s.regions().find(province).map(Region::name)
                    .orElse("Provinsi"), "Petugas Bench");
        }
        Random rnd = new Random(seed);
        LocalDate today = s.roster().today();
        OffsetDateTime now = OffsetDateTime.now(s.clock());
        Map<String, List<Region>> byDistrict = new java.util.TreeMap<>();
        for (Region r : s.regions().within(province)) {
            if (r.villageType() == VillageType.DESA || r.villageType() == VillageType.DESA_ADAT) {
                byDistrict.computeIfAbsent(r.code().substring(0, 5), k -> new ArrayList<>()).add(r);
            }
        }
        int villages = 0, people = 0, enrolled = 0, d = 0;
        Map<String, Integer> serials = new HashMap<>();
        Position[] perangkat = {Position.SEKRETARIS_DESA, Position.KAUR_TU_UMUM, Position.KAUR_KEUANGAN,
            Position.KAUR_PERENCANAAN, Position.KASI_PEMERINTAHAN, Position.KASI_KESEJAHTERAAN,
            Position.KASI_PELAYANAN, Position.KEPALA_DUSUN};
        Position[] bpd = {Position.BPD_KETUA, Position.BPD_WAKIL_KETUA, Position.BPD_SEKRETARIS,
            Position.BPD_ANGGOTA, Position.BPD_ANGGOTA, Position.BPD_ANGGOTA, Position.BPD_ANGGOTA};
        for (var e : byDistrict.entrySet()) {
            progress.checkCancelled();
            progress.update(d++, byDistrict.size(), "Kabupaten " + e.getKey());
            List<Person> ps = new ArrayList<>();
            List<Post> posts = new ArrayList<>();
            List<Enrolment> ens = new ArrayList<>();
            List<EnrolmentStatus> sts = new ArrayList<>();
            for (Region v : e.getValue()) {
                villages++;
                String prefix = v.parentCode().replace(".", "");
                for (int i = 0; i < perVillage; i++) {
                    Position pos = i == 0 ? Position.KEPALA_DESA : i <= perangkat.length ? perangkat[i - 1]
                            : i <= perangkat.length + bpd.length ? bpd[i - 1 - perangkat.length]
                            : (i % 5 == 0 ? Position.KETUA_RW : Position.KETUA_RT);
                    Sex sex = rnd.nextInt(100) < 25 ? Sex.P : Sex.L;
                    LocalDate birth = today.minusYears(25).minusDays(rnd.nextInt(30 * 365));
                    int serial = serials.merge(prefix + birth + sex, 1, Integer::sum);
                    Person p = new Person(uuid(rnd), 1, Nik.compose(prefix, birth, sex, serial), "Orang " + people,
                            sex, birth, null, null, null, EmploymentStatus.NON_ASN, v.code());
                    LocalDate start = today.minusDays(200 + rnd.nextInt(2500));
                    Post post = new Post(uuid(rnd), 1, p.id(), v.code(), pos, null, null, null, start,
                            RosterRules.plannedEnd(pos, start), null, null);
                    ps.add(p);
                    posts.add(post);
                    people++;
                    if (rnd.nextInt(100) >= 60) continue;
                    boolean pu = pos.category() == Category.KEPALA_DESA || pos.category() == Category.PERANGKAT_DESA;
                    Enrolment en = new Enrolment(uuid(rnd), 1, p.id(), post.id(), null, pu ? Segment.PU : Segment.BPU,
                            EnumSet.of(Programme.JKK, Programme.JKM), 1, pu ? 3_000_000 : 1_000_000,
                            pos.category() == Category.KEPALA_DESA ? FundingSource.APBD
                                    : pu ? FundingSource.APBDES : FundingSource.DANA_DESA);
                    ens.add(en);
                    LocalDate since = today.minusDays(rnd.nextInt(730));
                    sts.add(new EnrolmentStatus(uuid(rnd), en.id(), EnrolmentState.ACTIVE, since, null, now, "bench"));
                    if (rnd.nextInt(100) < 5) {
                        sts.add(new EnrolmentStatus(uuid(rnd), en.id(), EnrolmentState.LAPSED,
                                since.plusDays(30 + rnd.nextInt(300)), null, now, "bench"));
                    }
                    enrolled++;
                }
            }
            s.database().writeVoid(tx -> {
                new PersonRepository().insertAll(tx, ps, now);
                new PostRepository().insertAll(tx, posts, now);
                EnrolmentRepository er = new EnrolmentRepository();
                er.insertAll(tx, ens, now);
                er.addStatuses(tx, sts);
                s.audit().recordText(tx, "IMPORT", "bench", e.getKey(), null,
                        "Data sintetis: " + ps.size() + " orang");
            });
        }
        return new Result(byDistrict.size(), villages, people, enrolled);
    }

    private static UUID uuid(Random rnd) {
        return new UUID((rnd.nextLong() & 0xffffffffffff0fffL) | 0x4000L,
                (rnd.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L);
    }
}
