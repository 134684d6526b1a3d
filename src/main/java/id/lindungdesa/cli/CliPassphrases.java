package id.lindungdesa.cli;

import id.lindungdesa.security.PassphrasePrompt;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;

/** Asks for passphrases on the terminal; without a terminal (scripts) it asks nothing. Messages go to stderr. */
final class CliPassphrases implements PassphrasePrompt {
    private final PrintWriter err;

    CliPassphrases(PrintWriter err) {
        this.err = err;
    }

    /** The console when a person is at a terminal, else null (since JDK 22 System.console() is rarely null). */
    // Error Prone's SystemConsoleNull flags the null test; here it is only a guard before isTerminal(), which is the
    // check the pattern asks for.
    @SuppressWarnings("SystemConsoleNull")
    static Console terminal() {
        Console c = System.console();
        return c != null && c.isTerminal() ? c : null;
    }

    @Override
    public char[] existing(Path database, int attempt, String problem) {
        Console c = terminal();
        if (c == null) return null;
        if (problem != null) err.println(problem);
        err.flush();
        return c.readPassword("Kata sandi / passphrase (%s): ", database.getFileName());
    }

    @Override
    public char[] chooseNew(Path database) {
        Console c = terminal();
        if (c == null) return null;
        err.println("Basis data baru akan dienkripsi. Kosongkan untuk tanpa enkripsi. / The new database will be"
                + " encrypted. Leave empty for no encryption.");
        err.flush();
        for (int i = 0; i < 3; i++) {
            char[] a = c.readPassword("Kata sandi baru / new passphrase (min. 8): ");
            if (a == null || a.length == 0) return null;
            if (a.length < 8) {
                err.println("Minimal 8 karakter / at least 8 characters");
                err.flush();
                continue;
            }
            char[] b = c.readPassword("Ulangi / repeat: ");
            if (Arrays.equals(a, b)) return a;
            err.println("Tidak sama / they differ");
            err.flush();
        }
        return null;
    }

    @Override
    public void showRecoveryCode(Path database, String recoveryCode) {
        printRecoveryCode(err, database, recoveryCode);
    }

    static void printRecoveryCode(PrintWriter w, Path database, String recoveryCode) {
        w.println("================================================================");
        w.println("KODE PEMULIHAN / RECOVERY CODE for " + database.getFileName() + ":");
        w.println("    " + recoveryCode);
        w.println("Tulis atau cetak dan simpan di tempat aman. Tanpa kata sandi DAN tanpa kode ini data tidak dapat");
        w.println("dibuka. / Write it down or print it and keep it safe: without the passphrase AND this code the");
        w.println("data cannot be opened.");
        w.println("================================================================");
        w.flush();
    }

    @Override
    public void warn(String message) {
        err.println(message);
        err.flush();
    }
}
