package id.lindungdesa.persistence;

import java.nio.file.Path;

/**
 * An existing database file cannot be opened: it is damaged (or not a LindungDesa database). The file is left
 * untouched; the program offers the newest verified backup.
 */
public final class DatabaseUnreadableException extends DatabaseException {
    private final Path file;

    public DatabaseUnreadableException(Path file, Throwable cause) {
        super("Basis data " + file + " rusak atau tidak dapat dibaca; berkas itu tidak diubah. Pulihkan dari cadangan"
                + " terbaru yang terverifikasi. / The database " + file + " is damaged or unreadable; the file was left"
                + " untouched. Restore the newest verified backup (" + rootMessage(cause) + ").", cause);
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
