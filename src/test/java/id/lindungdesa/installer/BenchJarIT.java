package id.lindungdesa.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Benchmarks, generators and crash harnesses live apart (decision 0082): after {@code package}, the program's main
 * jar holds none of them, {@code lib/lindungdesa-bench.jar} holds only them, and {@code bench} works from the built
 * launcher with the bench jar and says clearly that it is missing without it.
 */
class BenchJarIT {
    static final Path PROJECT = Path.of("").toAbsolutePath();
    static final Path DIST = PROJECT.resolve("target/dist");
    /** Class names that are benchmarks, generators or harnesses wherever they would sit. */
    static final Pattern HARNESS = Pattern.compile(".*/(\\w*Bench\\w*|Benches|CrashHarness|CrashWorkload"
            + "|SyntheticProvince|SampleRoster)(\\$.*)?\\.class");
    /** What the main jar keeps of the benchmarks: the {@code bench} command that loads them, and its interface. */
    static final List<String> LOADER = List.of("id/lindungdesa/cli/BenchCommand.class",
            "id/lindungdesa/cli/BenchSuite.class");

    static List<String> entries(Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.stream().map(JarEntry::getName).toList();
        }
    }

    @Test
    void theMainJarHoldsNoBenchmarkGeneratorOrHarness() throws IOException {
        List<String> main = entries(DIST.resolve("lib/lindungdesa.jar"));
        assertThat(main).as("the program itself is in the main jar").contains("id/lindungdesa/app/Main.class");
        assertThat(main).filteredOn(n -> !LOADER.contains(n) && (n.startsWith("id/lindungdesa/bench/")
                        || HARNESS.matcher(n).matches() || n.equals("META-INF/services/id.lindungdesa.cli.BenchSuite")))
                .as("benchmark, generator or harness classes in the main jar").isEmpty();
        List<String> bench = entries(DIST.resolve("lib/lindungdesa-bench.jar"));
        assertThat(bench).contains("id/lindungdesa/bench/CrashHarness.class", "id/lindungdesa/bench/BundleBench.class",
                "id/lindungdesa/bench/SyntheticProvince.class", "id/lindungdesa/bench/SampleRoster.class",
                "META-INF/services/id.lindungdesa.cli.BenchSuite");
        assertThat(bench).filteredOn(n -> n.endsWith(".class") && !n.startsWith("id/lindungdesa/bench/"))
                .as("the bench jar holds only the bench package").isEmpty();
    }

    @Test
    void benchRunsFromTheBuiltLauncherAndSaysSoWhenItsJarIsMissing() throws Exception {
        Run help = run(DIST, "bench");
        assertThat(help.code).as(help.out).isZero();
        assertThat(help.out).contains("bundle", "crash", "desk", "import", "report", "startup", "backup", "alerts");

        Path copy = Files.createTempDirectory("lindungdesa-nobench");
        copyTree(DIST, copy);
        Files.delete(copy.resolve("lib/lindungdesa-bench.jar"));
        Run missing = run(copy, "--lang", "en", "bench");
        assertThat(missing.code).as(missing.out).isEqualTo(1);
        assertThat(missing.out).contains("Benchmarks are not installed", "lindungdesa-bench.jar");
        Run other = run(copy, "--help");
        assertThat(other.code).as("the program runs without the bench jar: " + other.out).isZero();
    }

    record Run(int code, String out) {}

    static Run run(Path dist, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(dist.resolve("bin/lindungdesa").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
