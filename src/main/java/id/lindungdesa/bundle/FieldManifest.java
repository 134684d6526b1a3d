package id.lindungdesa.bundle;

import id.lindungdesa.bundle.BundleException.Reason;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.persistence.JsonMappers;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The signed, readable statement of a field bundle (issue 15): a {@code field-package} from a district to a
 * kecamatan officer, or a {@code field-return} back. Carried in the same DSSE envelope as a district snapshot (with
 * its own payload type); the payload after the envelope line is the HPKE ciphertext of the personal data, sealed to
 * the recipient's X25519 key ({@link Hpke}). See docs/bundle-format.md §6.
 */
public record FieldManifest(int formatVersion, UUID bundleId, String kind, Manifest.Issuer issuer, String keyId,
                            long sequence, String previousBundleSha256, OffsetDateTime createdAt,
                            Scope kecamatan, Recipient recipient, UUID packageId, Map<String, Long> counts,
                            PublicKeyFile issuerKey, Encryption encryption, Manifest.PayloadRef payload) {

    public static final String FORMAT = "lindungdesa-field";
    /**
     * The newest manifest version read. Version 2 (a return only) adds the count {@code statusSteps}; a package is
     * still written as version 1 ({@link #PACKAGE_VERSION}), its content did not change.
     */
    public static final int FORMAT_VERSION = 2;
    /** The version a field package is written with. */
    public static final int PACKAGE_VERSION = 1;
    public static final String PAYLOAD_TYPE = "application/vnd.lindungdesa.field-manifest+json";
    public static final String KIND_PACKAGE = "field-package";
    public static final String KIND_RETURN = "field-return";
    public static final String PACKAGE_TYPE = "application/vnd.lindungdesa.field-package+hpke";
    public static final String RETURN_TYPE = "application/vnd.lindungdesa.field-return+hpke";
    /** Sections counted in the manifest, in order. */
    public static final List<String> SECTIONS = List.of("subdistricts", "villages", "people", "posts",
            "enrolments", "tombstones", "agreements", "rates", "changed", "added", "statusSteps");

    public FieldManifest {
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (String k : SECTIONS) if (counts.containsKey(k)) ordered.put(k, counts.get(k));
        counts = java.util.Collections.unmodifiableMap(ordered);
    }

    /** The kecamatan the bundle covers. */
    public record Scope(String code, String name) {
    }

    /** Who can open it: the office, its signing key, and the X25519 key the payload is sealed to. */
    public record Recipient(String officeCode, String officeName, String keyId, String encryptionKeyId) {
    }

    /** The HPKE suite and the encapsulated key ({@code enc}, RFC 9180 §5). */
    public record Encryption(String suite, byte[] enc) {
    }

    /** HPKE {@code info}: binds the ciphertext to this bundle's kind and id. */
    public static byte[] info(String kind, UUID bundleId) {
        return ("lindungdesa " + kind + " " + bundleId).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The exact bytes that are signed. */
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
        m.put("kecamatan", Map.of("code", kecamatan.code(), "name", kecamatan.name()));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("officeCode", recipient.officeCode());
        r.put("officeName", recipient.officeName());
        r.put("keyId", recipient.keyId());
        r.put("encryptionKeyId", recipient.encryptionKeyId());
        m.put("recipient", r);
        m.put("packageId", packageId.toString());
        m.put("counts", new LinkedHashMap<>(counts));
        m.put("issuerKey", issuerKey == null ? null : JsonMappers.MAPPER.readTree(issuerKey.toJson()));
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("suite", encryption.suite());
        e.put("enc", Base64.getEncoder().encodeToString(encryption.enc()));
        m.put("encryption", e);
        Map<String, Object> pl = new LinkedHashMap<>();
        pl.put("type", payload.type());
        pl.put("sha256", payload.sha256());
        pl.put("size", payload.size());
        m.put("payload", pl);
        return JsonMappers.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
    }

    /** Parses the signed bytes strictly (unknown fields, wrong types, a newer version are refused). */
    public static FieldManifest parse(byte[] json) {
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
        if (!KIND_PACKAGE.equals(kind) && !KIND_RETURN.equals(kind)) {
            throw new BundleException(Reason.UNSUPPORTED_VERSION, "bundle.error.kind", kind);
        }
        Fields is = f.obj("issuer");
        Manifest.Issuer issuer = new Manifest.Issuer(is.matching("code", "\\d{2}(\\.\\d{2}){0,2}", true),
                is.str("name"), is.enumOf("level", OfficeLevel.class));
        is.done();
        String keyId = f.matching("keyId", "[0-9a-f]{16}", true);
        long seq = f.num("sequence");
        if (seq < 1) throw new BundleException(Reason.WRONG_TYPES, "bundle.error.value", "manifest.sequence", seq);
        String prev = f.matching("previousBundleSha256", "[0-9a-f]{64}", false);
        OffsetDateTime created = f.dateTime("createdAt");
        Fields kf = f.obj("kecamatan");
        Scope scope = new Scope(kf.matching("code", "\\d{2}\\.\\d{2}\\.\\d{2}", true), kf.str("name"));
        kf.done();
        Fields rf = f.obj("recipient");
        Recipient rec = new Recipient(rf.matching("officeCode", "\\d{2}(\\.\\d{2}){0,2}", true), rf.str("officeName"),
                rf.matching("keyId", "[0-9a-f]{16}", true), rf.matching("encryptionKeyId", "[0-9a-f]{16}", true));
        rf.done();
        UUID packageId = f.uuid("packageId");
        Fields cf = f.obj("counts");
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String k : SECTIONS) if (n.get("counts").has(k)) counts.put(k, cf.num(k));
        cf.done();
        PublicKeyFile issuerKey = null;
        Fields ik = f.optObj("issuerKey");
        if (ik != null) issuerKey = PublicKeyFile.parse(JsonMappers.MAPPER.writeValueAsBytes(n.get("issuerKey")));
        Fields ef = f.obj("encryption");
        String suite = ef.str("suite");
        if (!Hpke.SUITE.equals(suite)) throw new BundleException(Reason.UNSUPPORTED_VERSION, "bundle.error.kind", suite);
        Encryption enc = new Encryption(suite, Dsse.base64(ef.str("enc"), "manifest.encryption.enc"));
        ef.done();
        Fields pl = f.obj("payload");
        Manifest.PayloadRef ref = new Manifest.PayloadRef(pl.str("type"), pl.matching("sha256", "[0-9a-f]{64}", true),
                pl.num("size"));
        pl.done();
        String expected = KIND_PACKAGE.equals(kind) ? PACKAGE_TYPE : RETURN_TYPE;
        if (!expected.equals(ref.type())) {
            throw new BundleException(Reason.UNSUPPORTED_VERSION, "bundle.error.kind", ref.type());
        }
        f.done();
        return new FieldManifest(version, id, kind, issuer, keyId, seq, prev, created, scope, rec, packageId, counts,
                issuerKey, enc, ref);
    }

    /** The same as a bundle {@link Manifest}'s payload check: the ciphertext's exact size and SHA-256. */
    public Manifest asPayloadManifest() {
        return new Manifest(Manifest.FORMAT_VERSION, bundleId, Manifest.KIND_DISTRICT_SNAPSHOT, issuer, keyId,
                sequence, previousBundleSha256, createdAt, Period.containing(createdAt.toLocalDate()), Map.of(),
                payload, null, null);
    }
}
