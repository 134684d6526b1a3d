package id.lindungdesa.persistence;

import java.nio.file.Path;

/**
 * An existing database file cannot be opened: it is damaged (or not a LindungDesa database). The file is left
 * untouched; the program offers the newest verified backup.
 */
public final class DatabaseUnreadableException extends DatabaseException {
    private final Path file;

    public DatabaseUnreadableException(Path file, Throwable cause) {
        super(id.lindungdesa.i18n.Text.of("database.error.unreadable", file, rootMessage(cause)), cause);
        this.file = file;
    }

    public Path file() { return file; }

    private static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) r = r.getCause();
        String m = String.valueOf(r.getMessage());
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }
}
