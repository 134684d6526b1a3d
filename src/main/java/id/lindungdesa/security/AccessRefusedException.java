package id.lindungdesa.security;

import id.lindungdesa.i18n.Localized;
import id.lindungdesa.i18n.Text;
import id.lindungdesa.persistence.DatabaseException;

/** An encrypted database was not opened: wrong passphrase, or none given. Nothing was changed. */
public final class AccessRefusedException extends DatabaseException implements Localized {
    private final transient Text text;

    public AccessRefusedException(Text text) {
        super(text.toString(), null);
        this.text = text;
    }

    @Override
    public Text text() {
        return text;
    }
}
