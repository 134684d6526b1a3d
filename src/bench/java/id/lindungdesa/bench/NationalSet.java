package id.lindungdesa.bench;

import id.lindungdesa.bundle.Dsse;
import id.lindungdesa.bundle.Hashes;
import id.lindungdesa.bundle.KeyCrypto;
import id.lindungdesa.bundle.Manifest;
import id.lindungdesa.bundle.Period;
import id.lindungdesa.bundle.PublicKeyFile;
import id.lindungdesa.bundle.SnapshotWriter;
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
import id.lindungdesa.service.BuiltinRegions;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A synthetic country for the national benchmark and the 200,000-person data test (issue 14): the shipped region
 * list (514 kabupaten/kota, ~75,000 desa), about {@value #PER_VILLAGE} office-holders per desa with a realistic
 * category mix (1 kepala desa, 10 perangkat, 7 BPD, 15 RT/RW) and enrolment (about 90 % of kepala desa, 80 % of
 * perangkat, 55 % of BPD, 35 % of RT/RW; 5 % lapsed). Below the full 2.5 million, whole districts are taken in a
 * seeded shuffle (spread over the provinces) until the number of people is reached. Each district is generated
 * alone, from its own seed: memory holds one district at a time.
 */
public final class NationalSet {
    public static final int PER_VILLAGE = 33;
    private static final Position[] MIX = mix();

    /** One kabupaten/kota of the region list. */
    public record District(String code, String name, List<Region> subdistricts, List<Region> villages) {
        int desa() {
            return (int) villages.stream().filter(v -> v.villageType() != VillageType.KELURAHAN).count();
        }
    }

    /** One district's rows (what its bundle holds). */
    public record Rows(District district, List<Person> people, List<Post> posts, List<Enrolment> enrolments,
                       Map<UUID, List<EnrolmentStatus>> history) {
        public long statuses() {
            return history.values().stream().mapToLong(List::size).sum();
        }

        /** Rows a province import writes into prov_person, prov_post, prov_enrolment, prov_enrolment_status. */
        public long tableRows() {
            return people.size() + posts.size() + enrolments.size() + statuses();
        }
    }

    private final List<District> chosen;
    private final int perVillage;
    private final long people;
    private final long seed;
    private final LocalDate today;

    private NationalSet(List<District> chosen, int perVillage, long people, long seed, LocalDate today) {
        this.chosen = chosen;
        this.perVillage = perVillage;
        this.people = people;
        this.seed = seed;
        this.today = today;
    }

    /** Chooses the districts that make {@code people} (the whole country at 2.5 million and more). */
    public static NationalSet of(long people, long seed, LocalDate today) {
        List<District> all = districts();
        long desa = all.stream().mapToLong(District::desa).sum();
        int per = (int) Math.max(PER_VILLAGE, (people + desa - 1) / desa);
        List<District> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(seed));
        List<District> chosen = new ArrayList<>();
        long n = 0;
        for (District d : shuffled) {
            if (n >= people) break;
            if (d.desa() == 0) continue;
            chosen.add(d);
            n += (long) d.desa() * per;
        }
        chosen.sort(java.util.Comparator.comparing(District::code));
        return new NationalSet(chosen, per, people, seed, today);
    }

    public List<District> districts(boolean chosenOnly) {
        return chosenOnly ? chosen : districts();
    }

    public List<District> chosen() {
        return chosen;
    }

    public long people() {
        return people;
    }

    /** The region list, grouped by kabupaten/kota. */
    static List<District> districts() {
        Map<String, String> names = new HashMap<>();
        Map<String, List<Region>> subs = new TreeMap<>();
        Map<String, List<Region>> vills = new TreeMap<>();
        try (BufferedReader r = new BufferedReader(BuiltinRegions.open())) {
            String line;
            while ((line = r.readLine()) != null) {
                int comma = line.indexOf(',');
                if (comma < 0) continue;
                String code = line.substring(0, comma).strip();
                String name = line.substring(comma + 1).strip();
                if (name.startsWith("\"") && name.endsWith("\"")) name = name.substring(1, name.length() - 1);
                switch (code.length()) {
                    case 5 -> names.put(code, name);
                    case 8 -> subs.computeIfAbsent(code.substring(0, 5), k -> new ArrayList<>())
                            .add(new Region(code, name, RegionLevel.SUBDISTRICT, null, code.substring(0, 5), true));
                    case 13 -> vills.computeIfAbsent(code.substring(0, 5), k -> new ArrayList<>())
                            .add(new Region(code, name, RegionLevel.VILLAGE, code.charAt(9) == '1'
                                    ? VillageType.KELURAHAN : VillageType.DESA, code.substring(0, 8), true));
                    default -> { }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<District> out = new ArrayList<>();
        for (var e : names.entrySet()) {
            out.add(new District(e.getKey(), e.getValue(), subs.getOrDefault(e.getKey(), List.of()),
                    vills.getOrDefault(e.getKey(), List.of())));
        }
        out.sort(java.util.Comparator.comparing(District::code));
        return out;
    }

    private static Position[] mix() {
        List<Position> p = new ArrayList<>();
        p.add(Position.KEPALA_DESA);
        p.addAll(List.of(Position.SEKRETARIS_DESA, Position.KAUR_TU_UMUM, Position.KAUR_KEUANGAN,
                Position.KAUR_PERENCANAAN, Position.KASI_PEMERINTAHAN, Position.KASI_KESEJAHTERAAN,
                Position.KASI_PELAYANAN, Position.KEPALA_DUSUN, Position.KEPALA_DUSUN, Position.KEPALA_DUSUN));
        p.addAll(List.of(Position.BPD_KETUA, Position.BPD_WAKIL_KETUA, Position.BPD_SEKRETARIS,
                Position.BPD_ANGGOTA, Position.BPD_ANGGOTA, Position.BPD_ANGGOTA, Position.BPD_ANGGOTA));
        for (int i = 0; i < 15; i++) p.add(i % 5 == 0 ? Position.KETUA_RW : Position.KETUA_RT);
        return p.toArray(Position[]::new);
    }

    /** The rows of district {@code i} of {@link #chosen()} (the last one may be cut to reach the total). */
    public Rows rows(int index, long peopleSoFar) {
        District d = chosen.get(index);
        Random rnd = new Random(seed * 1_000_003L + d.code().hashCode());
        OffsetDateTime at = OffsetDateTime.parse("2025-01-06T09:00:00+07:00");
        List<Person> ps = new ArrayList<>();
        List<Post> posts = new ArrayList<>();
        List<Enrolment> ens = new ArrayList<>();
        Map<UUID, List<EnrolmentStatus>> hist = new LinkedHashMap<>();
        Map<String, Integer> serials = new HashMap<>();
        long left = people - peopleSoFar;
        outer:
        for (Region v : d.villages()) {
            if (v.villageType() == VillageType.KELURAHAN) continue;
            String prefix = v.parentCode().replace(".", "");
            for (int i = 0; i < perVillage; i++) {
                if (ps.size() >= left) break outer;
                Position pos = MIX[i % MIX.length];
                Sex sex = rnd.nextInt(100) < 22 ? Sex.P : Sex.L;
                LocalDate birth = today.minusYears(22).minusDays(rnd.nextInt(40 * 365));
                int serial = serials.merge(prefix + birth + sex, 1, Integer::sum);
                Person p = new Person(uuid(rnd), 1, Nik.compose(prefix, birth, sex, serial),
                        NAMES[rnd.nextInt(NAMES.length)] + " " + NAMES[rnd.nextInt(NAMES.length)], sex, birth, null,
                        null, null, EmploymentStatus.NON_ASN, v.code());
                LocalDate start = today.minusDays(100 + rnd.nextInt(2500));
                Post post = new Post(uuid(rnd), 1, p.id(), v.code(), pos, null, null, null, start,
                        RosterRules.plannedEnd(pos, start), null, null);
                ps.add(p);
                posts.add(post);
                Category c = pos.category();
                int chance = switch (c) {
                    case KEPALA_DESA -> 90;
                    case PERANGKAT_DESA -> 80;
                    case BPD -> 55;
                    default -> 35;
                };
                if (rnd.nextInt(100) >= chance) continue;
                boolean pu = c == Category.KEPALA_DESA || c == Category.PERANGKAT_DESA;
                Enrolment en = new Enrolment(uuid(rnd), 1, p.id(), post.id(), null, pu ? Segment.PU : Segment.BPU,
                        EnumSet.of(Programme.JKK, Programme.JKM), 1, pu ? 3_000_000 : 1_000_000,
                        c == Category.KEPALA_DESA ? FundingSource.APBD : pu ? FundingSource.APBDES
                                : FundingSource.DANA_DESA);
                ens.add(en);
                LocalDate since = today.minusDays(30 + rnd.nextInt(700));
                List<EnrolmentStatus> h = new ArrayList<>(2);
                h.add(new EnrolmentStatus(uuid(rnd), en.id(), EnrolmentState.ACTIVE, since, null, at, "Sintetis"));
                if (rnd.nextInt(100) < 5) {
                    h.add(new EnrolmentStatus(uuid(rnd), en.id(), EnrolmentState.LAPSED,
                            since.plusDays(1 + rnd.nextInt(29)), null, at, "Sintetis"));
                }
                hist.put(en.id(), h);
            }
        }
        return new Rows(d, ps, posts, ens, hist);
    }

    private static final String[] NAMES = {"Ahmad", "Budi", "Siti", "Dewi", "Eko", "Nur", "Rina", "Joko", "Asep",
        "Lilis", "Hendra", "Yuyun", "Made", "Ketut", "Wayan", "Yohanes", "Maria", "Fransiskus", "Daeng", "Intan"};

    private static UUID uuid(Random rnd) {
        return new UUID((rnd.nextLong() & 0xffffffffffff0fffL) | 0x4000L,
                (rnd.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L);
    }

    /** A district's signing key and its public key file. */
    public record DistrictKey(KeyPair pair, String keyId, Path publicFile, String words) {
    }

    public static DistrictKey key(District d, Path dir) throws IOException {
        KeyPair kp = KeyCrypto.generate();
        String keyId = KeyCrypto.keyId(kp.getPublic());
        Path pub = dir.resolve("key-" + d.code() + ".json");
        String words = KeyCrypto.words(kp.getPublic());
        Files.write(pub, new PublicKeyFile(keyId, KeyCrypto.encodePublic(kp.getPublic()), words, d.code(),
                d.name(), OfficeLevel.DISTRICT, OffsetDateTime.now()).toJson());
        return new DistrictKey(kp, keyId, pub, words);
    }

    /** Writes the district's signed snapshot bundle (sequence 1, period {@code period}), streamed. */
    public static Path writeBundle(Rows rows, DistrictKey key, Period period, Path out) throws IOException {
        District d = rows.district();
        UUID bundleId = UUID.randomUUID();
        Path payload = out.resolveSibling(out.getFileName() + ".payload");
        MessageDigest md = Hashes.sha256();
        Map<String, Long> counts;
        try (OutputStream o = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(payload),
                1 << 16), md); SnapshotWriter w = new SnapshotWriter(o)) {
            w.begin(bundleId, d.code(), d.name());
            w.section("subdistricts");
            for (Region r : d.subdistricts()) w.region(r);
            w.section("villages");
            for (Region r : d.villages()) w.region(r);
            w.section("people");
            for (Person p : rows.people()) w.person(p);
            w.section("posts");
            for (Post p : rows.posts()) w.post(p);
            w.section("enrolments");
            for (Enrolment e : rows.enrolments()) w.enrolment(e, rows.history().get(e.id()));
            w.section("tombstones");
            counts = Map.copyOf(w.finish());
        }
        long size = Files.size(payload);
        Manifest m = new Manifest(Manifest.FORMAT_VERSION, bundleId, Manifest.KIND_DISTRICT_SNAPSHOT,
                new Manifest.Issuer(d.code(), d.name(), OfficeLevel.DISTRICT), key.keyId(), 1, null,
                OffsetDateTime.now(), period, counts,
                new Manifest.PayloadRef(Manifest.SNAPSHOT_TYPE, Hashes.hex(md.digest()), size), null,
                new Manifest.AuditHead(0, "0".repeat(64)));
        byte[] st = m.toJson();
        byte[] sig = KeyCrypto.sign(key.pair().getPrivate(), Dsse.pae(Manifest.PAYLOAD_TYPE, st));
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
             InputStream in = Files.newInputStream(payload)) {
            o.write(new Dsse.Envelope(Manifest.PAYLOAD_TYPE, st, List.of(new Dsse.Signature(key.keyId(), sig)))
                    .toJson());
            o.write('\n');
            in.transferTo(o);
        }
        Files.delete(payload);
        return out;
    }
}
