package id.lindungdesa.cli;

import id.lindungdesa.testing.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.bundle.BundleKit;
import id.lindungdesa.wiring.Services;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command-line contract: exit codes of bundle verify, the dry-run JSON keys, trust list. */
class BundleCliTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        CliRun r = CliRun.of(args);
        return new Run(r.exit, r.out, r.err);
    }

    @Test
    void verifyExitsZeroWhenValidAndTrustedAndOneWithTheReasonOtherwise() throws Exception {
        Path bundle;
        Path pub = dir.resolve("serang.pub.json");
        try (Services kab = BundleKit.district(dir, "36.04", 21);
             Services prov = BundleKit.province(dir, "36")) {
            kab.bundles().keys().exportPublic(pub);
            bundle = BundleKit.export(kab, dir, "serang.ldb");
        }
        String prov = dir.resolve("prov-36").toString();
        assertThat(run("--db", prov, "bundle", "verify", bundle.toString()).code()).isEqualTo(1);
        Run noTrust = run("--db", prov, "bundle", "verify", bundle.toString());
        assertThat(noTrust.err()).contains("UNKNOWN_KEY");

        Run offline = run("bundle", "verify", bundle.toString(), "--trust", pub.toString());
        assertThat(offline.code()).isZero();
        assertThat(offline.out()).contains("36.04");

        Run add = run("--db", prov, "trust", "add", pub.toString(), "--yes");
        assertThat(add.code()).isZero();
        assertThat(run("--db", prov, "trust", "list", "--json").out()).contains("\"officeCode\":\"36.04\"");
        assertThat(run("--db", prov, "bundle", "verify", bundle.toString()).code()).isZero();

        Run dry = run("--db", prov, "bundle", "import", bundle.toString(), "--dry-run", "--json");
        assertThat(dry.code()).isZero();
        assertThat(dry.out()).contains("\"dryRun\":true", "\"people\":{\"new\":", "\"unchanged\":0");

        byte[] bytes = Files.readAllBytes(bundle);
        bytes[bytes.length - 10] ^= 1;
        Path changed = dir.resolve("changed.ldb");
        Files.write(changed, bytes);
        Run bad = run("--db", prov, "bundle", "verify", changed.toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("PAYLOAD_CHANGED");

        // without --db and with no database in the data folder, verify refuses and creates nothing (issue 13, 7)
        Path home = dir.resolve("empty-home");
        System.setProperty("lindungdesa.home", home.toString());
        try {
            Run none = run("bundle", "verify", bundle.toString());
            assertThat(none.code()).isEqualTo(1);
            assertThat(none.err()).contains("NOT_FOUND", "--trust").doesNotContain("pemulihan");
            try (var files = Files.walk(dir)) {
                assertThat(files.filter(f -> f.startsWith(home))
                        .filter(f -> f.getFileName().toString().endsWith(".mv.db"))).isEmpty();
            }
        } finally {
            System.clearProperty("lindungdesa.home");
        }
    }
}
