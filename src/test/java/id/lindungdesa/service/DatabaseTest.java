package id.lindungdesa.service;

import id.lindungdesa.wiring.Services;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.persistence.Database;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.TestDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void migratesFromEmptyAndReopens() {
        try (Services s = TestDb.open(dir, LocalDate.of(2026, 1, 1))) {
            assertThat(s.enrolments().rates()).isNotEmpty();
            s.demo().generate(null, "61.01", 3, Progress.NONE);
        }
        try (Services s = TestDb.open(dir, LocalDate.of(2026, 1, 1))) {
            assertThat((Integer) s.stats().stats(LocalDate.of(2026, 1, 1)).people()).isPositive();
        }
    }

    @Test
    void aDatabaseMadeByAnOlderVersionOpensAndIsMigrated() throws Exception {
        Path db = dir.resolve("old");
        // An older version: the schema as of V1, with a person in it.
        var pool = org.h2.jdbcx.JdbcConnectionPool.create("jdbc:h2:file:" + db.toAbsolutePath(), "lindungdesa", "");
        try {
            org.flywaydb.core.Flyway.configure().dataSource(pool).locations("classpath:db/migration").target("1")
                    .load().migrate();
            try (var c = pool.getConnection(); var st = c.createStatement()) {
                st.execute("INSERT INTO person (id, version, nik, full_name, sex, employment_status, created_at, "
                        + "updated_at) VALUES (RANDOM_UUID(), 1, '3604051203800001', 'Lama', 'L', 'NON_ASN', "
                        + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
                st.execute("SHUTDOWN");
            }
        } finally {
            pool.dispose();
        }
        try (Services s = TestDb.open(dir, "old", LocalDate.of(2026, 1, 1))) {
            assertThat(s.roster().findByNik("3604051203800001")).extracting(p -> p.fullName()).containsExactly("Lama");
            assertThat(s.enrolments().rates()).isNotEmpty(); // V2 reference data arrived
            assertThat(s.targets().all()).isEmpty();          // V3 table exists
        }
    }

    /** Runs the CLI in a second process, as a second program would. */
    static Process cli(Path db, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "id.lindungdesa.app.Main", "--db", db.toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    @Test
    void aSecondProgramGetsAClearMessageNamingTheHolder() throws Exception {
        Path db = dir.resolve("shared");
        try (Database first = Database.open(db, Database.Options.of("desktop"))) {
            Process p = cli(db, "--lang", "en", "stats");
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(3);
            assertThat(out).contains("in use").contains("LindungDesa desktop")
                    .contains("pid " + ProcessHandle.current().pid()).doesNotContain("Exception");
            assertThat(first.file().toString()).endsWith("shared.mv.db");
        }
        Process p = cli(db, "stats", "--json");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("\"people\":0");
    }
}
