package id.lindungdesa.i18n;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * User-visible text as a message key and its arguments, rendered by whoever shows it (CLI, desktop) in the user's
 * language. Core code (services, features) hands these out instead of formatting sentences itself.
 */
public record Text(String key, List<Object> args) {
    public Text {
        args = Collections.unmodifiableList(Arrays.asList(args.toArray()));
    }

    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.asList(args));
    }

    /** This text in the language of {@code m}. */
    public String in(Messages m) {
        return m.get(key, args.toArray());
    }

    /** This text in the current language. */
    @Override
    public String toString() {
        return in(Messages.current());
    }
}
