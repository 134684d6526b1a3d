package id.lindungdesa.bundle;

import static id.lindungdesa.persistence.jooq.Tables.AUDIT_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.persistence.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code LINDUNGDESA_PASSPHRASE} set, office set-up also makes the office key. The audit trail names the clerk
 * who set the office up as the author of that key, not "sistem" (the set-up listeners ran in the wrong order).
 */
class SetUpKeyAuditTest {
    @TempDir
    Path dir;

    @Test
    void theKeyMadeAtSetUpIsRecordedUnderTheClerksName() throws Exception {
        Path db = dir.resolve("kab");
        // An existing, empty database: the CLI then does not encrypt it, and this test can read it back.
        try (Database ignored = Database.open(db, Database.Options.of("test"))) {
            assertThat(ignored.file()).exists();
        }

        // A second process, because the key at set-up is made only when the environment carries a passphrase.
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "id.lindungdesa.app.Main", "--db", db.toString(),
                "office", "init", "--level", "district", "--code", "36.04", "--name", "DPMD Kabupaten Serang",
                "--clerk", "Budi Santoso"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("LINDUNGDESA_PASSPHRASE", "sandi-kantor-2026");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(out).isTrue();
        assertThat(p.exitValue()).as(out).isZero();

        try (Database d = Database.open(db, Database.Options.of("test"))) {
            List<String> keyActors = d.read(tx -> tx.dsl().select(AUDIT_ENTRY.ACTOR).from(AUDIT_ENTRY)
                    .where(AUDIT_ENTRY.ENTITY_TYPE.eq("office_key")).and(AUDIT_ENTRY.ACTION.eq("CREATE"))
                    .fetch(AUDIT_ENTRY.ACTOR));
            assertThat(keyActors).as("the office key made at set-up, " + out).containsExactly("Budi Santoso");
        }
    }
}
