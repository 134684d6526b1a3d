package id.lindungdesa.domain;

import java.time.LocalDate;

/**
 * The plausibility limits in force on a date (dated rows, {@code plausibility_limit}): a wage base within
 * [{@code wageMin}, {@code wageMax}] (the highest is a multiple of the JP wage cap) and a birth year from
 * {@code birthYearMin}. Values beyond them are refused with the range (issue 12 item 6).
 */
public record Plausibility(LocalDate on, long wageMin, long wageMax, int birthYearMin) {
    /** Used when a database has no limits yet (never after migration V65). */
    public static Plausibility fallback(LocalDate on) {
        return new Plausibility(on, 1, 105_474_000L, 1900);
    }

    public boolean wageOk(long wage) {
        return wage >= wageMin && wage <= wageMax;
    }

    public boolean birthOk(LocalDate birth) {
        return birth == null || birth.getYear() >= birthYearMin;
    }
}
