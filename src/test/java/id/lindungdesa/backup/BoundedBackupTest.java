package id.lindungdesa.backup;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.wiring.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: rotation keeps a bounded number of backups per day, and verification leaves nothing behind in the
 * backup folder but the verified backup and its sidecar (no scratch database, no temp file).
 */
class BoundedBackupTest {
    @TempDir
    Path dir;

    @Test
    void thirtyBackupsInADayKeepOnlyTheNewestFewOfThatDay() {
        LocalDateTime day = LocalDateTime.of(2026, 3, 10, 8, 0);
        List<Rotation.Item> items = new ArrayList<>();
        items.add(new Rotation.Item("yesterday", day.minusDays(1)));
        for (int i = 0; i < 30; i++) items.add(new Rotation.Item("import-" + i, day.plusMinutes(i)));
        List<Rotation.Item> deleted = Rotation.toDelete(items, 7, 4, 12);
        List<String> kept = items.stream().filter(i -> !deleted.contains(i)).map(Rotation.Item::name).toList();
        assertThat(kept).containsExactlyInAnyOrder("yesterday", "import-29", "import-28", "import-27", "import-26",
                "import-25");
    }

    @Test
    void aVerifiedBackupLeavesNoScratchNorTempFileBehind() throws Exception {
        try (Services s = BackupServiceTest.withOffice(dir, "kab")) {
            BackupServiceTest.addPerson(s, "Siti Aminah", 1);
            for (int i = 0; i < 3; i++) {
                BackupService.Result r = s.backups().backupNow("manual", null);
                assertThat(r.info().verified()).isTrue();
                assertThat(r.info().count("PERSON")).isEqualTo(1);
            }
            List<String> names;
            try (Stream<Path> l = Files.list(dir.resolve("kab-backups"))) {
                names = l.map(p -> p.getFileName().toString()).sorted().toList();
            }
            // no scratch database (.verify-…), no temp script (.….part): only backups and their sidecars
            assertThat(names).isNotEmpty().noneMatch(n -> n.startsWith(".")).allMatch(n -> n.endsWith(".sql.gz")
                    || n.endsWith(".sql.gz.json") || n.equals("settings.json"));
            for (BackupService.Entry e : s.backups().list()) assertThat(e.verified()).isTrue();
        }
    }
}
