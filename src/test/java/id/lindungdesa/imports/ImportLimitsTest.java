package id.lindungdesa.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.domain.Nik;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.TestDb;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 item 4: spreadsheets have limits. A zip bomb and files over the row and cell ceilings are refused
 * quickly, before parsing, with a message naming the ceiling; nothing is written.
 */
class ImportLimitsTest {
    static final LocalDate TODAY = LocalDate.of(2026, 2, 2);
    static final String HEADER = "NIK;Nama;Jabatan;Desa;Kecamatan;TMT Jabatan\r\n";

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

    Object people() {
        return s.stats().stats(TODAY).people();
    }

    /** A workbook whose sheet is 100 MB of repeated rows packed into a few hundred kB. */
    Path zipBomb() throws Exception {
        Path f = dir.resolve("bom.xlsx");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.setLevel(9);
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            z.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                    + "content-types\"/>").getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            z.write("<worksheet><sheetData>".getBytes(StandardCharsets.UTF_8));
            byte[] row = "<row><c t=\"inlineStr\"><is><t>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</t></is></c></row>"
                    .repeat(1000).getBytes(StandardCharsets.UTF_8);
            for (long n = 0; n < 100L << 20; n += row.length) z.write(row);
            z.closeEntry();
        }
        return f;
    }

    @Test
    void aZipBombIsRefusedBeforeItIsParsed() throws Exception {
        Path bomb = zipBomb();
        assertThat(Files.size(bomb)).isLessThan(2L << 20);
        Object before = people();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> s.imports().dryRun(bomb, null, Progress.NONE))
                .isInstanceOfSatisfying(ImportFileException.class, e -> assertThat(e.key()).isEqualTo("import.error.zipRatio"))
                .hasMessageContaining("bom.xlsx").hasMessageContaining("xl/worksheets/sheet1.xml")
                .hasMessageContaining("lebih dari 100 kali").hasMessageContaining("zip bomb");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertThat(people()).isEqualTo(before);
    }

    @Test
    void aCsvOverTheRowCeilingIsRefusedWithTheCeiling() throws Exception {
        Path f = dir.resolve("besar.csv");
        String nik = Nik.compose("360401", LocalDate.of(1980, 3, 12), Sex.L, 1);
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            String line = nik + ";Budi Santoso;Kader Posyandu;Sukamaju;Cikande;12-03-2022\r\n";
            for (int i = 0; i < ImportLimits.MAX_ROWS; i++) w.write(line);
        }
        Object before = people();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> s.imports().dryRun(f, null, Progress.NONE))
                .isInstanceOfSatisfying(ImportFileException.class,
                        e -> assertThat(e.key()).isEqualTo("import.error.tooManyRows"))
                .hasMessageContaining("besar.csv").hasMessageContaining("lebih dari 200.000 baris");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
        assertThat(people()).isEqualTo(before);
    }

    @Test
    void aCellOverTheCeilingIsRefusedWithItsRowAndColumn() throws Exception {
        Path f = dir.resolve("sel.csv");
        String nik = Nik.compose("360401", LocalDate.of(1980, 3, 12), Sex.L, 1);
        Files.writeString(f, HEADER + nik + ";" + "A".repeat(40_000) + ";Kader Posyandu;Sukamaju;Cikande;12-03-2022\r\n");
        Object before = people();
        assertThatThrownBy(() -> s.imports().dryRun(f, null, Progress.NONE))
                .isInstanceOfSatisfying(ImportFileException.class,
                        e -> assertThat(e.key()).isEqualTo("import.error.cellTooLong"))
                .hasMessageContaining("baris 2, kolom 2").hasMessageContaining("40.000 karakter")
                .hasMessageContaining("32.767");
        assertThat(people()).isEqualTo(before);
    }

    @Test
    void aFileOverTheSizeCeilingIsRefusedWithoutReadingIt() throws Exception {
        Path f = dir.resolve("raksasa.xlsx");
        try (OutputStream o = Files.newOutputStream(f)) {
            o.write(new byte[] {'P', 'K', 3, 4});
            try (var ch = java.nio.channels.FileChannel.open(f, java.nio.file.StandardOpenOption.WRITE)) {
                ch.position(ImportLimits.MAX_FILE_BYTES + 10).write(java.nio.ByteBuffer.wrap(new byte[1]));
            }
        }
        assertThatThrownBy(() -> s.imports().dryRun(f, null, Progress.NONE))
                .isInstanceOfSatisfying(ImportFileException.class,
                        e -> assertThat(e.key()).isEqualTo("import.error.fileTooLarge"))
                .hasMessageContaining("raksasa.xlsx").hasMessageContaining("paling besar 100 MB");
    }
}
