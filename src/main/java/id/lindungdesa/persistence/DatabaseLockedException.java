package id.lindungdesa.persistence;

import java.nio.file.Path;

/** Another program holds the database file. {@code holder} describes it when known (from the owner file). */
public final class DatabaseLockedException extends DatabaseException {
    private final Path file;
    private final String holder;

    public DatabaseLockedException(Path file, String holder, Throwable cause) {
        super(holder == null ? id.lindungdesa.i18n.Text.of("database.error.locked", file)
                : id.lindungdesa.i18n.Text.of("database.error.lockedBy", file, holder), cause);
        this.file = file;
        this.holder = holder;
    }

    public Path file() { return file; }

    /** e.g. "LindungDesa desktop, pid 1234, user budi@laptop-dpmd, since 2026-11-23T08:00"; may be null. */
    public String holder() { return holder; }
}
