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

    @Test
    void aStreamedWriteAppearsOnlyWhenCommittedAndLeavesNoTempFileOtherwise() throws Exception {
        Path f = dir.resolve("bundel.ldb");
        try (DurableFiles.Pending p = DurableFiles.begin(f)) {
            try (var out = p.out()) {
                out.write("setengah".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(p.temp().getParent()).isEqualTo(f.getParent()); // same folder: the move is atomic
            assertThat(f).doesNotExist();
        } // not committed: abandoned
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        try (DurableFiles.Pending p = DurableFiles.begin(f)) {
            Files.writeString(p.temp(), "utuh"); // a library that writes to a path
            p.commit();
        }
        assertThat(Files.readString(f)).isEqualTo("utuh");
        try (DurableFiles.Pending p = DurableFiles.begin(f)) {
            Files.writeString(p.temp(), "lain");
            assertThatThrownBy(p::commitNew).isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        }
        assertThat(Files.readString(f)).isEqualTo("utuh");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(f);
        }
    }

    @Test
    void keysAreWrittenOwnerOnlyAndExportsWithTheUsualPermissions() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path key = dir.resolve("kunci.json");
        Path report = dir.resolve("laporan.xlsx");
        DurableFiles.writeString(key, DurableFiles.Access.OWNER_ONLY, "{}");
        DurableFiles.writeString(report, "isi");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
        Path usual = Files.createFile(dir.resolve("biasa.txt")); // what any new file in that folder gets
        assertThat(Files.getPosixFilePermissions(report)).isEqualTo(Files.getPosixFilePermissions(usual));
    }

    @Test
    void oneHashForFilesAndBytes() throws Exception {
        Path f = dir.resolve("a.txt");
        DurableFiles.writeString(f, "abc");
        assertThat(id.lindungdesa.persistence.FileHashes.sha256(f))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
                .isEqualTo(id.lindungdesa.persistence.FileHashes.sha256("abc".getBytes(StandardCharsets.UTF_8)));
    }
}
