package id.lindungdesa.bundle;

import id.lindungdesa.persistence.JsonMappers;
import id.lindungdesa.bundle.BundleException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A DSSE envelope (https://github.com/secure-systems-lab/dsse): the signed statement's exact bytes (base64), its
 * type, and signatures over {@link #pae PAE(type, bytes)}. Nothing is ever re-serialised before verification.
 */
public final class Dsse {
    private Dsse() {}

    /** One signature: the key id and the Ed25519 signature over PAE. */
    public record Signature(String keyId, byte[] sig) {
    }

    /** The envelope as read or written. {@code payload} is the exact signed bytes. */
    public record Envelope(String payloadType, byte[] payload, List<Signature> signatures) {
        public Envelope {
            signatures = List.copyOf(signatures);
        }

        /** One-line JSON (UTF-8, no newline). */
        public byte[] toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("payloadType", payloadType);
            m.put("payload", Base64.getEncoder().encodeToString(payload));
            List<Map<String, String>> sigs = new ArrayList<>();
            for (Signature s : signatures) {
                Map<String, String> sm = new LinkedHashMap<>();
                sm.put("keyid", s.keyId());
                sm.put("sig", Base64.getEncoder().encodeToString(s.sig()));
                sigs.add(sm);
            }
            m.put("signatures", sigs);
            return JsonMappers.MAPPER.writeValueAsBytes(m);
        }
    }

    /**
     * DSSE v1 Pre-Authentication Encoding: {@code "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body}, lengths as
     * ASCII decimal byte counts.
     */
    public static byte[] pae(String payloadType, byte[] body) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("DSSEv1 " + type.length + " " + payloadType + " " + body.length + " ")
                .getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + body.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    /** Parses an envelope strictly (duplicate or unknown keys, wrong types and bad base64 are refused). */
    public static Envelope parse(byte[] json) {
        JsonNode n;
        try {
            n = JsonMappers.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw Dsse.malformed(e);
        }
        Fields f = new Fields(n, "envelope");
        String type = f.str("payloadType");
        byte[] payload = base64(f.str("payload"), "envelope.payload");
        JsonNode sigs = f.array("signatures", true);
        f.done();
        List<Signature> out = new ArrayList<>();
        int i = 0;
        for (JsonNode s : sigs) {
            Fields sf = new Fields(s, "envelope.signatures[" + i++ + "]");
            out.add(new Signature(sf.str("keyid"), base64(sf.str("sig"), sf.path() + ".sig")));
            sf.done();
        }
        if (out.isEmpty()) throw new BundleException(Reason.BAD_SIGNATURE, "bundle.error.unsigned");
        return new Envelope(type, payload, out);
    }

    static byte[] base64(String s, String path) {
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new BundleException(Reason.WRONG_TYPES, "bundle.error.value", path, "base64");
        }
    }

    static BundleException malformed(JacksonException e) {
        String what = e.getOriginalMessage();
        if (what != null && what.startsWith("Duplicate")) {
            return new BundleException(Reason.MALFORMED, e, "bundle.error.duplicateKey", what);
        }
        var loc = e.getLocation();
        return new BundleException(Reason.MALFORMED, e, "bundle.error.notJson",
                loc == null ? "?" : loc.getLineNr(), what);
    }
}
