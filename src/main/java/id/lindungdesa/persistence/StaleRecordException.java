package id.lindungdesa.persistence;

import id.lindungdesa.i18n.Localized;
import id.lindungdesa.i18n.Text;
import java.util.UUID;

/** The record was changed by someone else since it was read (version mismatch). */
public final class StaleRecordException extends RuntimeException implements Localized {
    private final transient Text text;

    public StaleRecordException(String type, UUID id, int expectedVersion) {
        this(Text.of("database.error.stale", type, id, expectedVersion));
    }

    private StaleRecordException(Text text) {
        super(text.toString());
        this.text = text;
    }

    @Override
    public Text text() {
        return text;
    }
}
