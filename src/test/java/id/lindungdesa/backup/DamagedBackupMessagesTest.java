package id.lindungdesa.backup;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.Nik;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.security.PassphrasePrompt;
import id.lindungdesa.wiring.SecureOpener;
import id.lindungdesa.service.RosterService;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 item 8: verifying or restoring a damaged (encrypted) backup names the file, the position and the
 * problem, never decrypted content: no names, NIK or SQL from the script, in the message or anywhere in the chain
 * of causes that a log would print. The database is unchanged.
 */
class DamagedBackupMessagesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final String SECRET_NAME = "Wulandari Rahasiawati";

    @TempDir
    Path dir;

    static final class Clerk implements PassphrasePrompt {
        @Override
        public char[] existing(Path database, int attempt, String problem) {
            return "rahasia-dpmd-2026".toCharArray();
        }

        @Override
        public char[] chooseNew(Path database) {
            return "rahasia-dpmd-2026".toCharArray();
        }

        @Override
        public void showRecoveryCode(Path database, String recoveryCode) {
        }

        @Override
        public void warn(String message) {
        }
    }

    @Test
    void damagedEncryptedBackupsAreDescribedWithoutTheirContent() throws Exception {
        Path base = dir.resolve("enc");
        List<String> secrets = new ArrayList<>();
        try (Services s = SecureOpener.open(base, "test", new Clerk(), TestDb.clockAt(TODAY))) {
            assertThat(s.database().encrypted()).isTrue();
            s.office().init(OfficeLevel.DISTRICT, "36.04", "DPMD Kabupaten Sukamaju Rahasia", "Budi");
            secrets.add("Sukamaju Rahasia");
            LocalDate birth = LocalDate.of(1980, 5, 17);
            for (int i = 1; i <= 60; i++) {
                String nik = Nik.compose("360401", birth, Sex.P, i);
                s.roster().addPerson(new RosterService.NewPerson(nik, SECRET_NAME + " " + i, Sex.P, birth, null,
                        null, null, EmploymentStatus.NON_ASN, null));
                if (i == 1) secrets.add(nik);
            }
            secrets.add(SECRET_NAME);
            Path good = s.backups().backupNow("manual", null).file();
            Object people = s.stats().stats(TODAY).people();
            byte[] bytes = Files.readAllBytes(good);
            List<String> messages = new ArrayList<>();
            int damagedSeen = 0;
            for (int k = 1; k <= 12; k++) {
                byte[] copy = bytes.clone();
                int at = (int) ((long) copy.length * k / 13);
                for (int j = 0; j < 24 && at + j < copy.length; j++) copy[at + j] ^= (byte) (0x5a + j);
                Path bad = dir.resolve("damaged-" + k + "-" + good.getFileName());
                Files.write(bad, copy);
                BackupService.VerifyReport v = s.backups().verify(bad, null);
                if (!v.ok()) {
                    damagedSeen++;
                    messages.add(v.problem().toString());
                    assertThat(v.problem().toString()).as("names the file").contains(bad.getFileName().toString());
                }
                try {
                    RestoreCandidate c = s.backups().prepareRestore(bad, null);
                    BackupService.discard(c);
                } catch (BackupException e) {
                    messages.add(e.getMessage());
                    assertThat(e.getMessage()).contains(bad.getFileName().toString());
                    for (Throwable t = e.getCause(); t != null; t = t.getCause()) messages.add(String.valueOf(t));
                    java.io.StringWriter trace = new java.io.StringWriter();
                    e.printStackTrace(new java.io.PrintWriter(trace));
                    messages.add(trace.toString());
                }
            }
            assertThat(damagedSeen).as("the damage is found").isPositive();
            for (String m : messages) {
                for (String secret : secrets) assertThat(m).as(m).doesNotContain(secret);
                assertThat(m).as(m).doesNotContainIgnoringCase("insert into").doesNotContain("VALUES");
            }
            assertThat(s.stats().stats(TODAY).people()).as("database unchanged").isEqualTo(people);
        }
    }
}
