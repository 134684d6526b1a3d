package id.lindungdesa.cli;

import id.lindungdesa.persistence.DatabaseException;
import id.lindungdesa.persistence.DatabaseLockedException;
import id.lindungdesa.i18n.Localized;
import id.lindungdesa.i18n.Messages;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.BiFunction;
import picocli.CommandLine;

/** Builds and runs the command line; turns failures into clear one-line messages and exit codes. */
public final class Cli {
    /** Exit codes: 0 ok, 1 refused input or failed check, 2 usage, 3 database locked or unusable. */
    public static final int REFUSED = 1;
    public static final int LOCKED = 3;

    private Cli() {}

    public static CommandLine commandLine(BiFunction<Path, String, Integer> desktop) {
        RootCommand root = new RootCommand(desktop);
        CommandLine cl = new CommandLine(root);
        root.setOpener(secureOpener(cl));
        BenchCommand.addInstalled(cl.getSubcommands().get("bench"));
        // option descriptions with a descriptionKey come from the bundles, in the language chosen (--lang resets it)
        cl.setResourceBundle(Messages.current().bundle());
        CommandLine.IParameterExceptionHandler usage = cl.getParameterExceptionHandler();
        cl.setParameterExceptionHandler((ex, args) -> {
            if (ex.getCause() instanceof Converters.Refused r) {
                ex.getCommandLine().getErr().println(Messages.tr("cli.failed", r.getMessage()));
                return REFUSED;
            }
            return usage.handleParseException(ex, args);
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            id.lindungdesa.task.TaskFailures.logCommand(cmd.getCommandSpec().qualifiedName(), ex);
            PrintWriter err = cmd.getErr();
            int code = REFUSED;
            if (ex instanceof DatabaseLockedException) code = LOCKED;
            else if (ex instanceof id.lindungdesa.security.KeyFile.WrongPassphraseException) code = LOCKED;
            else if (ex instanceof DatabaseException) code = LOCKED;
            err.println(Messages.tr("cli.failed", message(ex)));
            if (ex instanceof id.lindungdesa.persistence.DatabaseUnreadableException u) offerBackup(err, u);
            if (Boolean.getBoolean("lindungdesa.debug")) ex.printStackTrace(err);
            return code;
        });
        return cl;
    }

    /**
     * Opens through {@link id.lindungdesa.wiring.SecureOpener} (passphrase from LINDUNGDESA_PASSPHRASE or the
     * terminal; verified backup before an upgrade), then takes the day's first automatic backup.
     */
    static BiFunction<Path, String, id.lindungdesa.wiring.Services> secureOpener(CommandLine cl) {
        return (path, program) -> {
            var services = id.lindungdesa.wiring.SecureOpener.open(path, program, new CliPassphrases(cl.getErr()),
                    java.time.Clock.systemDefaultZone());
            try {
                services.backups().dailyIfDue();
            } catch (RuntimeException e) {
                cl.getErr().println(Messages.tr("cli.backup.dailyFailed", message(e)));
            }
            return services;
        };
    }

    private static void offerBackup(PrintWriter err, id.lindungdesa.persistence.DatabaseUnreadableException u) {
        var newest = id.lindungdesa.backup.BackupService.newestVerified(u.file());
        if (newest.isPresent()) {
            err.println(Messages.tr("cli.backup.newest", newest.get().file(), newest.get().info().createdAt()));
            err.println(Messages.tr("cli.backup.restoreHint", "lindungdesa --db "
                    + id.lindungdesa.persistence.Database.basePath(u.file()) + " backup restore " + newest.get().file()));
        } else {
            err.println(Messages.tr("cli.backup.noneVerified", id.lindungdesa.backup.BackupSettings.folderFor(
                    id.lindungdesa.persistence.Database.basePath(u.file()))));
        }
    }

    /**
     * What the user is shown for a failure: the text of a {@link Localized} failure in the chosen language (core
     * code carries message keys); otherwise the exception's own message.
     */
    static String message(Throwable ex) {
        if (ex instanceof Localized l) return l.text().in(Messages.current());
        return ex.getMessage() == null ? ex.toString() : ex.getMessage();
    }

    /** Runs a command line and closes the services it opened. */
    public static int run(String[] args, BiFunction<Path, String, Integer> desktop) {
        CommandLine cl = commandLine(desktop);
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // said as such (never "storage full"); a transaction in progress was rolled back (decision 0130)
            RuntimeException said = new id.lindungdesa.persistence.OutOfMemoryException(e);
            id.lindungdesa.task.TaskFailures.logCommand("lindungdesa", said);
            cl.getErr().println(Messages.tr("cli.failed", message(said)));
            cl.getErr().flush();
            return LOCKED;
        } finally {
            ((RootCommand) cl.getCommand()).closeServices();
        }
    }
}
