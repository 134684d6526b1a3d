package id.lindungdesa.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A task without its own failure handler reports to the executor's one default reporter; none is silent. */
class DefaultFailureReporterTest {

    @Test
    void aTaskWithoutAFailureHandlerGoesToTheDefaultReporter() {
        List<String> reported = new ArrayList<>();
        var tasks = new SyncTaskExecutor((title, e) -> reported.add(title + ": " + TaskFailures.message(e)));
        tasks.execute(BackgroundTask.of("Ekspor laporan", p -> {
            throw new IOException("Disk penuh");
        }));
        assertThat(reported).containsExactly("Ekspor laporan: Disk penuh");
    }

    @Test
    void aTaskWithItsOwnHandlerIsNotReportedTwice() {
        List<String> reported = new ArrayList<>();
        List<String> own = new ArrayList<>();
        var tasks = new SyncTaskExecutor((title, e) -> reported.add(title));
        tasks.execute(BackgroundTask.of("Simpan", p -> {
            throw new IllegalStateException("NIK ganda");
        }).onFailure(e -> own.add(e.getMessage())));
        assertThat(own).containsExactly("NIK ganda");
        assertThat(reported).isEmpty();
    }

    @Test
    void withoutAReporterTheFailureIsThrownToTheCallerWithTheCauseMessage() {
        // The CLI and tests use the plain executor: the failure reaches the caller (CLI: message, exit code 1).
        var tasks = new SyncTaskExecutor();
        assertThatThrownBy(() -> tasks.execute(BackgroundTask.of("Impor", p -> {
            throw new RuntimeException(new IOException("Berkas tidak ditemukan: roster.xlsx"));
        }))).isInstanceOf(TaskFailedException.class)
                .hasMessage("Berkas tidak ditemukan: roster.xlsx")
                .hasRootCauseInstanceOf(IOException.class);
    }

    @Test
    void aCancelledTaskIsNoFailure() {
        List<String> reported = new ArrayList<>();
        var tasks = new SyncTaskExecutor((title, e) -> reported.add(title));
        tasks.execute(BackgroundTask.of("Impor", p -> {
            throw new java.util.concurrent.CancellationException();
        }));
        assertThat(reported).isEmpty();
    }

    @Test
    void theMessageIsTheFirstRealOneAlongTheCauseChain() {
        assertThat(TaskFailures.message(new RuntimeException(new java.util.concurrent.ExecutionException(
                new IOException("Izin ditolak"))))).isEqualTo("Izin ditolak");
        assertThat(TaskFailures.message(new NullPointerException())).isEqualTo("NullPointerException");
        assertThat(TaskFailures.details(new RuntimeException("luar", new IOException("dalam"))))
                .contains("luar").contains("Caused by: java.io.IOException: dalam");
    }
}
