package id.lindungdesa.field;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.bundle.BundleKit;
import id.lindungdesa.persistence.JsonMappers;
import id.lindungdesa.testing.CliRun;
import id.lindungdesa.wiring.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Issue 15.2 through the CLI: {@code field export} and {@code field packages --json}; refusals exit 1. */
class FieldExportCliTest {
    @TempDir
    Path dir;

    @Test
    void exportListsThePackageAndRefusesAnUnknownOfficer() throws Exception {
        String officerKey;
        try (Services kab = BundleKit.district(dir, "36.04", 3);
             Services kec = FieldPackageExportTest.officer(dir, "kec", "36.04.01")) {
            officerKey = FieldPackageExportTest.enrolBoth(kab, kec, dir);
        }
        String db = dir.resolve("kab-36.04").toString();
        Path pass = dir.resolve("pass.txt");
        Files.writeString(pass, new String(BundleKit.PASS) + "\n");
        Path out = dir.resolve("paket.ldf");

        CliRun bad = CliRun.of("--db", db, "field", "export", "--kecamatan", "36.04.01", "--officer",
                "0123456789abcdef", "--out", out.toString(), "--passphrase-file", pass.toString());
        assertThat(bad.exit).isEqualTo(1);
        assertThat(bad.err).contains("UNKNOWN_KEY").contains("trust add");
        assertThat(out).doesNotExist();

        CliRun ok = CliRun.of("--db", db, "field", "export", "--kecamatan", "36.04.01", "--officer", officerKey,
                "--out", out.toString(), "--passphrase-file", pass.toString());
        assertThat(ok.exit).as(ok.toString()).isZero();
        assertThat(ok.out).contains("#1").contains("36.04.01").contains(out.getFileName().toString());
        assertThat(out).exists();
        // The manifest is readable without any key (docs/bundle-format.md §7 shows this one).
        JsonNode env = JsonMappers.MAPPER.readTree(Files.readAllLines(out,
                java.nio.charset.StandardCharsets.ISO_8859_1).getFirst());
        String manifest = new String(java.util.Base64.getDecoder().decode(env.get("payload").stringValue()),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(manifest).contains("\"recipient\"").contains(officerKey);
        System.out.println(manifest);

        JsonNode list = JsonMappers.MAPPER.readTree(CliRun.of("--db", db, "field", "packages", "--json").out);
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("kecamatan").stringValue()).isEqualTo("36.04.01");
        assertThat(list.get(0).get("officerKeyId").stringValue()).isEqualTo(officerKey);
        assertThat(list.get(0).get("state").stringValue()).isEqualTo("SENT");
        assertThat(list.get(0).get("records").intValue()).isGreaterThan(10);
        assertThat(CliRun.of("--db", db, "field", "packages").out).contains("terkirim");
    }
}
