package id.lindungdesa.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 item 9: a second program is told who holds the database every time, also while the holder is still
 * opening it, when a killed holder left its owner file behind, and when a half-written one lies there; when the
 * holder cannot be named, the message says that it could not be read. Real child processes.
 */
class LockHolderTest {
    @TempDir
    Path dir;

    @Test
    void theHolderIsNamedInEveryRunWhateverOwnerFileWasLeftBefore() throws Exception {
        Path db = dir.resolve("kab");
        Database.open(db, Database.Options.of("setup")).close();
        Path owner = Path.of(db + ".owner");
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        String host = java.net.InetAddress.getLocalHost().getHostName();
        List<String> seen = new ArrayList<>();
        int runs = 3;
        for (int run = 0; run < runs; run++) {
            switch (run % 3) {
                case 0 -> Files.writeString(owner, "LindungDesa desktop, pid " + dead.pid() + ", budi@" + host
                        + ", since 2026-11-23T08:00+07:00\nend\n");
                case 1 -> Files.writeString(owner, "LindungDesa desk");
                default -> Files.deleteIfExists(owner);
            }
            Process child = start(db, "open");
            try {
                DatabaseLockedException locked = null;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (locked == null && System.nanoTime() < deadline && child.isAlive()) {
                    try {
                        Database.open(db, Database.Options.of("second")).close();
                    } catch (DatabaseLockedException e) {
                        locked = e;
                    }
                }
                assertThat(locked).as("run %d: the child took the database", run).isNotNull();
                seen.add(locked.getMessage());
                assertThat(locked.holder()).as("run %d", run).isNotNull()
                        .contains("LindungDesa holder-test").contains("pid " + child.pid());
                assertThat(locked.getMessage()).contains("pid " + child.pid()).doesNotContain("pid " + dead.pid());
            } finally {
                stop(child);
            }
        }
        assertThat(seen).hasSize(runs);
    }

    @Test
    void aHolderThatWroteNoOwnerFileIsSaidToBeUnreadable() throws Exception {
        Path db = dir.resolve("kab");
        Database.open(db, Database.Options.of("setup")).close();
        Duration before = OwnerFile.wait;
        OwnerFile.wait = Duration.ofMillis(400);
        Process child = start(db, "raw");
        try {
            awaitHeld(child);
            long t0 = System.nanoTime();
            DatabaseLockedException e = null;
            try {
                Database.open(db, Database.Options.of("second")).close();
            } catch (DatabaseLockedException x) {
                e = x;
            }
            assertThat(e).isNotNull();
            assertThat(e.holder()).isNull();
            assertThat(e.getMessage()).contains("sedang dipakai program lain")
                    .contains("pemegangnya tidak dapat dibaca").contains("kab.owner: missing");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        } finally {
            OwnerFile.wait = before;
            stop(child);
        }
    }

    private static Process start(Path db, String mode) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), LockHolderChild.class.getName(), db.toString(), mode)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void awaitHeld(Process child) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        assertThat(line).isEqualTo("HELD");
    }

    private static void stop(Process child) throws Exception {
        child.getOutputStream().close();
        if (!child.waitFor(30, TimeUnit.SECONDS)) child.destroyForcibly().waitFor();
    }
}
