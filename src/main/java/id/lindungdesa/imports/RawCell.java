package id.lindungdesa.imports;

/**
 * One cell as read from a file: its text, and whether the spreadsheet stored it as a number (then {@code text} is
 * the stored number exactly as written in the file, e.g. {@code 3.60405E+15} or {@code 29292}).
 */
public record RawCell(String text, boolean numeric) {
    public static final RawCell EMPTY = new RawCell("", false);

    public RawCell {
        text = text == null ? "" : text;
    }

    public boolean blank() {
        return text.isBlank();
    }

    public static RawCell text(String s) {
        return s == null || s.isEmpty() ? EMPTY : new RawCell(s, false);
    }
}
