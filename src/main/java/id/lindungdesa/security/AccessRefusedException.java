package id.lindungdesa.security;

import id.lindungdesa.persistence.DatabaseException;

/** An encrypted database was not opened: wrong passphrase, or none given. Nothing was changed. */
public final class AccessRefusedException extends DatabaseException {
    public AccessRefusedException(String message) {
        super(message, null);
    }
}
