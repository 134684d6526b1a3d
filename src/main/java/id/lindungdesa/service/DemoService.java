package id.lindungdesa.service;

import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.Contribution;
import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.EnrolmentStatus;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.Nik;
import id.lindungdesa.domain.Office;
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
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.EnrolmentRepository;
import id.lindungdesa.persistence.PersonRepository;
import id.lindungdesa.persistence.PostRepository;
import id.lindungdesa.i18n.Text;
import id.lindungdesa.task.Progress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A realistic synthetic district: valid NIKs, Indonesian names, a kepala desa, ~8 perangkat and 5–9 BPD per desa,
 * some RT/RW, about 60% enrolled, and a few deliberate problems so every warning has something to show.
 * Deterministic per seed (names, NIKs, posts, enrolments and their ids).
 */
public final class DemoService {
    public static final String DEFAULT_CODE = "36.04";

    private final Database db;
    private final CoreServices services;
    private final PersonRepository people;
    private final PostRepository posts;
    private final EnrolmentRepository enrolments;
    private final Clock clock;
    private final List<Extension> extensions = new CopyOnWriteArrayList<>();

    /** Features add their demo content (agreements, monev, ledger…) after the roster is built. */
    public interface Extension {
        void addDemoContent(CoreServices services, Random random, LocalDate today);
    }

    public DemoService(Database db, CoreServices services, PersonRepository people, PostRepository posts,
                       EnrolmentRepository enrolments, Clock clock) {
        this.db = db;
        this.services = services;
        this.people = people;
        this.posts = posts;
        this.enrolments = enrolments;
        this.clock = clock;
    }

    public void addExtension(Extension e) {
        extensions.add(e);
    }

    /** The core's own demo content: agreements with monev, then ledger payments. */
    public static void addStandardExtensions(DemoService demo) {
        demo.addExtension(new AgreementDemo());
        demo.addExtension(LedgerDemo::addPayments);
    }

    /** What was generated. */
    public record Result(String districtCode, int villages, int people, int posts, int enrolments,
                         int activeEnrolments) {
    }

    /**
     * Builds the demo district. {@code regionsFile} may be null (synthetic regions are made); {@code code} is the
     * district (or a kecamatan) to fill, default 36.04. On an empty database the office is set up too.
     * Refuses when someone is already on a roster within {@code code} (other districts may hold people: a
     * province-sized demo is built district by district).
     */
    public Result generate(Path regionsFile, String code, long seed, Progress progress) {
        return generate(regionsFile, false, code, seed, progress);
    }

    /**
     * As {@link #generate}, with the real region names and codes of the list shipped with the program
     * ({@link BuiltinRegions}) instead of a file or synthetic regions.
     */
    public Result generateFromBuiltinRegions(String code, long seed, Progress progress) {
        return generate(null, true, code, seed, progress);
    }

    private Result generate(Path regionsFile, boolean builtin, String code, long seed, Progress progress) {
        String within = code == null || code.isBlank() ? DEFAULT_CODE : code.strip();
        if (!Region.isValidCode(within) || Region.levelOf(within) == RegionLevel.VILLAGE
                || Region.levelOf(within) == RegionLevel.PROVINCE) {
            throw ValidationException.of("code", "demo.error.code", within);
        }
        if (!db.read(tx -> people.listWithin(tx, within)).isEmpty()) {
            throw ValidationException.of("demo", "demo.error.notEmpty", within);
        }
        String district = within.substring(0, 5);
        Random rnd = new Random(seed * 1_000_003L + within.hashCode()); // per seed and area: areas never share ids
        progress.update(0, -1, Text.of("demo.progress.regions"));
        if (regionsFile != null || builtin) {
            services.regions().importForDemo(regionsFile, within, progress);
        } else if (services.regions().within(within).stream().noneMatch(r -> r.villageType() != null)) {
            services.regions().addSynthetic(syntheticRegions(within, new Random(seed ^ 0x5EED)), "demo");
        }
        if (services.office().office().isEmpty()) {
            String name = services.regions().find(district).map(Region::name).orElse("Kabupaten Demo");
            services.office().init(OfficeLevel.DISTRICT, district, name, "Petugas Demo");
        }
        Office office = services.office().require();
        List<Region> villages = services.regions().within(within).stream()
                .filter(r -> r.villageType() == VillageType.DESA || r.villageType() == VillageType.DESA_ADAT)
                .toList();
        LocalDate today = LocalDate.now(clock);
        Gen g = new Gen(rnd, today, services.enrolments().rates(), services.actor(), OffsetDateTime.now(clock));
        int i = 0;
        for (Region v : villages) {
            progress.checkCancelled();
            g.village(v, i++);
            if (i % 20 == 0) progress.update(i, villages.size(), Text.of("demo.progress.villages", i, villages.size()));
        }
        // A few RT heads in kelurahan too (RT/RW exist there).
        services.regions().within(within).stream().filter(r -> r.villageType() == VillageType.KELURAHAN).limit(5)
                .forEach(k -> g.rtRw(k, 2));
        progress.update(villages.size(), villages.size(), Text.of("task.saving"));
        db.writeVoid(tx -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            people.insertAll(tx, g.people, now);
            posts.insertAll(tx, g.posts, now);
            enrolments.insertAll(tx, g.enrolments, now);
            enrolments.addStatuses(tx, g.statuses);
            services.audit().recordText(tx, "IMPORT", "demo", office.regionCode(), null,
                    "Distrik demo (seed " + seed + "): " + g.people.size() + " orang, " + g.posts.size()
                            + " jabatan, " + g.enrolments.size() + " kepesertaan");
        });
        Random extRnd = new Random(seed * 31 + 7 + within.hashCode());
        for (Extension e : extensions) e.addDemoContent(services, extRnd, today);
        progress.update(1, 1, Text.of("task.done"));
        return new Result(district, villages.size(), g.people.size(), g.posts.size(), g.enrolments.size(), g.active);
    }

    // ------------------------------------------------------------------ generation

    private static final String[] MALE = {"Ahmad", "Budi", "Dedi", "Eko", "Fajar", "Hendra", "Iwan", "Joko", "Agus",
        "Asep", "Ujang", "Dadang", "Cecep", "Yayan", "Rudi", "Slamet", "Wahyu", "Bambang", "Heri", "Tatang",
        "Nana", "Endang", "Suryadi", "Mulyadi", "Rahmat", "Saepudin", "Hasan", "Imam", "Jajang", "Komarudin",
        "Maman", "Nurdin", "Rohman", "Sutisna", "Teguh", "Yusuf", "Zaenal", "Arif", "Dimas", "Rizki"};
    private static final String[] FEMALE = {"Siti", "Nur", "Dewi", "Sri", "Lilis", "Euis", "Yuyun", "Neneng", "Ani",
        "Rina", "Wati", "Tati", "Iis", "Aisyah", "Fitri", "Ratna", "Yani", "Eti", "Imas", "Nining", "Cucu",
        "Dede", "Mimin", "Rohayati", "Kartini", "Sumiati", "Nurhayati", "Lestari", "Puspita", "Maya"};
    private static final String[] FAMILY = {"Hidayat", "Saputra", "Setiawan", "Gunawan", "Permana", "Kurniawan",
        "Suryana", "Nugraha", "Rahayu", "Susanti", "Wijaya", "Hermawan", "Sulaeman", "Maulana", "Ramdani",
        "Firmansyah", "Hakim", "Syahputra", "Purnama", "Sopian", "Fauzi", "Rosadi", "Mulyana", "Sudrajat",
        "Kusnadi", "Supriatna", "Hamdani", "Iskandar", "Jaelani", "Romli", ""};
    private static final String[] PLACES = {"Serang", "Cilegon", "Pandeglang", "Lebak", "Tangerang", "Bandung",
        "Jakarta", "Bogor", "Ciamis", "Garut", "Sukabumi", "Cianjur"};
    private static final String[] VILLAGE_PARTS = {"Suka", "Cibadak", "Mekar", "Sinar", "Tegal", "Karang", "Bojong",
        "Pasir", "Cipta", "Sindang", "Jaya", "Kadu", "Teluk", "Tanjung", "Sumber", "Baru"};
    private static final String[] VILLAGE_ENDS = {"maju", "jaya", "sari", "mulya", "rame", "asih", "galih", "wangi",
        "harja", "tani", "makmur", "indah"};

    private static List<Region> syntheticRegions(String within, Random rnd) {
        List<Region> out = new ArrayList<>();
        String province = within.substring(0, 2);
        String district = within.substring(0, 5);
        out.add(new Region(province, "Provinsi Demo", RegionLevel.PROVINCE, null, null, true));
        out.add(new Region(district, "Kabupaten Demo", RegionLevel.REGENCY, null, province, true));
        List<String> kecamatan = new ArrayList<>();
        if (Region.levelOf(within) == RegionLevel.SUBDISTRICT) {
            kecamatan.add(within);
        } else {
            for (int k = 1; k <= 6; k++) kecamatan.add(district + String.format(".%02d", k));
        }
        java.util.Set<String> used = new java.util.HashSet<>();
        for (String kc : kecamatan) {
            out.add(new Region(kc, name(rnd, used), RegionLevel.SUBDISTRICT, null, district, true));
            for (int d = 1; d <= 8; d++) {
                String vc = kc + String.format(".2%03d", d);
                out.add(new Region(vc, name(rnd, used), RegionLevel.VILLAGE, VillageType.DESA, kc, true));
            }
            out.add(new Region(kc + ".1001", name(rnd, used), RegionLevel.VILLAGE, VillageType.KELURAHAN, kc, true));
        }
        return out;
    }

    private static String name(Random rnd, java.util.Set<String> used) {
        while (true) {
            String n = VILLAGE_PARTS[rnd.nextInt(VILLAGE_PARTS.length)] + VILLAGE_ENDS[rnd.nextInt(VILLAGE_ENDS.length)];
            if (used.add(n)) return n;
            String n2 = n + " " + (used.size() % 3 == 0 ? "Utara" : used.size() % 3 == 1 ? "Selatan" : "Timur");
            if (used.add(n2)) return n2;
        }
    }

    /** Generator state for one run. */
    private static final class Gen {
        final Random rnd;
        final LocalDate today;
        final List<id.lindungdesa.domain.ContributionRate> rates;
        final String actor;
        final OffsetDateTime now;
        final List<Person> people = new ArrayList<>();
        final List<Post> posts = new ArrayList<>();
        final List<Enrolment> enrolments = new ArrayList<>();
        final List<EnrolmentStatus> statuses = new ArrayList<>();
        final Map<String, Integer> serials = new HashMap<>();
        int active;

        Gen(Random rnd, LocalDate today, List<id.lindungdesa.domain.ContributionRate> rates, String actor,
            OffsetDateTime now) {
            this.rnd = rnd;
            this.today = today;
            this.rates = rates;
            this.actor = actor;
            this.now = now;
        }

        UUID uuid() {
            long hi = (rnd.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
            long lo = (rnd.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
            return new UUID(hi, lo);
        }

        void village(Region v, int index) {
            String prefix = v.parentCode().replace(".", "");
            // Kepala desa (3% acting Pj).
            boolean pj = rnd.nextInt(100) < 3;
            Person kades = person(prefix, v.code(), 30, 58, rnd.nextInt(100) < 8 ? Sex.P : Sex.L);
            LocalDate kStart = today.minusDays(rnd.nextInt(8 * 365 - 100) + 30);
            post(kades, v, pj ? Position.PJ_KEPALA_DESA : Position.KEPALA_DESA, null, kStart);
            enrolMaybe(kades, 85, Segment.PU, 3_000_000, FundingSource.APBD);

            List<Position> perangkat = new ArrayList<>(List.of(Position.SEKRETARIS_DESA, Position.KAUR_TU_UMUM,
                    Position.KAUR_KEUANGAN, Position.KASI_PEMERINTAHAN, Position.KASI_KESEJAHTERAAN));
            if (rnd.nextBoolean()) perangkat.add(Position.KAUR_PERENCANAAN);
            if (rnd.nextBoolean()) perangkat.add(Position.KASI_PELAYANAN);
            int dusun = 1 + rnd.nextInt(3);
            for (int d = 0; d < dusun; d++) perangkat.add(Position.KEPALA_DUSUN);
            int d = 0;
            for (Position pos : perangkat) {
                Person p = person(prefix, v.code(), 24, 55, rnd.nextInt(100) < 30 ? Sex.P : Sex.L);
                LocalDate start = appointmentDate(p, 22, 40);
                String unit = pos == Position.KEPALA_DUSUN ? "Dusun " + roman(++d) : null;
                if (index % 97 == 5 && pos == Position.KASI_PEMERINTAHAN) {
                    p = replace(p, new Person(p.id(), 1, p.nik(), p.fullName(), p.sex(), p.birthDate(), p.birthPlace(),
                            null, null, EmploymentStatus.ASN, p.homeVillageCode()));
                }
                post(p, v, pos, unit, start);
                long wage = pos == Position.SEKRETARIS_DESA ? 2_224_420 : 2_022_200;
                if (p.enrollable()) enrolMaybe(p, 70, Segment.PU, wage, FundingSource.APBDES);
            }
            // About 2% of villages: the head resigned and the sekretaris desa stands in as Plt (two posts at once).
            if (rnd.nextInt(100) < 2) {
                Post head = posts.stream().filter(x -> x.villageCode().equals(v.code())
                        && x.category() == Category.KEPALA_DESA).findFirst().orElseThrow();
                Post sekdes = posts.stream().filter(x -> x.villageCode().equals(v.code())
                        && x.position() == Position.SEKRETARIS_DESA).findFirst().orElseThrow();
                LocalDate resigned = today.minusDays(30 + rnd.nextInt(120));
                if (resigned.isAfter(head.startDate())) {
                    posts.set(posts.indexOf(head), head.ended(resigned, id.lindungdesa.domain.EndReason.RESIGNED));
                    posts.add(new Post(uuid(), 1, sekdes.personId(), v.code(), Position.PLT_KEPALA_DESA, null,
                            String.format("141/%03d/Kep.Bup/%d", rnd.nextInt(999) + 1, resigned.getYear()), resigned,
                            resigned.plusDays(1), null, null, null));
                }
            }
            // Deliberate problems: someone reaching 60, a NIK/birth-date mismatch.
            if (index % 41 == 3) {
                Person old = person(prefix, v.code(), 60, 61, Sex.L);
                post(old, v, Position.KEPALA_DUSUN, "Dusun " + roman(++d), old.birthDate().plusYears(35));
                enrolMaybe(old, 100, Segment.PU, 2_022_200, FundingSource.APBDES);
            }
            if (index % 53 == 7) {
                Person p = person(prefix, v.code(), 30, 40, Sex.L);
                p = replace(p, new Person(p.id(), 1, p.nik(), p.fullName(), p.sex(), p.birthDate().plusDays(3),
                        p.birthPlace(), null, null, EmploymentStatus.NON_ASN, p.homeVillageCode()));
                post(p, v, Position.KEPALA_DUSUN, "Dusun " + roman(++d), today.minusYears(3));
            }
            // BPD: 5, 7 or 9 members; every 29th village has 6 (a size problem).
            int bpd = index % 29 == 11 ? 6 : 5 + 2 * rnd.nextInt(3);
            LocalDate bStart = today.minusDays(rnd.nextInt(7 * 365) + 30);
            if (index % 37 == 2) bStart = today.minusYears(8).minusDays(20); // term ended, not yet replaced
            for (int b = 0; b < bpd; b++) {
                Position pos = switch (b) {
                    case 0 -> Position.BPD_KETUA;
                    case 1 -> Position.BPD_WAKIL_KETUA;
                    case 2 -> Position.BPD_SEKRETARIS;
                    case 3, 4 -> bpd >= 7 ? Position.BPD_KETUA_BIDANG : Position.BPD_ANGGOTA;
                    default -> Position.BPD_ANGGOTA;
                };
                Person p = person(prefix, v.code(), 28, 62, rnd.nextInt(100) < 30 ? Sex.P : Sex.L);
                post(p, v, pos, null, bStart);
                enrolMaybe(p, 50, Segment.BPU, 1_000_000, FundingSource.DANA_DESA);
            }
            if (rnd.nextInt(100) < 35) rtRw(v, 2 + rnd.nextInt(3));
            if (rnd.nextInt(100) < 15) {
                Person p = person(prefix, v.code(), 25, 50, Sex.L);
                post(p, v, Position.LINMAS_ANGGOTA, null, today.minusYears(2));
                enrolMaybe(p, 40, Segment.BPU, 1_000_000, FundingSource.DANA_DESA);
            }
            if (rnd.nextInt(100) < 15) {
                Person p = person(prefix, v.code(), 22, 50, Sex.P);
                post(p, v, Position.KADER_POSYANDU, "Posyandu Melati", today.minusYears(3));
                enrolMaybe(p, 40, Segment.BPU, 1_000_000, FundingSource.DANA_DESA);
            }
            if (rnd.nextInt(100) < 10) {
                Person p = person(prefix, v.code(), 30, 55, Sex.L);
                post(p, v, Position.LPM_KETUA, null, today.minusYears(2));
                enrolMaybe(p, 40, Segment.BPU, 1_000_000, FundingSource.DANA_DESA);
            }
        }

        void rtRw(Region v, int rtCount) {
            String prefix = v.parentCode().replace(".", "");
            Person rw = person(prefix, v.code(), 30, 60, Sex.L);
            post(rw, v, Position.KETUA_RW, "RW 001", today.minusYears(2));
            enrolMaybe(rw, 30, Segment.BPU, 1_000_000, FundingSource.DANA_DESA);
            for (int r = 1; r <= rtCount; r++) {
                Person rt = person(prefix, v.code(), 28, 60, rnd.nextInt(100) < 20 ? Sex.P : Sex.L);
                post(rt, v, Position.KETUA_RT, String.format("RT %03d / RW 001", r), today.minusYears(1 + rnd.nextInt(4)));
                enrolMaybe(rt, 30, Segment.BPU, 1_000_000, FundingSource.DANA_DESA);
            }
        }

        Person person(String prefix, String village, int minAge, int maxAge, Sex sex) {
            LocalDate birth = today.minusYears(minAge).minusDays(rnd.nextInt(Math.max(1, (maxAge - minAge) * 365)));
            String key = prefix + birth + sex;
            int serial = serials.merge(key, 1, Integer::sum);
            String nik = Nik.compose(prefix, birth, sex, serial);
            String first = sex == Sex.L ? MALE[rnd.nextInt(MALE.length)] : FEMALE[rnd.nextInt(FEMALE.length)];
            String family = FAMILY[rnd.nextInt(FAMILY.length)];
            String name = family.isEmpty() ? first : first + " " + family;
            Person p = new Person(uuid(), 1, nik, name, sex, birth, PLACES[rnd.nextInt(PLACES.length)], null,
                    "08" + (1000000000L + (long) (rnd.nextDouble() * 8_999_999_999L)), EmploymentStatus.NON_ASN,
                    village);
            people.add(p);
            return p;
        }

        Person replace(Person old, Person updated) {
            people.set(people.indexOf(old), updated);
            return updated;
        }

        LocalDate appointmentDate(Person p, int minAge, int maxAge) {
            LocalDate earliest = p.birthDate().plusYears(minAge);
            LocalDate latest = p.birthDate().plusYears(maxAge);
            if (latest.isAfter(today)) latest = today.minusDays(30);
            if (!earliest.isBefore(latest)) return latest;
            long span = java.time.temporal.ChronoUnit.DAYS.between(earliest, latest);
            return earliest.plusDays(rnd.nextLong(span));
        }

        void post(Person p, Region v, Position pos, String unit, LocalDate start) {
            String sk = String.format("141/%03d/Kep.%s/%d", rnd.nextInt(999) + 1,
                    pos.category() == Category.BPD ? "BPD" : "Des", start.getYear());
            posts.add(new Post(uuid(), 1, p.id(), v.code(), pos, unit, sk, start.minusDays(rnd.nextInt(10)), start,
                    RosterRules.plannedEnd(pos, start), null, null));
        }

        void enrolMaybe(Person p, int percent, Segment segment, long wage, FundingSource source) {
            if (!p.enrollable() || rnd.nextInt(100) >= percent) return;
            Set<Programme> ps = EnumSet.of(Programme.JKK, Programme.JKM);
            if (segment == Segment.PU && rnd.nextInt(100) < 10) ps.add(Programme.JHT);
            Post post = posts.getLast();
            Enrolment e = new Enrolment(uuid(), 1, p.id(), post.personId().equals(p.id()) ? post.id() : null,
                    String.format("%011d", (long) (rnd.nextDouble() * 99_999_999_999L)), segment, ps, 1, wage, source);
            Contribution.monthly(rates, segment, ps, 1, wage, today); // fails fast when a rate is missing
            enrolments.add(e);
            LocalDate since = post.startDate().isAfter(today.minusYears(2)) ? post.startDate().plusDays(20)
                    : today.minusDays(rnd.nextInt(700) + 30);
            if (since.isAfter(today)) since = today;
            statuses.add(new EnrolmentStatus(uuid(), e.id(), EnrolmentState.REGISTERED, since.minusDays(14), null, now,
                    actor));
            statuses.add(new EnrolmentStatus(uuid(), e.id(), EnrolmentState.ACTIVE, since, null, now, actor));
            if (rnd.nextInt(100) < 4) {
                statuses.add(new EnrolmentStatus(uuid(), e.id(), EnrolmentState.LAPSED,
                        today.minusDays(rnd.nextInt(60) + 1), "Tunggakan iuran 3 bulan", now, actor));
            } else {
                active++;
            }
        }

        static String roman(int n) {
            String[] r = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
            return n < r.length ? r[n] : String.valueOf(n);
        }
    }
}
