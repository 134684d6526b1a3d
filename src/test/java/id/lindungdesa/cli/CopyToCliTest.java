package id.lindungdesa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.bundle.BundleKit;
import id.lindungdesa.persistence.ServerAddress;
import id.lindungdesa.persistence.TableContents;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.CliRun;
import id.lindungdesa.testing.TestPostgres;
import id.lindungdesa.wiring.Services;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16: {@code copy-to} moves a province's H2 store into an empty PostgreSQL database: every table, verified
 * by counts and a content hash per table and by the audit chain; the copy gives the same {@code stats --json} and
 * {@code report coverage --json}, and takes the next bundle; a database that is not empty is refused, unchanged.
 */
class CopyToCliTest {
    @TempDir
    Path dir;

    @BeforeEach
    void home() {
        System.setProperty("lindungdesa.home", dir.resolve("home").toString());
    }

    @AfterEach
    void noHome() {
        System.clearProperty("lindungdesa.home");
    }

    private static TableContents.Facts facts(ServerAddress db) throws Exception {
        try (var c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            return TableContents.facts(c);
        }
    }

    @Test
    void aProvinceStoreIsCopiedWhollyAndWorksTheSameOnTheServer() throws Exception {
        String h2;
        Path next;
        long provPeople;
        try (Services serang = BundleKit.district(dir, "36.04", 41);
             Services lebak = BundleKit.district(dir, "36.02", 42);
             Services prov = BundleKit.province(dir, "36")) {
            for (Services d : List.of(serang, lebak)) {
                BundleKit.enrol(d, prov, dir);
                prov.bundles().imports().apply(BundleKit.export(d, dir, d.office().require().regionCode() + ".ldb"),
                        BundleKit.PROV_PASS, null, Progress.NONE);
            }
            next = BundleKit.export(serang, dir, "serang-2.ldb");
            h2 = prov.database().base().toString();
            provPeople = prov.database().withConnection(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM prov_person")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
        }
        ServerAddress db = TestPostgres.freshDatabase();
        String pg = TestPostgres.url(db);

        CliRun copy = CliRun.of("--db", h2, "copy-to", pg, "--json");
        assertThat(copy.exit).as(copy.toString()).isZero();
        JsonNode j = JsonMapper.builder().build().readTree(copy.out);
        assertThat(j.get("audit_verified").asBoolean()).isTrue();
        assertThat(j.get("audit_entries").asLong()).isGreaterThan(2);
        assertThat(j.get("tables").get("prov_person").get("rows").asLong()).isEqualTo(provPeople).isGreaterThan(100);
        assertThat(j.get("tables").get("bundle_import").get("rows").asLong()).isEqualTo(2);
        assertThat(j.get("tables").get("office_key").get("rows").asLong()).isPositive();
        assertThat(j.get("target").asString()).doesNotContain(String.valueOf(db.password()));

        // the copy is the store: the same figures, and the audit chain verifies from the command line too
        for (String[] cmd : List.of(new String[] {"stats", "--json", "--on", "2026-02-16"},
                new String[] {"report", "coverage", "--json", "--on", "2026-02-16"})) {
            CliRun onH2 = CliRun.of(with(h2, cmd));
            CliRun onPg = CliRun.of(with(pg, cmd));
            assertThat(onH2.exit).as(onH2.toString()).isZero();
            assertThat(onPg.exit).as(onPg.toString()).isZero();
            assertThat(onPg.out).as(String.join(" ", cmd)).isEqualTo(onH2.out);
        }
        CliRun verify = CliRun.of("--db", pg, "audit", "verify");
        assertThat(verify.exit).as(verify.toString()).isZero();

        // the copy goes on where the file stopped: the district's next bundle lands, the replay is refused
        Path pass = java.nio.file.Files.writeString(dir.resolve("pass.txt"), new String(BundleKit.PROV_PASS));
        CliRun more = CliRun.of("--db", pg, "bundle", "import", next.toString(), "--passphrase-file",
                pass.toString(), "--receipt-out",
                dir.resolve("next.receipt.json").toString());
        assertThat(more.exit).as(more.toString()).isZero();

        // a second copy into it is refused: it is not empty; nothing changes
        TableContents.Facts before = facts(db);
        CliRun again = CliRun.of("--db", h2, "copy-to", pg);
        assertThat(again.exit).as(again.toString()).isEqualTo(1);
        assertThat(again.err).contains("tidak kosong");
        assertThat(facts(db)).isEqualTo(before);
    }

    private static String[] with(String db, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = db;
        System.arraycopy(args, 0, all, 2, args.length);
        return all;
    }
}
