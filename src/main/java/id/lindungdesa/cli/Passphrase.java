package id.lindungdesa.cli;

import id.lindungdesa.bundle.Passphrases;
import java.io.Console;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --passphrase-file FILE}, else the environment variable LINDUNGDESA_PASSPHRASE, else a prompt on the
 * terminal (never echoed).
 */
final class Passphrase {
    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Baris pertama berkas = frasa sandi / first line of FILE is the passphrase "
                    + "(else $LINDUNGDESA_PASSPHRASE, else a prompt)")
    Path file;

    char[] get(boolean twice) {
        if (file != null) return Passphrases.fromFile(file);
        var env = Passphrases.fromEnvironment();
        if (env.isPresent()) return env.get();
        Console c = CliPassphrases.terminal();
        if (c == null) {
            throw new IllegalArgumentException("Frasa sandi diperlukan: beri --passphrase-file FILE atau set "
                    + "LINDUNGDESA_PASSPHRASE. / A passphrase is needed: give --passphrase-file FILE or set "
                    + "LINDUNGDESA_PASSPHRASE.");
        }
        char[] p = c.readPassword("Frasa sandi kunci kantor / office key passphrase: ");
        if (twice) {
            char[] q = c.readPassword("Ulangi / repeat: ");
            if (!java.util.Arrays.equals(p, q)) {
                throw new IllegalArgumentException("Frasa sandi tidak sama / the passphrases differ");
            }
        }
        return p;
    }
}
