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
        return c.readPassword("%s ", RootCommand.t("cli.pass.existing", database.getFileName()));
    }

    @Override
    public char[] chooseNew(Path database) {
        Console c = terminal();
        if (c == null) return null;
        err.println(RootCommand.t("cli.pass.newDatabase"));
        err.flush();
        for (int i = 0; i < 3; i++) {
            char[] a = c.readPassword("%s ", RootCommand.t("cli.pass.new"));
            if (a == null || a.length == 0) return null;
            if (a.length < 8) {
                err.println(RootCommand.t("security.error.short"));
                err.flush();
                continue;
            }
            char[] b = c.readPassword("%s ", RootCommand.t("cli.pass.repeat"));
            if (Arrays.equals(a, b)) return a;
            err.println(RootCommand.t("cli.pass.differ"));
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
        w.println(RootCommand.t("cli.pass.recoveryTitle", database.getFileName()));
        w.println("    " + recoveryCode);
        w.println(RootCommand.t("cli.pass.recoveryHint"));
        w.println("================================================================");
        w.flush();
    }

    /** A yes to a [y/N] question: "y", "ya" or "yes". */
    static boolean yes(String answer) {
        return answer != null && answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y");
    }

    @Override
    public void warn(String message) {
        err.println(message);
        err.flush();
    }
}
