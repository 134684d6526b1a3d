package id.lindungdesa.field;

import id.lindungdesa.bundle.BundleException;
import id.lindungdesa.bundle.BundleException.Reason;
import id.lindungdesa.bundle.BundleFile;
import id.lindungdesa.bundle.BundleVerifier;
import id.lindungdesa.bundle.EncryptionKeys;
import id.lindungdesa.bundle.FieldManifest;
import id.lindungdesa.bundle.Hashes;
import id.lindungdesa.bundle.Hpke;
import id.lindungdesa.domain.EncryptionKey;
import id.lindungdesa.domain.TrustedKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reading a field bundle: the envelope's signature by a trusted, unrevoked key of the issuing office (the same
 * {@link BundleVerifier#checkSignature check} as a district snapshot), the strict manifest, the ciphertext's size and
 * SHA-256; then HPKE opening with one of this office's encryption keys.
 */
public final class FieldBundles {
    private FieldBundles() {}

    /** A field bundle whose signature, manifest and ciphertext hash were checked. */
    public record Checked(Path file, BundleFile.Header header, FieldManifest manifest, TrustedKey signer,
                          String statementSha256) {
    }

    public static Checked verify(Path file, Function<String, Optional<TrustedKey>> trust) {
        BundleFile.Header h = BundleFile.readHeader(file, BundleFile.maxBytes());
        if (!FieldManifest.PAYLOAD_TYPE.equals(h.envelope().payloadType())) {
            throw new BundleException(Reason.UNSUPPORTED_VERSION, "field.error.notField", file.getFileName(),
                    h.envelope().payloadType());
        }
        TrustedKey signer = BundleVerifier.checkSignature(h.envelope(), trust);
        FieldManifest m = FieldManifest.parse(h.envelope().payload());
        if (!m.issuer().code().equals(signer.officeCode())) {
            throw new BundleException(Reason.WRONG_ISSUER, "bundle.error.issuerKey", m.issuer().code(),
                    signer.keyId(), signer.officeCode());
        }
        BundleFile.checkPayload(file, h, m.asPayloadManifest());
        return new Checked(file, h, m, signer, Hashes.sha256Hex(h.envelope().payload()));
    }

    /**
     * Opens the sealed payload with the one of {@code own} it was sealed to. A bundle sealed to another office's key
     * cannot be opened, and says so.
     */
    public static byte[] open(Checked c, List<EncryptionKey> own, char[] passphrase) {
        FieldManifest m = c.manifest();
        EncryptionKey k = own.stream().filter(e -> e.keyId().equals(m.recipient().encryptionKeyId())).findFirst()
                .orElseThrow(() -> new BundleException(Reason.WRONG_ISSUER, "field.error.notForYou",
                        m.recipient().officeName(), m.recipient().keyId()));
        byte[] ct;
        try (InputStream in = BundleFile.openPayload(c.file(), c.header(), m.payload().size(), Hashes.sha256())) {
            ct = in.readAllBytes();
        } catch (IOException e) {
            throw new BundleException(Reason.IO, e, "bundle.error.io", c.file(), e.getMessage());
        }
        if (!Hashes.sha256Hex(ct).equals(m.payload().sha256())) {
            throw new BundleException(Reason.PAYLOAD_CHANGED, "bundle.error.payloadChanged", c.file().getFileName());
        }
        byte[] plain = Hpke.open(EncryptionKeys.rawPublic(k), EncryptionKeys.rawPrivate(k, passphrase),
                m.encryption().enc(), FieldManifest.info(m.kind(), m.bundleId()), new byte[0], ct);
        if (plain == null) {
            throw new BundleException(Reason.WRONG_ISSUER, "field.error.notForYou", m.recipient().officeName(),
                    m.recipient().keyId());
        }
        return plain;
    }
}
