package id.lindungdesa.persistence;

import java.nio.file.Path;

/** The database file is encrypted with another key than the one given (or is encrypted and no key was given). */
public final class DatabaseKeyException extends DatabaseException {
    private final Path file;

    public DatabaseKeyException(Path file, boolean keyGiven, Throwable cause) {
        super(id.lindungdesa.i18n.Text.of(keyGiven ? "database.error.otherKey" : "database.error.keyMissing", file),
                cause);
        this.file = file;
    }

    public Path file() { return file; }
}
