package id.lindungdesa.bundle;

import id.lindungdesa.bundle.BundleException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where a passphrase comes from when no person types it: a file (first line) or LINDUNGDESA_PASSPHRASE. */
public final class Passphrases {
    public static final String ENV = "LINDUNGDESA_PASSPHRASE";
    public static final int MIN_LENGTH = 8;

    private Passphrases() {}

    public static char[] fromFile(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8);
            int nl = s.indexOf('\n');
            if (nl >= 0) s = s.substring(0, nl);
            return s.replace("\r", "").toCharArray();
        } catch (IOException e) {
            throw new BundleException(Reason.IO, e, "bundle.error.io", file, e.getMessage());
        }
    }

    public static Optional<char[]> fromEnvironment() {
        String s = System.getenv(ENV);
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s.toCharArray());
    }
}
