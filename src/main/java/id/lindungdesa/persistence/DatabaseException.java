package id.lindungdesa.persistence;

import id.lindungdesa.i18n.Localized;
import id.lindungdesa.i18n.Text;

/**
 * A database could not be opened or written; the message says why in plain words (a key and its arguments,
 * shown in the user's language).
 */
public class DatabaseException extends RuntimeException implements Localized {
    private final transient Text text;

    public DatabaseException(Text text, Throwable cause) {
        super(text.toString(), cause);
        this.text = text;
    }

    /** A failure with no sentence of ours: the driver's own message is shown as it is. */
    public DatabaseException(String message, Throwable cause) {
        this(Text.of("database.error.other", message), cause);
    }

    @Override
    public Text text() {
        return text;
    }
}
