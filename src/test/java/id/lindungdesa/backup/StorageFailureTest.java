package id.lindungdesa.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import id.lindungdesa.domain.Nik;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.persistence.StorageException;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.testing.TestDb;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real small volume (tmpfs, mounted when the tests run as root): a save on a full disk or on read-only media is
 * refused with a clear message, and everything saved before is intact afterwards.
 */
class StorageFailureTest {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @TempDir
    Path tmp;
    Path mount;

    static boolean sh(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    @BeforeEach
    void mountSmallVolume() throws Exception {
        mount = tmp.resolve("vol");
        Files.createDirectories(mount);
        boolean root = "root".equals(System.getProperty("user.name"));
        assumeTrue(root && sh("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount.toString()),
                "needs root to mount a small tmpfs volume");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) sh("umount", "-l", mount.toString());
    }

    static void add(Services s, int i) {
        BackupServiceTest.addPerson(s, "Orang " + i, i);
    }

    @Test
    void aSaveOnAFullDiskIsRefusedAndNothingStoredIsDamaged() throws Exception {
        try (Services s = BackupServiceTest.withOffice(mount, "kab")) {
            for (int i = 1; i <= 20; i++) add(s, i);
            fill(mount.resolve("filler"));
            assertThatThrownBy(() -> {
                for (int i = 21; i <= 400; i++) add(s, i);
            }).isInstanceOf(StorageException.class).hasMessageContaining("Tidak dapat menyimpan")
                    .hasMessageContaining("TIDAK tersimpan");
        } catch (RuntimeException closing) {
            // closing a store that could not write may fail too; what matters is the file
        }
        Files.delete(mount.resolve("filler"));
        try (Services s = TestDb.open(mount, "kab", TODAY)) {
            for (int i = 1; i <= 20; i++) {
                assertThat(s.roster().findByNik(Nik.compose("360401", LocalDate.of(1980, 5, 17), Sex.L, i)))
                        .hasSize(1);
            }
            assertThat(s.audit().verify()).isEmpty();
            add(s, 999);
        }
    }

    @Test
    void aSaveOnReadOnlyMediaIsRefusedAndNothingStoredIsDamaged() throws Exception {
        try (Services s = BackupServiceTest.withOffice(mount, "kab")) {
            for (int i = 1; i <= 5; i++) add(s, i);
        }
        byte[] before = Files.readAllBytes(mount.resolve("kab.mv.db"));
        // a write-protected flash drive
        assertThat(sh("mount", "-o", "remount,ro", mount.toString())).isTrue();
        try (Services s = TestDb.open(mount, "kab", TODAY)) {
            assertThat(s.stats().stats(TODAY).people()).as("reading works").isEqualTo(5);
            assertThatThrownBy(() -> add(s, 6)).isInstanceOf(StorageException.class)
                    .hasMessageContaining("hanya-baca").hasMessageContaining("TIDAK tersimpan");
        }
        assertThat(sh("mount", "-o", "remount,rw", mount.toString())).isTrue();
        assertThat(Files.readAllBytes(mount.resolve("kab.mv.db"))).isEqualTo(before);
        try (Services s = TestDb.open(mount, "kab", TODAY)) {
            assertThat(s.stats().stats(TODAY).people()).isEqualTo(5);
            assertThat(s.audit().verify()).isEmpty();
        }
    }

    private static void fill(Path filler) {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) out.write(block);
        } catch (IOException full) {
            // the volume is full now
        }
    }
}
