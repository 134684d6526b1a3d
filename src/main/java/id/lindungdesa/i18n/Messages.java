package id.lindungdesa.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-facing text, Indonesian first (the base bundle {@code i18n/messages.properties}), English second
 * ({@code messages_en.properties}). Keys are stable; a test keeps both bundles in step.
 */
public final class Messages {
    public static final Locale INDONESIAN = Locale.of("id", "ID");
    public static final Locale ENGLISH = Locale.ENGLISH;
    private static final String BUNDLE = "i18n.messages";

    private static volatile Messages current = new Messages(INDONESIAN);

    private final Locale locale;
    private final ResourceBundle bundle;

    public Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale.getLanguage().equals("en") ? ENGLISH : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
    }

    /** The language chosen by the user (Indonesian by default). */
    public static Messages current() {
        return current;
    }

    public static void setCurrent(Locale locale) {
        current = new Messages(locale);
    }

    public static String tr(String key, Object... args) {
        return current.get(key, args);
    }

    public Locale locale() {
        return locale;
    }

    public boolean indonesian() {
        return !locale.getLanguage().equals("en");
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args.length == 0) return pattern;
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) shown[i] = Formats.display(args[i], this);
        return new MessageFormat(pattern.replace("'", "''"), locale).format(shown);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public ResourceBundle bundle() {
        return bundle;
    }
}
