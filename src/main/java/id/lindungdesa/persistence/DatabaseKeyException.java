package id.lindungdesa.persistence;

import java.nio.file.Path;

/** The database file is encrypted with another key than the one given (or is encrypted and no key was given). */
public final class DatabaseKeyException extends DatabaseException {
    private final Path file;

    public DatabaseKeyException(Path file, boolean keyGiven, Throwable cause) {
        super(keyGiven
                ? "The database " + file + " is encrypted with another key: its key file does not belong to it."
                : "Basis data " + file + " terenkripsi tetapi berkas kuncinya (.key.json) tidak ada; salin kembali dari folder"
                + " cadangan (lindungdesa-key-*.json). / The database " + file + " is encrypted but its key file"
                + " (.key.json) is missing: copy it back from the backup folder (lindungdesa-key-*.json).",
                cause);
        this.file = file;
    }

    public Path file() { return file; }
}
