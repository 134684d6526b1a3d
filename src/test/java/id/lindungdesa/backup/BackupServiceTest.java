package id.lindungdesa.backup;

import id.lindungdesa.persistence.ScriptIO;
import id.lindungdesa.wiring.FileKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.Nik;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.DatabaseUnreadableException;
import id.lindungdesa.security.PassphrasePrompt;
import id.lindungdesa.wiring.SecureOpener;
import id.lindungdesa.service.RosterService;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.testing.CliRun;
import id.lindungdesa.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class BackupServiceTest {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @TempDir
    Path dir;

    public static Person addPerson(Services s, String name, int serial) {
        LocalDate birth = LocalDate.of(1980, 5, 17);
        return s.roster().addPerson(new RosterService.NewPerson(Nik.compose("360401", birth, Sex.L, serial), name,
                Sex.L, birth, null, null, null, EmploymentStatus.NON_ASN, null));
    }

    public static Services withOffice(Path dir, String name) {
        Services s = TestDb.open(dir, name, TODAY);
        s.office().init(OfficeLevel.DISTRICT, "36.04", "DPMD Kabupaten Serang", "Budi");
        return s;
    }

    @Test
    void aBackupIsVerifiedAndRestoringItBringsBackExactlyWhatWasSaved() throws Exception {
        try (Services s = withOffice(dir, "kab")) {
            addPerson(s, "Siti Aminah", 1);
            addPerson(s, "Ahmad Fauzi", 2);
            BackupService.Result r = s.backups().backupNow("manual", null);
            assertThat(r.info().verified()).isTrue();
            assertThat(r.info().count("PERSON")).isEqualTo(2);
            assertThat(r.info().officeName()).isEqualTo("DPMD Kabupaten Serang");
            assertThat(r.file()).exists().hasParent(dir.resolve("kab-backups"));
            assertThat(BackupService.verifyFile(r.file(), null, null, FileKeys.INSTANCE).ok()).isTrue();

            Person later = addPerson(s, "Dewi Lestari", 3);
            RestoreCandidate c = s.backups().prepareRestore(r.file(), null);
            assertThat(c.people()).isEqualTo(2);
            assertThat(c.officeName()).isEqualTo("DPMD Kabupaten Serang");
            assertThat(s.roster().person(later.id())).as("nothing swapped before commit").isPresent();

            Path kept = s.backups().commitRestore(c);
            assertThat(s.roster().person(later.id())).as("restored state").isEmpty();
            assertThat(s.stats().stats(TODAY).people()).isEqualTo(2);
            assertThat(s.audit().verify()).isEmpty();
            addPerson(s, "Setelah Pulih", 4);
            assertThat(kept).exists();
            assertThat(s.backups().list()).anyMatch(e -> e.file().getFileName().toString().contains("before-restore"));
            // the replaced database was kept whole: it still holds the person saved after the backup
            try (Database old = Database.open(kept, Database.Options.of("test"))) {
                assertThat(old.withConnection(ScriptIO::facts).counts().get("PERSON")).isEqualTo(3L);
            }
        }
    }

    @Test
    void aDamagedBackupIsReportedAndTheCliExitsNonZero() throws Exception {
        Path file;
        try (Services s = withOffice(dir, "kab")) {
            for (int i = 1; i <= 30; i++) addPerson(s, "Orang " + i, i);
            file = s.backups().backupNow("manual", null).file();
        }
        CliRun ok = CliRun.of("--db", dir.resolve("kab").toString(), "backup", "verify", file.toString());
        assertThat(ok.exit).as(ok.toString()).isZero();
        assertThat(ok.out).contains("30 orang,");

        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5a;
        bytes[bytes.length / 2 + 1] ^= 0x5a;
        Files.write(file, bytes);
        CliRun bad = CliRun.of("--db", dir.resolve("kab").toString(), "backup", "verify", file.toString());
        assertThat(bad.exit).isEqualTo(1);
        assertThat(bad.out).contains("RUSAK").contains("checksum");

        // without its sidecar the damage is still found by reading it back
        Files.delete(Path.of(file + ".json"));
        CliRun bare = CliRun.of("--db", dir.resolve("kab").toString(), "backup", "verify", file.toString());
        assertThat(bare.exit).isEqualTo(1);
    }

    @Test
    void cliBackupNowPrintsThePathLastAndListShowsIt() {
        try (Services s = withOffice(dir, "kab")) {
            addPerson(s, "Siti Aminah", 1);
        }
        Path flash = dir.resolve("flashdisk");
        CliRun r = CliRun.of("--db", dir.resolve("kab").toString(), "backup", "now", "--to", flash.toString());
        assertThat(r.exit).as(r.toString()).isZero();
        Path printed = Path.of(r.lastLine());
        assertThat(printed).exists().hasParent(flash);
        assertThat(Path.of(printed + ".json")).exists();
        CliRun list = CliRun.of("--db", dir.resolve("kab").toString(), "backup", "list");
        assertThat(list.out).contains("manual").contains("OK ");
    }

    @Test
    void theSecondFolderGetsACopyAndRotationKeepsDailyWeeklyMonthly() throws Exception {
        try (Services s = withOffice(dir, "kab")) {
            Path second = dir.resolve("usb");
            s.backups().saveSettings(BackupSettings.DEFAULTS.withSecondFolder(second.toString()).withRetention(3, 2, 2));
            BackupService.Result r = s.backups().backupNow("manual", null);
            assertThat(r.secondCopy()).exists().hasParent(second);
            assertThat(BackupService.verifyFile(r.secondCopy(), null, null, FileKeys.INSTANCE).ok()).isTrue();
        }
        // rotation over 60 days of one backup a day
        List<Rotation.Item> items = new ArrayList<>();
        LocalDateTime start = LocalDateTime.of(2026, 1, 1, 8, 0);
        for (int d = 0; d < 60; d++) items.add(new Rotation.Item("b" + d, start.plusDays(d)));
        items.add(new Rotation.Item("before-import", start.plusDays(59).plusHours(2)));
        List<Rotation.Item> deleted = Rotation.toDelete(items, 7, 4, 12);
        List<String> kept = items.stream().filter(i -> !deleted.contains(i)).map(Rotation.Item::name).toList();
        // the newest day whole, 7 days, the newest of the 4 newest ISO weeks (Sundays 22, 15, 8 Feb) and of
        // each month (31 Jan, 28 Feb, 1 Mar); 1 Jan 2026 is a Thursday
        assertThat(kept).containsExactlyInAnyOrder("before-import", "b59", "b58", "b57", "b56", "b55", "b54", "b53",
                "b52", "b45", "b38", "b30");
    }

    @Test
    void aBackupFromAnOlderVersionRestoresIntoThisOne() throws Exception {
        // a database as version "V2" left it (before coverage targets), with an office and a person
        Path old = dir.resolve("old");
        String url = Database.jdbcUrl(old, null);
        Flyway.configure().dataSource(url, "lindungdesa", "").locations("classpath:db/migration").target("2").load()
                .migrate();
        Path script = dir.resolve("old-version-backup.sql.gz");
        try (var c = DriverManager.getConnection(url, "lindungdesa", ""); var st = c.createStatement()) {
            st.execute("INSERT INTO office VALUES (RANDOM_UUID(), 'DISTRICT', '36.04', 'DPMD Lama', 'Ani',"
                    + " CURRENT_TIMESTAMP)");
            st.execute("INSERT INTO person (id, version, nik, full_name, sex, employment_status, created_at, updated_at)"
                    + " VALUES (RANDOM_UUID(), 1, '3604015705800001', 'Orang Lama', 'P', 'NON_ASN', CURRENT_TIMESTAMP,"
                    + " CURRENT_TIMESTAMP)");
            ScriptIO.scriptTo(c, script, null);
            st.execute("SHUTDOWN");
        }
        try (Services s = TestDb.open(dir, "new", TODAY)) {
            RestoreCandidate c = s.backups().prepareRestore(script, null);
            assertThat(c.officeName()).isEqualTo("DPMD Lama");
            assertThat(c.people()).isEqualTo(1);
            s.backups().commitRestore(c);
            assertThat(s.currentOffice().orElseThrow().name()).isEqualTo("DPMD Lama");
            assertThat(s.targets()).isNotNull();
            assertThat(s.database().withConnection(ScriptIO::summary).schemaVersion()).isNotEqualTo("2");
        }
    }

    @Test
    void anUpgradeOfAnExistingDatabaseIsPrecededByAVerifiedBackup() throws Exception {
        Path old = dir.resolve("upg");
        String url = Database.jdbcUrl(old, null);
        Flyway.configure().dataSource(url, "lindungdesa", "").locations("classpath:db/migration").target("2").load()
                .migrate();
        try (var c = DriverManager.getConnection(url, "lindungdesa", ""); var st = c.createStatement()) {
            st.execute("INSERT INTO office VALUES (RANDOM_UUID(), 'DISTRICT', '36.04', 'DPMD Lama', 'Ani',"
                    + " CURRENT_TIMESTAMP)");
            st.execute("SHUTDOWN");
        }
        try (Services s = SecureOpener.open(old, "test", PassphrasePrompt.NONE, TestDb.clockAt(TODAY))) {
            var backups = s.backups().list();
            assertThat(backups).hasSize(1);
            assertThat(backups.getFirst().file().getFileName().toString()).contains("before-upgrade-v2-to-v");
            assertThat(backups.getFirst().verified()).isTrue();
            assertThat(backups.getFirst().info().schemaVersion()).isEqualTo("2");
        }
    }

    @Test
    void aDamagedDatabaseIsNeverOverwrittenAndTheNewestVerifiedBackupIsOffered() throws Exception {
        Path base = dir.resolve("kab");
        try (Services s = withOffice(dir, "kab")) {
            addPerson(s, "Siti Aminah", 1);
            s.backups().backupNow("daily", null);
        }
        Path data = Path.of(base + ".mv.db");
        byte[] bytes = Files.readAllBytes(data);
        for (int i = 0; i < 8192; i++) bytes[i] = (byte) 0xEE;
        Files.write(data, bytes);
        byte[] damaged = Files.readAllBytes(data);

        assertThatThrownBy(() -> SecureOpener.open(base, "test", PassphrasePrompt.NONE, TestDb.clockAt(TODAY)))
                .isInstanceOf(DatabaseUnreadableException.class).hasMessageContaining("rusak");
        assertThat(Files.readAllBytes(data)).as("the damaged file is untouched").isEqualTo(damaged);
        CliRun cli = CliRun.of("--lang", "en", "--db", base.toString(), "stats");
        assertThat(cli.exit).isEqualTo(3);
        assertThat(cli.err).contains("damaged").contains("newest verified backup").contains("backup restore");

        var newest = BackupService.newestVerified(base).orElseThrow();
        CliRun restore = CliRun.of("--db", base.toString(), "backup", "restore", newest.file().toString());
        assertThat(restore.exit).as(restore.toString()).isZero();
        Path aside;
        try (var files = Files.list(dir)) {
            aside = files.filter(f -> f.getFileName().toString().startsWith("kab.damaged-")).findFirst().orElseThrow();
        }
        assertThat(Files.readAllBytes(aside)).as("kept aside, byte for byte").isEqualTo(damaged);
        try (Services s = TestDb.open(dir, "kab", TODAY)) {
            assertThat(s.roster().findByNik(Nik.compose("360401", LocalDate.of(1980, 5, 17), Sex.L, 1))).hasSize(1);
        }
    }
}
