package id.lindungdesa.bundle;

import id.lindungdesa.persistence.DurableFiles;
import id.lindungdesa.persistence.JsonMappers;
import id.lindungdesa.bundle.BundleException.Reason;
import id.lindungdesa.domain.Office;
import id.lindungdesa.domain.OfficeKey;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.RegionLevel;
import id.lindungdesa.domain.SentBundle;
import id.lindungdesa.persistence.BundleRepository;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.RegionRepository;
import id.lindungdesa.service.AuditLog;
import id.lindungdesa.service.OfficeService;
import id.lindungdesa.task.Progress;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * District export: a full snapshot of the district, signed, chained to the previous bundle. Read-only on the data;
 * it records the bundle (sequence, hash) in the same transaction that reads the snapshot, and the file appears only
 * when that succeeds.
 */
public final class ExportService {
    private final Database db;
    private final BundleRepository repo;
    private final RegionRepository regions;
    private final OfficeService office;
    private final KeyService keys;
    private final Clock clock;
    private final AuditLog audit;

    public ExportService(Database db, BundleRepository repo, RegionRepository regions, OfficeService office,
                         KeyService keys, Clock clock, AuditLog audit) {
        this.db = db;
        this.repo = repo;
        this.regions = regions;
        this.office = office;
        this.keys = keys;
        this.clock = clock;
        this.audit = audit;
    }

    /** What was exported. */
    public record Result(Path file, SentBundle bundle, Manifest manifest) {
    }

    public List<SentBundle> sent() {
        return db.read(repo::sent);
    }

    /**
     * Checked before the clerk picks a file: the signed-in user may sign (head) and the passphrase opens the office
     * key. Returns the number of signing keys it opens; refuses as {@link #export} would.
     */
    public int readyToSign(char[] passphrase) {
        audit.require(id.lindungdesa.domain.Role.HEAD, "access.do.signBundle"); // issue 17
        return keys.signers(passphrase).size();
    }

    /** Exports to {@code out} (period null: the current quarter). */
    public Result export(Path out, char[] passphrase, Period period, Progress progress) {
        audit.require(id.lindungdesa.domain.Role.HEAD, "access.do.signBundle"); // issue 17
        Office o = office.require();
        if (o.level() != OfficeLevel.DISTRICT) {
            throw new BundleException(Reason.NOT_PROVINCE, "bundle.error.notDistrict");
        }
        List<KeyService.Signer> signers = keys.signers(passphrase);
        OfficeKey active = keys.activeKey().orElseThrow();
        OfficeKey announce = keys.keys().stream().anyMatch(k -> k.status() == OfficeKey.Status.RETIRING) ? active : null;
        Period p = period != null ? period : Period.containing(LocalDate.now(clock));
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BundleException(Reason.IO, e, "bundle.error.io", dir, e.getMessage());
        }
        UUID bundleId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Path payloadTmp = null;
        DurableFiles.Pending filePending = null;
        try {
            payloadTmp = Files.createTempFile(dir, ".bundle-payload", ".tmp");
            filePending = DurableFiles.begin(target);
            Path pt = payloadTmp;
            DurableFiles.Pending fp = filePending;
            Path ft = filePending.temp();
            Result r = db.write(tx -> {
                var last = repo.lastSent(tx, Manifest.KIND_DISTRICT_SNAPSHOT);
                long seq = last.map(SentBundle::sequence).orElse(0L) + 1;
                String prev = last.map(SentBundle::statementSha256).orElse(null);
                MessageDigest md = Hashes.sha256();
                long[] size = new long[1];
                Map<String, Long> counts;
                try (OutputStream fo = new BufferedOutputStream(Files.newOutputStream(pt), 64 * 1024);
                     OutputStream counting = new java.io.FilterOutputStream(new DigestOutputStream(fo, md)) {
                         @Override
                         public void write(byte[] b, int off, int len) throws IOException {
                             out.write(b, off, len);
                             size[0] += len;
                         }

                         @Override
                         public void write(int b) throws IOException {
                             out.write(b);
                             size[0]++;
                         }
                     };
                     SnapshotWriter w = new SnapshotWriter(counting)) {
                    counts = writeSnapshot(tx, w, o, bundleId, progress);
                } catch (IOException e) {
                    throw new BundleException(Reason.IO, e, "bundle.error.io", pt, e.getMessage());
                }
                Manifest.KeyAnnouncement ann = announce == null ? null : new Manifest.KeyAnnouncement(
                        announce.keyId(), announce.algorithm(), announce.publicKey(), announce.fingerprint());
                String signingKey = signers.get(0).keyId();
                Manifest m = new Manifest(Manifest.FORMAT_VERSION, bundleId, Manifest.KIND_DISTRICT_SNAPSHOT,
                        new Manifest.Issuer(o.regionCode(), o.name(), o.level()), signingKey, seq, prev, now, p,
                        counts, new Manifest.PayloadRef(Manifest.SNAPSHOT_TYPE, Hashes.hex(md.digest()), size[0]), ann,
                        auditHead(tx), RefPackService.packInForce(tx)); // issue 18: the pack this district runs
                byte[] statement = m.toJson();
                byte[] pae = Dsse.pae(Manifest.PAYLOAD_TYPE, statement);
                List<Dsse.Signature> sigs = new ArrayList<>();
                for (KeyService.Signer s : signers) sigs.add(new Dsse.Signature(s.keyId(), KeyCrypto.sign(s.key(), pae)));
                Dsse.Envelope env = new Dsse.Envelope(Manifest.PAYLOAD_TYPE, statement, sigs);
                progress.update(1, 1, id.lindungdesa.i18n.Text.of("bundle.progress.signing"));
                try (OutputStream fo = new BufferedOutputStream(Files.newOutputStream(ft), 64 * 1024);
                     InputStream in = Files.newInputStream(pt)) {
                    fo.write(env.toJson());
                    fo.write('\n');
                    in.transferTo(fo);
                } catch (IOException e) {
                    throw new BundleException(Reason.IO, e, "bundle.error.io", ft, e.getMessage());
                }
                SentBundle sb = new SentBundle(bundleId, Manifest.KIND_DISTRICT_SNAPSHOT, seq, signingKey,
                        Hashes.sha256Hex(statement), m.payload().sha256(), m.payload().size(), p.label(), now,
                        target.getFileName().toString(), JsonMappers.MAPPER.writeValueAsString(counts),
                        ann == null ? null : ann.keyId(), null, null);
                repo.insertSent(tx, sb);
                repo.setAuditHead(tx, "bundle_export", bundleId, m.auditHead().count(), m.auditHead().mac());
                audit.recordText(tx, "EXPORT", "bundle", bundleId.toString(), null,
                        "Bundel #" + seq + " (" + p.label() + ") diekspor: " + counts);
                try {
                    fp.commit(); // fsync, atomic move, fsync of the folder
                } catch (IOException e) {
                    throw new BundleException(Reason.IO, e, "bundle.error.io", target, e.getMessage());
                }
                return new Result(target, sb, m);
            });
            audit.anchored(new id.lindungdesa.persistence.AuditRepository.Head(r.manifest().auditHead().count(),
                    r.manifest().auditHead().mac()), "bundle #" + r.manifest().sequence() + " " + bundleId);
            return r;
        } catch (IOException e) {
            throw new BundleException(Reason.IO, e, "bundle.error.io", dir, e.getMessage());
        } finally {
            deleteQuietly(payloadTmp);
            if (filePending != null) deleteQuietly(filePending.temp());
        }
    }

    /** This office's audit head now, for the manifest (decision 0111). */
    private Manifest.AuditHead auditHead(id.lindungdesa.persistence.Tx tx) {
        var h = audit.head(tx);
        return new Manifest.AuditHead(h.count(), h.mac());
    }

    private Map<String, Long> writeSnapshot(id.lindungdesa.persistence.Tx tx, SnapshotWriter w, Office o,
                                            UUID bundleId, Progress progress) {
        String d = o.regionCode();
        String districtName = regions.find(tx, d).map(Region::name).orElse(o.name());
        w.begin(bundleId, d, districtName);
        List<Region> rs = new ArrayList<>(regions.listWithin(tx, d, true));
        rs.sort(Comparator.comparing(Region::code));
        w.section("subdistricts");
        for (Region r : rs) if (r.level() == RegionLevel.SUBDISTRICT) w.region(r);
        w.section("villages");
        for (Region r : rs) if (r.level() == RegionLevel.VILLAGE) w.region(r);
        long[] n = new long[1];
        java.util.Set<UUID> people = repo.peopleWithin(tx, d);
        w.section("people");
        repo.forEachPerson(tx, people, p -> {
            w.person(p);
            tick(progress, ++n[0]);
        });
        w.section("posts");
        repo.forEachPost(tx, d, p -> {
            w.post(p);
            tick(progress, ++n[0]);
        });
        w.section("enrolments");
        repo.forEachEnrolment(tx, people, (e, h) -> {
            w.enrolment(e, h);
            tick(progress, ++n[0]);
        });
        w.section("tombstones");
        repo.forEachRemoved(tx, d, people, r -> w.tombstone(new Tombstone(r.type(), r.id(), r.version(), r.deletedAt(),
                r.reason())));
        return Map.copyOf(w.finish());
    }

    private static void tick(Progress p, long n) {
        if (n % 2000 == 0) {
            p.checkCancelled();
            p.update(n, -1, id.lindungdesa.i18n.Text.of("bundle.progress.writing", n));
        }
    }

    private static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // temp file; left behind only if the disk is failing
        }
    }
}
