package id.lindungdesa.imports;

import java.util.List;

/**
 * A sheet read into memory: its rows (each with its 1-based row number as the user sees it in the spreadsheet),
 * the names of all sheets of the workbook, and for a CSV the character set and separator found.
 */
public record SheetData(String fileName, String sheetName, List<String> sheetNames, List<Row> rows, String charset,
                        Character separator) {

    /** A row with its number in the file (1-based) and its cells by column (0-based). */
    public record Row(int number, List<RawCell> cells) {
        public RawCell cell(int column) {
            return column >= 0 && column < cells.size() ? cells.get(column) : RawCell.EMPTY;
        }

        public boolean blank() {
            for (RawCell c : cells) if (!c.blank()) return false;
            return true;
        }
    }

    /** Number of columns of the widest row. */
    public int width() {
        int w = 0;
        for (Row r : rows) w = Math.max(w, r.cells().size());
        return w;
    }
}
