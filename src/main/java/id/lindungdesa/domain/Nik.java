package id.lindungdesa.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * NIK (Nomor Induk Kependudukan): 16 digits = province(2) kabupaten(2) kecamatan(2) + birth date DDMMYY
 * (women: day + 40) + serial(4, from 0001). The region part is where the NIK was first issued and is never
 * checked against the current region list. Always a string.
 */
public final class Nik {
    private static final Pattern SCIENTIFIC = Pattern.compile("^\\s*\\d+([.,]\\d+)?\\s*[eE]\\s*\\+?\\d+\\s*$");
    private static final Pattern DIGITS16 = Pattern.compile("^\\d{16}$");

    private Nik() {}

    /** Why a NIK is refused; each has a message key in the i18n bundle. */
    public enum Problem {
        EMPTY, SCIENTIFIC_NOTATION, NOT_DIGITS, WRONG_LENGTH, BAD_PROVINCE, BAD_DATE, BAD_SERIAL
    }

    /** Result of checking a NIK: either valid with its decoded parts, or a problem. */
    public record Check(String nik, Problem problem, LocalDate birthDate, Sex sex, String regionPrefix) {
        public boolean valid() { return problem == null; }
    }

    /**
     * Checks a NIK as typed. {@code today} decides the century of the two-digit year
     * (a year after today's two digits is in the 1900s).
     */
    public static Check check(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) return fail(raw, Problem.EMPTY);
        String s = raw.strip();
        if (SCIENTIFIC.matcher(s).matches()) return fail(s, Problem.SCIENTIFIC_NOTATION);
        if (!s.chars().allMatch(Character::isDigit)) return fail(s, Problem.NOT_DIGITS);
        if (!DIGITS16.matcher(s).matches()) return fail(s, Problem.WRONG_LENGTH);
        int province = Integer.parseInt(s.substring(0, 2));
        if (province < 11) return fail(s, Problem.BAD_PROVINCE);
        int dd = Integer.parseInt(s.substring(6, 8));
        int mm = Integer.parseInt(s.substring(8, 10));
        int yy = Integer.parseInt(s.substring(10, 12));
        Sex sex = Sex.L;
        if (dd > 40) {
            dd -= 40;
            sex = Sex.P;
        }
        int century = yy > today.getYear() % 100 ? 1900 : 2000;
        LocalDate birth;
        try {
            birth = LocalDate.of(century + yy, mm, dd);
        } catch (DateTimeException e) {
            return fail(s, Problem.BAD_DATE);
        }
        if (birth.isAfter(today)) return fail(s, Problem.BAD_DATE);
        if (s.endsWith("0000")) return fail(s, Problem.BAD_SERIAL);
        return new Check(s, null, birth, sex, s.substring(0, 6));
    }

    /** Convenience: decoded birth date of a valid NIK. */
    public static Optional<LocalDate> birthDate(String nik, LocalDate today) {
        Check c = check(nik, today);
        return c.valid() ? Optional.of(c.birthDate()) : Optional.empty();
    }

    /** Builds a NIK from its parts (used by the demo generator and tests). */
    public static String compose(String regionPrefix6, LocalDate birth, Sex sex, int serial) {
        if (regionPrefix6.length() != 6) throw new IllegalArgumentException("region prefix must be 6 digits");
        int dd = birth.getDayOfMonth() + (sex == Sex.P ? 40 : 0);
        return regionPrefix6 + String.format("%02d%02d%02d%04d", dd, birth.getMonthValue(), birth.getYear() % 100, serial);
    }

    private static Check fail(String s, Problem p) {
        return new Check(s, p, null, null, null);
    }
}
