package id.lindungdesa.i18n;

import java.util.List;

/**
 * A failure shown to the user, carrying a message key and its arguments ({@link Text}) so that the CLI and the
 * desktop render it in the user's language. {@link #getMessage()} is the text in the language current when it was
 * thrown; {@link #message(Messages)} renders it in any language.
 */
public class LocalizedException extends RuntimeException implements Localized {
    private final transient Text text;

    public LocalizedException(String key, Object... args) {
        this(Text.of(key, args), null);
    }

    public LocalizedException(Text text, Throwable cause) {
        super(text.toString(), cause);
        this.text = text;
    }

    @Override
    public Text text() {
        return text;
    }

    public String messageKey() {
        return text.key();
    }

    public List<Object> args() {
        return text.args();
    }

    public String message(Messages m) {
        return text.in(m);
    }
}
