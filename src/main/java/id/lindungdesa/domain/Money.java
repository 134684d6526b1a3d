package id.lindungdesa.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whole rupiah, parsed and formatted one way for every form, import, CLI option and report.
 *
 * <p>Accepted: {@code "Rp2.000"}, {@code "Rp 2.000"}, {@code "Rp. 2.000"}, {@code "2.000"}, {@code "2000"},
 * {@code "2.000,00"}, {@code "2000,00"}, {@code "2,022,200"} and {@code "2022200.00"} (as an English spreadsheet
 * writes them: two or more comma groups, or zero sen after a point). A dot followed by three digits always groups
 * thousands ({@code "2.000"} is two thousand). Refused with a message key, never guessed: words
 * ({@code "2,5 juta"}, {@code "dua juta"}), sen ({@code "2.000,50"}), negative amounts, ambiguous groupings
 * ({@code "2,000"}: two thousand or two?) and anything else ({@code "2.000.00"}, {@code "2..000"}).
 */
public record Money(long rupiah) {
    /** Fifteen digits: far above any budget, far below {@code Long.MAX_VALUE}. */
    public static final long MAX = 999_999_999_999_999L;

    private static final Pattern PREFIX = Pattern.compile("(?i)^rp\\.?\\s*");
    private static final Pattern WORDS = Pattern.compile("(?iu).*\\p{L}.*");
    private static final Pattern PLAIN = Pattern.compile("\\d+");
    private static final Pattern DOTS = Pattern.compile("\\d{1,3}(\\.\\d{3})+");
    private static final Pattern COMMAS = Pattern.compile("\\d{1,3}(,\\d{3}){2,}");
    private static final Pattern AMBIGUOUS = Pattern.compile("\\d{1,3},\\d{3}");
    private static final Pattern SEN_COMMA = Pattern.compile("(\\d+|\\d{1,3}(\\.\\d{3})+),(\\d{1,2})");
    private static final Pattern SEN_DOT = Pattern.compile("(\\d+|\\d{1,3}(,\\d{3})+)\\.(\\d{1,2})");

    public Money {
        if (rupiah < 0) throw new NotMoneyException("money.error.negative", String.valueOf(rupiah));
    }

    /**
     * Why a text is not an amount of rupiah: a message key (in the bundles) and its arguments. A
     * {@link NumberFormatException}, so code that reads other numbers in the same form can catch both at once.
     */
    public static final class NotMoneyException extends NumberFormatException {
        private final String key;
        private final List<Object> args;

        public NotMoneyException(String key, Object... args) {
            super(key + " " + List.of(args));
            this.key = key;
            this.args = List.of(args);
        }

        /** The message key, e.g. {@code money.error.words}. */
        public String key() {
            return key;
        }

        public List<Object> args() {
            return args;
        }
    }

    /** Parses typed or imported text; refuses (with a key) what is not a plain whole amount. */
    public static Money parse(String text) {
        if (text == null || text.isBlank()) throw new NotMoneyException("money.error.empty");
        String shown = text.strip();
        String s = PREFIX.matcher(shown.replace('\u00a0', ' ')).replaceFirst("").replace(" ", "");
        if (s.startsWith("-")) throw new NotMoneyException("money.error.negative", shown);
        if (WORDS.matcher(s).matches()) throw new NotMoneyException("money.error.words", shown);
        String whole;
        if (PLAIN.matcher(s).matches()) {
            whole = s;
        } else if (DOTS.matcher(s).matches()) {
            whole = s.replace(".", "");
        } else if (COMMAS.matcher(s).matches()) {
            whole = s.replace(",", "");
        } else {
            var m = SEN_COMMA.matcher(s);
            var d = SEN_DOT.matcher(s);
            String intPart;
            String sen;
            if (m.matches()) {
                intPart = m.group(1).replace(".", "");
                sen = m.group(3);
            } else if (d.matches()) {
                intPart = d.group(1).replace(",", "");
                sen = d.group(3);
            } else if (AMBIGUOUS.matcher(s).matches()) {
                throw new NotMoneyException("money.error.ambiguous", shown);
            } else {
                throw new NotMoneyException("money.error.format", shown);
            }
            if (!sen.chars().allMatch(c -> c == '0')) throw new NotMoneyException("money.error.notWhole", shown);
            whole = intPart;
        }
        if (whole.length() > 15) throw new NotMoneyException("money.error.tooLarge", shown);
        return new Money(Long.parseLong(whole));
    }

    /** As {@link #parse}, empty for blank text. */
    public static Optional<Money> parseOptional(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(parse(text));
    }

    /** Whole rupiah of {@code text}, or empty when it is blank or not an amount (imports that report it later). */
    public static Optional<Long> tryParse(String text) {
        try {
            return Optional.of(parse(text).rupiah());
        } catch (NotMoneyException e) {
            return Optional.empty();
        }
    }

    /** A number from a spreadsheet's numeric cell: whole rupiah only. */
    public static Money of(BigDecimal amount) {
        BigDecimal whole;
        try {
            whole = amount.setScale(0, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new NotMoneyException("money.error.notWhole", amount.toPlainString());
        }
        if (whole.signum() < 0) throw new NotMoneyException("money.error.negative", amount.toPlainString());
        if (whole.compareTo(BigDecimal.valueOf(MAX)) > 0) {
            throw new NotMoneyException("money.error.tooLarge", amount.toPlainString());
        }
        return new Money(whole.longValueExact());
    }

    /** "Rp16.200" (Indonesian), "Rp16,200" (English); negative differences as "-Rp16.200". */
    public static String format(long rupiah, boolean indonesian) {
        DecimalFormatSymbols sym = DecimalFormatSymbols.getInstance(
                indonesian ? Locale.forLanguageTag("id-ID") : Locale.US);
        DecimalFormat f = new DecimalFormat("#,##0", sym);
        return (rupiah < 0 ? "-Rp" : "Rp") + f.format(Math.abs(rupiah));
    }

    public String format(boolean indonesian) {
        return format(rupiah, indonesian);
    }
}
