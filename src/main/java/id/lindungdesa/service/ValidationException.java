package id.lindungdesa.service;

import java.util.List;

/**
 * Input refused before anything was written. Each error names the field and a message key
 * (i18n bundle) with its arguments, so forms can show it next to the field in the user's language.
 */
public final class ValidationException extends RuntimeException {
    public record FieldError(String field, String key, List<Object> args) {
        public FieldError {
            args = List.copyOf(args);
        }

        public static FieldError of(String field, String key, Object... args) {
            return new FieldError(field, key, List.of(args));
        }
    }

    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + id.lindungdesa.i18n.Messages.tr(e.key(), e.args().toArray()))
                .reduce((a, b) -> a + "; " + b).orElse("invalid"));
        this.errors = List.copyOf(errors);
    }

    public static ValidationException of(String field, String key, Object... args) {
        return new ValidationException(List.of(FieldError.of(field, key, args)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
