package id.lindungdesa.bench;

import id.lindungdesa.cli.Cli;
import id.lindungdesa.cli.RootCommand;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.Progress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lindungdesa bench startup}: launch → window visible → roster ready, measured from outside for the
 * installed program and for {@code java -jar}, over several runs on a demo district. The desktop prints
 * {@code probe window <ms>} and {@code probe roster <ms>} (milliseconds since its JVM started) when started with
 * {@code -Dlindungdesa.startupProbe=true} and exits after the roster; this command adds the time from its own
 * launch of the process (wall clock), which includes the launcher and JVM start.
 */
@Command(name = "startup", description = "Waktu mulai: jendela tampil, daftar siap / start-up: window shown, roster ready")
final class StartupBenchCommand implements Callable<Integer> {
    static final String PROBE = "lindungdesa.startupProbe";

    @Spec
    CommandSpec spec;

    @Option(names = "--runs", defaultValue = "5", description = "Runs per program after one warm-up run (default 5)")
    int runs;

    @Option(names = "--launcher", paramLabel = "PATH",
            description = "A launcher to measure, e.g. /opt/lindungdesa/bin/lindungdesa or target/dist/bin/lindungdesa "
                    + "(repeatable; default: this program's own launcher when it runs installed)")
    List<Path> launchers = new ArrayList<>();

    @Option(names = "--jar", paramLabel = "JAR",
            description = "Measure `java -jar JAR` (default: the lindungdesa.jar this command runs from)")
    Path jar;

    @Option(names = "--java", paramLabel = "PATH", description = "The java for --jar (default: the running one)")
    Path java;

    @Option(names = "--no-jar", description = "Do not measure `java -jar`")
    boolean noJar;

    @Option(names = "--timeout", defaultValue = "90", paramLabel = "SECONDS", description = "Per run (default 90)")
    int timeoutSeconds;

    record Run(long windowWall, long rosterWall, long windowJvm, long rosterJvm) {}

    @Override
    public Integer call() throws Exception {
        var out = RootCommand.of(spec).out();
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("linux") && System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            out.println("Tidak ada layar / no display: run under xvfb-run -a (or on a desktop).");
            return Cli.REFUSED;
        }
        Map<String, List<String>> targets = new LinkedHashMap<>();
        List<Path> ls = new ArrayList<>(launchers);
        String self = System.getProperty("jpackage.app-path");
        if (ls.isEmpty() && self != null) ls.add(Path.of(self));
        for (Path l : ls) targets.put("launcher " + l, new ArrayList<>(List.of(l.toString())));
        if (!noJar) {
            Path j = jar != null ? jar : ownJar();
            if (j != null) {
                Path jv = java != null ? java : Path.of(System.getProperty("java.home"), "bin", "java");
                targets.put("java -jar " + j + " (" + jv + ")", new ArrayList<>(List.of(jv.toString(),
                        "--enable-native-access=ALL-UNNAMED", "-jar", j.toString())));
            }
        }
        if (targets.isEmpty()) {
            out.println("Nothing to measure: give --launcher PATH and/or --jar JAR.");
            return Cli.REFUSED;
        }

        Path work = Files.createTempDirectory("lindungdesa-bench");
        try {
            Path db = work.resolve("demo");
            try (Services s = Services.open(db, "bench")) {
                var r = s.demo().generate(null, null, 1, Progress.NONE);
                out.printf("Demo district %s: %d villages, %d people, %d posts%n", r.districtCode(), r.villages(),
                        r.people(), r.posts());
            }
            var os2 = ManagementFactory.getOperatingSystemMXBean();
            out.printf(Locale.ROOT, "%d CPUs, load average %.2f; %d runs each after 1 warm-up%n",
                    os2.getAvailableProcessors(), os2.getSystemLoadAverage(), runs);
            out.flush();
            for (var t : targets.entrySet()) {
                List<String> cmd = new ArrayList<>(t.getValue());
                cmd.addAll(List.of("--db", db.toString()));
                List<Run> results = new ArrayList<>();
                for (int i = 0; i <= runs; i++) {
                    Run r = once(cmd, work);
                    if (i > 0) results.add(r);
                }
                out.println(t.getKey());
                out.println("  " + line("window (launch→visible)", results.stream().map(Run::windowWall).toList()));
                out.println("  " + line("roster (launch→ready)  ", results.stream().map(Run::rosterWall).toList()));
                out.println("  " + line("window (JVM start→)    ", results.stream().map(Run::windowJvm).toList()));
                out.println("  " + line("roster (JVM start→)    ", results.stream().map(Run::rosterJvm).toList()));
                out.flush();
            }
            return 0;
        } finally {
            try (Stream<Path> s = Files.walk(work)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private Run once(List<String> cmd, Path work) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile())
                .redirectError(work.resolve("stderr.txt").toFile());
        String prior = System.getenv("JAVA_TOOL_OPTIONS");
        pb.environment().put("JAVA_TOOL_OPTIONS", (prior == null ? "" : prior + " ") + "-D" + PROBE + "=true");
        long t0 = System.nanoTime();
        Process p = pb.start();
        long ww = -1, rw = -1, wj = -1, rj = -1;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String l;
            while ((l = r.readLine()) != null) {
                long now = (System.nanoTime() - t0) / 1_000_000;
                if (l.startsWith("probe window ")) {
                    ww = now;
                    wj = Long.parseLong(l.substring(13).strip());
                } else if (l.startsWith("probe roster ")) {
                    rw = now;
                    rj = Long.parseLong(l.substring(13).strip());
                }
            }
        }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("no exit within " + timeoutSeconds + " s: " + String.join(" ", cmd));
        }
        if (ww < 0 || rw < 0) {
            throw new IllegalStateException("the program printed no start-up probe (exit " + p.exitValue() + "): "
                    + String.join(" ", cmd) + "\n" + Files.readString(work.resolve("stderr.txt")));
        }
        return new Run(ww, rw, wj, rj);
    }

    static String line(String label, List<Long> ms) {
        List<Long> s = ms.stream().sorted().toList();
        long median = s.get(s.size() / 2);
        return String.format(Locale.ROOT, "%s median %5d ms  min %5d  max %5d  runs %s", label, median, s.getFirst(),
                s.getLast(), ms);
    }

    private static Path ownJar() {
        try {
            // the program's main jar (this command lives in lindungdesa-bench.jar beside it)
            Path p = Path.of(Cli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p : null;
        } catch (Exception e) {
            return null;
        }
    }
}
