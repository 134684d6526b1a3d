package id.lindungdesa.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Dates and months as clerks type and read them (issue 13, item 5). */
class FormDatesTest {
    static final LocalDate OCT31 = LocalDate.of(2026, 10, 31);

    @AfterEach
    void indonesian() {
        Messages.setCurrent(Messages.INDONESIAN);
    }

    @Test
    void everyFormAClerkTypesIsRead() {
        for (String s : new String[] {"31-10-2026", "31/10/2026", "31.10.2026", "31 Okt 2026", "31 okt 2026",
                "31 Oktober 2026", "31 Oct 2026", "31 October 2026", "2026-10-31", " 31-10-2026 ", "31-Okt-2026"}) {
            assertThat(Formats.parseFormDate(s)).as(s).contains(OCT31);
        }
        assertThat(Formats.parseFormDate("17 Agustus 2026")).contains(LocalDate.of(2026, 8, 17));
        assertThat(Formats.parseFormDate("17 Agt 2026")).contains(LocalDate.of(2026, 8, 17));
        assertThat(Formats.parseFormDate("1 Mei 2026")).contains(LocalDate.of(2026, 5, 1));
        assertThat(Formats.parseFormDate("5-3-2026")).contains(LocalDate.of(2026, 3, 5));
    }

    @Test
    void whatIsNotADateIsRefusedNotGuessed() {
        for (String s : new String[] {"31-02-2026", "31 Feb 2026", "32 Okt 2026", "31 Okto 2026", "10-31-2026",
                "Oktober", "31-10", "besok"}) {
            assertThat(Formats.parseFormDate(s)).as(s).isEmpty();
        }
    }

    @Test
    void tablesAndChartsShowTheYearAndAShortMonth() {
        Messages id = new Messages(Messages.INDONESIAN);
        Messages en = new Messages(Messages.ENGLISH);
        assertThat(Formats.shortDate(LocalDate.of(2026, 10, 27), id)).isEqualTo("27 Okt 2026");
        assertThat(Formats.shortDate(LocalDate.of(2026, 10, 27), en)).isEqualTo("27 Oct 2026");
        assertThat(Formats.month(YearMonth.of(2026, 10), id)).isEqualTo("Okt 2026");
        assertThat(Formats.month(YearMonth.of(2026, 9), en)).isEqualTo("Sep 2026");
        assertThat(Formats.FORM_DATE.format(OCT31)).isEqualTo("31-10-2026");
    }

    @Test
    void monthsAreReadAsWrittenOrAsNumbers() {
        for (String s : new String[] {"Okt 2026", "Oktober 2026", "Oct 2026", "10-2026", "10/2026", "2026-10"}) {
            assertThat(Formats.parseMonth(s)).as(s).contains(YearMonth.of(2026, 10));
        }
        assertThat(Formats.parseMonth("13-2026")).isEmpty();
        assertThat(Formats.parseMonth("Januari")).isEmpty();
    }
}
