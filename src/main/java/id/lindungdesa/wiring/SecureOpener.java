package id.lindungdesa.wiring;

import id.lindungdesa.i18n.Messages;
import id.lindungdesa.i18n.Text;

import id.lindungdesa.backup.BackupService;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.DatabaseKeyException;
import id.lindungdesa.security.AccessRefusedException;
import id.lindungdesa.security.KeyFile;
import id.lindungdesa.security.PassphrasePrompt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;

/**
 * Opens an office database the safe way, for the CLI and the desktop alike:
 * <ul>
 *   <li>an encrypted database ({@code <db>.key.json} beside it) is unlocked with {@code LINDUNGDESA_PASSPHRASE} or
 *   a passphrase asked for; a wrong one is refused clearly;</li>
 *   <li>a NEW database is encrypted when a passphrase is available (the recovery code is shown once); without
 *   one (a script) it is created unencrypted with a warning (decision 0061);</li>
 *   <li>before Flyway upgrades an existing database, a verified backup is taken.</li>
 * </ul>
 */
public final class SecureOpener {
    public static final String PASSPHRASE_ENV = BackupService.PASSPHRASE_ENV;
    public static final int MAX_ATTEMPTS = 3;

    private SecureOpener() {}

    public static Services open(Path path, String program, PassphrasePrompt prompt, Clock clock) {
        if (id.lindungdesa.persistence.ServerAddress.isServer(path)) {
            // issue 16: a PostgreSQL server database; no key file, no H2 backup before an upgrade
            var server = serverAddress(path);
            return new Services(Database.openServer(server, localBase(server), Database.Options.of(program)), clock);
        }
        Path base = Database.basePath(path);
        String pw = filePassword(base, prompt, true);
        Database.Options options = Database.Options.of(program).withFilePassword(pw)
                .withBeforeUpgrade(BackupService.upgradeGuard(base, pw, clock, FileKeys.INSTANCE));
        try {
            return new Services(Database.open(base, options), clock);
        } catch (DatabaseKeyException e) {
            if (pw == null) throw e;
            // an encryption migration interrupted after the key file was written but before the swap: the file is
            // still the unencrypted one, intact; open it as such and say so
            Services s = new Services(Database.open(base, options.withFilePassword(null)), clock);
            prompt.warn(Messages.tr("security.warn.interrupted"));
            return s;
        }
    }

    /**
     * Where this desk keeps its own files for a server database (office key, audit key, receipts): a folder of
     * the data folder named after the server and database (issue 16).
     */
    static Path localBase(id.lindungdesa.persistence.ServerAddress server) {
        String name = (server.host() + "_" + server.port() + "_" + server.database()).replaceAll("[^A-Za-z0-9._-]", "_");
        return id.lindungdesa.service.AppPaths.dataFolder().resolve("servers").resolve(name).resolve("lindungdesa");
    }

    /** The server named by a {@code --db postgresql://…} path; a malformed URL is refused clearly. */
    static id.lindungdesa.persistence.ServerAddress serverAddress(Path path) {
        try {
            return id.lindungdesa.persistence.ServerAddress.parse(path);
        } catch (IllegalArgumentException e) {
            throw new id.lindungdesa.persistence.DatabaseException(
                    Text.of("database.server.badUrl", e.getMessage()), e);
        }
    }

    /**
     * The H2 file password for the database at {@code base}: unlocks its key file; for a new database (when
     * {@code mayCreate}) makes a key when a passphrase is available; null for an unencrypted database.
     */
    public static String filePassword(Path base, PassphrasePrompt prompt, boolean mayCreate) {
        String env = envPassphrase();
        if (KeyFile.exists(base)) {
            if (env != null) {
                try {
                    return KeyFile.unlock(base, env.toCharArray()).h2Password();
                } catch (KeyFile.WrongPassphraseException e) {
                    throw new AccessRefusedException(Text.of("security.error.envWrong", PASSPHRASE_ENV, base));
                }
            }
            String problem = null;
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                char[] pass = prompt.existing(base, attempt, problem);
                if (pass == null) break;
                try {
                    return KeyFile.unlock(base, pass).h2Password();
                } catch (KeyFile.WrongPassphraseException e) {
                    problem = e.getMessage();
                } finally {
                    Arrays.fill(pass, '\0');
                }
            }
            throw new AccessRefusedException(problem != null
                    ? Text.of("security.error.wrongNotOpened", base)
                    : Text.of("security.error.needPassphrase", base, PASSPHRASE_ENV));
        }
        boolean isNew = !Files.exists(Path.of(base + ".mv.db"));
        if (!isNew || !mayCreate) return null;
        char[] pass = env != null ? env.toCharArray() : prompt.chooseNew(base);
        if (pass == null || pass.length == 0) {
            prompt.warn(Messages.tr("security.warn.unencrypted", base));
            return null;
        }
        KeyFile.Created created = KeyFile.create(base, pass);
        Arrays.fill(pass, '\0');
        prompt.showRecoveryCode(base, created.recoveryCode());
        return created.key().h2Password();
    }

    public static String envPassphrase() {
        String env = System.getenv(PASSPHRASE_ENV);
        return env == null || env.isEmpty() ? null : env;
    }
}
