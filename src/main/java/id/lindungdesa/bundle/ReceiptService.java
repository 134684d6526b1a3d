package id.lindungdesa.bundle;

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
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("formatVersion", 1);
        m.put("bundleId", v.manifest().bundleId().toString());
        m.put("statementSha256", v.statementSha256());
        m.put("payloadSha256", v.manifest().payload().sha256());
        Map<String, Object> is = new LinkedHashMap<>();
        is.put("code", v.manifest().issuer().code());
        is.put("name", v.manifest().issuer().name());
        m.put("issuer", is);
        m.put("sequence", v.manifest().sequence());
        Map<String, Object> by = new LinkedHashMap<>();
        by.put("code", me.regionCode());
        by.put("name", me.name());
        by.put("level", me.level().name());
        m.put("receivedBy", by);
        m.put("receivedAt", at.toString());
        m.put("counts", ImportService.countsJson(r.counts()));
        return BundleJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
    }

    /** Writes a signed receipt for an applied bundle. */
    void write(Path out, Verified v, ImportReport r, List<KeyService.Signer> signers) {
        byte[] st = statement(v, r, office.require(), OffsetDateTime.now(clock));
        byte[] pae = Dsse.pae(PAYLOAD_TYPE, st);
        List<Dsse.Signature> sigs = new ArrayList<>();
        for (KeyService.Signer s : signers) sigs.add(new Dsse.Signature(s.keyId(), KeyCrypto.sign(s.key(), pae)));
        byte[] json = new Dsse.Envelope(PAYLOAD_TYPE, st, sigs).toJson();
        try {
            Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".receipt", ".tmp");
            Files.write(tmp, json);
            Files.write(tmp, new byte[] {'\n'}, java.nio.file.StandardOpenOption.APPEND);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new BundleException(Reason.IO, e, "bundle.error.io", out, e.getMessage());
        }
    }

    /** What importing a receipt did. */
    public record Delivered(UUID bundleId, long sequence, String province, boolean alreadyMarked) {
    }

    /** District side: verifies a receipt with the trusted province key and marks the bundle delivered. */
    public Delivered importReceipt(Path file) {
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
            n = BundleJson.MAPPER.readTree(env.payload());
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
        return db.write(tx -> {
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
    }
}
