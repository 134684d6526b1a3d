package id.lindungdesa.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of reading and classifying a file without writing anything: every data row with its class,
 * the counts, and what is needed to apply it (the parsed rows, re-checked against the database on apply).
 */
public final class DryRun {
    private final Path file;
    private final SheetData sheet;
    private final int headerRow;
    private final List<String> headers;
    private final ColumnMapping mapping;
    private final List<RowResult> rows;
    final List<ParsedRow> parsed;
    private final long millis;

    DryRun(Path file, SheetData sheet, int headerRow, List<String> headers, ColumnMapping mapping,
           List<RowResult> rows, List<ParsedRow> parsed, long millis) {
        this.file = file;
        this.sheet = sheet;
        this.headerRow = headerRow;
        this.headers = List.copyOf(headers);
        this.mapping = mapping.copy();
        this.rows = List.copyOf(rows);
        this.parsed = parsed;
        this.millis = millis;
    }

    public Path file() { return file; }

    public SheetData sheet() { return sheet; }

    /** The header row, 1-based as in the spreadsheet. */
    public int headerRow() { return headerRow; }

    public List<String> headers() { return headers; }

    public ColumnMapping mapping() { return mapping.copy(); }

    public List<RowResult> rows() { return rows; }

    public long millis() { return millis; }

    public Map<RowClass, Integer> counts() {
        Map<RowClass, Integer> m = new EnumMap<>(RowClass.class);
        for (RowClass c : RowClass.values()) m.put(c, 0);
        for (RowResult r : rows) m.merge(r.cls(), 1, Integer::sum);
        return m;
    }

    public int count(RowClass c) {
        return counts().get(c);
    }

    /** Rows that would write something (new or changed). */
    public int toApply() {
        return count(RowClass.NEW) + count(RowClass.CHANGED);
    }

    public List<RowResult> refused() {
        List<RowResult> out = new ArrayList<>();
        for (RowResult r : rows) if (r.cls() == RowClass.REFUSED) out.add(r);
        return out;
    }
}
