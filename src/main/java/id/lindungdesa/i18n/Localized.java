package id.lindungdesa.i18n;

/**
 * Implemented by failures that carry their user-visible text as a key and arguments, so the CLI and the desktop
 * show them in the user's language (see {@link LocalizedException}, or implement it on an exception that must
 * extend another class).
 */
public interface Localized {
    Text text();
}
