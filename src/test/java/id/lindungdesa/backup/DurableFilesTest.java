package id.lindungdesa.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.persistence.DurableFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFailedExportLeavesTheOldFileWholeAndNoPartFile() throws Exception {
        Path f = dir.resolve("out/laporan.csv");
        DurableFiles.write(f, out -> out.write("lama".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> DurableFiles.write(f, out -> {
            out.write("baru, setengah".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk penuh");
        })).hasMessageContaining("disk penuh");
        assertThat(Files.readString(f)).isEqualTo("lama");
        try (var files = Files.list(f.getParent())) {
            assertThat(files).containsExactly(f);
        }
        DurableFiles.write(f, out -> out.write("baru".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(f)).isEqualTo("baru");
    }
}
