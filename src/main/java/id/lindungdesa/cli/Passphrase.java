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
            descriptionKey = "cli.option.passphraseFile",
            description = "Baris pertama berkas = frasa sandi / first line of FILE is the passphrase "
                    + "(else $LINDUNGDESA_PASSPHRASE, else a prompt)")
    Path file;

    char[] get(boolean twice) {
        if (file != null) return Passphrases.fromFile(file);
        var env = Passphrases.fromEnvironment();
        if (env.isPresent()) return env.get();
        Console c = CliPassphrases.terminal();
        if (c == null) {
            throw new id.lindungdesa.i18n.LocalizedException("cli.pass.keyNeeded");
        }
        char[] p = c.readPassword("%s ", RootCommand.t("cli.pass.key"));
        if (twice) {
            char[] q = c.readPassword("%s ", RootCommand.t("cli.pass.repeat"));
            if (!java.util.Arrays.equals(p, q)) {
                throw new id.lindungdesa.i18n.LocalizedException("cli.pass.keyDiffer");
            }
        }
        return p;
    }
}
