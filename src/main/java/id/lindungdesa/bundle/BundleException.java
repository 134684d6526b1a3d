package id.lindungdesa.bundle;

/**
 * A bundle, key file or receipt refused, with the reason (stable, for tests and scripts) and a message in the
 * user's language saying what is wrong and what to do. Nothing has been written when this is thrown.
 */
public final class BundleException extends id.lindungdesa.i18n.LocalizedException {
    /** Why a file was refused. Stable names: printed by the CLI and documented in docs/bundle-format.md. */
    public enum Reason {
        TOO_LARGE, TRUNCATED, MALFORMED, WRONG_TYPES, UNSUPPORTED_VERSION, PAYLOAD_CHANGED, BAD_SIGNATURE,
        UNKNOWN_KEY, REVOKED_KEY, UNCONFIRMED_KEY, WRONG_ISSUER, WRONG_PROVINCE, REPLAYED, OLDER_SEQUENCE, NOT_PROVINCE, NO_KEY,
        WRONG_PASSPHRASE, NOT_FOUND, IO
    }

    private final Reason reason;

    public BundleException(Reason reason, String key, Object... args) {
        this(reason, null, key, args);
    }

    public BundleException(Reason reason, Throwable cause, String key, Object... args) {
        super(id.lindungdesa.i18n.Text.of(key, args), cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
