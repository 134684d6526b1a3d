package id.lindungdesa.bundle;

import id.lindungdesa.persistence.JsonMappers;
import id.lindungdesa.bundle.BundleException.Reason;
import id.lindungdesa.domain.OfficeLevel;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The signed statement of a bundle (the DSSE payload): what the bundle is, who issued it, where it sits in the
 * issuer's chain, and the SHA-256 and size of the snapshot payload that follows the envelope in the file.
 */
public record Manifest(int formatVersion, UUID bundleId, String kind, Issuer issuer, String keyId, long sequence,
                       String previousBundleSha256, OffsetDateTime createdAt, Period period,
                       Map<String, Long> counts, PayloadRef payload, KeyAnnouncement keyRotation,
                       AuditHead auditHead, ReferencePackRef referencePack) {

    public static final String FORMAT = "lindungdesa-bundle";
    /**
     * The newest format version this program reads and writes (2: with the issuer's audit head; 3: with the
     * province reference pack the district runs, issue 18).
     */
    public static final int FORMAT_VERSION = 3;
    /** The snapshot payload's own version: unchanged (1) in version-2 bundles. */
    public static final int SNAPSHOT_FORMAT_VERSION = 1;
    public static final String PAYLOAD_TYPE = "application/vnd.lindungdesa.manifest+json";
    public static final String KIND_DISTRICT_SNAPSHOT = "district-snapshot";
    public static final String SNAPSHOT_TYPE = "application/vnd.lindungdesa.district-snapshot+json";

    /** A version-1 manifest (no audit head). */
    public Manifest(int formatVersion, UUID bundleId, String kind, Issuer issuer, String keyId, long sequence,
                    String previousBundleSha256, OffsetDateTime createdAt, Period period, Map<String, Long> counts,
                    PayloadRef payload, KeyAnnouncement keyRotation) {
        this(formatVersion, bundleId, kind, issuer, keyId, sequence, previousBundleSha256, createdAt, period, counts,
                payload, keyRotation, null);
    }

    /** A manifest without a reference pack (versions 2 and 3 when the district has applied none). */
    public Manifest(int formatVersion, UUID bundleId, String kind, Issuer issuer, String keyId, long sequence,
                    String previousBundleSha256, OffsetDateTime createdAt, Period period, Map<String, Long> counts,
                    PayloadRef payload, KeyAnnouncement keyRotation, AuditHead auditHead) {
        this(formatVersion, bundleId, kind, issuer, keyId, sequence, previousBundleSha256, createdAt, period, counts,
                payload, keyRotation, auditHead, null);
    }

    /** The province reference pack in force at the district when the bundle was made (number, payload SHA-256). */
    public record ReferencePackRef(int number, String sha256) {
    }

    /**
     * The head of the issuing office's audit trail when the bundle was made: the number of entries and the last
     * entry's HMAC (decision 0111). The province keeps it; a trail later cut short or rewritten no longer has it.
     */
    public record AuditHead(long count, String mac) {
    }

    public Manifest {
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (String k : SnapshotWriter.SECTIONS) if (counts.containsKey(k)) ordered.put(k, counts.get(k));
        counts = java.util.Collections.unmodifiableMap(ordered);
    }

    /** The issuing office. */
    public record Issuer(String code, String name, OfficeLevel level) {
    }

    /** The payload that follows the envelope: media type, SHA-256 (hex) and size in bytes. */
    public record PayloadRef(String type, String sha256, long size) {
    }

    /** A new key announced by the key that signs this bundle (key rotation). */
    public record KeyAnnouncement(String keyId, String algorithm, String publicKey, String fingerprint) {
    }

    /** The manifest's JSON bytes: these exact bytes are signed. */
    public byte[] toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("formatVersion", formatVersion);
        m.put("bundleId", bundleId.toString());
        m.put("kind", kind);
        Map<String, Object> is = new LinkedHashMap<>();
        is.put("code", issuer.code());
        is.put("name", issuer.name());
        is.put("level", issuer.level().name());
        m.put("issuer", is);
        m.put("keyId", keyId);
        m.put("sequence", sequence);
        m.put("previousBundleSha256", previousBundleSha256);
        m.put("createdAt", createdAt.toString());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("label", period.label());
        p.put("from", period.from().toString());
        p.put("to", period.to().toString());
        m.put("period", p);
        Map<String, Object> c = new LinkedHashMap<>();
        for (String k : SnapshotWriter.SECTIONS) if (counts.containsKey(k)) c.put(k, counts.get(k));
        m.put("counts", c);
        Map<String, Object> pl = new LinkedHashMap<>();
        pl.put("type", payload.type());
        pl.put("sha256", payload.sha256());
        pl.put("size", payload.size());
        m.put("payload", pl);
        if (keyRotation != null) {
            Map<String, Object> kr = new LinkedHashMap<>();
            kr.put("keyId", keyRotation.keyId());
            kr.put("algorithm", keyRotation.algorithm());
            kr.put("publicKey", keyRotation.publicKey());
            kr.put("fingerprint", keyRotation.fingerprint());
            m.put("keyRotation", kr);
        }
        if (auditHead != null) {
            Map<String, Object> ah = new LinkedHashMap<>();
            ah.put("count", auditHead.count());
            ah.put("mac", auditHead.mac());
            m.put("auditHead", ah);
        }
        if (referencePack != null) {
            Map<String, Object> rp = new LinkedHashMap<>();
            rp.put("number", referencePack.number());
            rp.put("sha256", referencePack.sha256());
            m.put("referencePack", rp);
        }
        return JsonMappers.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
    }

    /**
     * Parses the signed bytes strictly. The format version is checked first, so a newer version is reported as
     * such rather than as unknown fields.
     */
    public static Manifest parse(byte[] json) {
        JsonNode n;
        try {
            n = JsonMappers.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw Dsse.malformed(e);
        }
        Fields f = new Fields(n, "manifest");
        String format = f.str("format");
        if (!FORMAT.equals(format)) throw new BundleException(Reason.UNSUPPORTED_VERSION, "bundle.error.format", format);
        int version = f.integer("formatVersion");
        if (version < 1 || version > FORMAT_VERSION) {
            throw new BundleException(Reason.UNSUPPORTED_VERSION, "bundle.error.version", version, FORMAT_VERSION);
        }
        UUID id = f.uuid("bundleId");
        String kind = f.str("kind");
        if (!KIND_DISTRICT_SNAPSHOT.equals(kind)) {
            throw new BundleException(Reason.UNSUPPORTED_VERSION, "bundle.error.kind", kind);
        }
        Fields is = f.obj("issuer");
        Issuer issuer = new Issuer(is.matching("code", "\\d{2}(\\.\\d{2}){0,2}", true), is.str("name"),
                is.enumOf("level", OfficeLevel.class));
        is.done();
        String keyId = f.matching("keyId", "[0-9a-f]{16}", true);
        long seq = f.num("sequence");
        if (seq < 1) throw new BundleException(Reason.WRONG_TYPES, "bundle.error.value", "manifest.sequence", seq);
        String prev = f.matching("previousBundleSha256", "[0-9a-f]{64}", false);
        OffsetDateTime created = f.dateTime("createdAt");
        Fields pf = f.obj("period");
        Period period;
        try {
            period = Period.parse(pf.str("label"));
        } catch (IllegalArgumentException e) {
            throw new BundleException(Reason.WRONG_TYPES, "bundle.error.value", "manifest.period.label",
                    pf.str("label"));
        }
        if (!period.from().equals(pf.date("from")) || !period.to().equals(pf.date("to"))) {
            throw new BundleException(Reason.WRONG_TYPES, "bundle.error.value", "manifest.period", period.label());
        }
        pf.done();
        Fields cf = f.obj("counts");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String k : SnapshotWriter.SECTIONS) {
            if (n.get("counts").has(k)) counts.put(k, cf.num(k));
        }
        cf.done();
        Fields pl = f.obj("payload");
        PayloadRef ref = new PayloadRef(pl.str("type"), pl.matching("sha256", "[0-9a-f]{64}", true), pl.num("size"));
        pl.done();
        if (!SNAPSHOT_TYPE.equals(ref.type())) {
            throw new BundleException(Reason.UNSUPPORTED_VERSION, "bundle.error.kind", ref.type());
        }
        Fields kr = f.optObj("keyRotation");
        KeyAnnouncement ann = null;
        if (kr != null) {
            ann = new KeyAnnouncement(kr.matching("keyId", "[0-9a-f]{16}", true), kr.str("algorithm"),
                    kr.str("publicKey"), kr.str("fingerprint"));
            kr.done();
        }
        AuditHead head = null;
        if (version >= 2) {
            Fields ah = f.obj("auditHead");
            head = new AuditHead(ah.num("count"), ah.matching("mac", "[0-9a-f]{64}", true));
            ah.done();
            if (head.count() < 0) {
                throw new BundleException(Reason.WRONG_TYPES, "bundle.error.value", "manifest.auditHead.count",
                        head.count());
            }
        }
        ReferencePackRef pack = null;
        if (version >= 3) {
            Fields rp = f.optObj("referencePack");
            if (rp != null) {
                long number = rp.num("number");
                if (number < 1 || number > Integer.MAX_VALUE) {
                    throw new BundleException(Reason.WRONG_TYPES, "bundle.error.value", "manifest.referencePack.number",
                            number);
                }
                pack = new ReferencePackRef((int) number, rp.matching("sha256", "[0-9a-f]{64}", true));
                rp.done();
            }
        }
        f.done();
        return new Manifest(version, id, kind, issuer, keyId, seq, prev, created, period, counts, ref, ann, head,
                pack);
    }
}
