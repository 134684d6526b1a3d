package id.lindungdesa.imports;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.domain.Nik;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.testing.TestDb;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dry run streams: a 150,000-row CSV (150,000 different people) is dry-run by the real command line in a child
 * JVM whose heap is {@value #HEAP_MB} MB. Measured on this file: the previous dry run (the sheet's cells, every
 * parsed row, one result per row and the plan of writes) ran out of memory at 256 MB and needed 512 MB; the
 * streamed one keeps about 140 MB live at the end, nearly all of it the classifier's index of the people and posts
 * met in the file (duplicate and second-post checks), the rest counts and a sample of at most 1,000 rows a class.
 */
class StreamedDryRunMemoryTest {
    static final int ROWS = 150_000;
    static final int HEAP_MB = 256;

    @TempDir
    Path dir;

    @Test
    void aHundredFiftyThousandRowDryRunFitsInASmallHeapWithExactCounts() throws Exception {
        Messages.setCurrent(Messages.INDONESIAN);
        try (Services s = TestDb.open(dir, "kab", ImportServiceTest.TODAY)) {
            Sheets.district(s);
        }
        Path csv = dir.resolve("besar.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("NIK;Nama;Jabatan;Desa/Kelurahan;Kecamatan;TMT Jabatan\r\n");
            for (int k = 0; k < ROWS; k++) {
                String nik = Nik.compose("360401", LocalDate.of(1960, 1, 1).plusDays(k / 5000),
                        k % 2 == 0 ? Sex.L : Sex.P, k % 5000 + 1);
                w.write(nik + ";" + name(k) + ";Kader Posyandu;" + (k % 2 == 0 ? "Sukamaju" : "Mekarsari")
                        + ";Cikande;12-03-2022\r\n");
            }
        }
        Path report = dir.resolve("laporan.xlsx");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx" + HEAP_MB + "m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), "id.lindungdesa.app.Main", "--db",
                dir.resolve("kab").toString(), "roster", "import", csv.toString(), "--dry-run", "--report",
                report.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(out).doesNotContain("OutOfMemoryError");
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("150.000 baris data")
                .contains("150.000 baru, 0 berubah, 0 tidak berubah, 0 ditolak (dari 150.000)")
                .contains("Uji coba: belum ada yang disimpan.");
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(report.toFile());
             var rows = wb.getSheets().toList().get(1).openStream()) {
            assertThat(rows.count()).as("report rows with the header").isEqualTo(ROWS + 1L);
        }
    }

    @Test
    void aFileChangedAfterTheDryRunIsRefusedAndNothingIsSaved() throws Exception {
        Messages.setCurrent(Messages.INDONESIAN);
        try (Services s = TestDb.open(dir, "kab", ImportServiceTest.TODAY)) {
            Sheets.district(s);
            Path csv = dir.resolve("kader.csv");
            String head = "NIK;Nama;Jabatan;Desa/Kelurahan;Kecamatan;TMT Jabatan\r\n";
            Files.writeString(csv, head + ImportServiceTest.EUIS + ";Euis;Kader Posyandu;Mekarsari;Cikande;12-03-2022\r\n");
            DryRun run = s.imports().dryRun(csv, null, id.lindungdesa.task.Progress.NONE);
            assertThat(run.count(RowClass.NEW)).isEqualTo(1);
            Files.writeString(csv, head + ImportServiceTest.UJANG + ";Ujang;Kader Posyandu;Mekarsari;Cikande;12-03-2022\r\n");

            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> s.imports().apply(run, id.lindungdesa.task.Progress.NONE))
                    .isInstanceOfSatisfying(ImportFileException.class, e -> {
                        assertThat(e.key()).isEqualTo("import.error.fileChanged");
                        assertThat(e.getMessage()).contains("kader.csv berubah sejak uji coba");
                    });
            assertThat(s.roster().findByNik(ImportServiceTest.EUIS)).isEmpty();
            assertThat(s.roster().findByNik(ImportServiceTest.UJANG)).isEmpty();
        }
    }

    /** A name of letters only: "Kader" and the row number spelled in letters a–j. */
    private static String name(int k) {
        StringBuilder b = new StringBuilder("Kader ");
        for (char c : Integer.toString(k).toCharArray()) b.append((char) ('a' + (c - '0')));
        return b.toString();
    }

}
