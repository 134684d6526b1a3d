package id.lindungdesa.app;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.SyncTaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures land in the rotating log file, handled or not, and so do uncaught exceptions. */
class LogFileTest {
    @TempDir
    Path dir;

    @Test
    void aTaskFailureIsWrittenToTheLogFileWithItsStackTrace() throws Exception {
        Path log = dir.resolve("logs").resolve("lindungdesa.log");
        try (LogFile ignored = LogFile.install(log)) {
            new SyncTaskExecutor((title, e) -> { }).execute(BackgroundTask.of("Ekspor laporan", p -> {
                throw new IOException("Disk penuh di D:\\laporan");
            }));
            new SyncTaskExecutor().execute(BackgroundTask.of("Simpan orang", p -> {
                throw new IllegalArgumentException("NIK harus 16 angka");
            }).onFailure(e -> { }));
        }
        String text = Files.readString(log);
        assertThat(text).contains("ERROR").contains("Ekspor laporan").contains("Disk penuh di D:\\laporan")
                .contains("java.io.IOException").contains("at id.lindungdesa.");
        assertThat(text).as("handled failures are logged too").contains("WARN").contains("Simpan orang")
                .contains("NIK harus 16 angka");
    }

    @Test
    void anUncaughtExceptionInAnyThreadIsWrittenToTheLogFile() throws Exception {
        Path log = dir.resolve("lindungdesa.log");
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        try (LogFile ignored = LogFile.install(log)) {
            Thread.setDefaultUncaughtExceptionHandler((t, e) -> { }); // keep the test output quiet
            LogFile.logUncaughtExceptions();
            Thread t = new Thread(() -> {
                throw new IllegalStateException("Tak terduga di pekerja");
            }, "pekerja-uji");
            t.start();
            t.join();
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        assertThat(Files.readString(log)).contains("pekerja-uji").contains("Tak terduga di pekerja")
                .contains("IllegalStateException");
    }

    @Test
    void aRefusedCliCommandPrintsItsMessageExitsNonZeroAndIsLogged() throws Exception {
        Path log = dir.resolve("cli.log");
        id.lindungdesa.testing.CliRun run;
        try (LogFile ignored = LogFile.install(log)) {
            run = id.lindungdesa.testing.CliRun.of("--db", dir.resolve("db").toString(), "agreements", "attach",
                    "PKS-TIDAK-ADA", dir.resolve("tidak-ada.pdf").toString());
        }
        assertThat(run.exit).isNotZero();
        assertThat(run.err).contains("PKS-TIDAK-ADA"); // the message (its wording is the CLI branch's)
        assertThat(run.err).as("the log stays off the terminal").doesNotContain("id.lindungdesa.failures");
        assertThat(Files.readString(log)).contains("Command \"lindungdesa agreements attach\" failed")
                .contains("PKS-TIDAK-ADA");
    }
}
