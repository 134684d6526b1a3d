package id.lindungdesa.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NikTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void decodesAManBornIn1980() {
        Nik.Check c = Nik.check("3604051203800001", TODAY);
        assertThat(c.valid()).isTrue();
        assertThat(c.birthDate()).isEqualTo(LocalDate.of(1980, 3, 12));
        assertThat(c.sex()).isEqualTo(Sex.L);
        assertThat(c.regionPrefix()).isEqualTo("360405");
    }

    @Test
    void womenHaveFortyAddedToTheDay() {
        Nik.Check c = Nik.check("3604055203800002", TODAY);
        assertThat(c.valid()).isTrue();
        assertThat(c.birthDate()).isEqualTo(LocalDate.of(1980, 3, 12));
        assertThat(c.sex()).isEqualTo(Sex.P);
    }

    @Test
    void twoDigitYearsAfterThisYearAreInThe1900s() {
        assertThat(Nik.check("3604050101300001", TODAY).birthDate()).isEqualTo(LocalDate.of(1930, 1, 1));
        assertThat(Nik.check("3604050101050001", TODAY).birthDate()).isEqualTo(LocalDate.of(2005, 1, 1));
    }

    @Test
    void aPrefixThatIsNoLongerARegionIsAccepted() {
        assertThat(Nik.check("9999990101800001", TODAY).valid()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "'3.60405E+15', SCIENTIFIC_NOTATION",
        "'3,60405E+15', SCIENTIFIC_NOTATION",
        "'360405120380000', WRONG_LENGTH",
        "'36040512038000012', WRONG_LENGTH",
        "'36040512038O0001', NOT_DIGITS",
        "'3604053203800001', BAD_DATE",
        "'3604053102800001', BAD_DATE",
        "'3604057203800001', BAD_DATE",
        "'3604051213800001', BAD_DATE",
        "'0904051203800001', BAD_PROVINCE",
        "'3604051203800000', BAD_SERIAL",
        "'', EMPTY"
    })
    void refusesWithTheReason(String nik, Nik.Problem problem) {
        assertThat(Nik.check(nik, TODAY).problem()).isEqualTo(problem);
    }

    @Test
    void composeRoundTrips() {
        String nik = Nik.compose("360405", LocalDate.of(1975, 8, 17), Sex.P, 12);
        assertThat(nik).isEqualTo("3604055708750012");
        assertThat(Nik.check(nik, TODAY).sex()).isEqualTo(Sex.P);
    }
}
