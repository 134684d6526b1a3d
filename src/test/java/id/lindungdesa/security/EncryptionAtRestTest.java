package id.lindungdesa.security;

import id.lindungdesa.wiring.FileKeys;
import id.lindungdesa.wiring.SecureOpener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.backup.BackupService;
import id.lindungdesa.backup.RestoreCandidate;
import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.Nik;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.service.RosterService;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.testing.TestDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptionAtRestTest {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final Clock CLOCK = TestDb.clockAt(TODAY);
    static final LocalDate BIRTH = LocalDate.of(1985, 4, 12);
    static final String NIK = Nik.compose("360401", BIRTH, Sex.P, 4242);
    static final String NAME = "Kartini Wulandari";

    @TempDir
    Path dir;

    /** A prompt as a person would answer it: the given passphrase, every time; records the recovery code. */
    static final class Typed implements PassphrasePrompt {
        final String pass;
        final List<String> codes = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        int asked;

        Typed(String pass) {
            this.pass = pass;
        }

        @Override
        public char[] existing(Path database, int attempt, String problem) {
            asked++;
            return pass == null ? null : pass.toCharArray();
        }

        @Override
        public char[] chooseNew(Path database) {
            return pass == null ? null : pass.toCharArray();
        }

        @Override
        public void showRecoveryCode(Path database, String recoveryCode) {
            codes.add(recoveryCode);
        }

        @Override
        public void warn(String message) {
            warnings.add(message);
        }
    }

    static void addKnownPerson(Services s) {
        if (s.currentOffice().isEmpty()) s.office().init(OfficeLevel.DISTRICT, "36.04", "DPMD Serang", "Budi");
        s.roster().addPerson(new RosterService.NewPerson(NIK, NAME, Sex.P, BIRTH, null, null, null,
                EmploymentStatus.NON_ASN, null));
    }

    static boolean fileContains(Path f, String text) throws Exception {
        byte[] hay = Files.readAllBytes(f);
        for (byte[] needle : List.of(text.getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_16BE),
                text.getBytes(StandardCharsets.UTF_16LE))) {
            outer:
            for (int i = 0; i + needle.length <= hay.length; i++) {
                for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
                return true;
            }
        }
        return false;
    }

    @Test
    void aNewDatabaseIsEncryptedAndItsFileDoesNotRevealNikOrName() throws Exception {
        Path base = dir.resolve("enc");
        Typed clerk = new Typed("rahasia-dpmd-2026");
        try (Services s = SecureOpener.open(base, "test", clerk, CLOCK)) {
            assertThat(s.database().encrypted()).isTrue();
            addKnownPerson(s);
            s.backups().backupNow("manual", null);
        }
        assertThat(clerk.codes).hasSize(1);
        assertThat(KeyFile.exists(base)).isTrue();
        assertThat(fileContains(Path.of(base + ".mv.db"), NIK)).isFalse();
        assertThat(fileContains(Path.of(base + ".mv.db"), NAME)).isFalse();
        assertThat(fileContains(KeyFile.pathFor(base), new KeyFile.FileKey(new byte[32]).h2Password())).isFalse();

        // the same search finds both in an unencrypted database: the test can fail
        Path plainBase = dir.resolve("plain");
        Typed none = new Typed(null);
        try (Services s = SecureOpener.open(plainBase, "test", none, CLOCK)) {
            assertThat(s.database().encrypted()).isFalse();
            addKnownPerson(s);
        }
        assertThat(none.warnings).singleElement().asString().contains("TANPA enkripsi").contains("security encrypt");
        assertThat(fileContains(Path.of(plainBase + ".mv.db"), NIK)).isTrue();
        assertThat(fileContains(Path.of(plainBase + ".mv.db"), NAME)).isTrue();

        // reopening asks for the passphrase and shows the data
        Typed again = new Typed("rahasia-dpmd-2026");
        try (Services s = SecureOpener.open(base, "test", again, CLOCK)) {
            assertThat(again.asked).isEqualTo(1);
            assertThat(s.roster().findByNik(NIK)).singleElement().extracting(p -> p.fullName()).isEqualTo(NAME);
            // encrypted backups: encrypted with the file key, still verified
            var entry = s.backups().list().getFirst();
            assertThat(entry.file().toString()).endsWith(".sql.enc");
            assertThat(entry.verified()).isTrue();
            assertThat(BackupService.verifyFile(entry.file(), null, "rahasia-dpmd-2026".toCharArray(),
                    FileKeys.INSTANCE).ok()).isTrue();
            assertThat(BackupService.verifyFile(entry.file(), null, "salah-sekali".toCharArray(),
                    FileKeys.INSTANCE).ok()).isFalse();
            RestoreCandidate c = s.backups().prepareRestore(entry.file(), null);
            assertThat(c.people()).isEqualTo(1);
            s.backups().commitRestore(c);
            assertThat(s.roster().findByNik(NIK)).hasSize(1);
        }
    }

    @Test
    void aWrongPassphraseIsRefusedAndTheRecoveryCodeSetsANewOne() throws Exception {
        Path base = dir.resolve("enc");
        Typed clerk = new Typed("passphrase-lama");
        try (Services s = SecureOpener.open(base, "test", clerk, CLOCK)) {
            addKnownPerson(s);
        }
        byte[] before = Files.readAllBytes(Path.of(base + ".mv.db"));
        Typed wrong = new Typed("bukan-ini-sandinya");
        assertThatThrownBy(() -> SecureOpener.open(base, "test", wrong, CLOCK))
                .isInstanceOf(AccessRefusedException.class).hasMessageContaining("Kata sandi salah");
        assertThat(wrong.asked).isEqualTo(SecureOpener.MAX_ATTEMPTS);
        assertThatThrownBy(() -> SecureOpener.open(base, "test", new Typed(null), CLOCK))
                .isInstanceOf(AccessRefusedException.class).hasMessageContaining("LINDUNGDESA_PASSPHRASE");
        assertThat(Files.readAllBytes(Path.of(base + ".mv.db"))).as("nothing changed").isEqualTo(before);

        String code = clerk.codes.getFirst();
        assertThatThrownBy(() -> EncryptionService.recover(base, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH",
                "apa-saja-123".toCharArray())).isInstanceOf(KeyFile.WrongPassphraseException.class);
        String newCode = EncryptionService.recover(base, code.toLowerCase(java.util.Locale.ROOT).replace("-", " "),
                "sandi-baru-2026".toCharArray());
        assertThat(newCode).isNotEqualTo(code);
        assertThatThrownBy(() -> SecureOpener.open(base, "test", new Typed("passphrase-lama"), CLOCK))
                .isInstanceOf(AccessRefusedException.class);
        try (Services s = SecureOpener.open(base, "test", new Typed("sandi-baru-2026"), CLOCK)) {
            assertThat(s.roster().findByNik(NIK)).hasSize(1);
        }
        // a lost key file is named as such, not taken for a damaged database
        Files.move(KeyFile.pathFor(base), dir.resolve("elsewhere.json"));
        byte[] beforeMissing = Files.readAllBytes(Path.of(base + ".mv.db"));
        assertThatThrownBy(() -> SecureOpener.open(base, "test", new Typed("sandi-baru-2026"), CLOCK))
                .isInstanceOf(id.lindungdesa.persistence.DatabaseKeyException.class)
                .hasMessageContaining("berkas kunci");
        assertThat(Files.readAllBytes(Path.of(base + ".mv.db"))).isEqualTo(beforeMissing);
    }

    @Test
    void anExistingUnencryptedDatabaseIsMigrated() throws Exception {
        Path base = dir.resolve("lama");
        try (Services s = SecureOpener.open(base, "test", new Typed(null), CLOCK)) {
            addKnownPerson(s);
            s.backups().backupNow("daily", null);
            assertThat(fileContains(Path.of(base + ".mv.db"), NIK)).isTrue();
            String code = s.encryption().encrypt("sandi-kantor-2026".toCharArray());
            assertThat(code).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){7}");
            assertThat(s.database().encrypted()).isTrue();
            // the same services keep working on the encrypted file
            assertThat(s.roster().findByNik(NIK)).hasSize(1);
            assertThat(s.audit().verify()).isEmpty();
            assertThat(s.encryption().plainBackups()).isNotEmpty();
        }
        assertThat(fileContains(Path.of(base + ".mv.db"), NIK)).isFalse();
        assertThat(fileContains(Path.of(base + ".mv.db"), NAME)).isFalse();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .noneMatch(n -> n.contains("encrypting") || n.endsWith(".new"));
        }
        try (Services s = SecureOpener.open(base, "test", new Typed("sandi-kantor-2026"), CLOCK)) {
            assertThat(s.roster().findByNik(NIK)).hasSize(1);
        }
    }
}
