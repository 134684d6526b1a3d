package id.lindungdesa.persistence;

import java.nio.file.Path;

/** Another program holds the database file. {@code holder} describes it when known (from the owner file). */
public final class DatabaseLockedException extends DatabaseException {
    private final Path file;
    private final String holder;

    public DatabaseLockedException(Path file, String holder, Throwable cause) {
        super("The database " + file + " is in use by another program" + (holder == null ? "" : " (" + holder + ")")
                + ". Close that program first, then try again.", cause);
        this.file = file;
        this.holder = holder;
    }

    public Path file() { return file; }

    /** e.g. "LindungDesa desktop, pid 1234, user budi@laptop-dpmd, since 2026-11-23T08:00"; may be null. */
    public String holder() { return holder; }
}
