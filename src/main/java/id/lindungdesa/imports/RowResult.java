package id.lindungdesa.imports;

import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Region;
import id.lindungdesa.i18n.Messages;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One row of the dry run: its class, what it is about, which fields would change (for CHANGED; "ENROLMENT" means a
 * new enrolment for a known person and post) and why it is refused (for REFUSED). {@code suggestion} is the one
 * close village match offered for a village name that was not found ({@code suggestedFor} is the name in the file).
 */
public record RowResult(int row, RowClass cls, String nik, String name, String villageCode, String villageName,
                        Position position, List<String> changes, List<RowProblem> problems, Region suggestion,
                        String suggestedFor, List<RowProblem> notes) {

    public RowResult {
        changes = List.copyOf(changes);
        problems = List.copyOf(problems);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public RowResult(int row, RowClass cls, String nik, String name, String villageCode, String villageName,
                     Position position, List<String> changes, List<RowProblem> problems, Region suggestion,
                     String suggestedFor) {
        this(row, cls, nik, name, villageCode, villageName, position, changes, problems, suggestion, suggestedFor,
                List.of());
    }

    /** What was cleaned in the row (hidden characters removed from a name…), in the user's language. */
    public String notesText(Messages m) {
        return notes.stream().map(p -> (p.column() == null || p.column().isBlank() ? "" : p.column() + ": ")
                + p.reason(m)).collect(Collectors.joining("; "));
    }

    /** Changed fields in the user's language. */
    public String changesText(Messages m) {
        return changes.stream().map(c -> {
            try {
                return Field.valueOf(c).label(m.indonesian());
            } catch (IllegalArgumentException e) {
                return m.get("import.change." + c);
            }
        }).collect(Collectors.joining(", "));
    }

    /** "Column: reason; column: reason" in the user's language. */
    public String problemsText(Messages m) {
        return problems.stream().map(p -> (p.column() == null || p.column().isBlank() ? "" : p.column() + ": ")
                + p.reason(m)).collect(Collectors.joining("; "));
    }
}
