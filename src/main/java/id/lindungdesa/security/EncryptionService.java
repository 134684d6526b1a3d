package id.lindungdesa.security;

import id.lindungdesa.i18n.LocalizedException;
import id.lindungdesa.i18n.Text;

import id.lindungdesa.backup.BackupService;
import id.lindungdesa.backup.ScriptIO;
import id.lindungdesa.persistence.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Encryption at rest for an open database: turn it on for an existing unencrypted database (migration), change the
 * passphrase, or set a new one with the recovery code. The office signing key kept in the database is protected
 * with everything else.
 */
public final class EncryptionService {
    private final Database db;
    private final BackupService backups;

    public EncryptionService(Database db, BackupService backups) {
        this.db = db;
        this.backups = backups;
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
        if (db.encrypted()) throw new LocalizedException("security.error.alreadyEncrypted");
        if (passphrase == null || passphrase.length < 8) {
            throw new LocalizedException("security.error.short");
        }
        backups.beforeRiskyOperation("encrypt");
        Path base = db.base();
        Path newKey = Path.of(KeyFile.pathFor(base) + ".new");
        Path candidate = Path.of(base + ".encrypting");
        Path script = Path.of(base + ".encrypting.sql.gz");
        try {
            KeyFile.Created created = KeyFile.createAt(newKey, passphrase);
            String pw = created.key().h2Password();
            db.withConnection(c -> {
                ScriptIO.scriptTo(c, script, pw);
                return null;
            });
            try (Connection c = Database.connect(candidate, pw); var st = c.createStatement()) {
                ScriptIO.runScript(c, script, pw);
                st.execute("SHUTDOWN");
            }
            Files.move(newKey, KeyFile.pathFor(base), StandardCopyOption.ATOMIC_MOVE);
            db.replaceWith(candidate, null, pw);
            return created.recoveryCode();
        } catch (SQLException | IOException e) {
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
        return backups.list().stream().map(BackupService.Entry::file)
                .filter(f -> f.getFileName().toString().endsWith(".sql.gz")).toList();
    }

    /** Changes the passphrase (the file key stays; a new recovery code is made and returned). */
    public String changePassphrase(char[] current, char[] next) {
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
