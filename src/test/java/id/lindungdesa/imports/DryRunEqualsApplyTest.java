package id.lindungdesa.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.Nik;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Segment;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.report.Exports;
import id.lindungdesa.service.EnrolmentService;
import id.lindungdesa.service.RosterService;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.service.ValidationException;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.TestDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 items 5 and 6: the dry run checks every column limit the apply would hit (row number and message),
 * so an apply saves exactly the rows the dry run accepted; implausible wages and birth years are refused with the
 * range in the import and in the services (the forms' and the CLI's path); hidden characters are removed from
 * names and shown in the report; text starting with = + - @ is written to XLSX as text.
 */
class DryRunEqualsApplyTest {
    static final LocalDate TODAY = LocalDate.of(2026, 2, 2);
    static final String HEADER = "NIK;Nama;Tempat Lahir;Tanggal Lahir;No HP;Jabatan;Desa;Kecamatan;No SK;TMT Jabatan;"
            + "No KPJ;Upah\r\n";

    @TempDir
    Path dir;
    Services s;

    @BeforeEach
    void setUp() {
        Messages.setCurrent(Messages.INDONESIAN);
        s = TestDb.open(dir, TODAY);
        Sheets.district(s);
    }

    @AfterEach
    void tearDown() {
        s.close();
    }

    static String nik(int serial) {
        return Nik.compose("360401", LocalDate.of(1980, 3, 12), Sex.L, serial);
    }

    static String line(int serial, String name, String place, String birth, String phone, String sk, String wage) {
        return String.join(";", nik(serial), name, place, birth, phone, "Kader Posyandu", "Mekarsari", "Cikande", sk,
                "12-03-2022", wage.isEmpty() ? "" : "1234567" + String.format("%04d", serial), wage) + "\r\n";
    }

    long people() {
        return s.stats().stats(TODAY).people();
    }

    Map<Integer, RowResult> byRow(DryRun run) {
        return run.rows().stream().collect(Collectors.toMap(RowResult::row, Function.identity()));
    }

    @Test
    void everyColumnLimitIsFoundByTheDryRunAndTheApplySavesTheValidRows() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 14; i++) {
            csv.append(line(i, "Kader Nomor " + i, "Serang", "12-03-1980", "08123456789", "141/" + i, ""));
        }
        csv.append(line(15, "N".repeat(201), "Serang", "12-03-1980", "", "", ""));        // row 16
        csv.append(line(16, "Panjang Tempat", "T".repeat(101), "12-03-1980", "", "", "")); // row 17
        csv.append(line(17, "Panjang Telepon", "Serang", "12-03-1980", "0".repeat(33), "", "")); // row 18
        csv.append(line(18, "Panjang SK", "Serang", "12-03-1980", "", "S".repeat(121), "")); // row 19
        Path file = dir.resolve("panjang.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        DryRun run = s.imports().dryRun(file, null, Progress.NONE);
        assertThat(run.count(RowClass.NEW)).isEqualTo(14);
        assertThat(run.count(RowClass.REFUSED)).isEqualTo(4);
        Map<Integer, RowResult> r = byRow(run);
        Messages m = Messages.current();
        assertThat(r.get(16).problemsText(m)).isEqualTo(
                "Nama: Terlalu panjang: 201 karakter, paling banyak 200 (batas kolom di basis data). Perpendek isinya.");
        assertThat(r.get(17).problemsText(m)).startsWith("Tempat Lahir: Terlalu panjang: 101 karakter, paling banyak 100");
        assertThat(r.get(18).problemsText(m)).startsWith("No HP: Terlalu panjang: 33 karakter, paling banyak 32");
        assertThat(r.get(19).problemsText(m)).startsWith("No SK: Terlalu panjang: 121 karakter, paling banyak 120");

        Receipt receipt = s.imports().apply(run, Progress.NONE);
        assertThat(receipt.created()).isEqualTo(14);
        assertThat(receipt.refused()).isEqualTo(4);
        assertThat(people()).isEqualTo(14);
    }

    @Test
    void implausibleWagesAndBirthYearsAreRefusedWithTheRangeAndHiddenCharactersAreRemovedAndShown() throws Exception {
        String csv = HEADER
                + line(1, "Wajar Sekali", "Serang", "12-03-1980", "", "", "Rp 1.500.000")                 // row 2
                + line(2, "Upah Mustahil", "Serang", "12-03-1980", "", "", "999.999.999.999.999")    // row 3
                + line(3, "Lahir Kuno", "Serang", "12-03-1800", "", "", "")                              // row 4
                + line(4, "Budi\u202Eotnas\u200B Santoso\u0007", "Serang", "12-03-1980", "", "", "");   // row 5
        Path file = dir.resolve("mustahil.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        DryRun run = s.imports().dryRun(file, null, Progress.NONE);
        Map<Integer, RowResult> r = byRow(run);
        Messages m = Messages.current();
        assertThat(r.get(2).cls()).isEqualTo(RowClass.NEW);
        assertThat(r.get(3).cls()).isEqualTo(RowClass.REFUSED);
        assertThat(r.get(3).problemsText(m)).contains("Upah: Dasar upah Rp999.999.999.999.999 di luar rentang")
                .contains("Rp1 sampai Rp105.474.000");
        assertThat(r.get(4).cls()).isEqualTo(RowClass.REFUSED);
        assertThat(r.get(4).problemsText(m)).contains("Tahun lahir 1800 tidak masuk akal: paling awal tahun 1900");
        assertThat(r.get(5).cls()).isEqualTo(RowClass.NEW);
        assertThat(r.get(5).name()).isEqualTo("Budiotnas Santoso");
        assertThat(r.get(5).notesText(m)).contains("Nama: karakter tersembunyi dihapus")
                .contains("U+202E RIGHT-TO-LEFT OVERRIDE").contains("U+200B ZERO WIDTH SPACE").contains("U+0007");

        Path report = dir.resolve("laporan.xlsx");
        s.imports().writeReport(run, null, report);
        try (ReadableWorkbook wb = new ReadableWorkbook(report.toFile())) {
            var rows = wb.getSheets().toList().get(1).read();
            assertThat(rows.get(0).getCellText(9)).isEqualTo("Catatan");
            assertThat(rows.stream().filter(x -> x.getCellText(0).equals("5")).findFirst().orElseThrow()
                    .getCellText(9)).contains("U+202E");
        }

        s.imports().apply(run, Progress.NONE);
        assertThat(people()).isEqualTo(2);
        assertThat(s.roster().findByNik(nik(4)).getFirst().fullName()).isEqualTo("Budiotnas Santoso");
        assertThat(s.roster().findByNik(nik(2))).isEmpty();
        assertThat(s.roster().findByNik(nik(3))).isEmpty();
    }

    @Test
    void theServicesRefuseTheSameValuesForFormsAndTheCli() {
        long before = people();
        RosterService.NewPerson old = new RosterService.NewPerson(nik(9), "Lahir Kuno", Sex.L,
                LocalDate.of(1800, 3, 12), null, null, null, EmploymentStatus.NON_ASN, null);
        assertThatThrownBy(() -> s.roster().addPerson(old)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).anyMatch(f -> f.field().equals("birthDate")
                        && f.key().equals("person.error.birthYear")))
                .hasMessageContaining("Tahun lahir 1800 tidak masuk akal: paling awal tahun 1900");
        assertThatThrownBy(() -> s.roster().addPerson(new RosterService.NewPerson(nik(9), "N".repeat(201), Sex.L,
                LocalDate.of(1980, 3, 12), null, null, null, EmploymentStatus.NON_ASN, null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("fullName: Terlalu panjang: 201");
        assertThat(people()).isEqualTo(before);

        Person p = s.roster().addPerson(new RosterService.NewPerson(nik(9), "Siti\u202E Aminah\u200D", Sex.L,
                LocalDate.of(1980, 3, 12), null, null, null, EmploymentStatus.NON_ASN, null));
        assertThat(p.fullName()).isEqualTo("Siti Aminah");
        var wild = new EnrolmentService.NewEnrolment(p.id(), null, null, Segment.BPU,
                EnumSet.of(Programme.JKK, Programme.JKM), 1, 999_999_999_999_999_999L, FundingSource.APBD,
                EnrolmentState.REGISTERED, TODAY);
        assertThatThrownBy(() -> s.enrolments().enrol(wild)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("wageBase: Dasar upah Rp999.999.999.999.999.999 di luar rentang yang masuk akal:"
                        + " Rp1 sampai Rp105.474.000");
        assertThat(s.enrolments().enrolmentsOf(p.id())).isEmpty();
    }

    @Test
    void textStartingWithAFormulaSignIsWrittenToXlsxAsText() throws Exception {
        Person p = s.roster().addPerson(new RosterService.NewPerson(nik(7), "=HYPERLINK(\"http://x\",\"klik\")",
                Sex.L, LocalDate.of(1980, 3, 12), null, null, null, EmploymentStatus.NON_ASN, null));
        s.roster().appoint(new RosterService.NewPost(p.id(), "36.04.01.2002",
                id.lindungdesa.domain.Position.KADER_POSYANDU, null, "@SUM(A1)", null, LocalDate.of(2022, 3, 12),
                null));
        Path roster = new Exports(s).rosterXlsx(dir.resolve("aparat.xlsx"), TODAY, Progress.NONE);
        try (ReadableWorkbook wb = new ReadableWorkbook(roster.toFile())) {
            List<org.dhatim.fastexcel.reader.Cell> cells = wb.getFirstSheet().read().stream()
                    .flatMap(r -> r.stream()).filter(c -> c != null && c.getText() != null
                            && (c.getText().startsWith("=") || c.getText().startsWith("@"))).toList();
            assertThat(cells).isNotEmpty().allSatisfy(c -> assertThat(c.getType()).isEqualTo(CellType.STRING));
        }
    }
}
