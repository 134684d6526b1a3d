package id.lindungdesa.bundle;

import id.lindungdesa.persistence.JsonMappers;
import id.lindungdesa.bundle.BundleException.Reason;
import id.lindungdesa.domain.Office;
import id.lindungdesa.domain.SentBundle;
import id.lindungdesa.domain.TrustedKey;
import id.lindungdesa.persistence.BundleRepository;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.KeyRepository;
import id.lindungdesa.service.AuditLog;
import id.lindungdesa.service.OfficeService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Receipts: the province signs one for every bundle it applies; the district imports it to mark the bundle
 * delivered (and, after a key rotation, to retire the old key).
 */
public final class ReceiptService {
    public static final String PAYLOAD_TYPE = "application/vnd.lindungdesa.receipt+json";
    public static final String FORMAT = "lindungdesa-receipt";

    private final Database db;
    private final BundleRepository bundles;
    private final KeyRepository keyRepo;
    private final OfficeService office;
    private final KeyService keys;
    private final Clock clock;
    private final AuditLog audit;

    public ReceiptService(Database db, BundleRepository bundles, KeyRepository keyRepo, OfficeService office,
                          KeyService keys, Clock clock, AuditLog audit) {
        this.db = db;
        this.bundles = bundles;
        this.keyRepo = keyRepo;
        this.office = office;
        this.keys = keys;
        this.clock = clock;
        this.audit = audit;
    }

    /** The receipt's statement (signed bytes). */
    byte[] statement(Verified v, ImportReport r, Office me, OffsetDateTime at) {
        return statement(v, r, me, at, null);
    }

    /** {@code ownHead}: this (receiving) office's audit head, anchored in the receipt the district keeps. */
    byte[] statement(Verified v, ImportReport r, Office me, OffsetDateTime at,
                     id.lindungdesa.persistence.AuditRepository.Head ownHead) {
        Manifest.AuditHead h = v.manifest().auditHead();
        return statement(v.manifest().bundleId(), v.statementSha256(), v.manifest().payload().sha256(),
                v.manifest().issuer().code(), v.manifest().issuer().name(), v.manifest().sequence(), me, at,
                BundleImportService.countsJson(r.counts()), h == null ? null : headJson(h.count(), h.mac()),
                ownHead == null ? null : headJson(ownHead.count(), ownHead.mac()));
    }

    private static Map<String, Object> headJson(long count, String mac) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", count);
        m.put("mac", mac);
        return m;
    }

    private static byte[] statement(UUID bundleId, String statementSha, String payloadSha, String issuerCode,
                                    String issuerName, long sequence, Office me, OffsetDateTime at, Object counts,
                                    Object issuerHead, Object ownHead) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("formatVersion", 1);
        m.put("bundleId", bundleId.toString());
        m.put("statementSha256", statementSha);
        m.put("payloadSha256", payloadSha);
        Map<String, Object> is = new LinkedHashMap<>();
        is.put("code", issuerCode);
        is.put("name", issuerName);
        m.put("issuer", is);
        m.put("sequence", sequence);
        Map<String, Object> by = new LinkedHashMap<>();
        by.put("code", me.regionCode());
        by.put("name", me.name());
        by.put("level", me.level().name());
        m.put("receivedBy", by);
        m.put("receivedAt", at.toString());
        m.put("counts", counts);
        // decision 0111: the issuer's audit head as the province holds it, and the province's own head
        if (issuerHead != null) m.put("auditHead", issuerHead);
        if (ownHead != null) m.put("receivedByAuditHead", ownHead);
        return JsonMappers.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
    }

    /** The one-line signed envelope of a statement, ended by a newline: the bytes of a receipt file. */
    static byte[] sign(byte[] statement, List<KeyService.Signer> signers) {
        byte[] pae = Dsse.pae(PAYLOAD_TYPE, statement);
        List<Dsse.Signature> sigs = new ArrayList<>();
        for (KeyService.Signer s : signers) sigs.add(new Dsse.Signature(s.keyId(), KeyCrypto.sign(s.key(), pae)));
        byte[] json = new Dsse.Envelope(PAYLOAD_TYPE, statement, sigs).toJson();
        byte[] out = java.util.Arrays.copyOf(json, json.length + 1);
        out[json.length] = '\n';
        return out;
    }

    /** Writes a signed receipt for an applied bundle. */
    void write(Path out, Verified v, ImportReport r, List<KeyService.Signer> signers) {
        writeFile(out, sign(statement(v, r, office.require(), OffsetDateTime.now(clock)), signers));
    }

    /** Writes receipt bytes durably (temporary file in the same folder, fsync, atomic move, fsync of the folder). */
    static void writeFile(Path out, byte[] bytes) {
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            id.lindungdesa.persistence.DurableFiles.writeBytes(out, bytes);
        } catch (IOException e) {
            throw new BundleException(Reason.IO, e, "bundle.error.io", out, e.getMessage());
        }
    }

    /**
     * Checks, before an import commits, that a receipt can be written at {@code out} (its folder exists or can be
     * made, and takes a file). Refuses otherwise, so that nothing is saved whose receipt has nowhere to go.
     */
    static void probeWritable(Path out) {
        Path dir = out.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            if (Files.isDirectory(out)) throw new IOException(out + " is a folder");
            Path probe = Files.createTempFile(dir, ".receipt-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            throw new BundleException(Reason.IO, e, "receipt.error.notWritable", dir, e.getMessage());
        }
    }

    /**
     * Where a receipt goes when no place is given: a folder beside the database ({@code <db>.receipts/}), never
     * beside the bundle (which may sit on read-only media).
     */
    public Path defaultLocation(Path bundleFile) {
        return Path.of(db.base() + ".receipts").toAbsolutePath()
                .resolve(bundleFile.getFileName() + ".receipt.json");
    }

    /** A receipt made again: where it was written, and whether it had to be signed anew (older imports). */
    public record Again(UUID bundleId, long sequence, String issuerCode, Path file, boolean signedAnew) {
    }

    /**
     * Writes the receipt of an imported bundle again (province side). The stored signed receipt is exported as it
     * was committed; a bundle imported before receipts were kept gets a new receipt, signed now, for which
     * {@code passphrase} is asked. {@code out} null: the default place ({@link #defaultLocation}).
     */
    public Again again(UUID bundleId, Path out, java.util.function.Supplier<char[]> passphrase) {
        audit.require(id.lindungdesa.domain.Role.HEAD, "access.do.signBundle"); // issue 17
        var rec = db.read(tx -> bundles.received(tx, bundleId)).orElseThrow(() ->
                new BundleException(Reason.NOT_FOUND, "receipt.error.notImported", bundleId));
        Path target = out != null ? out : defaultLocation(Path.of(rec.fileName() != null ? rec.fileName()
                : bundleId + ".ldb"));
        Optional<String> stored = db.read(tx -> bundles.receiptJson(tx, bundleId));
        byte[] bytes;
        boolean anew = stored.isEmpty();
        if (stored.isPresent()) {
            bytes = stored.get().getBytes(StandardCharsets.UTF_8);
        } else {
            Object counts;
            try {
                counts = JsonMappers.MAPPER.readValue(rec.countsJson(), LinkedHashMap.class);
            } catch (JacksonException e) {
                throw Dsse.malformed(e);
            }
            byte[] st = statement(bundleId, rec.statementSha256(), rec.payloadSha256(), rec.issuerCode(),
                    rec.issuerName(), rec.sequence(), office.require(), rec.importedAt(), counts, null, null);
            bytes = sign(st, keys.signers(passphrase.get()));
            String json = new String(bytes, StandardCharsets.UTF_8);
            db.writeVoid(tx -> bundles.storeReceipt(tx, bundleId, json));
        }
        writeFile(target, bytes);
        db.writeVoid(tx -> {
            bundles.receiptWritten(tx, bundleId, target.toAbsolutePath().toString());
            audit.recordText(tx, "EXPORT", "receipt", bundleId.toString(), null, "Tanda terima bundel "
                    + rec.issuerCode() + " #" + rec.sequence() + " dibuat lagi: " + target.toAbsolutePath());
        });
        return new Again(bundleId, rec.sequence(), rec.issuerCode(), target.toAbsolutePath(), anew);
    }

    /** What importing a receipt did. */
    public record Delivered(UUID bundleId, long sequence, String province, boolean alreadyMarked) {
    }

    /** District side: verifies a receipt with the trusted province key and marks the bundle delivered. */
    public Delivered importReceipt(Path file) {
        audit.require(id.lindungdesa.domain.Role.CLERK); // issue 17
        Office me = office.require();
        byte[] bytes;
        try {
            if (Files.size(file) > 1024 * 1024) {
                throw new BundleException(Reason.TOO_LARGE, "bundle.error.tooLarge", file.getFileName(),
                        Files.size(file) / (1024 * 1024), 1);
            }
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BundleException(Reason.NOT_FOUND, e, "bundle.error.notFound", file);
        } catch (IOException e) {
            throw new BundleException(Reason.IO, e, "bundle.error.io", file, e.getMessage());
        }
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        Dsse.Envelope env = Dsse.parse(text.getBytes(StandardCharsets.UTF_8));
        if (!PAYLOAD_TYPE.equals(env.payloadType())) {
            throw new BundleException(Reason.UNSUPPORTED_VERSION, "bundle.error.kind", env.payloadType());
        }
        TrustedKey signer = BundleVerifier.checkSignature(env,
                id -> db.read(tx -> TrustService.lookup(keyRepo, tx, id)));
        JsonNode n;
        try {
            n = JsonMappers.MAPPER.readTree(env.payload());
        } catch (JacksonException e) {
            throw Dsse.malformed(e);
        }
        Fields f = new Fields(n, "receipt");
        if (!FORMAT.equals(f.str("format")) || f.integer("formatVersion") != 1) {
            throw new BundleException(Reason.UNSUPPORTED_VERSION, "bundle.error.version", n.get("formatVersion"), 1);
        }
        UUID id = f.uuid("bundleId");
        String statementSha = f.str("statementSha256");
        Fields is = f.obj("issuer");
        String issuer = is.str("code");
        Fields by = f.obj("receivedBy");
        String byCode = by.str("code");
        String byName = by.str("name");
        if (!issuer.equals(me.regionCode())) {
            throw new BundleException(Reason.WRONG_ISSUER, "bundle.error.receiptOther", issuer, me.regionCode());
        }
        if (!byCode.equals(signer.officeCode())) {
            throw new BundleException(Reason.WRONG_ISSUER, "bundle.error.issuerKey", byCode, signer.keyId(),
                    signer.officeCode());
        }
        String json = new String(env.payload(), StandardCharsets.UTF_8);
        JsonNode ah = n.get("auditHead");
        Delivered done = db.write(tx -> {
            SentBundle b = bundles.sent(tx, id).orElseThrow(() ->
                    new BundleException(Reason.NOT_FOUND, "bundle.error.receiptUnknown", id));
            if (!b.statementSha256().equals(statementSha)) {
                throw new BundleException(Reason.PAYLOAD_CHANGED, "bundle.error.receiptMismatch", id);
            }
            if (b.delivered()) return new Delivered(id, b.sequence(), b.receiptOffice(), true);
            bundles.markDelivered(tx, id, OffsetDateTime.now(clock), byName, json);
            if (b.rotationKeyId() != null) keys.finishRotation(tx);
            audit.recordText(tx, "UPDATE", "bundle", id.toString(), null,
                    "Bundel #" + b.sequence() + " diterima oleh " + byName);
            return new Delivered(id, b.sequence(), byName, false);
        });
        if (ah != null && ah.isObject() && !done.alreadyMarked()) {
            // the province acknowledged this head of our trail: remember it outside the database (decision 0111)
            audit.anchored(new id.lindungdesa.persistence.AuditRepository.Head(ah.path("count").asLong(),
                    ah.path("mac").asString("")), "receipt for bundle #" + done.sequence() + " " + id);
        }
        return done;
    }
}
