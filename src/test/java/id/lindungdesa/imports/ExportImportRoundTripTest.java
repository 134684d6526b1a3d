package id.lindungdesa.imports;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.cli.Cli;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.EndReason;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.RosterRow;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.report.XlsxReports;
import id.lindungdesa.service.RosterReadModel;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.CliRun;
import id.lindungdesa.testing.TestDb;
import id.lindungdesa.wiring.Services;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 1: the roster LindungDesa exports comes back in unchanged. The demo district (real H2 file, built
 * and exported by the command line), re-imported by the command line: 0 refused, 0 new, 0 changed, nothing saved;
 * also written in English; and a row whose post has ended since the export re-creates nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExportImportRoundTripTest {
    @TempDir
    static Path dir;
    static String db;

    @BeforeAll
    static void demoDistrict() {
        db = dir.resolve("kab").toString();
        CliRun demo = CliRun.of("--db", db, "demo");
        assertThat(demo.exit).as(demo.toString()).isZero();
    }

    record Counts(int people, int posts, int enrolments, int statuses, int audit) {
    }

    private static Counts counts() {
        try (Services s = TestDb.open(dir, "kab", LocalDate.now(TestDb.ZONE))) {
            return s.database().read(tx -> new Counts(
                    tx.dsl().fetchCount(id.lindungdesa.persistence.jooq.Tables.PERSON),
                    tx.dsl().fetchCount(id.lindungdesa.persistence.jooq.Tables.POST),
                    tx.dsl().fetchCount(id.lindungdesa.persistence.jooq.Tables.ENROLMENT),
                    tx.dsl().fetchCount(id.lindungdesa.persistence.jooq.Tables.ENROLMENT_STATUS),
                    tx.dsl().fetchCount(id.lindungdesa.persistence.jooq.Tables.AUDIT_ENTRY)));
        }
    }

    private static int dataRows(String out) {
        var m = java.util.regex.Pattern.compile("baris judul \\d+, ([\\d.]+) baris data|header row \\d+, ([\\d,]+) data rows")
                .matcher(out);
        assertThat(m.find()).as(out).isTrue();
        String n = m.group(1) != null ? m.group(1) : m.group(2);
        return Integer.parseInt(n.replaceAll("[.,]", ""));
    }

    @Test
    @Order(1)
    void theRosterExportComesBackInUnchangedAndAppliesNothing() throws Exception {
        Path xlsx = dir.resolve("daftar.xlsx");
        CliRun export = CliRun.of("--db", db, "report", "roster", "--xlsx", xlsx.toString());
        assertThat(export.exit).as(export.toString()).isZero();
        Counts before = counts();

        CliRun dry = CliRun.of("--db", db, "roster", "import", xlsx.toString(), "--dry-run");
        assertThat(dry.exit).as(dry.toString()).isZero();
        int rows = dataRows(dry.out);
        assertThat(rows).isGreaterThan(5000);
        assertThat(dry.out).as(dry.toString()).contains("Baris: 0 baru, 0 berubah, "
                + java.text.NumberFormat.getIntegerInstance(Messages.INDONESIAN).format(rows) + " tidak berubah, 0 ditolak");

        CliRun apply = CliRun.of("--db", db, "roster", "import", xlsx.toString());
        assertThat(apply.exit).as(apply.toString()).isZero();
        assertThat(apply.out).contains("0 baru, 0 berubah").contains("0 ditolak");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    @Order(2)
    void theRosterWrittenInEnglishComesBackInUnchangedToo() throws Exception {
        Path xlsx = dir.resolve("roster-en.xlsx");
        try (Services s = TestDb.open(dir, "kab", LocalDate.now(TestDb.ZONE));
             OutputStream out = Files.newOutputStream(xlsx)) {
            LocalDate today = s.roster().today();
            List<RosterRow> rows = RosterReadModel.rows(s.roster().snapshot(s.coverage().officeRegion(), today),
                    false);
            new XlsxReports(new Messages(Messages.ENGLISH)).roster(out, "Demo", rows, Progress.NONE);
        }
        List<String> cells = SpreadsheetReader.read(xlsx, null).rows().stream()
                .flatMap(r -> r.cells().stream()).map(RawCell::text).toList();
        assertThat(cells).doesNotContain("NON_ASN").contains("Not a civil servant", "Not registered");
        Counts before = counts();

        CliRun apply = CliRun.of("--db", db, "--lang", "en", "roster", "import", xlsx.toString());
        assertThat(apply.exit).as(apply.toString()).isZero();
        int rows = dataRows(apply.out);
        assertThat(apply.out).as(apply.toString()).contains("0 new, 0 changed, "
                + String.format(java.util.Locale.ENGLISH, "%,d", rows) + " unchanged, 0 refused");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void aKepalaDesaWhoseTermEndedSinceTheExportIsNotCreatedAgain() throws Exception {
        Path xlsx = dir.resolve("sebelum-berakhir.xlsx");
        assertThat(CliRun.of("--db", db, "report", "roster", "--xlsx", xlsx.toString()).exit).isZero();
        Post kades;
        try (Services s = TestDb.open(dir, "kab", LocalDate.now(TestDb.ZONE))) {
            LocalDate today = s.roster().today();
            RosterRow row = RosterReadModel.rows(s.roster().snapshot(s.coverage().officeRegion(), today), false)
                    .stream().filter(r -> r.category() == Category.KEPALA_DESA).findFirst().orElseThrow();
            Post p = s.roster().post(row.postId()).orElseThrow();
            kades = s.roster().endTerm(p.id(), p.version(), today, EndReason.TERM_ENDED);
        }
        Counts before = counts();

        CliRun apply = CliRun.of("--db", db, "roster", "import", xlsx.toString());
        assertThat(apply.exit).as(apply.toString()).isZero();
        assertThat(apply.out).contains("0 baru, 0 berubah").contains("0 ditolak");
        assertThat(counts()).isEqualTo(before);
        try (Services s = TestDb.open(dir, "kab", LocalDate.now(TestDb.ZONE))) {
            assertThat(s.roster().postsOf(kades.personId())).filteredOn(p -> p.position() == kades.position())
                    .singleElement().satisfies(p -> assertThat(p.endDate()).isEqualTo(kades.endDate()));
        }
    }
}
