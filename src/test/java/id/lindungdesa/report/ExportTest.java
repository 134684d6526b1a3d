package id.lindungdesa.report;

import static id.lindungdesa.service.ReportFixture.appoint;
import static id.lindungdesa.service.ReportFixture.enrolPu;
import static id.lindungdesa.service.ReportFixture.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.service.BudgetService;
import id.lindungdesa.service.ReportFixture;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.Progress;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

/** Generated spreadsheets read back and compared; the PDF's text extracted and checked; cancel leaves no file. */
class ExportTest {
    static final LocalDate TODAY = LocalDate.of(2026, 5, 4);
    static final String LORONG = "61.01.01.2001";

    @TempDir
    Path dir;
    Services s;

    @BeforeEach
    void setUp() {
        s = ReportFixture.sambas(dir, TODAY);
        var k = person(s, LORONG, Sex.L, LocalDate.of(1970, 1, 1), EmploymentStatus.NON_ASN);
        enrolPu(s, k, appoint(s, k, LORONG, Position.KEPALA_DESA, LocalDate.of(2020, 1, 1)), 3_000_000,
                FundingSource.APBD, LocalDate.of(2025, 1, 1));
        var sek = person(s, LORONG, Sex.P, LocalDate.of(1985, 2, 2), EmploymentStatus.NON_ASN);
        appoint(s, sek, LORONG, Position.SEKRETARIS_DESA, LocalDate.of(2021, 1, 1));
        s.targets().set("61.01", 2026, null, new BigDecimal("60.80"), "Provinsi");
    }

    @AfterEach
    void tearDown() {
        s.close();
    }

    static List<Row> rows(Path file, String sheet) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile())) {
            return wb.findSheet(sheet).orElseThrow().read();
        }
    }

    static Row row(List<Row> rows, String firstCell) {
        return rows.stream().filter(r -> r.getCellCount() > 0 && firstCell.equals(r.getCellText(0))).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + firstCell));
    }

    /** The row with 0-based index {@code n} as written. */
    static Row at(List<Row> rows, int n) {
        return rows.stream().filter(r -> r.getRowNum() == n + 1).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + n));
    }

    @Test
    void coverageWorkbookReadsBackAsTheReport() throws IOException {
        Path f = new Exports(s).coverageXlsx(dir.resolve("cakupan.xlsx"), TODAY, Progress.NONE);
        var summary = rows(f, "Ringkasan");
        assertThat(summary.getFirst().getCellText(0)).isEqualTo("Cakupan Kepesertaan BPJS Ketenagakerjaan Aparat Desa");
        Row kades = row(summary, "Kepala Desa");
        assertThat(kades.getCellAsNumber(1)).contains(BigDecimal.ONE);
        assertThat(kades.getCellAsNumber(2)).contains(BigDecimal.ONE);
        Row total = row(summary, "Jumlah");
        assertThat(total.getCellAsNumber(1).orElseThrow()).isEqualByComparingTo("1");
        assertThat(total.getCellAsNumber(2).orElseThrow()).isEqualByComparingTo("2");
        assertThat(total.getCellAsNumber(3).orElseThrow()).isEqualByComparingTo("50.00");
        assertThat(total.getCellAsNumber(4).orElseThrow()).isEqualByComparingTo("60.80");
        assertThat(total.getCellText(5)).isEqualTo("Tidak");
        assertThat(row(summary, "Belum mendaftarkan").getCellAsNumber(1).orElseThrow()).isEqualByComparingTo("2");

        var villages = rows(f, "Desa");
        Row lorong = row(villages, LORONG);
        assertThat(lorong.getCellText(1)).isEqualTo("Lorong");
        assertThat(lorong.getCellAsNumber(4).orElseThrow()).isEqualByComparingTo("50.00");
        assertThat(rows(f, "Kecamatan")).extracting(r -> r.getCellText(0)).contains("61.01.01", "61.01.02");
        assertThat(rows(f, "Tren")).hasSize(25);
        assertThat(at(rows(f, "Tren"), 24).getCellText(0)).isEqualTo("2026-05");
    }

    @Test
    void rosterAndBpjsListKeepNiksAsText() throws IOException {
        Path roster = new Exports(s).rosterXlsx(dir.resolve("aparat.xlsx"), TODAY, Progress.NONE);
        var rs = rows(roster, "Daftar Aparat");
        var nikCell = at(rs, 4).getCell(1);
        assertThat(nikCell.getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.STRING);
        assertThat(at(rs, 4).getCellText(1)).hasSize(16).startsWith("610101");
        assertThat(at(rs, 4).getCellText(5)).isEqualTo("Kepala Desa");
        assertThat(at(rs, 5).getCellText(5)).isEqualTo("Sekretaris Desa");
        assertThat(rs).noneMatch(r -> r.getRowNum() > 6);

        Path bpjs = new Exports(s).bpjsXlsx(dir.resolve("bpjs.xlsx"), TODAY, false, Progress.NONE);
        var bs = rows(bpjs, "Daftar Kolektif BPJS");
        // Only the not-yet-enrolled sekretaris desa, with the siltap as wage.
        assertThat(bs).noneMatch(r -> r.getRowNum() > 5);
        assertThat(at(bs, 4).getCellText(7)).isEqualTo("Sekretaris Desa");
        assertThat(at(bs, 4).getCellAsNumber(12).orElseThrow()).isEqualByComparingTo("2224420");
        assertThat(at(bs, 4).getCellText(15)).isEqualTo("Belum terdaftar");
    }

    @Test
    void budgetWorkbookHasExactRupiah() throws IOException {
        var add = new BudgetService.Scenario(List.of(new BudgetService.Addition(Category.BPD, 5,
                FundingSource.DANA_DESA, id.lindungdesa.domain.Segment.BPU, 1_000_000L)), false, List.of());
        Path f = new Exports(s).budgetXlsx(dir.resolve("anggaran.xlsx"), 2026, null, add, Progress.NONE);
        var b = rows(f, "Anggaran");
        Row kades = row(b, "Kepala Desa");
        assertThat(kades.getCellAsNumber(2).orElseThrow()).isEqualByComparingTo("1");
        assertThat(kades.getCellAsNumber(3).orElseThrow()).isEqualByComparingTo("16200");
        assertThat(kades.getCellAsNumber(5).orElseThrow()).isEqualByComparingTo("194400");
        // BPU on Rp1.000.000: JKK 10.000 + JKM 6.800 = 16.800 x 5 x 12 = 1.008.000 more.
        Row diff = row(rows(f, "Andai"), "Selisih dari anggaran saat ini");
        assertThat(diff.getCellAsNumber(5).orElseThrow()).isEqualByComparingTo("1008000");
    }

    @Test
    void monevPdfHasLetterheadTablesAndSignature() throws IOException {
        Path f = new Exports(s).monevPdf(dir.resolve("monev.pdf"), TODAY, Progress.NONE);
        PdfReader reader = new PdfReader(Files.readAllBytes(f));
        StringBuilder text = new StringBuilder();
        PdfTextExtractor ex = new PdfTextExtractor(reader);
        for (int p = 1; p <= reader.getNumberOfPages(); p++) text.append(ex.getTextFromPage(p)).append('\n');
        reader.close();
        String t = text.toString();
        assertThat(t).contains("PEMERINTAH KABUPATEN SAMBAS", "DINAS PEMBERDAYAAN MASYARAKAT DAN DESA",
                "LAPORAN MONITORING DAN EVALUASI", "4 Mei 2026", "Kepala Desa", "Perangkat Desa", "50,00%",
                "60,80%", "Teluk Keramat", "Rp194.400", "Sri Wahyuni", "Petugas Pengelola");
    }

    @Test
    void aCancelledExportLeavesNoFile() {
        Progress cancelled = new Progress() {
            @Override
            public void update(long done, long total, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        Path target = dir.resolve("batal.xlsx");
        assertThatThrownBy(() -> new Exports(s).coverageXlsx(target, TODAY, cancelled))
                .isInstanceOf(CancellationException.class);
        assertThat(target).doesNotExist();
        assertThat(dir.toFile().list((d, n) -> n.endsWith(".part"))).isEmpty();
    }
}
