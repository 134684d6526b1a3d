package id.lindungdesa.bundle;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a bundle reports: a calendar quarter ("2026-Q1", 1 January to 31 March). Districts report once a
 * quarter; the province dashboard shows who has not reported for the current one.
 */
public record Period(String label, LocalDate from, LocalDate to) {
    private static final Pattern LABEL = Pattern.compile("(\\d{4})-Q([1-4])");

    public static Period containing(LocalDate d) {
        int q = (d.getMonthValue() - 1) / 3 + 1;
        return of(d.getYear(), q);
    }

    public static Period of(int year, int quarter) {
        LocalDate from = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        return new Period(year + "-Q" + quarter, from, from.plusMonths(3).minusDays(1));
    }

    /** Parses "2026-Q1"; throws IllegalArgumentException otherwise. */
    public static Period parse(String label) {
        Matcher m = LABEL.matcher(label == null ? "" : label.strip());
        if (!m.matches()) throw new IllegalArgumentException(label);
        return of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
}
