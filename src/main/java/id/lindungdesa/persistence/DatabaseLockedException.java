package id.lindungdesa.persistence;

import java.nio.file.Path;

/**
 * Another program holds the database file. {@code holder} describes it (from the owner file); when it could not be
 * read, {@code unreadable} says why (the owner file and "missing", "incomplete" or "stale") and the message says so.
 */
public final class DatabaseLockedException extends DatabaseException {
    private final Path file;
    private final String holder;
    private final String unreadable;

    public DatabaseLockedException(Path file, String holder, Throwable cause) {
        this(file, holder, holder == null ? "?" : null, cause);
    }

    public DatabaseLockedException(Path file, String holder, String unreadable, Throwable cause) {
        super(holder != null ? id.lindungdesa.i18n.Text.of("database.error.lockedBy", file, holder)
                : id.lindungdesa.i18n.Text.of("database.error.lockedUnreadable", file, unreadable), cause);
        this.file = file;
        this.holder = holder;
        this.unreadable = holder == null ? unreadable : null;
    }

    public Path file() { return file; }

    /** e.g. "LindungDesa desktop, pid 1234, user budi@laptop-dpmd, since 2026-11-23T08:00"; null when unreadable. */
    public String holder() { return holder; }

    /** Why the holder could not be read (null when it was). */
    public String unreadable() { return unreadable; }
}
