package id.lindungdesa.i18n;

import id.lindungdesa.domain.Labelled;
import id.lindungdesa.domain.Money;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** Rupiah and dates the way an Indonesian office writes them ("Rp16.200", "14 Desember 2025"). */
public final class Formats {
    private Formats() {}

    /** Rupiah through {@link Money#format(long, boolean)}: "Rp16.200" (Indonesian), "Rp16,200" (English). */
    public static String rupiah(long amount, Messages m) {
        return Money.format(amount, m.indonesian());
    }

    /** What the user reads when a typed amount is refused by {@link Money#parse}. */
    public static String moneyError(Money.NotMoneyException e) {
        return Messages.tr(e.key(), e.args().toArray());
    }

    public static String rupiah(long amount) {
        return rupiah(amount, Messages.current());
    }

    public static String date(LocalDate d, Messages m) {
        if (d == null) return "";
        return DateTimeFormatter.ofPattern("d MMMM yyyy", m.indonesian() ? Messages.INDONESIAN : Locale.UK).format(d);
    }

    public static String date(LocalDate d) {
        return date(d, Messages.current());
    }

    public static String dateTime(OffsetDateTime t, Messages m) {
        if (t == null) return "";
        return DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", m.indonesian() ? Messages.INDONESIAN : Locale.UK)
                .format(t.atZoneSameInstant(java.time.ZoneId.systemDefault()));
    }

    public static String percent(double fraction) {
        return String.format(Messages.current().indonesian() ? Messages.INDONESIAN : Locale.US, "%.1f%%",
                fraction * 100);
    }

    /** Short numeric date for forms: dd-MM-yyyy. */
    public static final DateTimeFormatter FORM_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    /**
     * Parses a date as a clerk types it: dd-MM-yyyy, dd/MM/yyyy, dd.MM.yyyy, ISO yyyy-MM-dd, or with the month
     * written out, Indonesian or English, short or long ("31 Okt 2026", "31 Oktober 2026", "31 Oct 2026").
     * Strict: 31-02-2025 is refused, not turned into 28 February.
     */
    public static Optional<LocalDate> parseFormDate(String s) {
        if (s == null || s.isBlank()) return Optional.empty();
        java.util.regex.Matcher named = NAMED_MONTH.matcher(s.strip());
        if (named.matches()) {
            Integer month = MONTHS.get(named.group(2).toLowerCase(Locale.ROOT));
            if (month == null) return Optional.empty();
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(named.group(3)), month,
                        Integer.parseInt(named.group(1))));
            } catch (java.time.DateTimeException e) {
                return Optional.empty();
            }
        }
        String t = s.strip().replace('/', '-').replace('.', '-');
        for (DateTimeFormatter f : new DateTimeFormatter[] {
                DateTimeFormatter.ofPattern("dd-MM-uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT),
                DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT),
                DateTimeFormatter.ISO_LOCAL_DATE}) {
            try {
                return Optional.of(LocalDate.parse(t, f));
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        return Optional.empty();
    }

    private static final java.util.regex.Pattern NAMED_MONTH =
            java.util.regex.Pattern.compile("(\\d{1,2})[\\s-]+(\\p{L}+)\\.?[\\s-]+(\\d{4})");
    /** Month names and abbreviations a clerk may type, lower case: Indonesian and English, long and short. */
    private static final java.util.Map<String, Integer> MONTHS = months();

    private static java.util.Map<String, Integer> months() {
        java.util.Map<String, Integer> m = new java.util.HashMap<>();
        for (Locale l : new Locale[] {Messages.INDONESIAN, Locale.ENGLISH, Locale.UK}) {
            for (java.time.Month mo : java.time.Month.values()) {
                for (java.time.format.TextStyle st : new java.time.format.TextStyle[] {
                        java.time.format.TextStyle.FULL, java.time.format.TextStyle.SHORT}) {
                    m.put(mo.getDisplayName(st, l).toLowerCase(Locale.ROOT).replace(".", ""), mo.getValue());
                }
            }
        }
        // Abbreviations used in Indonesian offices besides the CLDR ones.
        m.put("agt", 8);
        m.put("ags", 8);
        m.put("nop", 11);
        m.put("pebruari", 2);
        m.put("nopember", 11);
        return java.util.Map.copyOf(m);
    }

    /** A short date with its year, for tables: "27 Okt 2026" (English: "27 Oct 2026"). */
    public static String shortDate(LocalDate d, Messages m) {
        if (d == null) return "";
        return DateTimeFormatter.ofPattern("d MMM yyyy", m.indonesian() ? Messages.INDONESIAN : Locale.ENGLISH)
                .format(d);
    }

    public static String shortDate(LocalDate d) {
        return shortDate(d, Messages.current());
    }

    /** A month as read in charts and ledgers: "Okt 2026" (English: "Oct 2026"), never "2026-10". */
    public static String month(java.time.YearMonth ym, Messages m) {
        if (ym == null) return "";
        return DateTimeFormatter.ofPattern("MMM yyyy", m.indonesian() ? Messages.INDONESIAN : Locale.ENGLISH)
                .format(ym);
    }

    public static String month(java.time.YearMonth ym) {
        return month(ym, Messages.current());
    }

    /** Parses a month as typed: "Okt 2026", "Oktober 2026", "10-2026", "10/2026" or ISO "2026-10". */
    public static Optional<java.time.YearMonth> parseMonth(String s) {
        if (s == null || s.isBlank()) return Optional.empty();
        String t = s.strip();
        java.util.regex.Matcher named = java.util.regex.Pattern.compile("(\\p{L}+)\\.?[\\s-]+(\\d{4})").matcher(t);
        if (named.matches()) {
            Integer m = MONTHS.get(named.group(1).toLowerCase(Locale.ROOT));
            return m == null ? Optional.empty() : Optional.of(java.time.YearMonth.of(Integer.parseInt(named.group(2)), m));
        }
        java.util.regex.Matcher num = java.util.regex.Pattern.compile("(\\d{1,2})[-/.](\\d{4})").matcher(t);
        if (num.matches()) {
            int m = Integer.parseInt(num.group(1));
            return m < 1 || m > 12 ? Optional.empty() : Optional.of(java.time.YearMonth.of(Integer.parseInt(num.group(2)), m));
        }
        try {
            return Optional.of(java.time.YearMonth.parse(t));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A stored instant in the computer's local time, short month: "27 Okt 2026 14:05". */
    public static String localDateTime(java.time.Instant t, Messages m) {
        if (t == null) return "";
        return DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", m.indonesian() ? Messages.INDONESIAN : Locale.ENGLISH)
                .format(t.atZone(java.time.ZoneId.systemDefault()));
    }

    /** How a message argument is shown: dates and labels localised, the rest as is. */
    static Object display(Object o, Messages m) {
        if (o instanceof LocalDate d) return date(d, m);
        if (o instanceof OffsetDateTime t) return dateTime(t, m); // a moment: in the reader's language and zone
        if (o instanceof Labelled l) return l.label(m.indonesian());
        return o;
    }
}
