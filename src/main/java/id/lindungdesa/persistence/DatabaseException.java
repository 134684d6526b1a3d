package id.lindungdesa.persistence;

/** A database could not be opened or written; the message says why in plain words. */
public class DatabaseException extends RuntimeException {
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
