package id.lindungdesa.backup;

import id.lindungdesa.i18n.LocalizedException;
import id.lindungdesa.i18n.Text;

/**
 * A backup could not be made, verified or restored; the message (a key and its arguments, shown in the user's
 * language) says why and what to do.
 */
public final class BackupException extends LocalizedException
        implements id.lindungdesa.persistence.ScriptErrors.SafeMessage {
    public BackupException(String key, Object... args) {
        super(key, args);
    }

    public BackupException(Throwable cause, String key, Object... args) {
        super(Text.of(key, args), cause);
    }
}
