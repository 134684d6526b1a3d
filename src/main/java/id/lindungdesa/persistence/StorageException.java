package id.lindungdesa.persistence;

/**
 * The storage refused a write: the disk is full, the medium is read-only, or an I/O error happened. Nothing of
 * the refused work was stored; what was stored before is untouched (H2 writes append-only chunks and keeps the
 * last good one).
 */
public final class StorageException extends DatabaseException {
    public StorageException(String detail, Throwable cause) {
        super("Tidak dapat menyimpan: penyimpanan penuh, hanya-baca, atau rusak (" + detail + "). Perubahan ini TIDAK"
                + " tersimpan; data yang sudah tersimpan tetap aman. Kosongkan ruang disk atau pindahkan basis data ke"
                + " media yang dapat ditulis, lalu buka ulang program. / Cannot save: the storage is full, read-only or"
                + " failing. This change was NOT saved; what was saved before is safe. Free disk space or move the"
                + " database to writable media, then reopen the program.", cause);
    }
}
