package id.lindungdesa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.bundle.BundleKit;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Role;
import id.lindungdesa.persistence.ServerAddress;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.DeskChild;
import id.lindungdesa.testing.TestPostgres;
import id.lindungdesa.wiring.Services;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: several desks on one PostgreSQL database, as real processes (child JVMs) at the same moment. Each
 * child ({@link DeskChild}) first prepares (opens the database, reads the bundle or loads the person and its
 * version), says "ready" with a file, and waits for a "go" file that the test creates once both are ready: so the
 * two act at the same moment, deterministically.
 */
class ConcurrentDesksTest {
    @TempDir
    Path dir;
    Path home;
    ServerAddress db;
    String url;

    @BeforeEach
    void setUp() throws Exception {
        db = TestPostgres.freshDatabase();
        url = TestPostgres.url(db);
        home = Files.createDirectories(dir.resolve("home"));
        System.setProperty("lindungdesa.home", home.toString());
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("lindungdesa.home");
    }

    private Services openHere() {
        return Services.open(Path.of(url), "test");
    }

    private Process child(String mainClass, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dlindungdesa.home=" + home,
                "-Dlindungdesa.kdf.iterations=1000", "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("LINDUNGDESA_PASSPHRASE", new String(BundleKit.PROV_PASS));
        pb.redirectOutput(dir.resolve("out-" + System.nanoTime() + ".txt").toFile());
        File err = dir.resolve("err-" + System.nanoTime() + ".txt").toFile();
        pb.redirectError(err);
        Process p = pb.start();
        outputs.put(p, new File[] {pbOutput(pb), err});
        return p;
    }

    private final java.util.Map<Process, File[]> outputs = new java.util.HashMap<>();

    private static File pbOutput(ProcessBuilder pb) {
        return pb.redirectOutput().file();
    }

    private String out(Process p) throws Exception {
        return Files.readString(outputs.get(p)[0].toPath(), StandardCharsets.UTF_8);
    }

    private String err(Process p) throws Exception {
        return Files.readString(outputs.get(p)[1].toPath(), StandardCharsets.UTF_8);
    }

    /** Starts two desks with {@code argsA}/{@code argsB}, lets them go together once both are ready. */
    private List<Process> together(List<String> argsA, List<String> argsB) throws Exception {
        Path go = dir.resolve("go");
        Files.deleteIfExists(go);
        List<Process> ps = new ArrayList<>();
        List<Path> readies = new ArrayList<>();
        for (List<String> a : List.of(argsA, argsB)) {
            Path ready = dir.resolve("ready-" + ps.size() + "-" + System.nanoTime());
            readies.add(ready);
            List<String> all = new ArrayList<>(List.of(ready.toString(), go.toString()));
            all.addAll(a);
            ps.add(child(DeskChild.class.getName(), all.toArray(String[]::new)));
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!readies.stream().allMatch(Files::exists)) {
            for (Process p : ps) {
                if (!p.isAlive()) throw new AssertionError("a desk ended before it was ready: exit " + p.exitValue()
                        + "\n" + out(p) + "\n" + err(p));
            }
            if (System.nanoTime() > until) throw new AssertionError("the desks were never both ready");
            Thread.sleep(10);
        }
        Files.writeString(go, "go");
        for (Process p : ps) assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("desk ended").isTrue();
        return ps;
    }

    @Test
    void theSameBundleImportedByTwoProcessesAtOnceLandsOnceAndTheOtherSaysWhoAndWhen() throws Exception {
        Path bundle;
        try (Services district = BundleKit.district(dir, "36.04", 5); Services prov = openHere()) {
            prov.office().init(OfficeLevel.PROVINCE, "36", "DPMD Provinsi Banten", "Sri Wahyuni");
            prov.bundles().keys().init(BundleKit.PROV_PASS);
            BundleKit.enrol(district, prov, dir);
            bundle = BundleKit.export(district, dir, "serang-1.ldb");
        }
        List<Process> ps = together(
                List.of("import", url, bundle.toString(), dir.resolve("a.receipt.json").toString()),
                List.of("import", url, bundle.toString(), dir.resolve("b.receipt.json").toString()));
        Process a = ps.get(0);
        Process b = ps.get(1);
        Process won = a.exitValue() == 0 ? a : b;
        Process lost = won == a ? b : a;
        assertThat(won.exitValue()).as(out(won) + err(won)).isZero();
        assertThat(lost.exitValue()).as(out(lost) + err(lost)).isEqualTo(1);
        assertThat(err(lost)).containsPattern("sudah diimpor oleh Sri Wahyuni pada \\d{1,2} \\S+ 20\\d\\d \\d\\d:\\d\\d");
        try (Services prov = openHere()) {
            assertThat(prov.bundles().province().received()).hasSize(1);
            assertThat(prov.audit().verify()).isEmpty();
        }
    }

    @Test
    void bundlesOfTwoDistrictsImportedAtOnceBothLand() throws Exception {
        Path serang;
        Path lebak;
        try (Services d1 = BundleKit.district(dir, "36.04", 5); Services d2 = BundleKit.district(dir, "36.02", 6);
             Services prov = openHere()) {
            prov.office().init(OfficeLevel.PROVINCE, "36", "DPMD Provinsi Banten", "Sri Wahyuni");
            prov.bundles().keys().init(BundleKit.PROV_PASS);
            BundleKit.enrol(d1, prov, dir);
            BundleKit.enrol(d2, prov, dir);
            serang = BundleKit.export(d1, dir, "serang-1.ldb");
            lebak = BundleKit.export(d2, dir, "lebak-1.ldb");
        }
        List<Process> ps = together(
                List.of("import", url, serang.toString(), dir.resolve("a.receipt.json").toString()),
                List.of("import", url, lebak.toString(), dir.resolve("b.receipt.json").toString()));
        for (Process p : ps) assertThat(p.exitValue()).as(out(p) + err(p)).isZero();
        try (Services prov = openHere()) {
            assertThat(prov.bundles().province().received()).hasSize(2);
            assertThat(prov.audit().verify()).isEmpty();
        }
        assertThat(dir.resolve("a.receipt.json")).exists();
        assertThat(dir.resolve("b.receipt.json")).exists();
    }

    static final String PW = "rahasia-desa-1";

    @Test
    void twoDesksSavingTheSamePersonAtOnceTheSecondIsRefusedNamingWhoAndWhen() throws Exception {
        Person p;
        try (Services s = openHere()) {
            s.demo().generate(null, "36.04.01", 3, Progress.NONE);
            p = s.roster().snapshot("", BundleKit.TODAY).people().values().stream()
                    .min(java.util.Comparator.comparing(Person::id)).orElseThrow();
            s.users().setPassword(s.users().list().get(0).login(), PW.toCharArray());
            s.users().add("ani", "Ani", java.util.EnumSet.of(Role.CLERK), PW.toCharArray());
            s.users().add("dedi", "Dedi", java.util.EnumSet.of(Role.CLERK), PW.toCharArray());
        }
        String id = p.id().toString();
        List<Process> ps = together(List.of("edit", url, "ani", PW, id, "Nama Dari Ani"),
                List.of("edit", url, "dedi", PW, id, "Nama Dari Dedi"));
        Process ani = ps.get(0);
        Process dedi = ps.get(1);
        Process won = ani.exitValue() == 0 ? ani : dedi;
        Process lost = won == ani ? dedi : ani;
        String winner = won == ani ? "Ani" : "Dedi";
        assertThat(won.exitValue()).as(out(won) + err(won)).isZero();
        assertThat(out(won)).contains("SAVED");
        assertThat(lost.exitValue()).as(out(lost) + err(lost)).isEqualTo(1);
        assertThat(out(lost)).contains("STALE").contains("sudah diubah oleh " + winner + " ("
                + winner.toLowerCase(java.util.Locale.ROOT) + ") pada ")
                .containsPattern("\\) pada \\d{1,2} \\S+ 20\\d\\d \\d\\d:\\d\\d");
        try (Services s = openHere()) {
            Person now = s.roster().person(p.id()).orElseThrow();
            assertThat(now.fullName()).isEqualTo("Nama Dari " + winner);
            assertThat(now.version()).isEqualTo(p.version() + 1);
            assertThat(s.audit().verify()).isEmpty();
        }
    }
}
