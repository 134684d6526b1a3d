package id.lindungdesa.ui.form;

import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import java.time.LocalDate;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

/**
 * The one date picker of the desktop: shows dd-MM-yyyy, accepts what {@link Formats#parseFormDate} accepts
 * (31-10-2026, 31/10/2026, "31 Okt 2026", ISO), and never drops what it cannot read silently: the value stays as
 * it was, the field turns red and {@link #errorProperty()} quotes the text and says how to write a date (callers
 * show it next to the field; it is also the field's tooltip).
 */
public class DateField extends DatePicker {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    public DateField() {
        this(null);
    }

    public DateField(LocalDate value) {
        super(value);
        valueProperty().addListener((o, a, b) -> error.set(""));
        getStyleClass().add("date-field");
        setConverter(converter());
        setPromptText(Messages.tr("form.datePrompt"));
        getEditor().setPrefColumnCount(10);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(error);
        error.addListener((o, a, b) -> {
            pseudoClassStateChanged(INVALID, !b.isEmpty());
            // On the picker, not its editor: the picker's skin binds the editor's tooltip to the picker's, so
            // setting the editor's own throws "A bound value cannot be set" once the skin exists.
            setTooltip(b.isEmpty() ? null : tip);
        });
        getEditor().focusedProperty().addListener((o, was, now) -> {
            if (!now) commitText();
        });
    }

    /** What is wrong with the typed text, in the user's language; empty when the field holds a date or nothing. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Reads the editor's text now (the picker otherwise reads it only when focus leaves). */
    public Optional<LocalDate> commitText() {
        String text = getEditor().getText();
        if (text == null || text.isBlank()) {
            error.set("");
            setValue(null);
            return Optional.empty();
        }
        Optional<LocalDate> d = Formats.parseFormDate(text);
        if (d.isPresent()) {
            if (!d.get().equals(getValue())) error.set("");
            setValue(d.get());
            getEditor().setText(Formats.FORM_DATE.format(d.get()));
        } else {
            error.set(Messages.tr("form.error.date", text.strip()));
        }
        return d;
    }

    /** A converter that shows dd-MM-yyyy and reads every accepted form; text it cannot read keeps the old value. */
    private StringConverter<LocalDate> converter() {
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : Formats.FORM_DATE.format(d);
            }

            @Override
            public LocalDate fromString(String s) {
                if (s == null || s.isBlank()) {
                    error.set("");
                    return null;
                }
                Optional<LocalDate> d = Formats.parseFormDate(s);
                if (d.isEmpty()) {
                    error.set(Messages.tr("form.error.date", s.strip()));
                    return getValue();
                }
                // The picker reads its own text again after putting the old value back: that keeps the error.
                boolean ownText = getValue() != null && s.strip().equals(toString(getValue()));
                if (!ownText) error.set("");
                return d.get();
            }
        };
    }
}
