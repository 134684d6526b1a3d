package id.lindungdesa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.persistence.ServerAddress;
import id.lindungdesa.testing.CliRun;
import id.lindungdesa.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: {@code --db postgresql://…} works as {@code --db PATH} does; the same commands give the same JSON on
 * H2 and on PostgreSQL; a server that cannot be used is refused clearly with exit code 3.
 */
class PostgresCliTest {
    @TempDir
    Path dir;

    private static final String[] INIT = {"office", "init", "--level", "district", "--code", "36.04", "--name",
        "DPMD Kabupaten Serang", "--clerk", "Budi"};

    private static String[] with(String db, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = db;
        System.arraycopy(args, 0, all, 2, args.length);
        return all;
    }

    @Test
    void officeInitStatsAndCoverageAreTheSameOnH2AndPostgres() {
        String pg = TestPostgres.url(TestPostgres.freshDatabase());
        String h2 = dir.resolve("kab").toString();
        for (String db : List.of(h2, pg)) {
            CliRun init = CliRun.of(with(db, INIT));
            assertThat(init.exit).as(db + ": " + init).isZero();
            assertThat(init.out).contains("29 kecamatan, 326 desa");
        }
        for (String[] cmd : List.of(new String[] {"stats", "--json", "--on", "2026-03-31"},
                new String[] {"report", "coverage", "--json", "--on", "2026-03-31"})) {
            CliRun onH2 = CliRun.of(with(h2, cmd));
            CliRun onPg = CliRun.of(with(pg, cmd));
            assertThat(onH2.exit).as(onH2.toString()).isZero();
            assertThat(onPg.exit).as(onPg.toString()).isZero();
            assertThat(onPg.out).as(String.join(" ", cmd)).isEqualTo(onH2.out);
        }
    }

    @Test
    void theDemoDistrictGivesTheSameFiguresOnBoth() {
        String pg = TestPostgres.url(TestPostgres.freshDatabase());
        String h2 = dir.resolve("demo").toString();
        for (String db : List.of(h2, pg)) {
            CliRun demo = CliRun.of(with(db, "demo", "--within", "36.04", "--seed", "1"));
            assertThat(demo.exit).as(db + ": " + demo).isZero();
        }
        for (String[] cmd : List.of(new String[] {"stats", "--json", "--on", "2026-03-31"},
                new String[] {"report", "coverage", "--json", "--on", "2026-03-31"})) {
            CliRun onH2 = CliRun.of(with(h2, cmd));
            CliRun onPg = CliRun.of(with(pg, cmd));
            assertThat(onPg.exit).as(onPg.toString()).isZero();
            assertThat(onPg.out).as(String.join(" ", cmd)).isEqualTo(onH2.out);
        }
    }

    @Test
    void anUnknownDatabaseAndAnUnreachableServerAreRefusedWithExitThree() throws Exception {
        ServerAddress db = TestPostgres.freshDatabase();
        String missing = TestPostgres.url(db.withDatabase("tidak_ada_" + System.nanoTime()));
        CliRun unknown = CliRun.of(with(missing, "stats", "--json"));
        assertThat(unknown.exit).as(unknown.toString()).isEqualTo(3);
        assertThat(unknown.err).contains("tidak ada di server");

        int closedPort;
        try (var s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        CliRun refused = CliRun.of(with("postgresql://ani@127.0.0.1:" + closedPort + "/prov", "--lang", "en",
                "stats", "--json"));
        assertThat(refused.exit).as(refused.toString()).isEqualTo(3);
        assertThat(refused.err).contains("cannot be reached").contains("127.0.0.1:" + closedPort);
    }

    @Test
    void aDatabaseOfANewerProgramIsRefusedAndLeftAsItIs() throws Exception {
        ServerAddress db = TestPostgres.freshDatabase();
        String url = TestPostgres.url(db);
        assertThat(CliRun.of(with(url, INIT)).exit).isZero();
        try (var c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()); var st = c.createStatement()) {
            st.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (999, '999', 'from the future', 'SQL',"
                    + " 'V999__from_the_future.sql', 1, 'x', 1, true)");
        }
        CliRun newer = CliRun.of(with(url, "stats", "--json"));
        assertThat(newer.exit).as(newer.toString()).isEqualTo(3);
        assertThat(newer.err).contains("Tidak dapat memperbarui basis data").contains("999");
    }

    @Test
    void backupIsTheServersJobAndEncryptionAtRestIsTheServersDisk() {
        ServerAddress db = TestPostgres.freshDatabase();
        String url = TestPostgres.url(db);
        assertThat(CliRun.of(with(url, INIT)).exit).isZero();
        CliRun backup = CliRun.of(with(url, "backup", "now"));
        assertThat(backup.exit).as(backup.toString()).isEqualTo(1);
        assertThat(backup.err).contains("tugas server").contains("pg_dump").contains(db.database());
        CliRun status = CliRun.of(with(url, "security", "status"));
        assertThat(status.exit).as(status.toString()).isZero();
        assertThat(status.out).contains("disk server");
        if (db.password() != null) {
            assertThat(backup.err + backup.out + status.out).doesNotContain(db.password());
        }
    }
}
