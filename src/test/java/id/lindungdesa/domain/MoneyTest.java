package id.lindungdesa.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One way to read and write rupiah: what every form, import, CLI option and report accepts and refuses. */
class MoneyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Rp2.000|2000", "Rp 2.000|2000", "rp. 2.000|2000", "2.000|2000", "2000|2000", "2.000,00|2000",
        "2000,00|2000", "2.000,0|2000", "Rp 2.022.200|2022200", "2,022,200|2022200", "2022200.00|2022200",
        "  Rp\u00a02.000  |2000", "0|0", "2.000.000|2000000", "999999999999999|999999999999999"})
    void accepts(String text, long rupiah) {
        assertThat(Money.parse(text).rupiah()).isEqualTo(rupiah);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2,5 juta|money.error.words", "dua juta|money.error.words", "2 rb|money.error.words",
        "2.000,50|money.error.notWhole", "2,5|money.error.notWhole", "2000.5|money.error.notWhole",
        "2,000|money.error.ambiguous", "-2.000|money.error.negative", "2.000.00|money.error.format",
        "2..000|money.error.format", "20.00.000|money.error.format", "1234567890123456|money.error.tooLarge"})
    void refusesWithAMessageKey(String text, String key) {
        assertThatThrownBy(() -> Money.parse(text)).isInstanceOfSatisfying(Money.NotMoneyException.class,
                e -> assertThat(e.key()).isEqualTo(key));
    }

    @Test
    void theRefusalReadsAsAMessageInBothLanguages() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(Money.NotMoneyException.class,
                () -> Money.parse("2,5 juta"));
        assertThat(new Messages(Messages.INDONESIAN).get(e.key(), e.args().toArray())).contains("2,5 juta")
                .contains("2.500.000");
        assertThat(new Messages(Messages.ENGLISH).get(e.key(), e.args().toArray())).contains("2,5 juta")
                .contains("whole number");
    }

    @Test
    void blankIsEmptyOnlyWhereOptional() {
        assertThat(Money.parseOptional(" ")).isEmpty();
        assertThat(Money.tryParse("2,5 juta")).isEmpty();
        assertThatThrownBy(() -> Money.parse("")).isInstanceOfSatisfying(Money.NotMoneyException.class,
                e -> assertThat(e.key()).isEqualTo("money.error.empty"));
    }

    @Test
    void spreadsheetNumbersMustBeWhole() {
        assertThat(Money.of(new BigDecimal("2022200.0")).rupiah()).isEqualTo(2_022_200);
        assertThatThrownBy(() -> Money.of(new BigDecimal("2022200.4"))).isInstanceOf(Money.NotMoneyException.class);
    }

    @Test
    void formatsTheWayAnOfficeWritesIt() {
        assertThat(Money.format(16_200, true)).isEqualTo("Rp16.200");
        assertThat(Money.format(16_200, false)).isEqualTo("Rp16,200");
        assertThat(Money.format(-5_281_200, true)).isEqualTo("-Rp5.281.200");
        assertThat(Formats.rupiah(2_022_200)).isEqualTo(Money.format(2_022_200, Messages.current().indonesian()));
        // what is written is read back
        assertThat(Money.parse(Money.format(63_374_400, true)).rupiah()).isEqualTo(63_374_400);
    }
}
