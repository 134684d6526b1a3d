package id.lindungdesa.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast variant of the crash test: real child processes doing saves and imports, killed with SIGKILL at random
 * moments; after each kill the database must open and hold every operation the child reported as done.
 * The long run is {@code lindungdesa bench crash} (docs/reliability.md).
 */
class CrashSafetyTest {
    @TempDir
    Path dir;

    @Test
    void everyReportedSaveSurvivesSigkill() throws Exception {
        List<String> log = new ArrayList<>();
        CrashHarness.Summary s = CrashHarness.run(dir.resolve("crash"), 10, 7, 100, 1500, log::add);
        assertThat(s.failedOpens()).as(String.join("\n", log)).isZero();
        assertThat(s.totalMissing()).as(String.join("\n", log)).isZero();
        assertThat(s.auditBreaks()).isZero();
        assertThat(s.totalReported()).as("the children did report work before being killed").isPositive();
        assertThat(s.runs()).hasSize(10);
    }
}
