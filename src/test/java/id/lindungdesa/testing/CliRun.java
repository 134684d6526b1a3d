package id.lindungdesa.testing;

import id.lindungdesa.cli.Cli;
import id.lindungdesa.cli.RootCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the CLI in this JVM and captures what it prints. */
public final class CliRun {
    public final int exit;
    public final String out;
    public final String err;

    private CliRun(int exit, String out, String err) {
        this.exit = exit;
        this.out = out;
        this.err = err;
    }

    public static CliRun of(String... args) {
        return withEnv(java.util.Map.of(), args);
    }

    /** Runs with these environment variables seen by the CLI's own look-ups (issue 17: passwords for scripts). */
    public static CliRun withEnv(java.util.Map<String, String> env, String... args) {
        CommandLine cl = Cli.commandLine((db, lang) -> 0);
        if (!env.isEmpty()) ((RootCommand) cl.getCommand()).setEnvironment(env::get);
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        int code;
        try {
            code = cl.execute(args);
        } finally {
            ((RootCommand) cl.getCommand()).closeServices();
            // --lang en switches the whole JVM's language: back to the default for the next test
            id.lindungdesa.i18n.Messages.setCurrent(id.lindungdesa.i18n.Messages.INDONESIAN);
        }
        return new CliRun(code, o.toString(), e.toString());
    }

    public String lastLine() {
        return out.strip().lines().reduce((a, b) -> b).orElse("");
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n" + out + "\n" + err;
    }
}
