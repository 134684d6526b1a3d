package id.lindungdesa.field;

import id.lindungdesa.bundle.BundleException;
import id.lindungdesa.bundle.BundleException.Reason;
import id.lindungdesa.bundle.Dsse;
import id.lindungdesa.bundle.EncryptionKeys;
import id.lindungdesa.bundle.FieldManifest;
import id.lindungdesa.bundle.Hashes;
import id.lindungdesa.bundle.Hpke;
import id.lindungdesa.bundle.KeyCrypto;
import id.lindungdesa.bundle.KeyService;
import id.lindungdesa.bundle.Manifest;
import id.lindungdesa.bundle.PublicKeyFile;
import id.lindungdesa.bundle.SnapshotWriter;
import id.lindungdesa.bundle.Tombstone;
import id.lindungdesa.bundle.TrustService;
import id.lindungdesa.domain.AgreementInForce;
import id.lindungdesa.domain.EncryptionKey;
import id.lindungdesa.domain.FieldPackage;
import id.lindungdesa.domain.Office;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.RegionLevel;
import id.lindungdesa.domain.TrustedKey;
import id.lindungdesa.persistence.BundleRepository;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.DurableFiles;
import id.lindungdesa.persistence.FieldRepository;
import id.lindungdesa.persistence.JsonMappers;
import id.lindungdesa.persistence.RateRepository;
import id.lindungdesa.persistence.RegionRepository;
import id.lindungdesa.persistence.Tx;
import id.lindungdesa.service.AgreementService;
import id.lindungdesa.service.AuditLog;
import id.lindungdesa.service.OfficeService;
import id.lindungdesa.task.Progress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * District side of field visits (issue 15): issues a signed {@code field-package} of one kecamatan to one officer,
 * the personal data sealed to the officer's X25519 key with HPKE (decision 0150), and keeps the list of packages
 * issued with the version of every record each carried (the base of the later three-way merge).
 */
public final class FieldPackageService {
    private final Database db;
    private final FieldRepository repo;
    private final BundleRepository bundles;
    private final RegionRepository regions;
    private final RateRepository rates;
    private final OfficeService office;
    private final KeyService keys;
    private final TrustService trust;
    private final AgreementService agreements;
    private final Clock clock;
    private final AuditLog audit;

    public FieldPackageService(Database db, FieldRepository repo, OfficeService office, KeyService keys,
                               TrustService trust, AgreementService agreements, Clock clock, AuditLog audit) {
        this.db = db;
        this.repo = repo;
        this.bundles = new BundleRepository();
        this.regions = new RegionRepository();
        this.rates = new RateRepository();
        this.office = office;
        this.keys = keys;
        this.trust = trust;
        this.agreements = agreements;
        this.clock = clock;
        this.audit = audit;
    }

    /** What was issued. */
    public record Result(Path file, FieldPackage issued, FieldManifest manifest) {
    }

    /** Every package this district issued, newest first. */
    public List<FieldPackage> issued() {
        return db.read(repo::packages);
    }

    /** The number of records (people, posts, enrolments) whose version a package recorded. */
    public int recordCount(UUID packageId) {
        return db.read(tx -> repo.recordCount(tx, packageId));
    }

    /** The version of one record as the package carried it (the merge's base), if it carried it. */
    public java.util.Optional<Integer> baseVersion(UUID packageId, String entity, UUID recordId) {
        return db.read(tx -> repo.versionIn(tx, packageId, entity, recordId));
    }

    /**
     * Writes the package of {@code kecamatan} for the officer whose trusted signing key is {@code officerKeyId}.
     * Refuses, with nothing recorded and no file, when this is no district, the kecamatan is not inside it, or the
     * key is not a trusted, unrevoked key of that kecamatan's officer with an encryption key.
     */
    public Result export(String kecamatan, String officerKeyId, Path out, char[] passphrase, Progress progress) {
        audit.require(id.lindungdesa.domain.Role.HEAD, "access.do.signBundle"); // issue 17: signing and sending
        Office o = office.require();
        if (o.level() != OfficeLevel.DISTRICT) throw new BundleException(Reason.NOT_PROVINCE, "field.error.notDistrict");
        String code = kecamatan == null ? "" : kecamatan.strip();
        Region kec = db.read(tx -> regions.find(tx, code)).filter(r -> r.level() == RegionLevel.SUBDISTRICT
                && Region.within(r.code(), o.regionCode())).orElseThrow(() -> new BundleException(Reason.WRONG_ISSUER,
                "field.error.kecamatan", code, o.regionCode()));
        TrustedKey officer = trust.find(officerKeyId == null ? "" : officerKeyId.strip()).orElseThrow(
                () -> new BundleException(Reason.UNKNOWN_KEY, "field.error.officerUnknown", officerKeyId));
        if (officer.revoked()) {
            throw new BundleException(Reason.REVOKED_KEY, "bundle.error.revokedKey", officer.keyId(),
                    officer.officeName(), String.valueOf(officer.revokedReason()));
        }
        if (officer.officeLevel() != OfficeLevel.SUBDISTRICT || !officer.officeCode().equals(kec.code())) {
            throw new BundleException(Reason.WRONG_ISSUER, "field.error.officerScope", officer.keyId(),
                    officer.officeName(), officer.officeCode(), kec.code());
        }
        EncryptionKey recipient = trust.encryptionKeyOf(officer.keyId()).orElseThrow(
                () -> new BundleException(Reason.NO_KEY, "field.error.noEncryptionKey", officer.officeName()));
        List<KeyService.Signer> signers = keys.signers(passphrase);
        keys.encryptionKey(passphrase); // so the district's key in the package carries its own encryption key
        PublicKeyFile districtKey = keys.publicKeyFile();
        Path target = out.toAbsolutePath();
        UUID packageId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = LocalDate.now(clock);
        List<AgreementInForce> inForce = agreements.inForce(today);
        return db.write(tx -> {
            Map<String, Map<UUID, Integer>> versions = new LinkedHashMap<>();
            ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
            Map<String, Long> counts = new LinkedHashMap<>();
            try (SnapshotWriter w = new SnapshotWriter(snapshot)) {
                counts.putAll(writeScope(tx, w, kec, packageId, versions, progress));
            }
            List<?> rateList = rates.rates(tx);
            counts.put("agreements", (long) inForce.size());
            counts.put("rates", (long) rateList.size());
            byte[] plain = plaintext(packageId, kec, inForce, rateList, snapshot.toByteArray());
            Hpke.Sealed sealed = Hpke.seal(EncryptionKeys.rawPublic(recipient),
                    FieldManifest.info(FieldManifest.KIND_PACKAGE, packageId), new byte[0], plain);
            var last = repo.lastPackage(tx);
            long seq = last.map(FieldPackage::sequence).orElse(0L) + 1;
            String prev = last.map(FieldPackage::statementSha256).orElse(null);
            String signingKey = signers.get(0).keyId();
            FieldManifest m = new FieldManifest(FieldManifest.PACKAGE_VERSION, packageId, FieldManifest.KIND_PACKAGE,
                    new Manifest.Issuer(o.regionCode(), o.name(), o.level()), signingKey, seq, prev, now,
                    new FieldManifest.Scope(kec.code(), kec.name()),
                    new FieldManifest.Recipient(officer.officeCode(), officer.officeName(), officer.keyId(),
                            recipient.keyId()),
                    packageId, counts, districtKey, new FieldManifest.Encryption(Hpke.SUITE, sealed.enc()),
                    new Manifest.PayloadRef(FieldManifest.PACKAGE_TYPE, Hashes.sha256Hex(sealed.ciphertext()),
                            sealed.ciphertext().length));
            byte[] statement = m.toJson();
            byte[] pae = Dsse.pae(FieldManifest.PAYLOAD_TYPE, statement);
            List<Dsse.Signature> sigs = new ArrayList<>();
            for (KeyService.Signer s : signers) sigs.add(new Dsse.Signature(s.keyId(), KeyCrypto.sign(s.key(), pae)));
            byte[] env = new Dsse.Envelope(FieldManifest.PAYLOAD_TYPE, statement, sigs).toJson();
            FieldPackage p = new FieldPackage(packageId, seq, kec.code(), officer.keyId(), officer.officeName(),
                    recipient.keyId(), signingKey, Hashes.sha256Hex(statement), m.payload().sha256(),
                    m.payload().size(), JsonMappers.MAPPER.writeValueAsString(counts),
                    target.getFileName().toString(), now, audit.actor(), FieldPackage.State.SENT);
            repo.insertPackage(tx, p);
            repo.insertRecords(tx, packageId, versions);
            audit.recordText(tx, "EXPORT", "field_package", packageId.toString(), null,
                    "Paket lapangan #" + seq + " kecamatan " + kec.code() + " untuk " + officer.officeName() + " ("
                            + officer.keyId() + "): " + counts);
            byte[] file = new byte[env.length + 1 + sealed.ciphertext().length];
            System.arraycopy(env, 0, file, 0, env.length);
            file[env.length] = '\n';
            System.arraycopy(sealed.ciphertext(), 0, file, env.length + 1, sealed.ciphertext().length);
            try {
                DurableFiles.writeBytes(target, file); // before the commit: no file, nothing recorded
            } catch (IOException e) {
                throw new BundleException(Reason.IO, e, "bundle.error.io", target, e.getMessage());
            }
            return new Result(target, p, m);
        });
    }

    private Map<String, Long> writeScope(Tx tx, SnapshotWriter w, Region kec, UUID packageId,
                                         Map<String, Map<UUID, Integer>> versions, Progress progress) {
        String d = kec.code();
        w.begin(packageId, d, kec.name());
        List<Region> rs = new ArrayList<>(regions.listWithin(tx, d, true));
        rs.sort(Comparator.comparing(Region::code));
        w.section("subdistricts");
        for (Region r : rs) if (r.level() == RegionLevel.SUBDISTRICT) w.region(r);
        w.section("villages");
        for (Region r : rs) if (r.level() == RegionLevel.VILLAGE) w.region(r);
        Map<UUID, Integer> people = new TreeMap<>();
        Map<UUID, Integer> posts = new TreeMap<>();
        Map<UUID, Integer> enrolments = new TreeMap<>();
        long[] n = new long[1];
        java.util.Set<UUID> ids = bundles.peopleWithin(tx, d);
        w.section("people");
        bundles.forEachPerson(tx, ids, p -> {
            w.person(p);
            people.put(p.id(), p.version());
            tick(progress, ++n[0]);
        });
        w.section("posts");
        bundles.forEachPost(tx, d, p -> {
            w.post(p);
            posts.put(p.id(), p.version());
            tick(progress, ++n[0]);
        });
        w.section("enrolments");
        bundles.forEachEnrolment(tx, ids, (e, h) -> {
            w.enrolment(e, h);
            enrolments.put(e.id(), e.version());
            tick(progress, ++n[0]);
        });
        w.section("tombstones");
        bundles.forEachRemoved(tx, d, ids, r -> w.tombstone(new Tombstone(r.type(), r.id(), r.version(),
                r.deletedAt(), r.reason())));
        versions.put("person", people);
        versions.put("post", posts);
        versions.put("enrolment", enrolments);
        return w.finish();
    }

    /**
     * The sealed plaintext, two parts like a bundle file: line 1 is a header, one line of JSON
     * {@code {"kind":"field-package","formatVersion":1,"packageId":…,"kecamatan":{code,name},"agreements":[…],
     * "rates":[…]}} (read-only reference data); from line 2 on, a district-snapshot payload (docs/bundle-format.md §2)
     * limited to the kecamatan, so the officer's side reads it with the snapshot reader.
     */
    static byte[] plaintext(UUID packageId, Region kec, List<AgreementInForce> inForce, List<?> rateList,
                            byte[] snapshot) {
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("kind", FieldManifest.KIND_PACKAGE);
        head.put("formatVersion", 1);
        head.put("packageId", packageId.toString());
        head.put("kecamatan", Map.of("code", kec.code(), "name", kec.name()));
        head.put("agreements", inForce);
        head.put("rates", rateList);
        byte[] h = JsonMappers.MAPPER.writeValueAsBytes(head);
        ByteArrayOutputStream out = new ByteArrayOutputStream(snapshot.length + h.length + 1);
        out.writeBytes(h);
        out.write('\n');
        out.writeBytes(snapshot);
        return out.toByteArray();
    }

    private static void tick(Progress p, long n) {
        if (n % 2000 == 0) {
            p.checkCancelled();
            p.update(n, -1, id.lindungdesa.i18n.Text.of("bundle.progress.writing", n));
        }
    }
}
