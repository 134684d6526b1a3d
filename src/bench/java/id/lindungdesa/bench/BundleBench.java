package id.lindungdesa.bench;

import id.lindungdesa.bundle.Dsse;
import id.lindungdesa.bundle.Hashes;
import id.lindungdesa.bundle.ImportReport;
import id.lindungdesa.bundle.KeyCrypto;
import id.lindungdesa.bundle.Manifest;
import id.lindungdesa.bundle.Passphrases;
import id.lindungdesa.bundle.Period;
import id.lindungdesa.bundle.PublicKeyFile;
import id.lindungdesa.bundle.SnapshotWriter;
import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.EnrolmentStatus;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.RegionLevel;
import id.lindungdesa.domain.Segment;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.domain.VillageType;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.EnrolmentRepository;
import id.lindungdesa.persistence.PersonRepository;
import id.lindungdesa.persistence.PostRepository;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.Progress;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * {@code lindungdesa bench bundle}: export of a synthetic district and import of a synthetic province, with time,
 * records per second and peak heap (sampled every 5 ms from {@link MemoryMXBean}, after a full GC before each
 * phase). Prints nothing itself; returns the figures.
 */
public final class BundleBench {
    private BundleBench() {}

    /** One measured phase. */
    public record Phase(String name, long records, long millis, long peakHeapBytes, long fileBytes) {
        public long perSecond() {
            return millis == 0 ? records : records * 1000 / millis;
        }
    }

    public static List<Phase> run(Path dir, int districtPeople, int provincePeople, int districts,
                                  Consumer<String> log) throws IOException {
        Files.createDirectories(dir);
        // With LINDUNGDESA_PASSPHRASE set, office set-up already made the key with it: use that passphrase and
        // make the key only where none exists yet.
        char[] pass = Passphrases.fromEnvironment().filter(p -> p.length >= Passphrases.MIN_LENGTH)
                .orElseGet("bench-passphrase"::toCharArray);
        List<Phase> out = new ArrayList<>();
        Clock clock = Clock.systemDefaultZone();

        // 1. District export (a real district database, read through the same export code).
        try (Services d = new Services(Database.open(dir.resolve("district"), Database.Options.of("bench")), clock)) {
            d.office().init(OfficeLevel.DISTRICT, "61.01", "DPMD Kabupaten Sambas (bench)", "Bench");
            log.accept("Mengisi kabupaten sintetis / seeding district: " + districtPeople + " orang/people…");
            seedDistrict(d, "61.01", districtPeople);
            if (d.bundles().keys().activeKey().isEmpty()) d.bundles().keys().init(pass);
            d.bundles().keys().signers(pass); // the passphrase check is timed separately from the export
            Path f = dir.resolve("district-61.01.ldb");
            Phase p = measure("export " + districtPeople + " people", () -> {
                var r = d.bundles().export().export(f, pass, null, Progress.NONE);
                return r.manifest().counts().values().stream().mapToLong(Long::longValue).sum();
            }, f);
            out.add(p);
            log.accept(format(p));
        }

        // 2. Province import: `districts` bundles that together hold `provincePeople`, then one bundle that holds
        //    all of them alone (memory must not grow with the bundle's size).
        try (Services prov = new Services(Database.open(dir.resolve("province"), Database.Options.of("bench")),
                clock)) {
            prov.office().init(OfficeLevel.PROVINCE, "61", "DPMD Provinsi Kalimantan Barat (bench)", "Bench");
            if (prov.bundles().keys().activeKey().isEmpty()) prov.bundles().keys().init(pass);
            List<Path> files = new ArrayList<>();
            int per = provincePeople / districts;
            for (int i = 0; i < districts; i++) {
                files.add(syntheticBundle(prov, dir, String.format("61.%02d", 11 + i), per, 1000 + i));
            }
            Path big = syntheticBundle(prov, dir, "61.30", provincePeople, 77);
            log.accept("Bundel sintetis dibuat / synthetic bundles written");
            long total = 0;
            long start = System.nanoTime();
            long peak = 0;
            for (Path f : files) {
                Phase p = measure("import " + per + " people", () -> count(prov.bundles().imports().apply(f, pass,
                        null, Progress.NONE)), f);
                log.accept(format(p));
                total += p.records();
                peak = Math.max(peak, p.peakHeapBytes());
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            Phase all = new Phase("import province " + provincePeople + " people (" + districts + " bundles)", total,
                    ms, peak, files.stream().mapToLong(BundleBench::size).sum());
            out.add(all);
            log.accept(format(all));
            Phase one = measure("import one bundle of " + provincePeople + " people", () -> count(
                    prov.bundles().imports().apply(big, pass, null, Progress.NONE)), big);
            out.add(one);
            log.accept(format(one));
            Phase dash = measure("province dashboard", () -> (long) prov.bundles().province()
                    .dashboard(LocalDate.now(clock)).villages(), null);
            out.add(dash);
            log.accept(format(dash));
        }
        return out;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private static long count(ImportReport r) {
        return r.counts().values().stream().mapToLong(ImportReport.Counts::total).sum();
    }

    public static String format(Phase p) {
        return String.format("%-48s %8d records %7d ms %9d rec/s  peak heap %5d MB  file %6.1f MB", p.name(),
                p.records(), p.millis(), p.perSecond(), p.peakHeapBytes() / (1024 * 1024),
                p.fileBytes() / (1024.0 * 1024));
    }

    interface Work {
        long run() throws IOException;
    }

    private static Phase measure(String name, Work w, Path file) throws IOException {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        System.gc();
        long[] peak = {mem.getHeapMemoryUsage().getUsed()};
        var running = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (running.get()) {
                peak[0] = Math.max(peak[0], mem.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long t = System.nanoTime();
        long n = w.run();
        long ms = (System.nanoTime() - t) / 1_000_000;
        running.set(false);
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Phase(name, n, ms, peak[0], file == null ? 0 : size(file));
    }

    // ------------------------------------------------------------------ synthetic data

    private static final String[] NAMES = {"Ahmad", "Budi", "Siti", "Dewi", "Eko", "Nur", "Rina", "Joko", "Asep",
        "Lilis", "Hendra", "Yuyun"};
    private static final Position[] POSTS = {Position.KEPALA_DESA, Position.SEKRETARIS_DESA, Position.KAUR_KEUANGAN,
        Position.KASI_PEMERINTAHAN, Position.KEPALA_DUSUN, Position.BPD_ANGGOTA, Position.KETUA_RT,
        Position.KETUA_RW, Position.KADER_POSYANDU, Position.LINMAS_ANGGOTA};

    /** Village code of person i (30 people per village, 30 villages per kecamatan). */
    private static String village(String district, int i) {
        int v = i / 30;
        return district + String.format(".%02d.2%03d", v / 30 + 1, v % 30 + 1);
    }

    static Person person(String district, long seed, int i) {
        UUID id = new UUID(seed, i);
        Sex sex = i % 3 == 0 ? Sex.P : Sex.L;
        LocalDate birth = LocalDate.of(1960 + i % 40, 1 + i % 12, 1 + i % 28);
        String nik = district.replace(".", "") + "01" + String.format("%02d%02d%02d", birth.getDayOfMonth()
                + (sex == Sex.P ? 40 : 0), birth.getMonthValue(), birth.getYear() % 100) + String.format("%04d",
                1 + i % 9999);
        return new Person(id, 1, nik, NAMES[i % NAMES.length] + " " + NAMES[(i / 7) % NAMES.length] + " " + i, sex,
                birth, "Sambas", null, null, EmploymentStatus.NON_ASN, village(district, i));
    }

    static Post post(String district, long seed, int i) {
        return new Post(new UUID(seed + 1, i), 1, new UUID(seed, i), village(district, i), POSTS[i % POSTS.length],
                null, "SK/" + i + "/2024", LocalDate.of(2024, 1, 15), LocalDate.of(2024, 2, 1),
                LocalDate.of(2032, 2, 1), null, null);
    }

    static Enrolment enrolment(long seed, int i) {
        return new Enrolment(new UUID(seed + 2, i), 2, new UUID(seed, i), new UUID(seed + 1, i),
                String.format("%011d", 10_000_000_000L + i), Segment.PU, EnumSet.of(Programme.JKK, Programme.JKM), 1,
                2_426_640, FundingSource.APBD);
    }

    static List<EnrolmentStatus> history(long seed, int i) {
        UUID e = new UUID(seed + 2, i);
        OffsetDateTime at = OffsetDateTime.parse("2024-03-01T09:00:00+07:00");
        return List.of(new EnrolmentStatus(new UUID(seed + 3, i), e, EnrolmentState.REGISTERED,
                        LocalDate.of(2024, 3, 1), null, at, "Bench"),
                new EnrolmentStatus(new UUID(seed + 4, i), e, EnrolmentState.ACTIVE, LocalDate.of(2024, 4, 1), null,
                        at.plusMonths(1), "Bench"));
    }

    static List<Region> regions(String district, int people) {
        List<Region> out = new ArrayList<>();
        int villages = (people + 29) / 30;
        for (int v = 0; v < villages; v++) {
            String code = village(district, v * 30);
            String kec = Region.parentOf(code);
            if (v % 30 == 0) out.add(new Region(kec, "Kecamatan " + (v / 30 + 1), RegionLevel.SUBDISTRICT, null,
                    district, true));
            out.add(new Region(code, "Desa " + (v + 1), RegionLevel.VILLAGE, VillageType.DESA, kec, true));
        }
        return out;
    }

    static void seedDistrict(Services s, String district, int n) { // also FieldBench
        PersonRepository people = new PersonRepository();
        PostRepository posts = new PostRepository();
        EnrolmentRepository enrolments = new EnrolmentRepository();
        List<Region> rs = new ArrayList<>();
        rs.add(new Region("61", "Kalimantan Barat", RegionLevel.PROVINCE, null, null, true));
        rs.add(new Region(district, "Kabupaten Sambas", RegionLevel.REGENCY, null, "61", true));
        rs.addAll(regions(district, n));
        s.regions().addSynthetic(rs, "bench");
        OffsetDateTime now = OffsetDateTime.now(s.clock());
        long seed = 42;
        for (int from = 0; from < n; from += 5000) {
            int to = Math.min(n, from + 5000);
            int f = from;
            s.database().writeVoid(tx -> {
                List<Person> ps = new ArrayList<>();
                List<Post> po = new ArrayList<>();
                List<Enrolment> en = new ArrayList<>();
                List<EnrolmentStatus> st = new ArrayList<>();
                for (int i = f; i < to; i++) {
                    ps.add(person(district, seed, i));
                    po.add(post(district, seed, i));
                    if (i % 5 < 3) {
                        en.add(enrolment(seed, i));
                        st.addAll(history(seed, i));
                    }
                }
                people.insertAll(tx, ps, now);
                posts.insertAll(tx, po, now);
                enrolments.insertAll(tx, en, now);
                enrolments.addStatuses(tx, st);
            });
        }
    }

    /** Writes a signed bundle of {@code n} synthetic people for {@code district}, streamed, and trusts its key. */
    private static Path syntheticBundle(Services prov, Path dir, String district, int n, long seed) throws IOException {
        KeyPair kp = KeyCrypto.generate();
        String keyId = KeyCrypto.keyId(kp.getPublic());
        Path pub = dir.resolve("key-" + district + ".json");
        Files.write(pub, new PublicKeyFile(keyId, KeyCrypto.encodePublic(kp.getPublic()),
                KeyCrypto.words(kp.getPublic()), district, "Kabupaten " + district, OfficeLevel.DISTRICT,
                OffsetDateTime.now()).toJson());
        prov.bundles().trust().add(pub, KeyCrypto.words(kp.getPublic()));
        UUID bundleId = UUID.randomUUID();
        Path payload = dir.resolve("payload-" + district + ".tmp");
        MessageDigest md = Hashes.sha256();
        Map<String, Long> counts;
        try (OutputStream o = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(payload),
                1 << 16), md); SnapshotWriter w = new SnapshotWriter(o)) {
            w.begin(bundleId, district, "Kabupaten " + district);
            List<Region> rs = regions(district, n);
            w.section("subdistricts");
            for (Region r : rs) if (r.level() == RegionLevel.SUBDISTRICT) w.region(r);
            w.section("villages");
            for (Region r : rs) if (r.level() == RegionLevel.VILLAGE) w.region(r);
            w.section("people");
            for (int i = 0; i < n; i++) w.person(person(district, seed, i));
            w.section("posts");
            for (int i = 0; i < n; i++) w.post(post(district, seed, i));
            w.section("enrolments");
            for (int i = 0; i < n; i++) if (i % 5 < 3) w.enrolment(enrolment(seed, i), history(seed, i));
            w.section("tombstones");
            counts = Map.copyOf(w.finish());
        }
        long size = Files.size(payload);
        Manifest m = new Manifest(Manifest.FORMAT_VERSION, bundleId, Manifest.KIND_DISTRICT_SNAPSHOT,
                new Manifest.Issuer(district, "Kabupaten " + district, OfficeLevel.DISTRICT), keyId, 1, null,
                OffsetDateTime.now(), Period.containing(LocalDate.now()), counts,
                new Manifest.PayloadRef(Manifest.SNAPSHOT_TYPE, Hashes.hex(md.digest()), size), null,
                new Manifest.AuditHead(0, "0".repeat(64)));
        byte[] st = m.toJson();
        byte[] sig = KeyCrypto.sign(kp.getPrivate(), Dsse.pae(Manifest.PAYLOAD_TYPE, st));
        Path out = dir.resolve("province-" + district + ".ldb");
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
             InputStream in = Files.newInputStream(payload)) {
            o.write(new Dsse.Envelope(Manifest.PAYLOAD_TYPE, st, List.of(new Dsse.Signature(keyId, sig))).toJson());
            o.write('\n');
            in.transferTo(o);
        }
        Files.delete(payload);
        return out;
    }
}
