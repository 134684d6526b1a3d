package id.lindungdesa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.persistence.ServerAddress;
import id.lindungdesa.persistence.TableContents;
import id.lindungdesa.testing.CliRun;
import id.lindungdesa.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, bad input on a server: a wrong password, and a server database that belongs to another office, are
 * refused with a clear message and exit code 3, and the database is left as it was.
 */
class PostgresRefusalsTest {
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
    void aDatabaseThatNowHoldsAnotherOfficeIsRefusedWithExitThreeAndLeftAsItIs() throws Exception {
        ServerAddress db = TestPostgres.freshDatabase();
        String url = TestPostgres.url(db);
        CliRun init = CliRun.of("--db", url, "office", "init", "--level", "province", "--code", "36", "--name",
                "DPMD Provinsi Banten", "--clerk", "Sri");
        assertThat(init.exit).as(init.toString()).isZero();
        assertThat(CliRun.of("--db", url, "stats", "--json").exit).isZero(); // this desk now knows the office

        // the address now leads to Central Java's store (re-created there, or the wrong database named)
        try (var c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()); var st = c.createStatement()) {
            st.executeUpdate("UPDATE office SET region_code = '33', name = 'DPMD Provinsi Jawa Tengah'");
        }
        TableContents.Facts before = facts(db);
        CliRun other = CliRun.of("--db", url, "stats", "--json");
        assertThat(other.exit).as(other.toString()).isEqualTo(3);
        assertThat(other.err).contains("milik kantor lain", "DPMD Provinsi Jawa Tengah", "33", "36 PROVINCE");
        assertThat(other.out).isEmpty();
        CliRun otherEn = CliRun.of("--db", url, "--lang", "en", "bundle", "forward", "--out",
                dir.resolve("fwd").toString());
        assertThat(otherEn.exit).as(otherEn.toString()).isEqualTo(3);
        assertThat(otherEn.err).contains("belongs to another office");
        assertThat(facts(db)).isEqualTo(before);
    }

    @Test
    void aWrongPasswordIsRefusedWithExitThreeAndTheRightOneOpens() throws Exception {
        ServerAddress db = TestPostgres.freshDatabase();
        String role = TestPostgres.PASSWORD_ROLE;
        try (var c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()); var st = c.createStatement()) {
            try (var rs = st.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
                st.execute((rs.next() ? "ALTER" : "CREATE") + " ROLE " + role + " LOGIN PASSWORD 'benar-sekali'");
            }
            st.execute("ALTER DATABASE " + db.database() + " OWNER TO " + role);
        }
        String host = db.host() + ":" + db.port() + "/" + db.database();
        CliRun wrong = CliRun.of("--db", "postgresql://" + role + ":salah@" + host, "stats", "--json");
        Assumptions.assumeTrue(wrong.exit != 0, "PostgreSQL wrong-password test skipped: the test server trusts "
                + role + " (add 'host all " + role + " 127.0.0.1/32 scram-sha-256' first in its pg_hba.conf)");
        assertThat(wrong.exit).as(wrong.toString()).isEqualTo(3);
        assertThat(wrong.err).contains("menolak pengguna " + role, "kata sandi salah").doesNotContain("salah@");
        CliRun right = CliRun.of("--db", "postgresql://" + role + ":benar-sekali@" + host, "office", "init",
                "--level", "province", "--code", "36", "--name", "DPMD Provinsi Banten", "--clerk", "Sri");
        assertThat(right.exit).as(right.toString()).isZero();
        assertThat(right.out + right.err).doesNotContain("benar-sekali");
    }
}
