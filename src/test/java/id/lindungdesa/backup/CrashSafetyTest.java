package id.lindungdesa.backup;

import id.lindungdesa.bench.CrashHarness;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.DatabaseLockedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast variant of the crash test: real child processes doing saves and imports, killed with SIGKILL at random
 * moments; after each kill the database must open (the dead holder's lock is recovered) and hold every operation
 * the child reported as done. While a child holds the database, a second program is told who holds it.
 * The long run is {@code lindungdesa bench crash} (docs/reliability.md).
 */
class CrashSafetyTest {
    @TempDir
    Path dir;

    @Test
    void everyReportedSaveSurvivesSigkillAndTheDeadHoldersLockIsRecovered() throws Exception {
        Path db = dir.resolve("crash");
        List<String> log = new ArrayList<>();
        List<Long> holders = new ArrayList<>();
        CrashHarness.Summary s = CrashHarness.run(db, 10, 7, 100, 900, log::add, (k, pid) -> {
            if (k == 1) {
                holders.add(pid);
                assertThatThrownBy(() -> Database.open(db, Database.Options.of("desktop")))
                        .isInstanceOfSatisfying(DatabaseLockedException.class, e -> assertThat(e.holder())
                                .contains("LindungDesa crash-test").contains("pid " + pid))
                        .hasMessageContaining("sedang dipakai program lain");
            }
        });
        assertThat(holders).hasSize(1);
        assertThat(s.failedOpens()).as(String.join("\n", log)).isZero();
        assertThat(s.totalMissing()).as(String.join("\n", log)).isZero();
        assertThat(s.auditBreaks()).isZero();
        assertThat(s.totalReported()).as("the children did report work before being killed").isPositive();
        assertThat(s.runs()).hasSize(10);
    }
}
