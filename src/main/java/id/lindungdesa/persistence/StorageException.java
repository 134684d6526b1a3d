package id.lindungdesa.persistence;

/**
 * The storage refused a write: the disk is full, the medium is read-only, or an I/O error happened. Nothing of
 * the refused work was stored; what was stored before is untouched (H2 writes append-only chunks and keeps the
 * last good one).
 */
public final class StorageException extends DatabaseException {
    public StorageException(String detail, Throwable cause) {
        super(id.lindungdesa.i18n.Text.of("database.error.storage", detail), cause);
    }
}
