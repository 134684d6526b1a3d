package id.lindungdesa.bundle;

import id.lindungdesa.persistence.JsonMappers;
import id.lindungdesa.bundle.BundleException.Reason;
import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.EnrolmentStatus;
import id.lindungdesa.domain.Office;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.ReceivedBundle;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.RegionLevel;
import id.lindungdesa.domain.TrustedKey;
import id.lindungdesa.persistence.BundleRepository;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.KeyRepository;
import id.lindungdesa.persistence.ProvinceRepository;
import id.lindungdesa.persistence.ProvinceRepository.Existing;
import id.lindungdesa.persistence.ProvinceRepository.Hashed;
import id.lindungdesa.persistence.ProvinceRepository.Kind;
import id.lindungdesa.persistence.Tx;
import id.lindungdesa.service.AuditLog;
import id.lindungdesa.service.OfficeService;
import id.lindungdesa.task.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Province import: verify signature and trust → format and version → sequence (replays and older bundles refused,
 * gaps reported) → read the payload as a stream and apply it in ONE transaction in batches → receipt. A dry run
 * does exactly the same work and rolls the transaction back, so its counts are the counts an import would give.
 */
public final class BundleImportService {
    static final int BATCH = 500;

    private final Database db;
    private final BundleRepository bundles;
    private final KeyRepository keyRepo;
    private final ProvinceRepository prov;
    private final OfficeService office;
    private final KeyService keys;
    private final ReceiptService receipts;
    private final Clock clock;
    private final AuditLog audit;
    private volatile long maxBytes = -1;
    private final id.lindungdesa.persistence.ProvinceFiguresRepository summary =
            new id.lindungdesa.persistence.ProvinceFiguresRepository();

    public BundleImportService(Database db, BundleRepository bundles, KeyRepository keyRepo, ProvinceRepository prov,
                         OfficeService office, KeyService keys, ReceiptService receipts, Clock clock, AuditLog audit) {
        this.db = db;
        this.bundles = bundles;
        this.keyRepo = keyRepo;
        this.prov = prov;
        this.office = office;
        this.keys = keys;
        this.receipts = receipts;
        this.clock = clock;
        this.audit = audit;
    }

    /** Overrides the file-size cap (tests, benchmark). */
    public void setMaxBytes(long bytes) {
        this.maxBytes = bytes;
    }

    long cap() {
        return maxBytes > 0 ? maxBytes : BundleFile.maxBytes();
    }

    /** Verifies against this office's trust registry and reads the whole payload without writing anything. */
    public Verified verify(Path file) {
        Verified v = BundleVerifier.verify(file, trustLookup(), cap());
        validatePayload(v);
        return v;
    }

    /** Verifies against one given public key file (no database needed). */
    public static Verified verifyWith(Path file, PublicKeyFile trusted, long cap) {
        TrustedKey t = new TrustedKey(trusted.keyId(), KeyCrypto.ALGORITHM, trusted.publicKey(), trusted.fingerprint(),
                trusted.officeCode(), trusted.officeName(), trusted.officeLevel(), OffsetDateTime.now(), "--trust",
                null, null, null, null);
        Verified v = BundleVerifier.verify(file, id -> id.equals(t.keyId()) ? Optional.of(t) : Optional.empty(), cap);
        validatePayload(v);
        return v;
    }

    private static void validatePayload(Verified v) {
        readPayload(v, SnapshotHandler.NONE);
    }

    private Function<String, Optional<TrustedKey>> trustLookup() {
        return id -> db.read(tx -> TrustService.lookup(keyRepo, tx, id));
    }

    public ImportReport dryRun(Path file, Progress progress) {
        return run(file, true, null, null, progress);
    }

    /**
     * Applies the bundle and writes a signed receipt to {@code receiptOut} (null: beside the bundle, named
     * {@code <bundle>.receipt.json}). The passphrase unlocks this office's key to sign the receipt.
     */
    public ImportReport apply(Path file, char[] passphrase, Path receiptOut, Progress progress) {
        return apply(file, unlocker(passphrase), receiptOut, progress);
    }

    /**
     * The office key, unlocked at most once for several imports in one run (a national office imports hundreds of
     * bundles; each unlock is a PBKDF2 derivation of about half a second). The key is unlocked when the first bundle
     * that passed its checks needs its receipt signed, so a refused bundle still says why before a wrong passphrase
     * does; a wrong passphrase is not remembered (the next bundle tries again). Hold it only for the run.
     */
    public static final class Unlocker {
        private final KeyService keys;
        private final char[] passphrase;
        private List<KeyService.Signer> signers;

        private Unlocker(KeyService keys, char[] passphrase) {
            this.keys = keys;
            this.passphrase = passphrase;
        }

        synchronized List<KeyService.Signer> signers() {
            if (signers == null) signers = keys.signers(passphrase);
            return signers;
        }
    }

    /** An {@link Unlocker} for several {@link #apply(Path, Unlocker, Path, Progress)} calls with one passphrase. */
    public Unlocker unlocker(char[] passphrase) {
        return new Unlocker(keys, passphrase);
    }

    /** {@link #apply(Path, char[], Path, Progress)} with the office key unlocked once for the run. */
    public ImportReport apply(Path file, Unlocker key, Path receiptOut, Progress progress) {
        audit.require(id.lindungdesa.domain.Role.HEAD, "access.do.importBundle"); // issue 17
        return run(file, false, key, receiptOut, progress);
    }

    private static final class DryRunRollback extends RuntimeException {
        final transient ImportReport report;

        DryRunRollback(ImportReport report) {
            super("dry run", null, false, false);
            this.report = report;
        }
    }

    private ImportReport run(Path file, boolean dryRun, Unlocker passphrase, Path receiptOut, Progress progress) {
        Office me = office.require();
        if (!me.level().receivesBundles()) {
            throw new BundleException(Reason.NOT_PROVINCE, "bundle.error.notProvince");
        }
        progress.update(0, -1, id.lindungdesa.i18n.Text.of("bundle.progress.checking"));
        // A province keeps the district's signed bytes untouched, to forward them to the national office
        // (decision 0131): copied first, then the COPY is verified and imported, so what is kept is what was read.
        try (BundleArchive.Pending kept = dryRun || me.level() != OfficeLevel.PROVINCE ? null
                : BundleArchive.of(db).keep(file, cap())) {
            return run(file, kept, me, dryRun, passphrase, receiptOut, progress);
        }
    }

    private ImportReport run(Path file, BundleArchive.Pending kept, Office me, boolean dryRun, Unlocker passphrase,
                             Path receiptOut, Progress progress) {
        Verified v = BundleVerifier.verify(kept != null ? kept.temp() : file, trustLookup(), cap());
        Manifest m = v.manifest();
        if (!me.level().covers(me.regionCode(), m.issuer().code())) {
            throw new BundleException(Reason.WRONG_PROVINCE, "bundle.error.otherProvince", m.issuer().code(),
                    me.regionCode());
        }
        // a replayed or older bundle is refused for that reason before the office key is unlocked (decision 0200)
        List<String> warnings = new ArrayList<>(checkSequence(m));
        List<KeyService.Signer> signer = dryRun ? null : passphrase.signers();
        // the receipt's place is chosen and checked BEFORE anything is saved (decision 0112)
        Path out = receiptOut != null ? receiptOut.toAbsolutePath() : receipts.defaultLocation(file);
        if (!dryRun) ReceiptService.probeWritable(out);
        // No full dump of the store before the import at a province or the national office (decision 0130): the
        // import is one transaction (all of it or nothing) and the store is backed up on a schedule.
        byte[][] receipt = new byte[1][];
        id.lindungdesa.persistence.AuditRepository.Head[] receiptHead = new id.lindungdesa.persistence.AuditRepository.Head[1];
        ImportReport report;
        try {
            report = db.write(tx -> {
                // checked again under the write lock: another import may have landed meanwhile; on a server another
                // process may import this district's bundles at the same moment, so its sequence is locked first
                // (the second waits, then sees what the first committed; issue 16)
                id.lindungdesa.persistence.RowLocks.lock(tx, id.lindungdesa.persistence.RowLocks.bundlesOf(
                        m.issuer().code(), m.kind()));
                checkSequence(tx, m);
                Applier a = new Applier(tx, m, progress);
                Map<String, Long> read = readPayload(v, a);
                a.finish();
                if (m.counts().containsKey("agreements") || read.keySet().stream()
                        .anyMatch(SnapshotWriter.RESERVED::contains)) {
                    warnings.add(Messages2.reservedSkipped(read));
                }
                if (m.auditHead() != null) {
                    bundles.previousAuditCount(tx, m.issuer().code(), m.kind(), m.sequence())
                            .filter(prev -> prev[0] > m.auditHead().count())
                            .ifPresent(prev -> warnings.add(id.lindungdesa.i18n.Messages.tr("audit.warn.shrank",
                                    m.issuer().code(), m.auditHead().count(), prev[1], prev[0])));
                }
                RefPackService.olderPackWarning(tx, me, m).ifPresent(warnings::add); // issue 18
                OffsetDateTime now = OffsetDateTime.now(clock);
                if (m.keyRotation() != null) enrolAnnounced(tx, m, v.signer(), now, warnings);
                ImportReport r = new ImportReport(m.bundleId(), m.issuer().code(), a.districtName, m.sequence(),
                        m.period().label(), dryRun, a.counts(), List.copyOf(warnings), null);
                if (dryRun) throw new DryRunRollback(r);
                // the district's figures, kept in this transaction (decision 0126)
                summary.refreshSummary(tx, m.issuer().code(), now.toLocalDate(), m.bundleId(), now);
                bundles.insertReceived(tx, new ReceivedBundle(m.bundleId(), m.kind(), m.issuer().code(),
                        a.districtName != null ? a.districtName : m.issuer().name(), m.issuer().level(), m.sequence(),
                        v.signer().keyId(), v.statementSha256(), m.previousBundleSha256(), m.payload().sha256(),
                        m.period().label(), m.createdAt(), now, audit.actor(), file.getFileName().toString(),
                        JsonMappers.MAPPER.writeValueAsString(countsJson(r.counts())),
                        warnings.isEmpty() ? null : String.join("\n", warnings)));
                if (m.auditHead() != null) {
                    bundles.setAuditHead(tx, "bundle_import", m.bundleId(), m.auditHead().count(),
                            m.auditHead().mac());
                }
                if (m.referencePack() != null) RefPackService.recordBundlePack(tx, m); // issue 18
                audit.recordText(tx, "IMPORT", "bundle", m.bundleId().toString(), null,
                        "Bundel " + m.issuer().code() + " #" + m.sequence() + " (" + m.period().label() + ") diterima: "
                                + countsJson(r.counts()));
                // the receipt is data: signed and committed with the import; the file is an export of it
                receiptHead[0] = audit.head(tx);
                receipt[0] = ReceiptService.sign(receipts.statement(v, r, me, now, receiptHead[0]), signer);
                bundles.storeReceipt(tx, m.bundleId(), new String(receipt[0], java.nio.charset.StandardCharsets.UTF_8));
                if (kept != null) kept.commit(m); // the original bytes take their name; a failure rolls back
                return r;
            });
        } catch (DryRunRollback d) {
            return d.report;
        } catch (RuntimeException e) {
            if (kept != null) kept.undo();
            throw e;
        }
        // committed: from here on nothing may say "refused"
        audit.anchored(receiptHead[0], "receipt for " + m.issuer().code() + " #" + m.sequence() + " " + m.bundleId());
        String problem = null;
        try {
            afterCommit.accept(out);
            ReceiptService.writeFile(out, receipt[0]);
            db.writeVoid(tx -> bundles.receiptWritten(tx, m.bundleId(), out.toString()));
        } catch (RuntimeException e) {
            problem = id.lindungdesa.i18n.Messages.tr("receipt.error.notWritten", out, e.getMessage(),
                    m.bundleId());
        }
        return new ImportReport(report.bundleId(), report.districtCode(), report.districtName(), report.sequence(),
                report.period(), false, report.counts(), report.warnings(), problem == null ? out : null, problem);
    }

    /** One received bundle handed on by {@link #forward}: written to {@code file}, or {@code problem} says why not. */
    public record Forwarded(ReceivedBundle bundle, Path file, String problem) {
    }

    /**
     * A province hands the district bundles it received to the national office, untouched: the districts' own
     * signed files, kept at import ({@link BundleArchive}), each checked against what was recorded at import (the
     * signed statement's and the payload's SHA-256) and copied to {@code outDir} as
     * {@code bundle-<district>-<sequence>.ldb} (names sort in the order to import them). {@code period} (null: all)
     * keeps those of one period. A bundle imported before its bytes were kept, or whose kept copy changed, is
     * reported with its problem and not written (decision 0131).
     */
    public List<Forwarded> forward(Path outDir, String period) {
        Office me = office.require();
        if (me.level() != OfficeLevel.PROVINCE) {
            throw new BundleException(Reason.NOT_PROVINCE, "bundle.error.forwardNotProvince");
        }
        BundleArchive archive = BundleArchive.of(db);
        List<ReceivedBundle> all = db.read(tx -> bundles.receivedAll(tx)).stream()
                .filter(r -> Manifest.KIND_DISTRICT_SNAPSHOT.equals(r.kind()))
                .filter(r -> period == null || period.equals(r.periodLabel()))
                .sorted(java.util.Comparator.comparing(ReceivedBundle::issuerCode)
                        .thenComparingLong(ReceivedBundle::sequence))
                .toList();
        List<Forwarded> out = new ArrayList<>();
        try {
            java.nio.file.Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new BundleException(Reason.IO, e, "bundle.error.io", outDir, e.getMessage());
        }
        for (ReceivedBundle r : all) {
            Optional<Path> kept = archive.find(r.bundleId());
            if (kept.isEmpty()) {
                out.add(new Forwarded(r, null, id.lindungdesa.i18n.Messages.tr("bundle.forward.notKept",
                        r.issuerCode(), r.sequence())));
                continue;
            }
            try {
                BundleFile.Header h = BundleFile.readHeader(kept.get(), cap());
                Manifest m = Manifest.parse(h.envelope().payload());
                if (!Hashes.sha256Hex(h.envelope().payload()).equals(r.statementSha256())
                        || !m.bundleId().equals(r.bundleId())) {
                    throw new BundleException(Reason.PAYLOAD_CHANGED, "bundle.error.payloadChanged",
                            kept.get().getFileName());
                }
                BundleFile.checkPayload(kept.get(), h, m);
                Path target = outDir.resolve(String.format("bundle-%s-%06d.ldb", r.issuerCode(), r.sequence()));
                id.lindungdesa.persistence.DurableFiles.write(target, o -> java.nio.file.Files.copy(kept.get(), o));
                out.add(new Forwarded(r, target, null));
            } catch (BundleException e) {
                out.add(new Forwarded(r, null, e.message(id.lindungdesa.i18n.Messages.current())));
            } catch (IOException | RuntimeException e) {
                out.add(new Forwarded(r, null, id.lindungdesa.i18n.Messages.tr("bundle.error.io", kept.get(),
                        e.getMessage())));
            }
        }
        return out;
    }

    private volatile java.util.function.Consumer<Path> afterCommit = p -> { };

    /** Test seam: runs after the import committed and before the receipt file is written. */
    void setAfterCommit(java.util.function.Consumer<Path> hook) {
        this.afterCommit = hook;
    }

    static Map<String, Map<String, Long>> countsJson(Map<String, ImportReport.Counts> counts) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        counts.forEach((k, c) -> {
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("new", c.added());
            m.put("changed", c.changed());
            m.put("ended", c.ended());
            m.put("unchanged", c.unchanged());
            out.put(k, m);
        });
        return out;
    }

    private List<String> checkSequence(Manifest m) {
        return db.read(tx -> checkSequence(tx, m));
    }

    /** Refuses replays and older bundles; returns a warning for a gap or a broken chain. */
    private List<String> checkSequence(Tx tx, Manifest m) {
        Optional<ReceivedBundle> same = bundles.received(tx, m.bundleId());
        if (same.isPresent()) {
            throw new BundleException(Reason.REPLAYED, "receipt.error.replayedBy", m.bundleId(), m.issuer().code(),
                    same.get().importedAt(), same.get().importedBy());
        }
        Optional<ReceivedBundle> last = bundles.lastReceived(tx, m.issuer().code(), m.kind());
        List<String> w = new ArrayList<>();
        if (last.isPresent()) {
            long lastSeq = last.get().sequence();
            if (m.sequence() <= lastSeq) {
                throw new BundleException(Reason.OLDER_SEQUENCE, "bundle.error.older", m.sequence(), lastSeq,
                        m.issuer().code());
            }
            if (m.sequence() > lastSeq + 1) {
                w.add(id.lindungdesa.i18n.Messages.tr("bundle.warn.gap", lastSeq + 1, m.sequence() - 1,
                        m.issuer().code()));
            } else if (!last.get().statementSha256().equals(m.previousBundleSha256())) {
                w.add(id.lindungdesa.i18n.Messages.tr("bundle.warn.chain", m.sequence(), m.issuer().code()));
            }
        } else if (m.sequence() > 1) {
            w.add(id.lindungdesa.i18n.Messages.tr("bundle.warn.gap", 1, m.sequence() - 1, m.issuer().code()));
        }
        return w;
    }

    /**
     * Enrols the key announced by a trusted key. When the office has a revoked key (a compromise happened there),
     * the announced key is enrolled PENDING: nothing it signs is accepted until a person compares its words and runs
     * {@code trust confirm} (decision 0110).
     */
    private void enrolAnnounced(Tx tx, Manifest m, TrustedKey signer, OffsetDateTime now, List<String> warnings) {
        Manifest.KeyAnnouncement a = m.keyRotation();
        var pk = KeyCrypto.decodePublic(a.publicKey());
        if (!KeyCrypto.keyId(pk).equals(a.keyId())) {
            throw new BundleException(Reason.BAD_SIGNATURE, "bundle.error.keyIdMismatch");
        }
        if (keyRepo.trusted(tx, a.keyId()).isPresent()) return;
        boolean pending = TrustService.officeHasRevokedKey(keyRepo, tx, signer.officeCode());
        keyRepo.insertTrusted(tx, new TrustedKey(a.keyId(), KeyCrypto.ALGORITHM, a.publicKey(), KeyCrypto.words(pk),
                signer.officeCode(), signer.officeName(), signer.officeLevel(), now, audit.actor(), signer.keyId(),
                m.bundleId(), null, null, null, null, pending ? now : null, null));
        audit.recordText(tx, "CREATE", "trusted_key", a.keyId(), null, "Kunci baru " + a.keyId() + " dari "
                + signer.officeCode() + " diumumkan oleh kunci " + signer.keyId() + (pending ? " (menunggu konfirmasi)"
                : ""));
        if (pending) {
            warnings.add(id.lindungdesa.i18n.Messages.tr("trust.warn.announcedPending", a.keyId(),
                    signer.officeCode(), FingerprintWords.grouped(KeyCrypto.words(pk))));
        }
    }

    /**
     * Streams the payload into {@code handler}, re-checking its SHA-256 on the bytes actually parsed (the file
     * could have changed since verification).
     */
    static Map<String, Long> readPayload(Verified v, SnapshotHandler handler) {
        MessageDigest md = Hashes.sha256();
        SnapshotReader reader = new SnapshotReader(v.manifest(), handler);
        Map<String, Long> counts;
        try (InputStream in = BundleFile.openPayload(v.file(), v.header(), v.manifest().payload().size(), md)) {
            counts = reader.read(in);
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new BundleException(Reason.IO, e, "bundle.error.io", v.file(), e.getMessage());
        }
        if (!Hashes.hex(md.digest()).equals(v.manifest().payload().sha256())) {
            throw new BundleException(Reason.PAYLOAD_CHANGED, "bundle.error.payloadChanged", v.file().getFileName());
        }
        return counts;
    }

    /** Applies records in batches, counting new / changed / ended / unchanged exactly. */
    private final class Applier implements SnapshotHandler {
        private final Tx tx;
        private final Manifest m;
        private final Progress progress;
        private final UUID bundle;
        private final String d;
        private final OffsetDateTime now;
        String districtName;
        private final Map<Kind, long[]> counts = new EnumMap<>(Kind.class);
        /** Kinds of which the province holds nothing of this district yet: every record is new, none is looked up. */
        private final Set<Kind> fresh = java.util.EnumSet.noneOf(Kind.class);
        private final List<Hashed<Region>> regions = new ArrayList<>();
        private final List<Hashed<Person>> people = new ArrayList<>();
        private final List<Hashed<Post>> posts = new ArrayList<>();
        private final List<Hashed<Enrolment>> enrolments = new ArrayList<>();
        private final Map<UUID, List<EnrolmentStatus>> histories = new HashMap<>();
        private long records;

        Applier(Tx tx, Manifest m, Progress progress) {
            this.tx = tx;
            this.m = m;
            this.progress = progress;
            this.bundle = m.bundleId();
            this.d = m.issuer().code();
            this.now = OffsetDateTime.now(clock);
            for (Kind k : Kind.values()) {
                counts.put(k, new long[4]);
                if (!prov.holdsAny(tx, k, d)) fresh.add(k);
            }
        }

        @Override
        public void header(UUID bundleId, String districtCode, String name) {
            this.districtName = name;
        }

        @Override
        public void region(Region r) {
            regions.add(new Hashed<>(r, Hashes.sha256Hex(r.toString())));
            if (regions.size() >= BATCH) flushRegions();
        }

        @Override
        public void person(Person p) {
            people.add(new Hashed<>(p, Hashes.sha256Hex(p.toString())));
            if (people.size() >= BATCH) flushPeople();
        }

        @Override
        public void post(Post p) {
            posts.add(new Hashed<>(p, Hashes.sha256Hex(p.toString())));
            if (posts.size() >= BATCH) flushPosts();
        }

        @Override
        public void enrolment(Enrolment e, List<EnrolmentStatus> history) {
            enrolments.add(new Hashed<>(e, Hashes.sha256Hex(e + "|" + history)));
            histories.put(e.id(), history);
            if (enrolments.size() >= BATCH) flushEnrolments();
        }

        @Override
        public void tombstone(Tombstone t) {
            Kind k = switch (t.type()) {
                case "person" -> Kind.PERSON;
                case "post" -> Kind.POST;
                default -> Kind.ENROLMENT;
            };
            flushAll();
            if (!fresh.contains(k) && !prov.existing(tx, k, d, List.of(t.id())).isEmpty()) {
                boolean wasLive = prov.tombstone(tx, k, d, t.id(), t.deletedAt(), t.reason(), bundle);
                counts.get(k)[wasLive ? 2 : 3]++;
            }
        }

        private void flushAll() {
            flushRegions();
            flushPeople();
            flushPosts();
            flushEnrolments();
        }

        /** Sorts a batch into new, changed (replaced), ended (replaced) and unchanged (touched). */
        private <T> List<Hashed<T>> sort(Kind kind, List<Hashed<T>> batch, Function<T, Object> key,
                                         Function<T, Boolean> endedNow, Function<T, Boolean> counted) {
            Set<Object> keys = new HashSet<>();
            for (Hashed<T> h : batch) {
                if (!keys.add(key.apply(h.value()))) {
                    throw new BundleException(Reason.WRONG_TYPES, "bundle.error.duplicateRecord", kind.name(),
                            key.apply(h.value()));
                }
            }
            // every look-up is by this district's keys: the cost does not grow with the districts already held
            Map<Object, Existing> ex = fresh.contains(kind) ? Map.of() : prov.existing(tx, kind, d, keys);
            List<Hashed<T>> write = new ArrayList<>();
            List<Object> replace = new ArrayList<>();
            List<Object> same = new ArrayList<>();
            for (Hashed<T> h : batch) {
                long[] c = counted.apply(h.value()) ? counts.get(kind) : new long[4];
                Object k = key.apply(h.value());
                Existing e = ex.get(k);
                if (e == null) {
                    c[0]++;
                    write.add(h);
                } else if (e.hash().equals(h.hash()) && !e.deleted()) {
                    c[3]++;
                    same.add(k);
                } else {
                    boolean ended = !e.deleted() && !e.ended() && endedNow.apply(h.value());
                    c[ended ? 2 : 1]++;
                    replace.add(k);
                    write.add(h);
                }
            }
            prov.delete(tx, kind, d, replace);
            prov.touch(tx, kind, d, same, bundle);
            records += batch.size();
            if (records % 5000 < BATCH) {
                progress.checkCancelled();
                progress.update(records, -1, id.lindungdesa.i18n.Text.of("bundle.progress.applying", records));
            }
            return write;
        }

        private void flushRegions() {
            if (regions.isEmpty()) return;
            var w = sort(Kind.REGION, regions, Region::code,
                    r -> r.level() == RegionLevel.VILLAGE && !r.active(), r -> r.level() == RegionLevel.VILLAGE);
            prov.insertRegions(tx, d, w, bundle);
            regions.clear();
        }

        private void flushPeople() {
            if (people.isEmpty()) return;
            prov.insertPeople(tx, d, sort(Kind.PERSON, people, Person::id, p -> false, p -> true), bundle);
            people.clear();
        }

        private void flushPosts() {
            if (posts.isEmpty()) return;
            prov.insertPosts(tx, d, sort(Kind.POST, posts, Post::id, p -> p.endDate() != null, p -> true), bundle);
            posts.clear();
        }

        private void flushEnrolments() {
            if (enrolments.isEmpty()) return;
            prov.insertEnrolments(tx, d, sort(Kind.ENROLMENT, enrolments, Enrolment::id, e -> {
                List<EnrolmentStatus> h = histories.get(e.id());
                return !h.isEmpty() && h.get(h.size() - 1).state() == id.lindungdesa.domain.EnrolmentState.ENDED;
            }, e -> true), histories, bundle);
            enrolments.clear();
            histories.clear();
        }

        /** Flushes, then removes what the full snapshot no longer contains. */
        void finish() {
            flushAll();
            String reason = "Tidak ada dalam bundel #" + m.sequence() + " / absent from bundle " + m.bundleId();
            for (Kind k : Kind.values()) {
                if (!fresh.contains(k)) counts.get(k)[2] += prov.removeAbsent(tx, k, d, bundle, now, reason);
            }
        }

        Map<String, ImportReport.Counts> counts() {
            Map<String, ImportReport.Counts> out = new LinkedHashMap<>();
            Kind[] order = {Kind.REGION, Kind.PERSON, Kind.POST, Kind.ENROLMENT};
            for (int i = 0; i < order.length; i++) {
                long[] c = counts.get(order[i]);
                out.put(ImportReport.TYPES.get(i), new ImportReport.Counts(c[0], c[1], c[2], c[3]));
            }
            return out;
        }
    }

    /** Small message helpers. */
    static final class Messages2 {
        private Messages2() {}

        static String reservedSkipped(Map<String, Long> read) {
            List<String> s = new ArrayList<>();
            for (String r : SnapshotWriter.RESERVED) if (read.containsKey(r)) s.add(r + " (" + read.get(r) + ")");
            return id.lindungdesa.i18n.Messages.tr("bundle.warn.reserved", String.join(", ", s));
        }
    }
}
