package id.lindungdesa.report;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.BudgetService;
import id.lindungdesa.service.ReportFixture;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.TestDb;
import id.lindungdesa.wiring.Services;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

/**
 * Issue 13 item 6, read from the PDF's text as a head of office reads the paper: Kabupaten Serang on 25 November
 * 2026 with its 326 kepala desa enrolled at Rp16.200 a month from 1 November 2026, November paid.
 */
class SignedReportPdfTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @TempDir
    Path dir;
    Services s;

    @BeforeEach
    void setUp() {
        s = TestDb.open(dir, TODAY);
        ReportFixture.serangRegions(s);
        ReportFixture.serangKepalaDesa(s, LocalDate.of(2026, 11, 1));
        s.targets().set("36.04", 2026, null, new BigDecimal("60.80"), "Provinsi Banten");
        s.ledger().recordPayment(YearMonth.of(2026, 11), FundingSource.APBD, "36.04", 5_281_200L,
                LocalDate.of(2026, 11, 20), "SP2D November");
    }

    @AfterEach
    void tearDown() {
        s.close();
    }

    /** The text of each page. */
    static List<String> pages(Path pdf) throws IOException {
        PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
        try {
            PdfTextExtractor ex = new PdfTextExtractor(reader);
            List<String> out = new ArrayList<>();
            for (int p = 1; p <= reader.getNumberOfPages(); p++) out.add(ex.getTextFromPage(p));
            return out;
        } finally {
            reader.close();
        }
    }

    static int pageOf(List<String> pages, String text) {
        for (int i = 0; i < pages.size(); i++) if (pages.get(i).contains(text)) return i;
        throw new AssertionError("\"" + text + "\" is on no page:\n" + String.join("\n----\n", pages));
    }

    /** The line of the page text that starts with {@code start}. */
    static String line(String text, String start) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with " + start + " in\n" + text));
    }

    @Test
    void theBudgetPdfIsABudgetForTheWholeYearWithPaidAndRemainingFromTheLedger() throws IOException {
        Path f = new Exports(s).budgetPdf(dir.resolve("anggaran-2026.pdf"), 2026, null, BudgetService.Scenario.NONE,
                Progress.NONE);
        String t = String.join("\n", pages(f));
        assertThat(t).contains("ANGGARAN IURAN BPJS KETENAGAKERJAAN APARAT DESA TAHUN 2026")
                .doesNotContain("LAPORAN MONITORING DAN EVALUASI");
        // 326 x Rp16.200 x 12 = Rp63.374.400 (domain.md), not the one or two months since enrolment.
        assertThat(line(t, "Kepala Desa")).contains("APBD", "326", "Rp16.200", "12", "Rp63.374.400");
        assertThat(line(t, "Anggaran setahun 2026")).contains("Rp63.374.400");
        assertThat(line(t, "Sudah dibayar")).contains("25 November 2026", "Rp5.281.200");
        assertThat(line(t, "Sisa anggaran")).contains("Rp58.093.200");
    }

    @Test
    void aPastYearIsTheBudgetAsComputedWithoutLedgerLines() throws IOException {
        Path f = new Exports(s).budgetPdf(dir.resolve("anggaran-2025.pdf"), 2025, null, BudgetService.Scenario.NONE,
                Progress.NONE);
        String t = String.join("\n", pages(f));
        assertThat(t).contains("TAHUN 2025").doesNotContain("Sudah dibayar").doesNotContain("Sisa anggaran");
    }

    @Test
    void theRecapitulationKeepsHeadingsWithTheirContentAndReadsLikeAnOfficeReport() throws IOException {
        // Three more kepala desa lists: 1.304 office-holders, so that counts need a thousands separator.
        ReportFixture.serangKepalaDesa(s, LocalDate.of(2026, 11, 1));
        ReportFixture.serangKepalaDesa(s, LocalDate.of(2026, 11, 1));
        ReportFixture.serangKepalaDesa(s, LocalDate.of(2026, 11, 1));
        Path f = new Exports(s).monevPdf(dir.resolve("rekap.pdf"), TODAY, Progress.NONE);
        List<String> pages = pages(f);
        String all = String.join("\n", pages);

        // Counts with thousands separators; the category's target column shows the province's target.
        assertThat(line(all, "Kepala Desa")).contains("1.304", "100,00%", "60,80%", "Ya");
        assertThat(line(all, "Jumlah 1.304")).contains("60,80%");

        // Every header word whole: no "Belum mendaftark / an", "Terlindung / i" split over two lines.
        Messages m = new Messages(Messages.INDONESIAN);
        for (String key : List.of("report.villages.none", "report.villages.some", "report.villages.full",
                "report.col.covered", "report.col.eligible", "report.col.headcount", "report.col.monthly",
                "report.col.meets")) {
            for (String word : m.get(key).split("\\s+")) {
                assertThat(all.split("\\s+")).as("the header word %s of %s", word, key).contains(word);
            }
        }
        assertThat(all).doesNotContainPattern("mendaftark\\s*\\R\\s*an");

        // Headings stay with what they head: the trend chart's heading is on the page of the chart's own text, and
        // no page ends with a heading.
        for (String heading : List.of("A. Cakupan per Kategori", "Grafik Cakupan per Kategori",
                "Grafik Tren Cakupan 24 Bulan", "B. Cakupan per Kecamatan", "Grafik Cakupan per Kecamatan",
                "Anggaran Iuran BPJS Ketenagakerjaan Tahun 2026")) {
            String page = pages.get(pageOf(pages, heading));
            String after = page.substring(page.indexOf(heading) + heading.length()).strip();
            assertThat(after).as("what follows \"%s\" on its page", heading).isNotEmpty();
        }
        assertThat(pageOf(pages, "B. Cakupan per Kecamatan")).isEqualTo(pageOf(pages, "Kecamatan 1"));

        // The budget appendix is one table on one page: heading, lines, whole year, paid, remaining.
        int budget = pageOf(pages, "Anggaran Iuran BPJS Ketenagakerjaan Tahun 2026");
        assertThat(pages.get(budget)).contains("Anggaran setahun 2026", "Sudah dibayar", "Sisa anggaran");
        assertThat(line(all, "Anggaran setahun 2026")).contains("Rp253.497.600"); // 1.304 x 16.200 x 12
    }

    @Test
    void columnsAreWideEnoughForTheirLongestWord() throws Exception {
        MonevPdf pdf = MonevPdf.indonesian();
        // Narrow weights: spread by weight alone the three count columns would get 33 pt each, less than a word.
        float[] w = pdf.widths(499, new float[] {6f, 0.5f, 0.5f, 0.5f}, List.of(
                new String[] {"Kecamatan", "Belum mendaftarkan", "Sebagian terdaftar", "Seluruhnya terlindungi"},
                new String[] {"Kecamatan Sangat Panjang Sekali", "1.234", "5", "6"}));
        assertThat(w[0] + w[1] + w[2] + w[3]).isCloseTo(499f, org.assertj.core.data.Offset.offset(0.5f));
        var bold = org.openpdf.text.pdf.BaseFont.createFont(org.openpdf.text.pdf.BaseFont.HELVETICA_BOLD,
                org.openpdf.text.pdf.BaseFont.WINANSI, false);
        assertThat(w[1]).isGreaterThanOrEqualTo(bold.getWidthPoint("mendaftarkan", 8.5f) + 6);
        assertThat(w[2]).isGreaterThanOrEqualTo(bold.getWidthPoint("terdaftar", 8.5f) + 6);
        assertThat(w[3]).isGreaterThanOrEqualTo(bold.getWidthPoint("terlindungi", 8.5f) + 6);
        assertThat(w[0]).isGreaterThan(w[1]);
    }
}
