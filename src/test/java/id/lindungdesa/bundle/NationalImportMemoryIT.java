package id.lindungdesa.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.persistence.JsonMappers;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14 item 6: a 200,000-person synthetic national set (signed district bundles of whole kabupaten from the
 * shipped region list) is imported through the real import into a fresh national database, and coverage and stats
 * are computed through the command line, all in a child JVM with a {@value #HEAP_MB} MB heap. Run by failsafe
 * (it takes about a minute on an idle two-core machine; the bare-insert yardstick is left out here).
 */
class NationalImportMemoryIT {
    static final int HEAP_MB = 256;
    static final int PEOPLE = 200_000;

    @TempDir
    Path dir;

    @Test
    void twoHundredThousandPeopleImportAndCoverageFitIn256Mb() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        // the bench commands live in their own jar (target/dist/lib, built at package), beside the program's classes
        Path benchJar = Path.of("").toAbsolutePath().resolve("target/dist/lib/lindungdesa-bench.jar");
        assertThat(benchJar).as("run after package (failsafe)").exists();
        String classPath = System.getProperty("java.class.path") + File.pathSeparator + benchJar;
        Process p = new ProcessBuilder(java, "-Xmx" + HEAP_MB + "m", "-XX:+UseSerialGC",
                "-Dlindungdesa.kdf.iterations=1000", "-Djava.io.tmpdir=" + dir, "-cp",
                classPath, "id.lindungdesa.app.Main", "bench", "national", "--people",
                String.valueOf(PEOPLE), "--no-raw", "--json", "--keep", dir.resolve("nasional").toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(15, TimeUnit.MINUTES)).isTrue();
        assertThat(out).doesNotContain("OutOfMemoryError").doesNotContain("memori program habis");
        assertThat(p.exitValue()).as(out).isZero();
        String last = out.strip().lines().reduce((a, b) -> b).orElseThrow();
        JsonNode r = JsonMappers.MAPPER.readTree(last);
        assertThat(r.get("people").asLong()).isEqualTo(PEOPLE);
        assertThat(r.get("import_rows").asLong()).isGreaterThan(PEOPLE * 2L);
        assertThat(r.get("max_heap_mb").asLong()).isLessThanOrEqualTo(HEAP_MB);
        assertThat(r.has("coverage_exit")).as("report coverage --json failed: " + last).isFalse();
        assertThat(r.has("stats_exit")).as("stats --json failed: " + last).isFalse();
        assertThat(r.has("receipt_problems")).isFalse();
    }
}
