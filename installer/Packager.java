/*
 * LindungDesa packager: jlink + jpackage + JDK 25 AOT cache, one program for Linux, Windows and macOS.
 *
 * Run from the project folder after `./mvnw package` (which leaves target/dist/lib), or let Maven run it:
 *     ./mvnw -Pinstaller package                     (Linux: app-image + .deb; Windows: .msi; macOS: .dmg)
 *     java installer/Packager.java --types app-image  (directly, with JDK 25's java)
 * Options:
 *     --dist DIR       the packaged program (default target/dist; its lib/ holds lindungdesa.jar and the libraries)
 *     --out DIR        where everything goes (default target/installer)
 *     --types LIST     app-image,deb,rpm,msi,exe,dmg,pkg (default: this system's installer, see installer/README.md)
 *     --version X.Y.Z  (default: Implementation-Version of lindungdesa.jar)
 *     --no-aot         do not build the AOT cache (no training run)
 *     --compress zip-N jlink compression of the runtime's modules (default zip-6; "none" for none)
 * It prints what it does and, at the end, the sizes (also written to OUT/sizes.txt).
 *
 * Single-file program (JDK only), so the same steps run on every system without a shell script.
 */
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;

public class Packager {
    static final String MAIN_CLASS = "id.lindungdesa.app.Main";
    static final String MAIN_JAR = "lindungdesa.jar";
    static final String VENDOR = "LindungDesa (DPMD)";
    static final String DESCRIPTION = "Perlindungan jaminan sosial ketenagakerjaan aparat desa / social security for village officials";
    /** Never change: Windows finds the installed older version by this id and replaces it (keeping user data). */
    static final String WIN_UPGRADE_UUID = "5d3f6a2e-8b1c-4e07-9a43-1c2b7d9e4f60";
    static final String MAC_BUNDLE_ID = "id.lindungdesa.desktop";
    static final String DEB_DEPENDS = "libgtk-3-0 | libgtk-3-0t64, libxtst6, libgl1";
    static final String AOT_FILE = "lindungdesa.aot";

    enum Os { LINUX, WINDOWS, MAC }

    final Os os;
    final Path project = Path.of("").toAbsolutePath();
    Path dist = Path.of("target/dist");
    Path out = Path.of("target/installer");
    List<String> types;
    String version;
    boolean aot = true;
    String compress = "zip-6";
    final Map<String, String> sizes = new LinkedHashMap<>();

    Packager() {
        String n = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        os = n.contains("win") ? Os.WINDOWS : n.contains("mac") ? Os.MAC : Os.LINUX;
    }

    public static void main(String[] args) throws Exception {
        Packager p = new Packager();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dist" -> p.dist = Path.of(args[++i]);
                case "--out" -> p.out = Path.of(args[++i]);
                case "--types" -> p.types = args[++i].isBlank() ? null : Arrays.asList(args[i].split(","));
                case "--version" -> p.version = args[++i].isBlank() ? null : args[i].replaceAll("[^0-9.].*$", "");
                case "--no-aot" -> p.aot = false;
                case "--aot" -> p.aot = !args[++i].equals("false");
                case "--compress" -> p.compress = args[++i];
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + " (see the top of installer/Packager.java)");
            }
        }
        long t0 = System.nanoTime();
        p.run();
        log("done in %.1f s", (System.nanoTime() - t0) / 1e9);
    }

    void run() throws Exception {
        dist = dist.toAbsolutePath();
        out = out.toAbsolutePath();
        Path lib = dist.resolve("lib");
        if (!Files.isRegularFile(lib.resolve(MAIN_JAR))) {
            throw new IllegalStateException(lib.resolve(MAIN_JAR) + " is missing: run ./mvnw package first");
        }
        if (version == null) version = manifestVersion(lib.resolve(MAIN_JAR));
        if (types == null) types = switch (os) {
            case LINUX -> List.of("app-image", "deb");
            case WINDOWS -> List.of("msi");
            case MAC -> List.of("dmg");
        };
        log("LindungDesa %s for %s: %s", version, os, types);
        Files.createDirectories(out);

        List<String> modules = recordedModules();
        checkWithJdeps(lib, modules);
        Path runtime = jlink(modules);
        Path input = prepareInput(lib);
        Path icon = icons();
        Path image = appImage(runtime, input, icon);
        if (aot) trainAotCache(image);
        else dropAotOption(image);
        sizes.put("installed image (" + image.getFileName() + ")", mb(treeSize(image)));
        for (String t : types) {
            if (t.equals("app-image")) continue;
            Path pkg = installer(t, image, icon);
            sizes.put(t + " installer (" + pkg.getFileName() + ")", mb(Files.size(pkg)));
        }
        StringBuilder s = new StringBuilder();
        sizes.forEach((k, v) -> s.append(k).append(": ").append(v).append('\n'));
        Files.writeString(out.resolve("sizes.txt"), s);
        System.out.print(s);
    }

    // ---------------------------------------------------------------- modules

    List<String> recordedModules() throws IOException {
        return Files.readAllLines(project.resolve("installer/modules.txt")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** Fails when a shipped jar needs a JDK module that installer/modules.txt does not list. */
    void checkWithJdeps(Path lib, List<String> modules) throws IOException {
        Path scan = out.resolve("jdeps");
        deleteTree(scan);
        Files.createDirectories(scan);
        List<String> jars = new ArrayList<>();
        for (Path j : appJars(lib)) {
            Files.copy(j, scan.resolve(j.getFileName()));
            jars.add(scan.resolve(j.getFileName()).toString());
        }
        List<String> args = new ArrayList<>(List.of("--multi-release", "25", "--ignore-missing-deps",
                "--print-module-deps", "--module-path", scan.toString(), "--class-path", scan + "/*"));
        args.addAll(jars);
        String text = tool("jdeps", args, true);
        String last = text.lines().filter(l -> !l.isBlank() && !l.startsWith("Warning")).reduce((a, b) -> b).orElse("");
        Set<String> needed = new TreeSet<>(Arrays.asList(last.strip().split(",")));
        Set<String> missing = new TreeSet<>(needed);
        missing.removeAll(modules);
        log("jdeps: %s", String.join(",", needed));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("jdeps finds modules not in installer/modules.txt: " + missing
                    + ". Add them there (with the reason) and build again.");
        }
        deleteTree(scan);
    }

    Path jlink(List<String> modules) throws IOException {
        Path runtime = out.resolve("runtime");
        deleteTree(runtime);
        List<String> args = new ArrayList<>(List.of("--add-modules", String.join(",", modules),
                "--include-locales=en,id", "--strip-debug", "--no-header-files", "--no-man-pages",
                "--output", runtime.toString()));
        if (!compress.equals("none")) args.add("--compress=" + compress);
        // Without the AOT cache, at least the default CDS archive of the JDK classes (the AOT cache contains it).
        if (!aot) args.add("--generate-cds-archive");
        tool("jlink", args, false);
        // the archive for heaps over 32 GB (no compressed oops) is never used on an office laptop
        Files.deleteIfExists(runtime.resolve(os == Os.WINDOWS ? "bin/server/classes_nocoops.jsa" : "lib/server/classes_nocoops.jsa"));
        sizes.put("runtime (jlink)", mb(treeSize(runtime)));
        return runtime;
    }

    // ---------------------------------------------------------------- application image

    /** The benchmarks' jar (decision 0082): in target/dist for `bench …`, never in the installed program. */
    static final String BENCH_JAR = "lindungdesa-bench.jar";

    /** The jars the program runs with, without Maven's empty JavaFX placeholder jars nor the benchmarks. */
    static List<Path> appJars(Path lib) throws IOException {
        try (Stream<Path> s = Files.list(lib)) {
            return s.filter(p -> p.toString().endsWith(".jar"))
                    .filter(p -> !p.getFileName().toString().matches("javafx-[a-z]+-[0-9.]+\\.jar"))
                    .filter(p -> !p.getFileName().toString().equals(BENCH_JAR))
                    .sorted().toList();
        }
    }

    /**
     * lib/*.jar plus JavaFX's native libraries taken out of its jar and placed beside it: JavaFX loads them from
     * there ("from relative path") instead of unpacking them into the user's ~/.openjfx cache at first start.
     */
    Path prepareInput(Path lib) throws IOException {
        Path input = out.resolve("input");
        deleteTree(input);
        Files.createDirectories(input);
        for (Path j : appJars(lib)) {
            Files.copy(j, input.resolve(j.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            if (j.getFileName().toString().startsWith("javafx-graphics-")) {
                try (ZipFile z = new ZipFile(j.toFile())) {
                    for (ZipEntry e : z.stream().toList()) {
                        String n = e.getName();
                        if (!n.contains("/") && (n.endsWith(".so") || n.endsWith(".dll") || n.endsWith(".dylib"))) {
                            try (InputStream in = z.getInputStream(e)) {
                                Files.copy(in, input.resolve(n));
                            }
                        }
                    }
                }
            }
        }
        return input;
    }

    String name() {
        return os == Os.LINUX ? "lindungdesa" : "LindungDesa";
    }

    List<String> javaOptions() {
        return List.of("--enable-native-access=ALL-UNNAMED",
                // JVM warnings to stderr, so that `stats --json` and other CLI output stay clean on stdout
                "-Xlog:disable", "-Xlog:all=warning:stderr",
                "-XX:AOTCache=$APPDIR/" + AOT_FILE);
    }

    Path appImage(Path runtime, Path input, Path icon) throws IOException {
        Path dest = out.resolve("image");
        deleteTree(dest);
        List<String> args = new ArrayList<>(List.of("--type", "app-image", "--name", name(),
                "--app-version", version, "--vendor", VENDOR, "--description", DESCRIPTION,
                "--copyright", "LindungDesa",
                "--input", input.toString(), "--main-jar", MAIN_JAR, "--main-class", MAIN_CLASS,
                "--runtime-image", runtime.toString(), "--icon", icon.toString(), "--dest", dest.toString()));
        for (String o : javaOptions()) {
            args.add("--java-options");
            args.add(o);
        }
        if (os == Os.WINDOWS) {
            // a second launcher with a console for the command line (the main one is a windowed program)
            args.addAll(List.of("--add-launcher", "lindungdesa-cli=" + project.resolve("installer/windows/cli-launcher.properties")));
        }
        if (os == Os.MAC) args.addAll(List.of("--mac-package-identifier", MAC_BUNDLE_ID, "--mac-package-name", "LindungDesa"));
        tool("jpackage", args, false);
        try (Stream<Path> s = Files.list(dest)) {
            return s.findFirst().orElseThrow();
        }
    }

    /** Where the image keeps jars, cfg and the AOT cache ($APPDIR), and its java. */
    Path appDir(Path image) {
        return switch (os) {
            case MAC -> image.resolve("Contents/app");
            case WINDOWS -> image.resolve("app");
            case LINUX -> image.resolve("lib/app");
        };
    }

    Path imageJava(Path image) {
        String exe = os == Os.WINDOWS ? "java.exe" : "java";
        return os == Os.MAC ? image.resolve("Contents/runtime/Contents/Home/bin/" + exe)
                : os == Os.WINDOWS ? image.resolve("runtime/bin/" + exe) : image.resolve("lib/runtime/bin/" + exe);
    }

    Path cfg(Path image) {
        return appDir(image).resolve(name() + ".cfg");
    }

    /** The command line the launcher builds from its .cfg (class path and options with $APPDIR expanded). */
    List<String> launcherCommand(Path image, boolean withAotCache) throws IOException {
        Path app = appDir(image);
        List<String> cp = new ArrayList<>();
        List<String> opts = new ArrayList<>();
        for (String l : Files.readAllLines(cfg(image))) {
            String v = l.substring(l.indexOf('=') + 1).replace("$APPDIR", app.toString());
            if (l.startsWith("app.classpath=")) cp.add(v);
            else if (l.startsWith("java-options=") && (withAotCache || !v.startsWith("-XX:AOTCache="))) opts.add(v);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(imageJava(image).toString());
        cmd.addAll(opts);
        cmd.add("-cp");
        cmd.add(String.join(java.io.File.pathSeparator, cp));
        return cmd;
    }

    /**
     * Training run for the JDK 25 AOT cache: a demo district is made, then the desktop is started on it with the
     * start-up probe, which exits once the roster is shown; the JVM writes $APPDIR/lindungdesa.aot at exit.
     * The same JVM, class path and options as the launcher, so the cache is accepted when the program starts.
     */
    void trainAotCache(Path image) throws Exception {
        Path work = out.resolve("training");
        deleteTree(work);
        Files.createDirectories(work);
        Path db = work.resolve("demo");
        List<String> demo = new ArrayList<>(launcherCommand(image, false));
        demo.addAll(List.of(MAIN_CLASS, "--db", db.toString(), "demo", "--seed", "1"));
        if (run(demo, work, 180) != 0) throw new IllegalStateException("demo for the training run failed");

        List<String> train = new ArrayList<>();
        boolean display = os != Os.LINUX || System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
        if (!display) {
            if (onPath("xvfb-run")) train.addAll(List.of("xvfb-run", "-a", "-s", "-screen 0 1600x1000x24"));
            else {
                log("WARNING: no display and no xvfb-run: no AOT cache (start-up will be slower). Install xvfb.");
                dropAotOption(image);
                return;
            }
        }
        Path cache = appDir(image).resolve(AOT_FILE);
        train.addAll(launcherCommand(image, false));
        train.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-Xlog:aot=error:stderr", "-Dlindungdesa.startupProbe=true",
                MAIN_CLASS, "--db", db.toString()));
        long t0 = System.nanoTime();
        int code = run(train, work, 300);
        if (code != 0 || !Files.isRegularFile(cache)) {
            throw new IllegalStateException("AOT training run failed (exit " + code + "); see the output above");
        }
        log("AOT cache %s (%s) in %.1f s", cache.getFileName(), mb(Files.size(cache)), (System.nanoTime() - t0) / 1e9);
        sizes.put("AOT cache (inside the image)", mb(Files.size(cache)));
        deleteTree(work);
    }

    /** Takes the cache option out of every launcher's .cfg (Windows has a second one for the console). */
    void dropAotOption(Path image) throws IOException {
        try (Stream<Path> s = Files.list(appDir(image))) {
            for (Path cfg : s.filter(p -> p.toString().endsWith(".cfg")).toList()) {
                List<String> lines = Files.readAllLines(cfg).stream().filter(l -> !l.contains("-XX:AOTCache=")).toList();
                Files.write(cfg, lines);
            }
        }
    }

    // ---------------------------------------------------------------- installers

    Path installer(String type, Path image, Path icon) throws Exception {
        Path dest = out.resolve("packages");
        Files.createDirectories(dest);
        List<String> args = new ArrayList<>(List.of("--type", type, "--app-image", image.toString(),
                "--name", name(), "--app-version", version, "--vendor", VENDOR, "--description", DESCRIPTION,
                "--dest", dest.toString()));
        switch (type) {
            case "deb", "rpm" -> {
                args.addAll(List.of("--linux-package-name", "lindungdesa", "--linux-menu-group", "Office",
                        "--linux-app-category", "misc", "--linux-shortcut", "--icon", icon.toString(),
                        "--resource-dir", project.resolve("installer/linux").toString()));
                if (type.equals("deb")) {
                    args.addAll(List.of("--linux-deb-maintainer", "lindungdesa@localhost",
                            "--linux-package-deps", DEB_DEPENDS));
                } else {
                    args.addAll(List.of("--linux-rpm-license-type", "Proprietary",
                            "--linux-package-deps", "gtk3, libXtst, mesa-libGL"));
                }
            }
            case "msi", "exe" -> args.addAll(List.of(
                    "--win-upgrade-uuid", WIN_UPGRADE_UUID,
                    // per user, no administrator: %LOCALAPPDATA%\Programs\LindungDesa (data stays in %LOCALAPPDATA%\LindungDesa)
                    "--win-per-user-install", "--install-dir", "Programs\\LindungDesa",
                    "--win-menu", "--win-menu-group", "LindungDesa", "--win-shortcut",
                    "--icon", icon.toString(),
                    "--resource-dir", project.resolve("installer/windows").toString()));
            case "dmg", "pkg" -> args.addAll(List.of("--mac-package-identifier", MAC_BUNDLE_ID,
                    "--mac-package-name", "LindungDesa", "--icon", icon.toString()));
            default -> throw new IllegalArgumentException("Unknown installer type " + type);
        }
        String prefix = type.equals("deb") ? "lindungdesa_" : name();
        try (Stream<Path> s = Files.list(dest)) {
            for (Path old : s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith("." + type)).toList()) {
                Files.delete(old);
            }
        }
        long t0 = System.nanoTime();
        Path pkg;
        if (type.equals("deb")) {
            pkg = debWithOriginalTimes(args, dest, image);
        } else {
            tool("jpackage", args, false);
            try (Stream<Path> s = Files.list(dest)) {
                pkg = s.filter(p -> p.toString().endsWith("." + type)).findFirst().orElseThrow();
            }
        }
        log("%s: %s (%s) in %.1f s", type, pkg, mb(Files.size(pkg)), (System.nanoTime() - t0) / 1e9);
        return pkg;
    }

    /**
     * jpackage copies the image without keeping the files' modification times, and the JVM refuses an AOT cache
     * whose class-path jars have other times than at training. So: jpackage builds the .deb uncompressed, the
     * package is unpacked, every file gets the time it has in the trained image back, and dpkg-deb packs it again
     * (xz). dpkg keeps these times when it installs.
     */
    Path debWithOriginalTimes(List<String> args, Path dest, Path image) throws Exception {
        Path raw = out.resolve("deb-raw");
        Path stage = out.resolve("deb-stage");
        deleteTree(raw);
        deleteTree(stage);
        List<String> a = new ArrayList<>(args);
        a.set(a.indexOf("--dest") + 1, raw.toString());
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "jpackage").toString());
        cmd.addAll(a);
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().put("DPKG_DEB_COMPRESSOR_TYPE", "none");
        log("jpackage %s", String.join(" ", a));
        if (pb.start().waitFor() != 0) throw new IllegalStateException("jpackage --type deb failed");
        Path rawDeb;
        try (Stream<Path> s = Files.list(raw)) {
            rawDeb = s.filter(p -> p.toString().endsWith(".deb")).findFirst().orElseThrow();
        }
        if (run(List.of("dpkg-deb", "-R", rawDeb.toString(), stage.toString()), out, 600) != 0) {
            throw new IllegalStateException("dpkg-deb -R failed");
        }
        Path installed = stage.resolve("opt").resolve(name());
        try (Stream<Path> s = Files.walk(image)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                Path t = installed.resolve(image.relativize(f).toString());
                if (Files.isRegularFile(t)) Files.setLastModifiedTime(t, Files.getLastModifiedTime(f));
            }
        }
        Path deb = dest.resolve(rawDeb.getFileName());
        List<String> build = new ArrayList<>();
        if (onPath("fakeroot")) build.add("fakeroot");
        build.addAll(List.of("dpkg-deb", "--root-owner-group", "-Zxz", "-b", stage.toString(), deb.toString()));
        if (run(build, out, 1800) != 0) throw new IllegalStateException("dpkg-deb -b failed");
        deleteTree(raw);
        deleteTree(stage);
        checkDeb(deb);
        return deb;
    }

    /**
     * The .deb unpacked into a scratch folder (dpkg-deb -x, as dpkg would install it) runs its CLI: a demo district,
     * then stats --json; stderr must not mention the AOT cache (rejected cache = slow start).
     */
    void checkDeb(Path deb) throws Exception {
        Path scratch = out.resolve("deb-check");
        deleteTree(scratch);
        Files.createDirectories(scratch);
        if (run(List.of("dpkg-deb", "-x", deb.toString(), scratch.resolve("root").toString()), out, 600) != 0) {
            throw new IllegalStateException("dpkg-deb -x failed");
        }
        String launcher = scratch.resolve("root/opt").resolve(name()).resolve("bin").resolve(name()).toString();
        Path db = scratch.resolve("db");
        for (List<String> args : List.of(List.of("demo", "--seed", "1"), List.of("stats", "--json"))) {
            List<String> cmd = new ArrayList<>(List.of(launcher, "--db", db.toString()));
            cmd.addAll(args);
            Path err = scratch.resolve("stderr.txt");
            Process p = new ProcessBuilder(cmd).directory(scratch.toFile()).redirectError(err.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("the unpacked .deb failed: " + cmd + "\n" + Files.readString(err));
            }
            if (Files.readString(err).contains("aot")) {
                throw new IllegalStateException("the unpacked .deb does not use its AOT cache:\n" + Files.readString(err));
            }
        }
        log("checked: the unpacked .deb runs demo and stats, with its AOT cache");
        deleteTree(scratch);
    }

    // ---------------------------------------------------------------- icon (drawn here, same shapes as icon/lindungdesa.svg)

    Path icons() throws IOException {
        Path dir = out.resolve("icons");
        Files.createDirectories(dir);
        return switch (os) {
            case LINUX -> {
                Path p = dir.resolve("lindungdesa.png");
                ImageIO.write(drawIcon(256), "png", p.toFile());
                yield p;
            }
            case WINDOWS -> writeIco(dir.resolve("lindungdesa.ico"), 16, 24, 32, 48, 64, 128, 256);
            case MAC -> writeIcns(dir.resolve("lindungdesa.icns"));
        };
    }

    /** The icon: a shield (lindung = protect) over a village house, on green. Coordinates of a 256 canvas. */
    static BufferedImage drawIcon(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.scale(size / 256.0, size / 256.0);
        g.setColor(new Color(0x0f6e5a));
        g.fill(new RoundRectangle2D.Double(0, 0, 256, 256, 96, 96));
        g.setColor(new Color(0xf4f1e6));
        g.fill(shield(128, 28, 208, 58, 126, 178, 212, 230));
        g.setColor(new Color(0x17a37f));
        g.fill(shield(128, 44, 194, 69, 126, 170, 199, 214));
        Path2D house = new Path2D.Double();
        house.moveTo(128, 82);
        house.lineTo(176, 122);
        house.lineTo(164, 122);
        house.lineTo(164, 168);
        house.lineTo(92, 168);
        house.lineTo(92, 122);
        house.lineTo(80, 122);
        house.closePath();
        g.setColor(new Color(0xf4f1e6));
        g.fill(house);
        g.setColor(new Color(0xc0392b));
        g.fillRect(116, 136, 24, 32);
        g.setColor(new Color(0x0f6e5a));
        g.fillRect(98, 128, 12, 12);
        g.fillRect(146, 128, 12, 12);
        g.setStroke(new BasicStroke(1));
        g.dispose();
        return img;
    }

    /** M cx top L right y1 L right y2 C right c1, x c2, cx bottom … mirrored: the shield outline of the SVG. */
    static Path2D shield(double cx, double top, double right, double y1, double y2, double c1, double c2, double bottom) {
        double left = 2 * cx - right;
        double cdx = (right - cx) * 0.55;
        Path2D p = new Path2D.Double();
        p.moveTo(cx, top);
        p.lineTo(right, y1);
        p.lineTo(right, y2);
        p.curveTo(right, c1, cx + cdx, c2, cx, bottom);
        p.curveTo(cx - cdx, c2, left, c1, left, y2);
        p.lineTo(left, y1);
        p.closePath();
        return p;
    }

    static byte[] png(int size) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(drawIcon(size), "png", b);
        return b.toByteArray();
    }

    /** A Windows .ico holding PNG images (supported since Windows Vista). */
    static Path writeIco(Path file, int... sizes) throws IOException {
        List<byte[]> images = new ArrayList<>();
        for (int s : sizes) images.add(png(s));
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        le16(b, 0);
        le16(b, 1);
        le16(b, sizes.length);
        int offset = 6 + 16 * sizes.length;
        for (int i = 0; i < sizes.length; i++) {
            b.write(sizes[i] >= 256 ? 0 : sizes[i]);
            b.write(sizes[i] >= 256 ? 0 : sizes[i]);
            b.write(0);
            b.write(0);
            le16(b, 1);
            le16(b, 32);
            le32(b, images.get(i).length);
            le32(b, offset);
            offset += images.get(i).length;
        }
        for (byte[] img : images) b.write(img);
        Files.write(file, b.toByteArray());
        return file;
    }

    /** A macOS .icns holding PNG images (ic07 128, ic08 256, ic09 512, ic10 1024). */
    static Path writeIcns(Path file) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(body);
        String[] types = {"ic07", "ic08", "ic09", "ic10"};
        int[] sizes = {128, 256, 512, 1024};
        for (int i = 0; i < types.length; i++) {
            byte[] img = png(sizes[i]);
            d.write(types[i].getBytes(StandardCharsets.US_ASCII));
            d.writeInt(img.length + 8);
            d.write(img);
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        DataOutputStream a = new DataOutputStream(all);
        a.write("icns".getBytes(StandardCharsets.US_ASCII));
        a.writeInt(body.size() + 8);
        a.write(body.toByteArray());
        Files.write(file, all.toByteArray());
        return file;
    }

    static void le16(ByteArrayOutputStream b, int v) {
        b.write(v & 0xff);
        b.write((v >> 8) & 0xff);
    }

    static void le32(ByteArrayOutputStream b, int v) {
        le16(b, v & 0xffff);
        le16(b, (v >>> 16) & 0xffff);
    }

    // ---------------------------------------------------------------- helpers

    static String tool(String name, List<String> args, boolean quiet) {
        ToolProvider t = ToolProvider.findFirst(name)
                .orElseThrow(() -> new IllegalStateException(name + " not found: run with a JDK 25 (not a JRE)"));
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        log("%s %s", name, String.join(" ", args.stream().map(a -> a.contains(" ") ? '"' + a + '"' : a).toList()));
        long t0 = System.nanoTime();
        int code = t.run(new PrintWriter(o, true), new PrintWriter(e, true), args.toArray(String[]::new));
        if (!quiet || code != 0) {
            System.out.print(o);
            System.err.print(e);
        }
        if (code != 0) throw new IllegalStateException(name + " failed with exit code " + code);
        log("  %s took %.1f s", name, (System.nanoTime() - t0) / 1e9);
        return o.toString();
    }

    static int run(List<String> cmd, Path dir, int timeoutSeconds) throws Exception {
        log("run %s", String.join(" ", cmd));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).inheritIO().start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IllegalStateException("timed out after " + timeoutSeconds + " s: " + cmd.getFirst());
        }
        return p.exitValue();
    }

    static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, exe)));
    }

    static String manifestVersion(Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            String v = j.getManifest().getMainAttributes().getValue("Implementation-Version");
            return v == null ? "0.0.0" : v.replaceAll("[^0-9.].*$", "");
        }
    }

    static long treeSize(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void log(String fmt, Object... args) {
        System.out.println("[packager] " + String.format(Locale.ROOT, fmt, args));
        System.out.flush();
    }
}
