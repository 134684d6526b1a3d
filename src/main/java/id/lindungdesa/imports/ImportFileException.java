package id.lindungdesa.imports;

/** A file that cannot be read as a roster (wrong type, damaged, no header row…); the message says what to do. */
public final class ImportFileException extends RuntimeException implements id.lindungdesa.i18n.Localized {
    private final String key;
    private final transient Object[] args;

    public ImportFileException(String key, Object... args) {
        super(id.lindungdesa.i18n.Messages.tr(key, args));
        this.key = key;
        this.args = args.clone();
    }

    public ImportFileException(String key, Throwable cause, Object... args) {
        super(id.lindungdesa.i18n.Messages.tr(key, args), cause);
        this.key = key;
        this.args = args.clone();
    }

    public String key() {
        return key;
    }

    @Override
    public id.lindungdesa.i18n.Text text() {
        return id.lindungdesa.i18n.Text.of(key, args);
    }

    public Object[] args() {
        return args.clone();
    }
}
