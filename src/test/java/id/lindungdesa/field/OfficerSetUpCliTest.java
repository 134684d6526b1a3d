package id.lindungdesa.field;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.persistence.JsonMappers;
import id.lindungdesa.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Issue 15.1: a kecamatan officer's office and key, enrolled at the district with its level and kecamatan. */
class OfficerSetUpCliTest {
    static {
        System.setProperty("lindungdesa.kdf.iterations", "1000");
    }

    @TempDir
    Path dir;

    @Test
    void theDistrictEnrolsTheOfficersKeyRecordingLevelKecamatanAndEncryptionKey() throws Exception {
        Path pass = dir.resolve("pass.txt");
        Files.writeString(pass, "sandi-petugas-2026\n");
        String kec = dir.resolve("kec").toString();
        String kab = dir.resolve("kab").toString();
        CliRun init = CliRun.of("--db", kec, "office", "init", "--level", "subdistrict", "--code", "36.04.05",
                "--name", "Kecamatan Kramatwatu", "--clerk", "Dedi Petugas");
        assertThat(init.exit).as(init.toString()).isZero();
        assertThat(CliRun.of("--db", kec, "keys", "init", "--passphrase-file", pass.toString()).exit).isZero();
        Path pub = dir.resolve("petugas.pub.json");
        CliRun exp = CliRun.of("--db", kec, "keys", "export-public", "--out", pub.toString());
        assertThat(exp.exit).as(exp.toString()).isZero();
        JsonNode file = JsonMappers.MAPPER.readTree(Files.readAllBytes(pub));
        assertThat(file.get("formatVersion").intValue()).isEqualTo(2);
        assertThat(file.get("office").get("level").stringValue()).isEqualTo("SUBDISTRICT");
        assertThat(file.get("encryptionKey").get("algorithm").stringValue()).isEqualTo("X25519");
        String words = file.get("fingerprint").stringValue();
        assertThat(CliRun.of("--db", kec, "keys", "show").out)
                .contains(file.get("encryptionKey").get("keyId").stringValue()).contains("X25519");

        assertThat(CliRun.of("--db", kab, "office", "init", "--level", "district", "--code", "36.04", "--name",
                "DPMD Kabupaten Serang", "--clerk", "Sri Lestari").exit).isZero();
        // Wrong words: refused, nothing enrolled.
        CliRun wrong = CliRun.of("--db", kab, "trust", "add", pub.toString(), "--fingerprint",
                "pulau jalan kendi wajan guru teh seruling matahari");
        assertThat(wrong.exit).isEqualTo(1);
        assertThat(CliRun.of("--db", kab, "trust", "list", "--json").out).doesNotContain("36.04.05");

        CliRun add = CliRun.of("--db", kab, "trust", "add", pub.toString(), "--fingerprint", words);
        assertThat(add.exit).as(add.toString()).isZero();
        JsonNode list = JsonMappers.MAPPER.readTree(CliRun.of("--db", kab, "trust", "list", "--json").out);
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("officeLevel").stringValue()).isEqualTo("SUBDISTRICT");
        assertThat(list.get(0).get("officeCode").stringValue()).isEqualTo("36.04.05");
        assertThat(list.get(0).get("status").stringValue()).isNotBlank();
        assertThat(list.get(0).get("encryptionKeyId").stringValue())
                .isEqualTo(file.get("encryptionKey").get("keyId").stringValue());
    }

    @Test
    void aKeyFileWhoseEncryptionKeyWasSwappedIsRefused() throws Exception {
        Path pass = dir.resolve("pass.txt");
        Files.writeString(pass, "sandi-petugas-2026\n");
        String kec = dir.resolve("kec").toString();
        String kab = dir.resolve("kab").toString();
        CliRun.of("--db", kec, "office", "init", "--level", "subdistrict", "--code", "36.04.05", "--name",
                "Kecamatan Kramatwatu", "--clerk", "Dedi");
        CliRun.of("--db", kec, "keys", "init", "--passphrase-file", pass.toString());
        Path pub = dir.resolve("petugas.pub.json");
        CliRun.of("--db", kec, "keys", "export-public", "--out", pub.toString());
        JsonNode file = JsonMappers.MAPPER.readTree(Files.readAllBytes(pub));
        String words = file.get("fingerprint").stringValue();
        // Someone on the way replaces the encryption key with their own (same length, valid base64).
        String original = file.get("encryptionKey").get("publicKey").stringValue();
        String swapped = id.lindungdesa.bundle.EncryptionKeysTestAccess.otherPublicKey();
        Files.writeString(pub, Files.readString(pub).replace(original, swapped));
        CliRun.of("--db", kab, "office", "init", "--level", "district", "--code", "36.04", "--name", "DPMD",
                "--clerk", "Sri");
        CliRun add = CliRun.of("--db", kab, "trust", "add", pub.toString(), "--fingerprint", words);
        assertThat(add.exit).isEqualTo(1);
        assertThat(add.err).contains("tidak ditandatangani");
        assertThat(CliRun.of("--db", kab, "trust", "list", "--json").out).doesNotContain("36.04.05");
    }
}
