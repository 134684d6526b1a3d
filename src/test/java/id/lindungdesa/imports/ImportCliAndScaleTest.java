package id.lindungdesa.imports;

import id.lindungdesa.bench.SampleRoster;
import id.lindungdesa.testing.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.cli.Cli;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.TestDb;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line over a real database file, and a 20,000-row workbook. */
class ImportCliAndScaleTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private Run cli(String... args) {
        CliRun r = CliRun.of(args);
        return new Run(r.exit, r.out, r.err);
    }

    @Test
    void cliDryRunThenImportExitsNonZeroWhileRowsAreRefused() throws Exception {
        Messages.setCurrent(Messages.INDONESIAN);
        try (Services s = TestDb.open(dir, "kab", ImportServiceTest.TODAY)) {
            Sheets.district(s);
        }
        Path file = Sheets.xlsx(dir.resolve("aparat.xlsx"), "Aparat", ImportServiceTest.TITLES,
                ImportServiceTest.HEADER, List.of(
                        ImportServiceTest.row(1, "Budi Santoso", ImportServiceTest.BUDI, "L", "Serang, 12 Maret 1980",
                                "Sekdes", "Desa Sukamaju", "Cikande", "141/12/Kep.Des/2020", "15-01-2020",
                                "12345678901", "JKK, JKM", "2224420", "APBD", "Aktif"),
                        ImportServiceTest.row(2, "Dedi", new Sheets.Num(3.60405E15), "L", null, "Kasi Pem",
                                "Sukamaju", "Kibin", null, "12-03-2019", null, null, null, null, null),
                        ImportServiceTest.row(3, "Euis", ImportServiceTest.EUIS, "P", null, "Kasi Kesra", "Sukamju",
                                "Cikande", null, "12-03-2021", null, null, null, null, null)));
        String db = dir.resolve("kab").toString();
        Path report = dir.resolve("laporan.xlsx");

        Run dry = cli("--db", db, "roster", "import", file.toString(), "--dry-run", "--report", report.toString());
        assertThat(dry.exit()).isEqualTo(Cli.REFUSED);
        assertThat(dry.out()).contains("1 baru, 0 berubah, 0 tidak berubah, 2 ditolak (dari 3)")
                .contains("Baris 6: No. KTP:").contains("Baris 7: Desa:").contains("Sukamaju (36.04.01.2001)")
                .contains("Uji coba: belum ada yang disimpan.");
        assertThat(report).exists();

        // The user confirms the offered village in a mapping file.
        Path mapping = dir.resolve("pemetaan.json");
        Files.writeString(mapping, "{\"villages\": {\"Sukamju\": \"36.04.01.2001\"}}");
        Run apply = cli("--db", db, "--lang", "en", "roster", "import", file.toString(), "--mapping",
                mapping.toString());
        assertThat(apply.exit()).isEqualTo(Cli.REFUSED);
        assertThat(apply.out()).contains("2 new, 0 changed, 0 unchanged, 1 refused (of 3)")
                .contains("Saved in one transaction: 2 people added");

        Run again = cli("--db", db, "--lang", "en", "roster", "import", file.toString(), "--mapping",
                mapping.toString());
        assertThat(again.out()).contains("0 new, 0 changed, 2 unchanged, 1 refused").contains("Nothing to save");
        Messages.setCurrent(Messages.INDONESIAN);

        Run missing = cli("--db", db, "roster", "import", dir.resolve("tidak-ada.xlsx").toString());
        assertThat(missing.exit()).isEqualTo(Cli.REFUSED);
        assertThat(missing.err()).contains("tidak ditemukan");
    }

    @Test
    void twentyThousandRowsDryRunAndApply() throws Exception {
        var regions = SampleRoster.regions("36.04", 10, 30);
        Path file = dir.resolve("besar.xlsx");
        SampleRoster.writeXlsx(file, regions, 20_000, 7);
        try (Services s = TestDb.open(dir, "big", LocalDate.of(2026, 2, 2))) {
            s.office().init(OfficeLevel.DISTRICT, "36.04", "DPMD Kabupaten Contoh", "Budi");
            s.regions().addSynthetic(regions, "test");

            DryRun run = s.imports().dryRun(file, null, Progress.NONE);
            assertThat(run.headerRow()).isEqualTo(4);
            assertThat(run.count(RowClass.NEW)).isEqualTo(20_000);
            Receipt receipt = s.imports().apply(run, Progress.NONE);
            assertThat(receipt.peopleAdded()).isEqualTo(20_000);
            assertThat(receipt.postsAdded()).isEqualTo(20_000);
            assertThat(receipt.enrolmentsAdded()).isEqualTo(15_000);
            // (Re-importing unchanged is asserted on the small files; `bench import` times it at this size.)
        }
    }
}
