package id.lindungdesa.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.DatabaseLockedException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second program is told who holds the database; after the holder is killed (kill -9) the lock is recovered. */
class OneInstanceTest {
    @TempDir
    Path dir;

    @Test
    void aStaleLockAfterKillDashNineIsRecoveredSafely() throws Exception {
        Path db = dir.resolve("kab");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process holder = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                CrashWorkload.class.getName(), db.toString(), "1")).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(r.readLine()).isEqualTo("READY");
            assertThatThrownBy(() -> Database.open(db, Database.Options.of("desktop")))
                    .isInstanceOfSatisfying(DatabaseLockedException.class, e -> assertThat(e.holder())
                            .contains("LindungDesa crash-test").contains("pid " + holder.pid()))
                    .hasMessageContaining("in use by another program");
        } finally {
            holder.destroyForcibly();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (Database again = Database.open(db, Database.Options.of("desktop"))) {
            assertThat(again.withConnection(ScriptIO::facts).counts().get("OFFICE")).isEqualTo(1L);
        }
    }
}
