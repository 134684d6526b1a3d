package id.lindungdesa.cli;

import id.lindungdesa.domain.Region;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import java.time.LocalDate;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli type converters for what the commands take: dates, region codes and rupiah amounts. */
final class Converters {
    private Converters() {}

    /**
     * A value refused as input (exit 1, like the services' own refusals), not a usage error (exit 2): region codes,
     * which the services used to check themselves.
     */
    static final class Refused extends TypeConversionException {
        Refused(String message) {
            super(message);
        }
    }

    /** A date as ISO {@code 2026-03-31} (as always) or as the office writes it: {@code 31-03-2026}, {@code 31/03/2026}. */
    static final class Date implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            return parse(value);
        }

        static LocalDate parse(String value) {
            return Formats.parseFormDate(value)
                    .orElseThrow(() -> new TypeConversionException(Messages.tr("cli.error.date", value)));
        }
    }

    /** A Kemendagri region code such as {@code 36.04} or {@code 36.04.01.2001}. */
    static final class RegionCode implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String v = value.strip();
            if (!Region.isValidCode(v)) throw new Refused(Messages.tr("cli.error.regionCode", value));
            return v;
        }
    }

    /**
     * Whole rupiah: {@code 2022200}, {@code 2.022.200}, {@code Rp2.022.200}, {@code 2.022.200,00}. Written against the
     * rupiah rules of {@link id.lindungdesa.domain.Money}.
     */
    static final class Rupiah implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return parse(value);
        }

        static long parse(String value) {
            try {
                return id.lindungdesa.domain.Money.parse(value == null ? "" : value).rupiah();
            } catch (id.lindungdesa.domain.Money.NotMoneyException e) {
                throw new TypeConversionException(Messages.tr("cli.error.rupiah", value));
            }
        }
    }
}
