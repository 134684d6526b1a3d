package id.lindungdesa.imports;

import id.lindungdesa.i18n.Messages;
import java.util.List;

/** Why a row is refused: the column (header text as in the file) and a message key with its arguments. */
public record RowProblem(String column, String key, List<Object> args) {
    public RowProblem {
        args = List.copyOf(args);
    }

    public static RowProblem of(String column, String key, Object... args) {
        return new RowProblem(column, key, List.of(args));
    }

    public String reason(Messages m) {
        return m.get(key, args.toArray());
    }

    public String reason() {
        return reason(Messages.current());
    }
}
