package id.lindungdesa.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.report.Exports;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.TestDb;
import id.lindungdesa.wiring.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

/** Issue 18 (freeze): coverage reports made while the province pack has expired carry the note with its date. */
class RefPackReportNoteTest {
    @TempDir
    Path dir;

    private static final String NOTE = "Data acuan provinsi kedaluwarsa sejak 18-03-2026, minta paket baru";

    @Test
    void thePdfAndSpreadsheetCarryTheExpiryNoteOnlyOnceThePackHasExpired() throws Exception {
        String words;
        try (Services prov = BundleKit.province(dir, "36");
             Services kab = BundleKit.district(dir, "36.04", 7)) {
            words = prov.bundles().keys().activeKey().orElseThrow().fingerprint();
            Path pack = prov.bundles().refpacks().export(dir.resolve("p.ldr"), BundleKit.PROV_PASS, "30d").file();
            kab.bundles().refpacks().importPack(pack, words, false);
            Exports ex = new Exports(kab);
            assertThat(pdfText(ex.monevPdf(dir.resolve("in-time.pdf"), BundleKit.TODAY, Progress.NONE)))
                    .doesNotContain("kedaluwarsa");
            assertThat(firstCells(ex.coverageXlsx(dir.resolve("in-time.xlsx"), BundleKit.TODAY, Progress.NONE)))
                    .doesNotContain("kedaluwarsa");
        }
        LocalDate later = LocalDate.of(2026, 4, 1);
        try (Services kab = TestDb.open(dir, "kab-36.04", later)) {
            Exports ex = new Exports(kab);
            // nothing stops working: both reports are made, and carry the note
            assertThat(pdfText(ex.monevPdf(dir.resolve("late.pdf"), later, Progress.NONE))).contains(NOTE);
            assertThat(firstCells(ex.coverageXlsx(dir.resolve("late.xlsx"), later, Progress.NONE))).contains(NOTE);
        }
    }

    private static String pdfText(Path f) throws Exception {
        PdfReader reader = new PdfReader(Files.readAllBytes(f));
        StringBuilder text = new StringBuilder();
        PdfTextExtractor ex = new PdfTextExtractor(reader);
        for (int p = 1; p <= reader.getNumberOfPages(); p++) text.append(ex.getTextFromPage(p)).append('\n');
        reader.close();
        return text.toString().replaceAll("\\s+", " ");
    }

    private static String firstCells(Path f) throws Exception {
        try (ReadableWorkbook wb = new ReadableWorkbook(f.toFile())) {
            StringBuilder b = new StringBuilder();
            for (Row r : wb.getFirstSheet().read()) {
                if (r.getCellCount() > 0) b.append(r.getCellText(0)).append('\n');
            }
            return b.toString();
        }
    }
}
