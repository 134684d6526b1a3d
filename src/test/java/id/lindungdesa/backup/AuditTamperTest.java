package id.lindungdesa.backup;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.persistence.Database;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.testing.CliRun;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing an audit entry behind the program's back (raw SQL) is reported by {@code audit verify}. */
class AuditTamperTest {
    @TempDir
    Path dir;

    @Test
    void anEntryChangedWithRawSqlIsReported() throws Exception {
        Path base = dir.resolve("kab");
        try (Services s = BackupServiceTest.withOffice(dir, "kab")) {
            for (int i = 1; i <= 4; i++) BackupServiceTest.addPerson(s, "Orang " + i, i);
        }
        CliRun intact = CliRun.of("--lang", "en", "--db", base.toString(), "audit", "verify");
        assertThat(intact.exit).as(intact.toString()).isZero();
        assertThat(intact.out).contains("intact: 5 entries");

        try (var c = DriverManager.getConnection(Database.jdbcUrl(base, null), "lindungdesa", "");
             var st = c.createStatement()) {
            assertThat(st.executeUpdate("UPDATE AUDIT_ENTRY SET SUMMARY = 'Orang baru: Orang Palsu' WHERE SEQ = 3"))
                    .isEqualTo(1);
            st.execute("SHUTDOWN");
        }
        CliRun broken = CliRun.of("--lang", "en", "--db", base.toString(), "audit", "verify");
        assertThat(broken.exit).isEqualTo(1);
        assertThat(broken.out).contains("entry 3: entry content changed").contains("BROKEN");

        try (var c = DriverManager.getConnection(Database.jdbcUrl(base, null), "lindungdesa", "");
             var st = c.createStatement()) {
            st.executeUpdate("DELETE FROM AUDIT_ENTRY WHERE SEQ = 4");
            st.execute("SHUTDOWN");
        }
        CliRun deleted = CliRun.of("--lang", "en", "--db", base.toString(), "audit", "verify");
        assertThat(deleted.exit).isEqualTo(1);
        assertThat(deleted.out).contains("entry 5: missing entries before 5");
    }
}
