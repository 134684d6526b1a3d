package id.lindungdesa.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The installed program, end to end and offline: {@code installer/Packager.java} builds the Linux app-image from
 * {@code target/dist} (jlinked runtime, JavaFX natives, AOT cache from a training run), the image is copied into a
 * scratch "install" folder (keeping file times, as dpkg does), and its own launcher runs the CLI and the desktop
 * with no JDK on the PATH.
 *
 * <p>Also exports a signed bundle and verifies it (and a changed copy) through the
 * installed launcher, like {@link #cliWorksFromTheInstalledCopyWithoutAJdk()}.
 * The .deb itself is built by {@code ./mvnw -Pinstaller package}, which unpacks it with {@code dpkg-deb} and checks it.
 */
class InstalledProgramIT {
    static Path project = Path.of("").toAbsolutePath();
    static Path work = project.resolve("target/installer-it");
    static Path installed;
    static Path data;
    static Path demoDb;
    static String demoLine;

    @BeforeAll
    static void buildAndInstall() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"), "Linux app-image");
        assertThat(project.resolve("target/dist/lib/lindungdesa.jar")).as("run after package").exists();
        deleteTree(work);
        Files.createDirectories(work);
        Path log = work.resolve("packager.log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "installer/Packager.java", "--dist", "target/dist", "--out", work.resolve("build").toString(),
                "--types", "app-image")
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(900, TimeUnit.SECONDS)).as("packager finished").isTrue();
        assertThat(p.exitValue()).as("packager exit; log:\n%s", tail(log)).isZero();

        Path image = work.resolve("build/image/lindungdesa");
        installed = work.resolve("scratch/opt/lindungdesa");
        copyTree(image, installed);
        data = work.resolve("scratch/home/data");
        Files.createDirectories(data);
        demoDb = work.resolve("scratch/home/demo");
        Result demo = launcher("--db", demoDb.toString(), "demo", "--seed", "3");
        assertThat(demo.code).as(demo.toString()).isZero();
        demoLine = demo.out;
    }

    @Test
    void cliWorksFromTheInstalledCopyWithoutAJdk() throws Exception {
        // counts are printed with Indonesian thousands separators ("5.706 orang")
        Matcher m = Pattern.compile("Demo 36\\.04: ([\\d.]+) desa, ([\\d.]+) orang").matcher(demoLine);
        assertThat(m.find()).as(demoLine).isTrue();
        Result stats = launcher("--db", demoDb.toString(), "stats", "--json");
        assertThat(stats.code).as(stats.toString()).isZero();
        assertThat(stats.out.strip()).startsWith("{").endsWith("}")
                .contains("\"people\":" + m.group(2).replace(".", ""))
                .contains("\"desa\":" + m.group(1).replace(".", ""));
        // the AOT cache made by the training run is accepted in the new place (else the JVM complains on stderr)
        assertThat(stats.err).doesNotContain("aot");
        assertThat(Files.size(installed.resolve("lib/app/lindungdesa.aot"))).isPositive();
    }

    @Test
    void aSignedBundleIsExportedAndVerifiedByTheInstalledProgram() throws Exception {
        Path db = work.resolve("scratch/home/bundle");
        Map<String, String> pass = Map.of("LINDUNGDESA_PASSPHRASE", "kata-sandi-kantor-2026");
        assertThat(launcherWith(pass, "--db", db.toString(), "demo", "--seed", "5").code()).isZero();
        // the office key was made when the demo set up the office (the passphrase was at hand)
        Result keys = launcherWith(pass, "--db", db.toString(), "keys", "show");
        assertThat(keys.code).as(keys.toString()).isZero();
        Path pub = work.resolve("scratch/kab.pub.json");
        Path bundle = work.resolve("scratch/kab.ldb");
        Result exp = launcherWith(pass, "--db", db.toString(), "keys", "export-public", "--out", pub.toString());
        assertThat(exp.code).as(exp.toString()).isZero();
        Result out = launcherWith(pass, "--db", db.toString(), "bundle", "export", "--out", bundle.toString());
        assertThat(out.code).as(out.toString()).isZero();
        assertThat(bundle).isNotEmptyFile();
        Result ok = launcher("bundle", "verify", bundle.toString(), "--trust", pub.toString());
        assertThat(ok.code).as(ok.toString()).isZero();
        // one byte changed in the payload: refused with a reason
        byte[] bytes = Files.readAllBytes(bundle);
        int i = bytes.length - 20;
        bytes[i] = (byte) (bytes[i] == '1' ? '2' : '1');
        Path changed = work.resolve("scratch/kab-changed.ldb");
        Files.write(changed, bytes);
        Result bad = launcher("bundle", "verify", changed.toString(), "--trust", pub.toString());
        assertThat(bad.code).as(bad.toString()).isEqualTo(1);
    }

    @Test
    void theProgramKeepsItsDataInTheUserFolderNotInTheInstallFolder() throws Exception {
        Set<String> before = listing(installed);
        Result stats = launcher("stats");
        assertThat(stats.code).as(stats.toString()).isZero();
        assertThat(data.resolve("lindungdesa.mv.db")).exists();
        assertThat(listing(installed)).as("nothing written into the install folder").isEqualTo(before);
    }

    @Test
    void runtimeHoldsTheRecordedModulesAndOnlyIndonesianAndEnglishLocales() throws Exception {
        Path java = installed.resolve("lib/runtime/bin/java");
        Result mods = run(List.of(java.toString(), "--list-modules"), Map.of());
        Set<String> linked = mods.out.lines().map(l -> l.replaceAll("@.*", "").strip()).filter(l -> !l.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(linked).isEqualTo(closure(recordedModules()));
        assertThat(linked).contains("jdk.localedata").doesNotContain("jdk.compiler", "java.net.http", "jdk.jshell");

        Result loc = run(List.of(java.toString(), "-XshowSettings:locale", "-version"), Map.of());
        StringBuilder available = new StringBuilder();
        boolean in = false;
        for (String l : loc.err.lines().toList()) {
            if (l.strip().startsWith("available locales =")) {
                in = true;
                available.append(l.substring(l.indexOf('=') + 1));
            } else if (in && l.startsWith("        ")) {
                available.append(l);
            } else {
                in = false;
            }
        }
        List<String> locales = Arrays.stream(available.toString().split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        assertThat(locales).contains("id", "id_ID", "en", "en_US")
                .allMatch(l -> l.startsWith("en") || l.startsWith("id"), "only en and id");
    }

    @Test
    void desktopOpensOnTheDemoDistrictAndShowsTheRoster() throws Exception {
        assumeTrue(System.getenv("DISPLAY") != null, "needs a display (xvfb-run)");
        Result desk = launcherWith(Map.of("JAVA_TOOL_OPTIONS", "-Dlindungdesa.startupProbe=true"),
                "--db", demoDb.toString());
        assertThat(desk.code).as(desk.toString()).isZero();
        assertThat(desk.out).containsPattern("probe window \\d+").containsPattern("probe roster \\d+");
    }

    // ------------------------------------------------------------------------------------------------------------

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    static Result launcher(String... args) throws Exception {
        return launcherWith(Map.of(), args);
    }

    static Result launcherWith(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(installed.resolve("bin/lindungdesa").toString());
        cmd.addAll(List.of(args));
        return run(cmd, env);
    }

    /** Runs with no JDK reachable: no JAVA_HOME, a PATH without any JDK, the user's data folder in scratch. */
    static Result run(List<String> cmd, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
        Map<String, String> e = pb.environment();
        e.remove("JAVA_HOME");
        e.remove("JAVA_TOOL_OPTIONS");
        e.remove("JDK_JAVA_OPTIONS");
        e.put("PATH", "/nonexistent");
        e.put("LINDUNGDESA_HOME", data.toString());
        e.putAll(env);
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("no exit within 120 s: " + cmd + "\n" + Files.readString(out));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    static List<String> recordedModules() throws IOException {
        return Files.readAllLines(project.resolve("installer/modules.txt")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** The modules jlink links for these roots: their requires, transitively (as in this JDK). */
    static Set<String> closure(List<String> roots) {
        ModuleFinder system = ModuleFinder.ofSystem();
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String m = todo.pop();
            if (!seen.add(m)) continue;
            ModuleDescriptor d = system.find(m).orElseThrow().descriptor();
            d.requires().stream().filter(r -> !r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC))
                    .forEach(r -> todo.push(r.name()));
        }
        return seen;
    }

    static Set<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p) + (Files.isRegularFile(p) ? " " + size(p) : ""))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path f : s.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(t);
                else Files.copy(f, t, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
    }

    static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
