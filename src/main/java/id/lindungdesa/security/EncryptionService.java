package id.lindungdesa.security;

import id.lindungdesa.i18n.LocalizedException;
import id.lindungdesa.i18n.Text;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.ScriptIO;
import id.lindungdesa.service.BackupHook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Encryption at rest for an open database: turn it on for an existing unencrypted database (migration), change the
 * passphrase, or set a new one with the recovery code. The office signing key kept in the database is protected
 * with everything else.
 */
public final class EncryptionService {
    private final Database db;
    private final BackupHook backupFirst;
    private final Supplier<List<Path>> backupFiles;

    /**
     * @param backupFirst a verified backup before encrypting (the backup feature, wired by the composition root)
     * @param backupFiles the backup files of this database, newest first
     */
    public EncryptionService(Database db, BackupHook backupFirst, Supplier<List<Path>> backupFiles) {
        this.db = db;
        this.backupFirst = backupFirst;
        this.backupFiles = backupFiles;
    }

    /** Issue 17: who is signed in; encryption and its passphrase need admin. */
    private volatile id.lindungdesa.service.Session access = new id.lindungdesa.service.Session();

    public void setAccess(id.lindungdesa.service.Session session) {
        this.access = session;
    }

    public boolean encrypted() {
        return db.encrypted();
    }

    public Path keyFile() {
        return KeyFile.pathFor(db.base());
    }

    /**
     * Encrypts this (unencrypted) database: a verified backup first, then the data is copied into a new encrypted
     * file, which is swapped in; the old plaintext file is overwritten and deleted. Returns the recovery code.
     * Backups made before this stay unencrypted: {@link #plainBackups()} lists them for deletion.
     */
    public String encrypt(char[] passphrase) {
        access.require(id.lindungdesa.domain.Role.ADMIN, "access.do.security");
        if (db.encrypted()) throw new LocalizedException("security.error.alreadyEncrypted");
        if (passphrase == null || passphrase.length < 8) {
            throw new LocalizedException("security.error.short");
        }
        backupFirst.beforeRiskyOperation("encrypt");
        Path base = db.base();
        Path newKey = Path.of(KeyFile.pathFor(base) + ".new");
        Path candidate = Path.of(base + ".encrypting");
        Path script = Path.of(base + ".encrypting.sql.gz");
        try {
            KeyFile.Created created = KeyFile.createAt(newKey, passphrase);
            String pw = created.key().h2Password();
            ScriptIO.on(db, c -> {
                c.scriptTo(script, pw);
                return null;
            });
            ScriptIO.intoNewFile(candidate, pw, c -> {
                c.runScript(script, pw);
                return null;
            });
            Files.move(newKey, KeyFile.pathFor(base), StandardCopyOption.ATOMIC_MOVE);
            id.lindungdesa.persistence.DurableFiles.forceFolder(KeyFile.pathFor(base).toAbsolutePath().getParent());
            db.replaceWith(candidate, null, pw);
            return created.recoveryCode();
        } catch (IOException | id.lindungdesa.persistence.DatabaseException e) {
            throw new LocalizedException(Text.of("security.error.encryptFailed", e.getMessage()), e);
        } finally {
            try {
                Files.deleteIfExists(script);
                Files.deleteIfExists(newKey);
                Files.deleteIfExists(Path.of(candidate + ".mv.db"));
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    /** Backups made before encryption (plaintext): they still hold NIKs in the clear. */
    public java.util.List<Path> plainBackups() {
        return backupFiles.get().stream()
                .filter(f -> f.getFileName().toString().endsWith(".sql.gz")).toList();
    }

    /** Changes the passphrase (the file key stays; a new recovery code is made and returned). */
    public String changePassphrase(char[] current, char[] next) {
        access.require(id.lindungdesa.domain.Role.ADMIN, "access.do.security");
        requireEncrypted();
        KeyFile.FileKey key = KeyFile.unlock(db.base(), current);
        return setPassphrase(key, next);
    }

    /** Sets a new passphrase using the recovery code (the passphrase was forgotten). Returns a new recovery code. */
    public static String recover(Path dbBase, String recoveryCode, char[] next) {
        Path base = Database.basePath(dbBase);
        KeyFile.FileKey key = KeyFile.recover(KeyFile.pathFor(base), recoveryCode);
        checkLength(next);
        return KeyFile.rewrap(KeyFile.pathFor(base), key, next);
    }

    private String setPassphrase(KeyFile.FileKey key, char[] next) {
        checkLength(next);
        String code = KeyFile.rewrap(KeyFile.pathFor(db.base()), key, next);
        Arrays.fill(next, '\0');
        return code;
    }

    private static void checkLength(char[] next) {
        if (next == null || next.length < 8) {
            throw new LocalizedException("security.error.short");
        }
    }

    private void requireEncrypted() {
        if (!db.encrypted()) throw new LocalizedException("security.error.notEncrypted");
    }
}
