package id.lindungdesa.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.persistence.JsonMappers;
import id.lindungdesa.testing.CliRun;
import id.lindungdesa.testing.TestDb;
import id.lindungdesa.wiring.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18: the province key pinned before the first pack, at office set-up ({@code office init --province-key
 * FILE --fingerprint "WORDS"}) or with {@code trust add … --fingerprint}; the first pack then needs no words, and
 * a pack signed by another key is refused. Wrong words or another province's key are refused with nothing written.
 */
class RefPackPinTest {
    @TempDir
    Path dir;

    private Path passFile() throws Exception {
        Path p = dir.resolve("prov-pass.txt");
        Files.writeString(p, new String(BundleKit.PROV_PASS) + "\n");
        return p;
    }

    private Path pack(String db, String name) throws Exception {
        Path out = dir.resolve(name);
        CliRun r = CliRun.of("--db", db, "refpack", "export", "--out", out.toString(), "--passphrase-file",
                passFile().toString());
        assertThat(r.exit).as(r.toString()).isZero();
        return out;
    }

    @Test
    void theProvinceKeyPinnedAtSetUpOrWithTrustAddTakesTheFirstPackWithoutWords() throws Exception {
        Path provPub = dir.resolve("prov-36.pub.json");
        Path otherPub = dir.resolve("prov-32.pub.json");
        String words;
        String otherWords;
        Files.createDirectories(dir.resolve("o"));
        Files.createDirectories(dir.resolve("x"));
        try (Services prov = BundleKit.province(dir, "36");
             Services other = BundleKit.province(dir.resolve("o"), "32");
             Services impostor = BundleKit.province(dir.resolve("x"), "36")) {
            words = prov.bundles().keys().exportPublic(provPub).fingerprint();
            otherWords = other.bundles().keys().exportPublic(otherPub).fingerprint();
            prov.targets().set("36", 2026, null, new java.math.BigDecimal("60.80"), "manual");
        }
        Path p1 = pack(dir.resolve("prov-36").toString(), "p1.ldr");
        Path fake = pack(dir.resolve("x").resolve("prov-36").toString(), "fake.ldr");

        // office set-up: wrong words, then another province's key: refused, no office set up
        String kab = dir.resolve("kab-36.04").toString();
        CliRun wrong = CliRun.of("--db", kab, "office", "init", "--level", "district", "--code", "36.04", "--name",
                "DPMD Kabupaten Serang", "--clerk", "Budi", "--province-key", provPub.toString(), "--fingerprint",
                otherWords);
        assertThat(wrong.exit).as(wrong.toString()).isEqualTo(1);
        assertThat(wrong.err).contains("Sidik jari tidak cocok");
        CliRun otherProv = CliRun.of("--db", kab, "office", "init", "--level", "district", "--code", "36.04",
                "--name", "DPMD Kabupaten Serang", "--clerk", "Budi", "--province-key", otherPub.toString(),
                "--fingerprint", otherWords);
        assertThat(otherProv.exit).as(otherProv.toString()).isEqualTo(1);
        assertThat(otherProv.err).contains("Kunci kantor 32 tidak dapat didaftarkan");
        assertThat(CliRun.of("--db", kab, "office", "show").exit).as("no office was set up").isEqualTo(1);

        CliRun init = CliRun.of("--db", kab, "office", "init", "--level", "district", "--code", "36.04", "--name",
                "DPMD Kabupaten Serang", "--clerk", "Budi", "--province-key", provPub.toString(), "--fingerprint",
                words);
        assertThat(init.exit).as(init.toString()).isZero();
        assertThat(init.out).contains("Kunci provinsi disematkan");
        JsonNode list = JsonMappers.MAPPER.readTree(CliRun.of("--db", kab, "trust", "list", "--json").out);
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("officeLevel").stringValue()).isEqualTo("PROVINCE");
        assertThat(list.get(0).get("officeCode").stringValue()).isEqualTo("36");
        // the first pack: no words asked, the key is already pinned
        CliRun imp = CliRun.of("--db", kab, "refpack", "import", p1.toString());
        assertThat(imp.exit).as(imp.toString()).isZero();
        assertThat(imp.out).contains("Paket data acuan #1 diterapkan: 1 target").doesNotContain("disematkan");

        // trust add … --fingerprint before the first pack, at another district
        String lebak = dir.resolve("kab-36.02").toString();
        assertThat(CliRun.of("--db", lebak, "office", "init", "--level", "district", "--code", "36.02", "--name",
                "DPMD Kabupaten Lebak", "--clerk", "Sari").exit).isZero();
        String before;
        try (Services s = TestDb.open(dir, "kab-36.02", BundleKit.TODAY)) {
            before = BundleKit.dump(s);
        }
        CliRun bad = CliRun.of("--db", lebak, "trust", "add", provPub.toString(), "--fingerprint", otherWords);
        assertThat(bad.exit).isEqualTo(1);
        try (Services s = TestDb.open(dir, "kab-36.02", BundleKit.TODAY)) {
            assertThat(BundleKit.dump(s)).isEqualTo(before);
        }
        CliRun add = CliRun.of("--db", lebak, "trust", "add", provPub.toString(), "--fingerprint", words);
        assertThat(add.exit).as(add.toString()).isZero();
        // a pack of an impostor claiming province 36 is refused: it is not the pinned key
        String pinned;
        try (Services s = TestDb.open(dir, "kab-36.02", BundleKit.TODAY)) {
            pinned = BundleKit.dump(s);
        }
        CliRun f = CliRun.of("--db", lebak, "refpack", "import", fake.toString(), "--yes");
        assertThat(f.exit).isEqualTo(1);
        assertThat(f.err).contains("UNKNOWN_KEY").contains("bukan kunci provinsi yang disematkan");
        try (Services s = TestDb.open(dir, "kab-36.02", BundleKit.TODAY)) {
            assertThat(BundleKit.dump(s)).isEqualTo(pinned);
        }
        CliRun ok = CliRun.of("--db", lebak, "refpack", "import", p1.toString());
        assertThat(ok.exit).as(ok.toString()).isZero();
        assertThat(ok.out).contains("Paket data acuan #1 diterapkan").doesNotContain("disematkan");
    }
}
