package id.lindungdesa.imports;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Sex;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The normalisers, on the forms offices actually type. */
class NormalisersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "12-03-1980|1980-03-12", "12/03/1980|1980-03-12", "12.03.1980|1980-03-12", "1980-03-12|1980-03-12",
        "12 Maret 1980|1980-03-12", "12 maret 1980|1980-03-12", "1 Agustus 2019|2019-08-01", "1 Agt 2019|2019-08-01",
        "5 Des 2020|2020-12-05", "7 Nopember 1975|1975-11-07", "12 March 1980|1980-03-12", "3-4-80|1980-04-03",
        "1980-03-12 00:00:00|1980-03-12", "29292|1980-03-12"})
    void datesInOfficeForms(String text, String iso) {
        assertThat(Dates.parse(RawCell.text(text))).contains(LocalDate.parse(iso));
    }

    @Test
    void excelSerialsAndNonsense() {
        assertThat(Dates.parse(new RawCell("29292", true))).contains(LocalDate.of(1980, 3, 12));
        assertThat(Dates.parse(new RawCell("43845.0", true))).contains(LocalDate.of(2020, 1, 15));
        assertThat(Dates.toSerial(LocalDate.of(1980, 3, 12))).isEqualTo(29292);
        assertThat(Dates.parse(RawCell.text("31-02-2020"))).isEmpty();
        assertThat(Dates.parse(RawCell.text("12 Maretan 1980"))).isEmpty();
        assertThat(Dates.parse(RawCell.text("kemarin"))).isEmpty();
        assertThat(Dates.splitPlaceDate("Serang, 12 Maret 1980")).containsExactly("Serang", "12 Maret 1980");
        assertThat(Dates.splitPlaceDate("Kab. Serang 12-03-1980")).containsExactly("Kab. Serang", "12-03-1980");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "Kepala Desa|KEPALA_DESA|-", "Kades|KEPALA_DESA|-", "Kuwu|KEPALA_DESA|-",
        "Pj. Kepala Desa|PJ_KEPALA_DESA|-", "Plt. Kades|PLT_KEPALA_DESA|-",
        "Sekdes|SEKRETARIS_DESA|-", "SEKRETARIS DESA|SEKRETARIS_DESA|-",
        "Kaur TU & Umum|KAUR_TU_UMUM|-", "Kaur Keu|KAUR_KEUANGAN|-", "Kaur Keuangan|KAUR_KEUANGAN|-",
        "Kaur Ren|KAUR_PERENCANAAN|-", "Kasi Pem|KASI_PEMERINTAHAN|-", "Kasi Kesra|KASI_KESEJAHTERAAN|-",
        "Kasi Pel.|KASI_PELAYANAN|-", "Kadus|KEPALA_DUSUN|-", "Kadus II|KEPALA_DUSUN|Dusun II",
        "Kepala Dusun Sukamaju|KEPALA_DUSUN|Dusun Sukamaju", "Ketua BPD|BPD_KETUA|-",
        "Wakil Ketua BPD|BPD_WAKIL_KETUA|-", "Sekretaris BPD|BPD_SEKRETARIS|-", "Anggota BPD|BPD_ANGGOTA|-",
        "Ketua RT 003|KETUA_RT|RT 003", "Ketua RT. 3 / RW. 1|KETUA_RT|RT 003 / RW 001", "RT 12|KETUA_RT|RT 012",
        "Ketua RW 01|KETUA_RW|RW 001", "Linmas|LINMAS_ANGGOTA|-", "Kasatlinmas|LINMAS_KEPALA_SATUAN|-",
        "Kader Posyandu|KADER_POSYANDU|-", "Ketua LPM|LPM_KETUA|-", "Bendahara LPMD|LPM_BENDAHARA|-"})
    void postNamesAndAbbreviations(String text, Position position, String unit) {
        assertThat(Posts.parse(text, null)).contains(new Posts.Parsed(position, unit));
    }

    @Test
    void unknownPostsAreNotGuessed() {
        assertThat(Posts.parse("Staf", null)).isEmpty();
        assertThat(Posts.parse("Kaur", null)).isEmpty();
        assertThat(Posts.parse("Ketua", null)).isEmpty();
        // A unit from its own column is kept.
        assertThat(Posts.parse("Kepala Dusun", "Dusun Cibadak")).contains(new Posts.Parsed(Position.KEPALA_DUSUN,
                "Dusun Cibadak"));
    }

    @Test
    void smallValues() {
        assertThat(Values.sex("Laki-laki")).contains(Sex.L);
        assertThat(Values.sex("P")).contains(Sex.P);
        assertThat(Values.sex("Wanita")).contains(Sex.P);
        assertThat(Values.sex("?")).isEmpty();
        assertThat(Values.rupiah(RawCell.text("Rp 2.022.200"))).contains(2_022_200L);
        assertThat(Values.rupiah(RawCell.text("2,022,200"))).contains(2_022_200L);
        assertThat(Values.rupiah(RawCell.text("2022200"))).contains(2_022_200L);
        assertThat(Values.rupiah(new RawCell("2022200.0", true))).contains(2_022_200L);
        assertThat(Values.rupiah(RawCell.text("dua juta"))).isEmpty();
        assertThat(Values.programmes("JKK, JKM, JHT")).contains(EnumSet.of(Programme.JKK, Programme.JKM,
                Programme.JHT));
        assertThat(Values.programmes("JKK+JKM")).contains(EnumSet.of(Programme.JKK, Programme.JKM));
        assertThat(Values.programmes("2 program")).contains(EnumSet.of(Programme.JKK, Programme.JKM));
        assertThat(Values.programmes("lengkap")).isEmpty();
        assertThat(Values.funding("APBDes")).contains(FundingSource.APBDES);
        assertThat(Values.funding("Dana Desa")).contains(FundingSource.DANA_DESA);
        assertThat(Values.status("Non Aktif")).contains(EnrolmentState.LAPSED);
        assertThat(Values.yes("\u2713")).contains(true);
    }

    @Test
    void headersInIndonesianAndEnglishAndTheirVariants() {
        assertThat(Field.recognise("Nama Lengkap")).isEqualTo(Field.NAME);
        assertThat(Field.recognise("NAMA")).isEqualTo(Field.NAME);
        assertThat(Field.recognise("No. KTP")).isEqualTo(Field.NIK);
        assertThat(Field.recognise("NIK")).isEqualTo(Field.NIK);
        assertThat(Field.recognise("L/P")).isEqualTo(Field.SEX);
        assertThat(Field.recognise("Tempat/Tgl. Lahir")).isEqualTo(Field.BIRTH_PLACE_DATE);
        assertThat(Field.recognise("Desa / Kelurahan")).isEqualTo(Field.VILLAGE);
        assertThat(Field.recognise("No KPJ")).isEqualTo(Field.KPJ);
        assertThat(Field.recognise("No. Peserta")).isEqualTo(Field.KPJ);
        assertThat(Field.recognise("Tgl SK")).isEqualTo(Field.SK_DATE);
        assertThat(Field.recognise("No SK")).isEqualTo(Field.SK_NUMBER);
        assertThat(Field.recognise("Siltap (Rp)")).isEqualTo(Field.WAGE);
        assertThat(Field.recognise("Dasar Upah")).isEqualTo(Field.WAGE);
        assertThat(Field.recognise("Sumber Dana")).isEqualTo(Field.FUNDING);
        assertThat(Field.recognise("Status Kepesertaan")).isEqualTo(Field.STATUS);
        assertThat(Field.recognise("Full name")).isEqualTo(Field.NAME);
        assertThat(Field.recognise("Village")).isEqualTo(Field.VILLAGE);
        assertThat(Field.recognise("Keterangan")).isNull();
    }

    @Test
    void villagesByNameWithOffersForTypos() {
        VillageMatcher m = new VillageMatcher(Sheets.regions(), Map.of());
        assertThat(m.find("DESA  Mekar-sari", null, null).code()).isEqualTo("36.04.01.2002");
        assertThat(m.find("tegalwangi", null, null).code()).isEqualTo("36.04.02.2002");
        assertThat(m.find("Kel. Kota Baru", null, null).code()).isEqualTo("36.04.02.1001");
        // Two Sukamaju: the kecamatan decides, or the row is refused as ambiguous.
        assertThat(m.find("Sukamaju", "Kec. Kibin", null).code()).isEqualTo("36.04.02.2001");
        assertThat(m.find("Sukamaju", null, null).problemKey()).isEqualTo("import.village.ambiguous");
        // A typo: offered, not taken.
        VillageMatcher.Match typo = m.find("Mekarsar", null, null);
        assertThat(typo.found()).isFalse();
        assertThat(typo.suggestion().code()).isEqualTo("36.04.01.2002");
        assertThat(m.find("Jakarta", null, null).suggestion()).isNull();
        // Confirmed by the user (in the wizard or the mapping file).
        VillageMatcher confirmed = new VillageMatcher(Sheets.regions(), Map.of("Mekarsar", "36.04.01.2002"));
        assertThat(confirmed.find("Mekarsar", null, null).code()).isEqualTo("36.04.01.2002");
        // By code, with or without dots.
        assertThat(m.find(null, null, "3604012001").code()).isEqualTo("36.04.01.2001");
    }

    @Test
    void headerRowIsFoundBelowTheTitleBlock() {
        SheetData sheet = new SheetData("f", "s", List.of("s"), List.of(
                row(1, "DAFTAR APARAT DESA", "", ""),
                row(2, "KECAMATAN CIKANDE", "", ""),
                row(3, "", "", ""),
                row(4, "No", "Nama", "NIK", "Jabatan"),
                row(5, "1", "2", "3", "4"),
                row(6, "1", "Budi", "3604011203800001", "Sekdes")), null, null);
        assertThat(RosterImportService.detectHeaderRow(sheet)).isEqualTo(4);
        ColumnMapping m = ColumnMapping.guess(RosterImportService.headers(sheet, 4));
        // The row numbering the columns (1, 2, 3, 4) is not data.
        assertThat(RosterImportService.dataRows(sheet, 4, m)).extracting(SheetData.Row::number).containsExactly(6);
    }

    private static SheetData.Row row(int n, String... cells) {
        return new SheetData.Row(n, java.util.Arrays.stream(cells).map(RawCell::text).toList());
    }
}
