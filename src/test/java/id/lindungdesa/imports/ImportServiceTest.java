package id.lindungdesa.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.Nik;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.imports.Sheets.Day;
import id.lindungdesa.imports.Sheets.Num;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.Backend;
import id.lindungdesa.testing.DbDump;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Dry run and apply against a real H2 file and a PostgreSQL server (issue 16), with spreadsheets the tests write. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class ImportServiceTest {
    @Parameter
    Backend backend;

    static final LocalDate TODAY = LocalDate.of(2026, 2, 2);
    static final List<String> HEADER = List.of("No", "Nama Lengkap", "No. KTP", "L/P", "Tempat/Tgl Lahir", "Jabatan",
            "Desa", "Kecamatan", "No SK", "Tgl SK", "No KPJ", "Program", "Upah (Rp)", "Sumber Dana",
            "Status Kepesertaan");
    static final List<String> TITLES = List.of("DAFTAR APARAT DESA PESERTA BPJS KETENAGAKERJAAN",
            "KABUPATEN SERANG TAHUN 2025");

    static final String BUDI = Nik.compose("360401", LocalDate.of(1980, 3, 12), Sex.L, 1);
    static final String SITI = Nik.compose("360401", LocalDate.of(1985, 3, 12), Sex.P, 1);
    static final String ASEP = Nik.compose("360402", LocalDate.of(1979, 7, 1), Sex.L, 2);
    static final String DEDI = Nik.compose("360402", LocalDate.of(1970, 1, 5), Sex.L, 3);
    static final String EUIS = Nik.compose("360401", LocalDate.of(1990, 5, 5), Sex.P, 4);
    static final String UJANG = Nik.compose("360401", LocalDate.of(1991, 6, 6), Sex.L, 5);

    @TempDir
    Path dir;
    Services s;

    @BeforeEach
    void setUp() {
        Messages.setCurrent(Messages.INDONESIAN);
        s = backend.open(dir, TODAY);
        Sheets.district(s);
    }

    @AfterEach
    void tearDown() {
        if (s != null) s.close(); // null when the backend is skipped (no PostgreSQL server)
    }

    static List<Object> row(Object... cells) {
        return new ArrayList<>(java.util.Arrays.asList(cells));
    }

    /** The office's file: title block, Indonesian headers, mixed dates, and every kind of problem. */
    Path officeFile() throws Exception {
        return Sheets.xlsx(dir.resolve("aparat.xlsx"), "Aparat", TITLES, HEADER, List.of(
                row(1, "Budi Santoso", BUDI, "L", "Serang, 12 Maret 1980", "Sekdes", "Desa Sukamaju", "Cikande",
                        "141/12/Kep.Des/2020", new Day(LocalDate.of(2020, 1, 15)), "12345678901", "JKK, JKM",
                        "Rp 2.224.420", "APBD", "Aktif"),
                row(2, "Siti Aminah", SITI, "P", "Pandeglang, 12-03-1985", "Kaur Keu", "MEKARSARI", "Cikande",
                        "141/13/Kep.Des/2020", "01/02/2020", "12345678902", "JKK+JKM", new Num(2022200), "APBDes",
                        "Aktif"),
                row(3, "Asep Saepudin", ASEP, "L", "Serang, 1 Juli 1979", "Kadus II", "Tegal  wangi", "Kibin",
                        "141/14/Kep.Des/2019", "12 Maret 2019", null, null, null, null, null),
                row(4, "Dedi Kurnia", new Num(3.60405E15), "L", "Serang, 5 Januari 1970", "Kasi Pem", "Sukamaju",
                        "Kibin", "141/15/Kep.Des/2019", "12-03-2019", null, null, null, null, null),
                row(5, "Budi Hartono", BUDI, "L", "Serang, 2 Februari 1981", "Kaur Ren", "Sukamaju", "Cikande",
                        "141/16/Kep.Des/2021", "12-03-2021", null, null, null, null, null),
                row(6, "Euis Rohayati", EUIS, "P", "Serang, 5 Mei 1990", "Kasi Kesra", "Sukamju", "Cikande",
                        "141/17/Kep.Des/2021", "12-03-2021", null, null, null, null, null),
                row(7, "Ujang Sopian", UJANG, "L", "Serang, 6 Juni 1991", "Kasi Pelayanan", "Antah Berantah",
                        "Cikande", "141/18/Kep.Des/2021", "12-03-2021", null, null, null, null, null),
                row(8, "Dedi Kurnia", DEDI, "L", "Serang, 5 Januari 1970", "Ketua RT 003", "Sukamaju", "Kibin",
                        null, "12-03-2022", null, null, null, null, null),
                row(9, "Budi Santoso", BUDI, "L", "Serang, 12 Maret 1980", "Plt. Kades", "Desa Sukamaju", "Cikande",
                        "141/19/Kep.Des/2025", "1 Desember 2025", null, null, null, null, null),
                row(10, "Tanpa Nik", "360401120380001", "L", "Serang, 12 Maret 1980", "Anggota BPD", "Mekarsari",
                        "Cikande", null, "12-03-2022", null, null, null, null, null)));
    }

    private static Map<Integer, RowResult> byRow(DryRun run) {
        return run.rows().stream().collect(Collectors.toMap(RowResult::row, r -> r));
    }

    @Test
    void dryRunFindsTheHeaderBelowTheTitleAndClassifiesEveryRow() throws Exception {
        DryRun run = s.imports().dryRun(officeFile(), null, Progress.NONE);

        assertThat(run.headerRow()).isEqualTo(4);
        assertThat(run.rows()).hasSize(10);
        Map<Integer, RowResult> r = byRow(run);
        // Budi (Sekdes), Siti, Asep, Dedi as Ketua RT, Budi's second post (Plt kepala desa) are new.
        assertThat(r.get(5).cls()).isEqualTo(RowClass.NEW);
        assertThat(r.get(5).position()).isEqualTo(Position.SEKRETARIS_DESA);
        assertThat(r.get(5).villageCode()).isEqualTo("36.04.01.2001");
        assertThat(r.get(6).position()).isEqualTo(Position.KAUR_KEUANGAN);
        assertThat(r.get(6).villageCode()).isEqualTo("36.04.01.2002");
        assertThat(r.get(7).cls()).isEqualTo(RowClass.NEW);
        assertThat(r.get(7).position()).isEqualTo(Position.KEPALA_DUSUN);
        assertThat(r.get(7).villageCode()).isEqualTo("36.04.02.2002");
        assertThat(r.get(12).position()).isEqualTo(Position.KETUA_RT);
        assertThat(r.get(12).villageCode()).isEqualTo("36.04.02.2001");
        assertThat(r.get(13).cls()).isEqualTo(RowClass.NEW);
        assertThat(r.get(13).position()).isEqualTo(Position.PLT_KEPALA_DESA);

        // The scientific-notation NIK is refused for that row, naming the column and the reason.
        assertThat(r.get(8).cls()).isEqualTo(RowClass.REFUSED);
        assertThat(r.get(8).problems().getFirst().column()).isEqualTo("No. KTP");
        assertThat(r.get(8).problemsText(Messages.current())).contains("3.60405E+15");
        // Same NIK as row 5 with another name: refused, never overwriting row 5.
        assertThat(r.get(9).cls()).isEqualTo(RowClass.REFUSED);
        assertThat(r.get(9).problemsText(Messages.current())).contains("baris 5").contains("Budi Santoso");
        // A typo: the one close match is offered, not taken.
        assertThat(r.get(10).cls()).isEqualTo(RowClass.REFUSED);
        assertThat(r.get(10).suggestion().code()).isEqualTo("36.04.01.2001");
        assertThat(r.get(10).problemsText(Messages.current())).contains("Sukamju").contains("Sukamaju");
        // A village that does not exist.
        assertThat(r.get(11).cls()).isEqualTo(RowClass.REFUSED);
        assertThat(r.get(11).suggestion()).isNull();
        assertThat(r.get(11).problems().getFirst().column()).isEqualTo("Desa");
        // A NIK that lost a digit.
        assertThat(r.get(14).cls()).isEqualTo(RowClass.REFUSED);
        assertThat(r.get(14).problemsText(Messages.current())).contains("16 angka");

        assertThat(run.counts()).containsEntry(RowClass.NEW, 5).containsEntry(RowClass.REFUSED, 5)
                .containsEntry(RowClass.CHANGED, 0).containsEntry(RowClass.UNCHANGED, 0);
        // Nothing was written by the dry run.
        assertThat(s.roster().findByNik(BUDI)).isEmpty();
    }

    @Test
    void applyWritesTheAcceptedRowsOnceAndReimportChangesNothing() throws Exception {
        Path file = officeFile();
        DryRun run = s.imports().dryRun(file, null, Progress.NONE);
        long auditBefore = s.audit().count();
        Receipt receipt = s.imports().apply(run, Progress.NONE);

        assertThat(receipt.created()).isEqualTo(5);
        assertThat(receipt.refused()).isEqualTo(5);
        assertThat(receipt.peopleAdded()).isEqualTo(4);
        assertThat(receipt.postsAdded()).isEqualTo(5);
        assertThat(receipt.enrolmentsAdded()).isEqualTo(2);

        Person budi = s.roster().findByNik(BUDI).getFirst();
        assertThat(budi.fullName()).isEqualTo("Budi Santoso");
        assertThat(budi.birthDate()).isEqualTo(LocalDate.of(1980, 3, 12));
        assertThat(budi.birthPlace()).isEqualTo("Serang");
        assertThat(s.roster().postsOf(budi.id())).extracting(Post::position)
                .containsExactlyInAnyOrder(Position.SEKRETARIS_DESA, Position.PLT_KEPALA_DESA);
        Post sekdes = s.roster().postsOf(budi.id()).stream()
                .filter(p -> p.position() == Position.SEKRETARIS_DESA).findFirst().orElseThrow();
        assertThat(sekdes.skDate()).isEqualTo(LocalDate.of(2020, 1, 15));
        assertThat(sekdes.startDate()).isEqualTo(LocalDate.of(2020, 1, 15));
        Enrolment e = s.enrolments().enrolmentsOf(budi.id()).getFirst();
        assertThat(e.kpj()).isEqualTo("12345678901");
        assertThat(e.wageBase()).isEqualTo(2_224_420L);
        assertThat(e.programmes()).isEqualTo(EnumSet.of(Programme.JKK, Programme.JKM));
        assertThat(s.enrolments().stateOn(e.id(), TODAY)).contains(EnrolmentState.ACTIVE);

        Person siti = s.roster().findByNik(SITI).getFirst();
        assertThat(siti.sex()).isEqualTo(Sex.P);
        assertThat(s.roster().postsOf(siti.id()).getFirst().skDate()).isEqualTo(LocalDate.of(2020, 2, 1));
        Person asep = s.roster().findByNik(ASEP).getFirst();
        assertThat(s.roster().postsOf(asep.id()).getFirst().unitLabel()).isEqualTo("Dusun II");
        Person dedi = s.roster().findByNik(DEDI).getFirst();
        assertThat(s.roster().postsOf(dedi.id()).getFirst().unitLabel()).isEqualTo("RT 003");

        // One import-run entry in the audit trail, chained and verifiable.
        assertThat(s.audit().count()).isEqualTo(auditBefore + 1);
        assertThat(s.audit().verify()).isEmpty();

        // Re-importing the same file: everything unchanged or refused, and nothing is written.
        String before = DbDump.of(s);
        DryRun again = s.imports().dryRun(file, null, Progress.NONE);
        assertThat(again.counts()).containsEntry(RowClass.UNCHANGED, 5).containsEntry(RowClass.NEW, 0)
                .containsEntry(RowClass.CHANGED, 0).containsEntry(RowClass.REFUSED, 5);
        Receipt second = s.imports().apply(again, Progress.NONE);
        assertThat(second.applied()).isZero();
        assertThat(second.runId()).isNull();
        assertThat(s.audit().count()).isEqualTo(auditBefore + 1);
        assertThat(s.roster().postsOf(budi.id())).hasSize(2);
        assertThat(DbDump.of(s)).isEqualTo(before);
    }

    @Test
    void acceptingTheOfferedVillageImportsTheRow() throws Exception {
        DryRun run = s.imports().dryRun(officeFile(), null, Progress.NONE);
        RowResult typo = byRow(run).get(10);
        ColumnMapping m = run.mapping();
        m.confirmVillage(typo.suggestedFor(), typo.suggestion().code());
        DryRun again = s.imports().dryRun(run.file(), run.sheet(), run.headerRow(), m, Progress.NONE);
        RowResult fixed = byRow(again).get(10);
        assertThat(fixed.cls()).isEqualTo(RowClass.NEW);
        assertThat(fixed.villageCode()).isEqualTo("36.04.01.2001");
    }

    @Test
    void changedRowsNameTheirFieldsAndAreAudited() throws Exception {
        Path v1 = Sheets.xlsx(dir.resolve("v1.xlsx"), "Aparat", List.of(), HEADER, List.of(
                row(1, "Budi Santoso", BUDI, "L", "Serang, 12 Maret 1980", "Sekretaris Desa", "Sukamaju", "Cikande",
                        "141/12/Kep.Des/2020", "15-01-2020", "12345678901", "JKK, JKM", "2224420", "APBD", "Aktif"),
                row(2, "Siti Aminah", SITI, "P", "Pandeglang, 12-03-1985", "Kaur Keuangan", "Mekarsari", "Cikande",
                        "141/13/Kep.Des/2020", "01/02/2020", null, null, null, null, null)));
        s.imports().apply(s.imports().dryRun(v1, null, Progress.NONE), Progress.NONE);
        Path v2 = Sheets.xlsx(dir.resolve("v2.xlsx"), "Aparat", List.of(), HEADER, List.of(
                row(1, "Budi Santoso", BUDI, "L", "Serang, 12 Maret 1980", "Sekdes", "Sukamaju", "Cikande",
                        "141/99/Kep.Des/2020", "15-01-2020", "12345678901", "JKK, JKM, JHT", "2500000", "APBD",
                        "Nonaktif"),
                row(2, "Siti Aminah", SITI, "P", "Pandeglang, 12-03-1985", "Kaur Keu", "Mekarsari", "Cikande",
                        "141/13/Kep.Des/2020", "01/02/2020", null, null, null, null, null)));
        long audit = s.audit().count();
        DryRun run = s.imports().dryRun(v2, null, Progress.NONE);
        Map<Integer, RowResult> r = byRow(run);
        assertThat(r.get(2).cls()).isEqualTo(RowClass.CHANGED);
        assertThat(r.get(2).changes()).containsExactlyInAnyOrder("SK_NUMBER", "PROGRAMMES", "WAGE", "STATUS");
        assertThat(r.get(2).changesText(Messages.current())).contains("No SK").contains("Upah");
        assertThat(r.get(3).cls()).isEqualTo(RowClass.UNCHANGED);

        Receipt receipt = s.imports().apply(run, Progress.NONE);
        assertThat(receipt.changed()).isEqualTo(1);
        assertThat(receipt.unchanged()).isEqualTo(1);
        Person budi = s.roster().findByNik(BUDI).getFirst();
        assertThat(s.roster().postsOf(budi.id()).getFirst().skNumber()).isEqualTo("141/99/Kep.Des/2020");
        Enrolment e = s.enrolments().enrolmentsOf(budi.id()).getFirst();
        assertThat(e.wageBase()).isEqualTo(2_500_000L);
        assertThat(e.programmes()).contains(Programme.JHT);
        assertThat(s.enrolments().stateOn(e.id(), TODAY)).contains(EnrolmentState.LAPSED);
        // One before/after entry for the changed row and one for the import run.
        assertThat(s.audit().count()).isEqualTo(audit + 2);
        assertThat(s.audit().forPerson(budi.id()).getFirst().beforeJson()).contains("141/12/Kep.Des/2020");
        assertThat(s.audit().verify()).isEmpty();
        // And once more: nothing left to change.
        assertThat(s.imports().dryRun(v2, null, Progress.NONE).count(RowClass.UNCHANGED)).isEqualTo(2);
    }

    @Test
    void semicolonCsvInWindows1252IsReadWithItsAccents() throws Exception {
        String csv = "Daftar Kader dan Linmas Kecamatan Cikande;;;;;\r\n"
                + ";;;;;\r\n"
                + "NIK;Nama;Jabatan;Desa/Kelurahan;Kecamatan;TMT Jabatan;Upah\r\n"
                + "'" + EUIS + ";Euis Ma\u2019rifah;Kader Posyandu;ds. Mekarsari;Cikande;12/03/2022;Rp 1.000.000\r\n"
                + UJANG + ";Ujang Sop\u00e9an;Anggota Linmas;Kota Baru;Kibin;12-03-2022;\r\n";
        Path file = dir.resolve("kader.csv");
        Files.write(file, csv.getBytes(Charset.forName("windows-1252")));

        DryRun run = s.imports().dryRun(file, null, Progress.NONE);
        assertThat(run.sheet().charset()).isEqualTo("Windows-1252");
        assertThat(run.sheet().separator()).isEqualTo(';');
        assertThat(run.headerRow()).isEqualTo(3);
        Map<Integer, RowResult> r = byRow(run);
        // A NIK typed with a leading apostrophe (Excel's "as text") is not a NIK: refused.
        assertThat(r.get(4).cls()).isEqualTo(RowClass.REFUSED);
        assertThat(r.get(4).name()).isEqualTo("Euis Ma\u2019rifah");
        assertThat(r.get(5).cls()).isEqualTo(RowClass.NEW);
        assertThat(r.get(5).name()).isEqualTo("Ujang Sop\u00e9an");
        assertThat(r.get(5).position()).isEqualTo(Position.LINMAS_ANGGOTA);
        assertThat(r.get(5).villageCode()).isEqualTo("36.04.02.1001");
        s.imports().apply(run, Progress.NONE);
        assertThat(s.roster().findByNik(UJANG).getFirst().fullName()).isEqualTo("Ujang Sop\u00e9an");
    }

    @Test
    void utf8CsvWithCommasAndBom() throws Exception {
        String csv = "\uFEFFNo KTP,Nama Lengkap,Jabatan,Desa,Kecamatan,Tgl SK\n"
                + UJANG + ",\"Ujang, S.Pd.\",Anggota BPD,Tegal Wangi,Kibin,12 Agustus 2022\n";
        Path file = dir.resolve("bpd.csv");
        Files.writeString(file, csv);
        DryRun run = s.imports().dryRun(file, null, Progress.NONE);
        assertThat(run.sheet().charset()).isEqualTo("UTF-8");
        assertThat(run.rows()).singleElement().satisfies(r -> {
            assertThat(r.cls()).isEqualTo(RowClass.NEW);
            assertThat(r.name()).isEqualTo("Ujang, S.Pd.");
            assertThat(r.position()).isEqualTo(Position.BPD_ANGGOTA);
        });
    }

    @Test
    void aSecondSheetCanBeChosenAndAMappingSavedAndReused() throws Exception {
        Path file = dir.resolve("two.xlsx");
        try (var os = Files.newOutputStream(file); var wb = new org.dhatim.fastexcel.Workbook(os, "t", "1.0")) {
            var a = wb.newWorksheet("Petunjuk");
            a.value(0, 0, "Isi lembar kedua");
            var b = wb.newWorksheet("Data BPD");
            String[] h = {"Nomor Induk", "Nama Anggota", "Kedudukan", "Nama Desa", "Mulai"};
            for (int i = 0; i < h.length; i++) b.value(0, i, h[i]);
            b.inlineString(1, 0, UJANG);
            b.value(1, 1, "Ujang Sopian");
            b.value(1, 2, "Ketua BPD");
            b.value(1, 3, "Tegal Wangi");
            b.value(1, 4, "12-03-2022");
        }
        SheetData sheet = s.imports().read(file, "Data BPD");
        assertThat(sheet.sheetNames()).containsExactly("Petunjuk", "Data BPD");
        // The headers are unusual: nothing is recognised but the village, so the user maps them in the wizard.
        List<String> headers = RosterImportService.headers(sheet, 1);
        ColumnMapping m = ColumnMapping.guess(headers);
        m.set(Field.NIK, 0);
        m.set(Field.NAME, 1);
        m.set(Field.POSITION, 2);
        m.set(Field.START_DATE, 4);
        m.setSheet("Data BPD");
        m.setHeaderRow(1);
        Path saved = dir.resolve("bpd-mapping.json");
        m.save(saved, headers);

        DryRun run = s.imports().dryRun(file, ColumnMapping.load(saved), Progress.NONE);
        assertThat(run.sheet().sheetName()).isEqualTo("Data BPD");
        assertThat(run.rows()).singleElement().satisfies(r -> {
            assertThat(r.cls()).isEqualTo(RowClass.NEW);
            assertThat(r.position()).isEqualTo(Position.BPD_KETUA);
        });
    }

    @Test
    void theReportListsEveryRowWithItsClassAndReason() throws Exception {
        DryRun run = s.imports().dryRun(officeFile(), null, Progress.NONE);
        Path report = dir.resolve("laporan.xlsx");
        s.imports().writeReport(run, null, report);
        try (ReadableWorkbook wb = new ReadableWorkbook(report.toFile())) {
            var rows = wb.findSheet("Baris").orElseThrow().read();
            assertThat(rows).hasSize(11);
            var dedi = rows.stream().filter(x -> x.getCellText(0).equals("8")).findFirst().orElseThrow();
            assertThat(dedi.getCellText(1)).isEqualTo("Ditolak");
            assertThat(dedi.getCellText(7)).isEqualTo("No. KTP");
            assertThat(dedi.getCellText(8)).contains("3.60405E+15");
            var budi = rows.stream().filter(x -> x.getCellText(0).equals("5")).findFirst().orElseThrow();
            assertThat(budi.getCellText(1)).isEqualTo("Baru");
            assertThat(budi.getCellText(2)).isEqualTo(BUDI);
            var summary = wb.findSheet("Ringkasan").orElseThrow().read();
            assertThat(summary.stream().anyMatch(x -> x.getCellText(0).equals("Ditolak")
                    && x.getCellText(1).equals("5"))).isTrue();
        }
    }

    @Test
    void cancellingTheApplyLeavesNothingWritten() throws Exception {
        DryRun run = s.imports().dryRun(officeFile(), null, Progress.NONE);
        String before = DbDump.of(s);
        Progress cancelAfterClassifying = new Progress() {
            long reports;

            @Override
            public void update(long done, long total, String message) {
                reports++;
            }

            @Override
            public boolean isCancelled() {
                return reports >= 3;
            }
        };
        assertThatThrownBy(() -> s.imports().apply(run, cancelAfterClassifying))
                .isInstanceOf(CancellationException.class);
        assertThat(s.roster().findByNik(BUDI)).isEmpty();
        assertThat(s.roster().findByNik(SITI)).isEmpty();
        assertThat(DbDump.of(s)).isEqualTo(before);
    }

    @Test
    void aFileWithoutRecognisableHeadersSaysSo() throws Exception {
        Path file = Sheets.xlsx(dir.resolve("x.xlsx"), "S", List.of(), List.of("a", "b", "c"),
                List.of(row("1", "2", "3")));
        assertThatThrownBy(() -> s.imports().dryRun(file, null, Progress.NONE))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("Baris judul kolom tidak ditemukan");
        Path xls = dir.resolve("old.xls");
        Files.write(xls, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1});
        assertThatThrownBy(() -> s.imports().dryRun(xls, null, Progress.NONE))
                .isInstanceOf(ImportFileException.class).hasMessageContaining(".xlsx");
    }
}
