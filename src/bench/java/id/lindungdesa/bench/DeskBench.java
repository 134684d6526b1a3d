package id.lindungdesa.bench;

import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.RegionLevel;
import id.lindungdesa.domain.RosterRow;
import id.lindungdesa.service.RosterFilter;
import id.lindungdesa.service.RosterReadModel;
import id.lindungdesa.service.RosterService;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.Progress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lindungdesa bench desk}: demo generation rate, loading a roster and filtering it with 100,000 people.
 * Prints figures; asserts nothing.
 */
@Command(name = "desk", description = "Demo generation rate; roster load and filter with ~100,000 people")
final class DeskBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--regions", paramLabel = "FILE",
            description = "wilayah.csv (default: the list shipped with the program)")
    Path regions;

    @Option(names = "--province", defaultValue = "33", description = "Province whose districts fill the big roster")
    String province;

    @Option(names = "--people", defaultValue = "100000", description = "Stop adding districts past this many people")
    int targetPeople;

    @Option(names = "--dir", paramLabel = "DIR", description = "Scratch folder (default: a temp folder)")
    Path dir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("lindungdesa-bench");
        out.printf("bench desk — %s, %d cores, max heap %d MB, scratch %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, work);
        if (regions == null) regions = id.lindungdesa.service.BuiltinRegions.copyTo(work.resolve("wilayah.csv"));

        // 1. Demo generation: Kabupaten Serang from the official region list.
        try (Services s = Services.open(work.resolve("serang"), "bench")) {
            long t0 = System.nanoTime();
            var r = s.demo().generate(regions, "36.04", 1, Progress.NONE);
            double sec = (System.nanoTime() - t0) / 1e9;
            out.printf("demo 36.04: %d desa, %d people, %d posts, %d enrolments in %.2f s = %.0f people/s%n",
                    r.villages(), r.people(), r.posts(), r.enrolments(), sec, r.people() / sec);
        }

        // 2. A province-sized roster, district by district.
        List<String> districts = districtsOf(regions, province);
        try (Services s = Services.open(work.resolve("province"), "bench")) {
            long t0 = System.nanoTime();
            int people = 0;
            int n = 0;
            for (String d : districts) {
                if (people >= targetPeople) break;
                var r = s.demo().generate(regions, d, 100 + n, Progress.NONE);
                people += r.people();
                n++;
            }
            double sec = (System.nanoTime() - t0) / 1e9;
            out.printf("demo %s: %d districts, %d people in %.1f s = %.0f people/s%n", province, n, people, sec,
                    people / sec);

            LocalDate today = LocalDate.now(s.clock());
            RosterService.Snapshot snap = null;
            List<RosterRow> rows = null;
            for (int run = 1; run <= 3; run++) {
                gc();
                long heap0 = usedHeap();
                long t1 = System.nanoTime();
                snap = s.roster().snapshot("", today);
                long t2 = System.nanoTime();
                rows = RosterReadModel.rows(snap, false);
                long t3 = System.nanoTime();
                gc();
                long heap1 = usedHeap();
                out.printf("load roster (run %d): snapshot %.0f ms + rows %.0f ms = %.0f ms for %d rows (%d people);"
                        + " retained heap %d MB%n", run, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t3 - t1) / 1e6,
                        rows.size(), snap.people().size(), (heap1 - heap0) >> 20);
                if (run < 3) {
                    snap = null;
                    rows = null;
                }
            }
            long t0v = System.nanoTime();
            String kec = rows.get(0).villageCode().substring(0, 8);
            var one = RosterReadModel.rows(s.roster().snapshot(kec, today), false);
            out.printf("load one kecamatan %s: %d rows in %.0f ms%n", kec, one.size(), (System.nanoTime() - t0v) / 1e6);
            long t4 = System.nanoTime();
            var cov = RosterReadModel.coverage(snap, today);
            out.printf("coverage of %d villages: %.0f ms%n", cov.size(), (System.nanoTime() - t4) / 1e6);

            String someNik = rows.get(rows.size() / 2).nik().substring(0, 8);
            String someVillage = rows.get(rows.size() / 3).villageCode();
            filter(out, rows, "name contains 'siti'", () -> RosterFilter.ALL.withText("siti"));
            filter(out, rows, "NIK contains " + someNik, () -> RosterFilter.ALL.withText(someNik));
            filter(out, rows, "category BPD", () -> RosterFilter.ALL.withCategory(Category.BPD));
            filter(out, rows, "status ACTIVE", () -> RosterFilter.ALL.withStatus(EnrolmentState.ACTIVE, false));
            filter(out, rows, "perangkat not enrolled + 'a'", () -> RosterFilter.ALL
                    .withCategory(Category.PERANGKAT_DESA).withStatus(null, true).withText("a"));
            filter(out, rows, "one village", () -> RosterFilter.ALL.withVillage(someVillage));
        }
        return 0;
    }

    private static void filter(PrintWriter out, List<RosterRow> rows, String what, Supplier<RosterFilter> f) {
        int runs = 21;
        long[] t = new long[runs];
        int matched = 0;
        for (int i = 0; i < runs; i++) {
            RosterFilter filter = f.get();
            long a = System.nanoTime();
            matched = (int) rows.stream().filter(filter).count();
            t[i] = System.nanoTime() - a;
        }
        Arrays.sort(t);
        out.printf("filter %-32s %6d of %d rows: median %.1f ms, max %.1f ms%n", what, matched, rows.size(),
                t[runs / 2] / 1e6, t[runs - 1] / 1e6);
    }

    static List<String> districtsOf(Path regions, String province) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(regions, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                String code = line.split(",", 2)[0].strip();
                if (Region.isValidCode(code) && Region.levelOf(code) == RegionLevel.REGENCY
                        && code.startsWith(province + ".") && code.charAt(3) < '7') {
                    out.add(code);
                }
            }
        }
        return out;
    }

    private static void gc() {
        System.gc();
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
