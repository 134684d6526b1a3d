package id.lindungdesa.imports;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates in the forms offices type: {@code 12-03-1980}, {@code 12/03/1980}, {@code 12.03.1980}, {@code 1980-03-12},
 * {@code 12 Maret 1980} (Indonesian or English month names, full or short), and Excel date serials (a cell stored
 * as a number, 1900 date system). Day first, always: Indonesian offices never write month first.
 */
public final class Dates {
    private static final Pattern NUMERIC = Pattern.compile("^(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{2}|\\d{4})$");
    private static final Pattern ISO = Pattern.compile("^(\\d{4})-(\\d{1,2})-(\\d{1,2})([ T].*)?$");
    private static final Pattern WORDS = Pattern.compile("^(\\d{1,2})[\\s-]+([\\p{L}]+)\\.?[\\s-]+(\\d{4})$");
    private static final Pattern SERIAL = Pattern.compile("^\\d{1,6}(\\.0+)?$");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("januari", 1), Map.entry("january", 1), Map.entry("jan", 1),
            Map.entry("februari", 2), Map.entry("pebruari", 2), Map.entry("february", 2), Map.entry("feb", 2),
            Map.entry("peb", 2),
            Map.entry("maret", 3), Map.entry("march", 3), Map.entry("mar", 3),
            Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("mei", 5), Map.entry("may", 5),
            Map.entry("juni", 6), Map.entry("june", 6), Map.entry("jun", 6),
            Map.entry("juli", 7), Map.entry("july", 7), Map.entry("jul", 7),
            Map.entry("agustus", 8), Map.entry("august", 8), Map.entry("agu", 8), Map.entry("agt", 8),
            Map.entry("ags", 8), Map.entry("agst", 8), Map.entry("aug", 8),
            Map.entry("september", 9), Map.entry("sep", 9), Map.entry("sept", 9),
            Map.entry("oktober", 10), Map.entry("october", 10), Map.entry("okt", 10), Map.entry("oct", 10),
            Map.entry("november", 11), Map.entry("nopember", 11), Map.entry("nov", 11), Map.entry("nop", 11),
            Map.entry("desember", 12), Map.entry("december", 12), Map.entry("des", 12), Map.entry("dec", 12));

    private Dates() {}

    /** The date in a cell; empty when blank or not a date (the caller refuses the row with the reason). */
    public static Optional<LocalDate> parse(RawCell cell) {
        if (cell.blank()) return Optional.empty();
        String s = cell.text().strip();
        if (cell.numeric() || SERIAL.matcher(s).matches()) return serial(s);
        return parse(s);
    }

    public static Optional<LocalDate> parse(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        String s = text.strip().replaceAll("\\s+", " ");
        try {
            Matcher m = NUMERIC.matcher(s);
            if (m.matches()) {
                int y = Integer.parseInt(m.group(3));
                if (m.group(3).length() == 2) y += y > 40 ? 1900 : 2000;
                return Optional.of(LocalDate.of(y, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
            }
            m = ISO.matcher(s);
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            }
            m = WORDS.matcher(s);
            if (m.matches()) {
                Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
                if (month == null) return Optional.empty();
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1))));
            }
            if (SERIAL.matcher(s).matches()) return serial(s);
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** An Excel serial (days since 1899-12-30 in the 1900 system); only 1900–2100 are taken as dates. */
    public static Optional<LocalDate> serial(String number) {
        try {
            double d = Double.parseDouble(number);
            long days = (long) Math.floor(d);
            if (days < 1 || days > 73050) return Optional.empty();
            return Optional.of(EXCEL_EPOCH.plusDays(days));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Excel serial of a date (for tests and report cells). */
    public static long toSerial(LocalDate d) {
        return java.time.temporal.ChronoUnit.DAYS.between(EXCEL_EPOCH, d);
    }

    /** Splits "Serang, 12 Maret 1980" (or "Serang 12-03-1980") into place and date text. */
    public static String[] splitPlaceDate(String text) {
        String s = text == null ? "" : text.strip();
        int comma = s.lastIndexOf(',');
        if (comma >= 0) return new String[] {s.substring(0, comma).strip(), s.substring(comma + 1).strip()};
        Matcher m = Pattern.compile("^(.*?)[\\s/]+(\\d{1,2}[\\s\\-/.].*)$").matcher(s);
        if (m.matches()) return new String[] {m.group(1).strip(), m.group(2).strip()};
        return new String[] {s, ""};
    }
}
