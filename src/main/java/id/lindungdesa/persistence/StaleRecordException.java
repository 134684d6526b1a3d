package id.lindungdesa.persistence;

import java.util.UUID;

/** The record was changed by someone else since it was read (version mismatch). */
public final class StaleRecordException extends RuntimeException {
    public StaleRecordException(String type, UUID id, int expectedVersion) {
        super(type + " " + id + " was changed elsewhere since version " + expectedVersion + "; reload and try again.");
    }
}
