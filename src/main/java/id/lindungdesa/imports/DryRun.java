package id.lindungdesa.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of reading and classifying a file without writing anything. The rows were streamed: a dry run keeps
 * the counts, a sample of at most {@link #SAMPLE} rows per class (the first ones, for display), the header rows,
 * the file's SHA-256 (an apply refuses a file that changed since) and a temporary file holding the per-row report
 * lines ({@link ReportWriter} copies it). Memory does not grow with the rows kept here.
 */
public final class DryRun {
    /** Rows kept per class for display (the first ones); the report file lists every row. */
    public static final int SAMPLE = 1_000;

    private final Path file;
    private final String sha256;
    private final SheetData sheet;
    private final int headerRow;
    private final List<String> headers;
    private final ColumnMapping mapping;
    private final Map<RowClass, Integer> counts;
    private final List<RowResult> sample;
    private final Path reportLines;
    private final long millis;

    DryRun(Path file, String sha256, SheetData sheet, int headerRow, List<String> headers, ColumnMapping mapping,
           Map<RowClass, Integer> counts, List<RowResult> sample, Path reportLines, long millis) {
        this.file = file;
        this.sha256 = sha256;
        this.sheet = sheet;
        this.headerRow = headerRow;
        this.headers = List.copyOf(headers);
        this.mapping = mapping.copy();
        Map<RowClass, Integer> c = new EnumMap<>(RowClass.class);
        for (RowClass k : RowClass.values()) c.put(k, counts.getOrDefault(k, 0));
        this.counts = c;
        List<RowResult> s = new ArrayList<>(sample);
        s.sort(Comparator.comparingInt(RowResult::row));
        this.sample = List.copyOf(s);
        this.reportLines = reportLines;
        this.millis = millis;
    }

    public Path file() { return file; }

    /** The SHA-256 of the file as it was dry-run. */
    public String sha256() { return sha256; }

    /** The sheet's name, sheets, character set and separator, with the rows down to the header row only. */
    public SheetData sheet() { return sheet; }

    /** The header row, 1-based as in the spreadsheet. */
    public int headerRow() { return headerRow; }

    public List<String> headers() { return headers; }

    public ColumnMapping mapping() { return mapping.copy(); }

    /** The sample of rows in file order: every row when no class has more than {@link #SAMPLE} rows. */
    public List<RowResult> rows() { return sample; }

    /** Number of data rows classified. */
    public int total() {
        int n = 0;
        for (int c : counts.values()) n += c;
        return n;
    }

    /** True when {@link #rows()} holds every data row. */
    public boolean complete() {
        return sample.size() == total();
    }

    Path reportLines() { return reportLines; }

    public long millis() { return millis; }

    public Map<RowClass, Integer> counts() {
        return new EnumMap<>(counts);
    }

    public int count(RowClass c) {
        return counts.get(c);
    }

    /** Rows that would write something (new or changed). */
    public int toApply() {
        return count(RowClass.NEW) + count(RowClass.CHANGED);
    }

    /** The sampled refused rows (at most {@link #SAMPLE}; {@code count(REFUSED)} is the number). */
    public List<RowResult> refused() {
        List<RowResult> out = new ArrayList<>();
        for (RowResult r : sample) if (r.cls() == RowClass.REFUSED) out.add(r);
        return out;
    }
}
