package id.lindungdesa.backup;

/** A backup could not be made, verified or restored; the message says why and what to do. */
public final class BackupException extends RuntimeException implements id.lindungdesa.persistence.ScriptErrors.SafeMessage {
    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
