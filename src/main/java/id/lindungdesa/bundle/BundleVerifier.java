package id.lindungdesa.bundle;

import id.lindungdesa.bundle.BundleException.Reason;
import id.lindungdesa.domain.TrustedKey;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Optional;
import java.util.function.Function;

/**
 * Verifies a bundle file with no network: the envelope's signature over PAE(type, manifest bytes) by a trusted,
 * unrevoked key of the issuing office; the manifest's format and version; the payload's size and SHA-256.
 */
public final class BundleVerifier {
    private BundleVerifier() {}

    public static Verified verify(Path file, Function<String, Optional<TrustedKey>> trust, long maxBytes) {
        BundleFile.Header h = BundleFile.readHeader(file, maxBytes);
        Dsse.Envelope env = h.envelope();
        if (!Manifest.PAYLOAD_TYPE.equals(env.payloadType())) {
            throw new BundleException(Reason.UNSUPPORTED_VERSION, "bundle.error.kind", env.payloadType());
        }
        TrustedKey signer = checkSignature(env, trust);
        Manifest m = Manifest.parse(env.payload());
        if (!m.issuer().code().equals(signer.officeCode())) {
            throw new BundleException(Reason.WRONG_ISSUER, "bundle.error.issuerKey", m.issuer().code(),
                    signer.keyId(), signer.officeCode());
        }
        BundleFile.checkPayload(file, h, m);
        return new Verified(file, h, m, signer, Hashes.sha256Hex(env.payload()));
    }

    /** The trusted key that made a valid signature over the envelope (refusing unknown and revoked keys). */
    public static TrustedKey checkSignature(Dsse.Envelope env, Function<String, Optional<TrustedKey>> trust) {
        byte[] pae = Dsse.pae(env.payloadType(), env.payload());
        BundleException first = null;
        for (Dsse.Signature s : env.signatures()) {
            Optional<TrustedKey> k = trust.apply(s.keyId());
            if (k.isEmpty()) {
                if (first == null) first = new BundleException(Reason.UNKNOWN_KEY, "bundle.error.unknownKey", s.keyId());
                continue;
            }
            if (k.get().revoked()) {
                first = new BundleException(Reason.REVOKED_KEY, "bundle.error.revokedKey", s.keyId(),
                        k.get().officeName(), String.valueOf(k.get().revokedReason()));
                continue;
            }
            if (k.get().pending()) {
                if (first == null || first.reason() == Reason.UNKNOWN_KEY) {
                    first = new BundleException(Reason.UNCONFIRMED_KEY, "trust.error.pendingKey", s.keyId(),
                            k.get().officeName());
                }
                continue;
            }
            PublicKey pk = KeyCrypto.decodePublic(k.get().publicKey());
            if (KeyCrypto.verify(pk, pae, s.sig())) return k.get();
            first = new BundleException(Reason.BAD_SIGNATURE, "bundle.error.badSignature", s.keyId());
        }
        throw first;
    }
}
