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

    /** Parses dd-MM-yyyy, dd/MM/yyyy or ISO yyyy-MM-dd as typed into a form. */
    public static Optional<LocalDate> parseFormDate(String s) {
        if (s == null || s.isBlank()) return Optional.empty();
        String t = s.strip().replace('/', '-').replace('.', '-');
        // Strict: 31-02-2025 is refused, not turned into 28 February.
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

    /** How a message argument is shown: dates and labels localised, the rest as is. */
    static Object display(Object o, Messages m) {
        if (o instanceof LocalDate d) return date(d, m);
        if (o instanceof Labelled l) return l.label(m.indonesian());
        return o;
    }
}
