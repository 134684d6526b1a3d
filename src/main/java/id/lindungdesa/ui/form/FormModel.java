package id.lindungdesa.ui.form;

import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.ValidationException;
import java.time.LocalDate;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The state every editor's view-model shares: field errors (field name → message in the user's language, shown
 * next to the field), a general error ({@link #GENERAL}) and a busy flag while a save runs in the background.
 * Holds no {@code Node}: tested without the toolkit.
 */
public abstract class FormModel {
    /** Errors that belong to no field of the form. */
    public static final String GENERAL = "_";

    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public ObservableMap<String, String> errors() {
        return errors;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /**
     * Shows a failure: a {@link ValidationException} next to its fields, anything else as a general error. The
     * form's fields are left as they are, so the clerk can re-apply what they typed (a stale save says who saved
     * first and when).
     */
    public void fail(Throwable e) {
        busy.set(false);
        if (e instanceof ValidationException v) {
            for (ValidationException.FieldError f : v.errors()) {
                errors.merge(field(f.field()), Messages.tr(f.key(), f.args().toArray()), (a, b) -> a + " " + b);
            }
        } else if (e instanceof id.lindungdesa.persistence.StaleRecordException stale) {
            // issue 16: another desk saved first; name who and when, and keep what the clerk typed in the fields
            errors.put(GENERAL, stale.changedBy() == null ? Messages.tr("form.error.stale")
                    : Messages.tr("form.error.staleBy", stale.changedBy(),
                            Formats.dateTime(stale.changedAt(), Messages.current())));
        } else {
            errors.put(GENERAL, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** Maps a service's field name to this form's field (default: the same). */
    protected String field(String serviceField) {
        return serviceField;
    }

    /** Parses a date typed into {@code field}; adds an error and returns empty when it is not a date. */
    protected Optional<LocalDate> date(String field, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) errors.put(field, Messages.tr("error.required"));
            return Optional.empty();
        }
        Optional<LocalDate> d = Formats.parseFormDate(text);
        if (d.isEmpty()) errors.put(field, Messages.tr("form.error.date", text.strip()));
        return d;
    }

    protected static String text(LocalDate d) {
        return d == null ? "" : Formats.FORM_DATE.format(d);
    }
}
