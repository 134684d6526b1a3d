package id.lindungdesa.bundle;

import id.lindungdesa.persistence.JsonMappers;
import id.lindungdesa.bundle.BundleException.Reason;
import id.lindungdesa.domain.OfficeLevel;
import java.security.PublicKey;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The public key file an office hands to the office that will trust it. Its key id and fingerprint are always
 * recomputed from the key itself; the stated ones must match.
 */
public record PublicKeyFile(String keyId, String publicKey, String fingerprint, String officeCode, String officeName,
                            OfficeLevel officeLevel, OffsetDateTime createdAt,
                            id.lindungdesa.domain.EncryptionKey encryptionKey) {
    public static final String FORMAT = "lindungdesa-public-key";

    /** A version-1 file: the signing key only. */
    public PublicKeyFile(String keyId, String publicKey, String fingerprint, String officeCode, String officeName,
                         OfficeLevel officeLevel, OffsetDateTime createdAt) {
        this(keyId, publicKey, fingerprint, officeCode, officeName, officeLevel, createdAt, null);
    }

    public byte[] toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("formatVersion", encryptionKey == null ? 1 : 2);
        m.put("keyId", keyId);
        m.put("algorithm", KeyCrypto.ALGORITHM);
        m.put("publicKey", publicKey);
        m.put("fingerprint", fingerprint);
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("code", officeCode);
        o.put("name", officeName);
        o.put("level", officeLevel.name());
        m.put("office", o);
        m.put("createdAt", createdAt.toString());
        if (encryptionKey != null) { // version 2 (issue 15): the X25519 key, signed by the key above
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("keyId", encryptionKey.keyId());
            e.put("algorithm", encryptionKey.algorithm());
            e.put("publicKey", encryptionKey.publicKey());
            e.put("signature", encryptionKey.signature());
            m.put("encryptionKey", e);
        }
        byte[] b = JsonMappers.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
        byte[] out = java.util.Arrays.copyOf(b, b.length + 1);
        out[b.length] = '\n';
        return out;
    }

    public static PublicKeyFile parse(byte[] json) {
        JsonNode n;
        try {
            n = JsonMappers.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw Dsse.malformed(e);
        }
        Fields f = new Fields(n, "publicKey");
        if (!FORMAT.equals(f.str("format"))) {
            throw new BundleException(Reason.MALFORMED, "bundle.error.publicKey");
        }
        int v = f.integer("formatVersion");
        if (v < 1 || v > 2) throw new BundleException(Reason.UNSUPPORTED_VERSION, "bundle.error.version", v, 2);
        String keyId = f.str("keyId");
        if (!KeyCrypto.ALGORITHM.equals(f.str("algorithm"))) {
            throw new BundleException(Reason.UNSUPPORTED_VERSION, "bundle.error.algorithm");
        }
        String pub = f.str("publicKey");
        String fp = f.str("fingerprint");
        Fields o = f.obj("office");
        String code = o.matching("code", "\\d{2}(\\.\\d{2}){0,2}", true);
        String name = o.str("name");
        OfficeLevel level = o.enumOf("level", OfficeLevel.class);
        o.done();
        OffsetDateTime created = f.dateTime("createdAt");
        id.lindungdesa.domain.EncryptionKey enc = null;
        if (v >= 2) {
            Fields e = f.obj("encryptionKey");
            enc = new id.lindungdesa.domain.EncryptionKey(e.matching("keyId", "[0-9a-f]{16}", true), keyId,
                    e.str("algorithm"), e.str("publicKey"), null, e.str("signature"), created);
            e.done();
        }
        f.done();
        PublicKey pk = KeyCrypto.decodePublic(pub);
        if (!KeyCrypto.keyId(pk).equals(keyId) || !FingerprintWords.matches(fp, KeyCrypto.words(pk))) {
            throw new BundleException(Reason.BAD_SIGNATURE, "bundle.error.keyIdMismatch");
        }
        if (enc != null && !EncryptionKeys.verify(enc, pub)) {
            throw new BundleException(Reason.BAD_SIGNATURE, "field.error.encryptionKeySignature");
        }
        return new PublicKeyFile(keyId, pub, KeyCrypto.words(pk), code, name, level, created, enc);
    }
}
