package id.lindungdesa.bundle;

import id.lindungdesa.domain.TrustedKey;
import java.nio.file.Path;

/** A bundle whose envelope signature, manifest and payload hash have been checked. */
public record Verified(Path file, BundleFile.Header header, Manifest manifest, TrustedKey signer,
                       String statementSha256) {
}
