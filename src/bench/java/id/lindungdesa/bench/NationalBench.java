package id.lindungdesa.bench;

import id.lindungdesa.backup.BackupService;
import id.lindungdesa.bundle.Passphrases;
import id.lindungdesa.bundle.Period;
import id.lindungdesa.cli.Cli;
import id.lindungdesa.cli.RootCommand;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.persistence.BareInsert;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.task.Progress;
import id.lindungdesa.wiring.Services;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lindungdesa bench national [--people N] [--keep DB] [--json]} (issue 14): signed district bundles for
 * the whole country ({@link NationalSet}), each written, then imported into a fresh national database through the
 * real import; the same rows batch-inserted into bare H2 tables with the same keys ({@link BareInsert}), district by
 * district in the same run; then {@code stats --json}, {@code report coverage --json} and
 * {@code report reporting --period P --json} through the command line, in this process. Peak heap is sampled every
 * 5 ms over the whole run.
 */
@Command(name = "national", description = "Impor nasional: bundel sintetis seluruh kabupaten/kota, lalu statistik, "
        + "cakupan dan daftar pelaporan / national import: synthetic bundles of every district, then stats, coverage "
        + "and the reporting list")
public final class NationalBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--people", defaultValue = "2500000", description = "Jumlah orang / people (default 2,500,000)")
    long people;

    @Option(names = "--keep", paramLabel = "DB", description = "Simpan database nasional di sini / keep the "
            + "national database here (default: a temp folder, deleted)")
    Path keep;

    @Option(names = "--json", description = "Cetak hasil sebagai JSON / print the figures as JSON")
    boolean json;

    /** Issue 16: run on an EMPTY PostgreSQL database instead of a new H2 file. */
    @Option(names = "--db", paramLabel = "postgresql://HOST[:PORT]/DB", description = "Basis data server PostgreSQL "
            + "yang kosong / an empty PostgreSQL server database (default: a new H2 file)")
    String server;

    @Option(names = "--seed", defaultValue = "14")
    long seed;

    @Option(names = "--raw", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Juga sisipan mentah pembanding / also the bare-insert yardstick (--no-raw: import only)")
    boolean raw;

    @Option(names = "--concurrent", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Dua kabupaten terakhir diimpor bersamaan / the last two districts imported at the same "
                    + "time, on two threads (--no-concurrent: one by one)")
    boolean concurrent = true;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> r = run(people, keep, server, seed, raw, concurrent, line -> {
            if (!json) {
                out.println(line);
                out.flush();
            }
        });
        if (json) out.println(id.lindungdesa.service.Json.write(r));
        else r.forEach((k, v) -> out.println(k + ": " + v));
        return 0;
    }

    /** Runs the benchmark and returns the figures (keys as in issue 14, plus a few that explain them). */
    public static Map<String, Object> run(long people, Path keep, long seed, boolean withRaw,
                                          java.util.function.Consumer<String> log)
            throws Exception {
        return run(people, keep, null, seed, withRaw, true, log);
    }

    /** A district bundle written and its key trusted, held back to be imported with another at the same time. */
    private record Held(String district, Path file, Path receipt, long rows) {}

    /** As above; {@code server} (a postgresql:// URL of an empty database, or null for H2) is where it runs. */
    public static Map<String, Object> run(long people, Path keep, String server, long seed, boolean withRaw,
                                          boolean concurrentPair, java.util.function.Consumer<String> log)
            throws Exception {
        if (server != null && !id.lindungdesa.persistence.ServerAddress.isServer(server)) {
            throw new IllegalArgumentException("--db takes a postgresql://HOST[:PORT]/DB URL (H2: --keep FILE)");
        }
        if (server != null && !id.lindungdesa.persistence.StoreCopy.isEmpty(
                id.lindungdesa.persistence.ServerAddress.parse(server))) {
            throw new IllegalArgumentException("--db must name an EMPTY PostgreSQL database (createdb NAME): "
                    + id.lindungdesa.persistence.ServerAddress.parse(server).display());
        }
        String auto = System.getProperty(BackupService.AUTO_PROPERTY);
        System.setProperty(BackupService.AUTO_PROPERTY, "false"); // no daily full backup in the middle of a timing
        Path work = Files.createTempDirectory("lindungdesa-bench-national");
        Path dbBase = keep != null ? Database.basePath(keep) : work.resolve("nasional");
        if (Files.exists(Path.of(dbBase + ".mv.db"))) {
            throw new IllegalArgumentException("--keep " + dbBase + ".mv.db exists already: give a new name");
        }
        char[] pass = Passphrases.fromEnvironment().filter(p -> p.length >= Passphrases.MIN_LENGTH)
                .orElseGet("bench-passphrase-nasional"::toCharArray);
        Clock clock = Clock.systemDefaultZone();
        LocalDate today = LocalDate.now(clock);
        Period period = Period.containing(today);
        NationalSet set = NationalSet.of(people, seed, today);
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (running.get()) {
                peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long importNanos = 0;
        long rawNanos = 0;
        long importRows = 0;
        long rawRows = 0;
        long total = 0;
        long bytes = 0;
        long peakFirstHalf = 0;
        long receiptProblems = 0;
        Map<String, Object> r = new LinkedHashMap<>();
        java.util.List<Held> held = new java.util.ArrayList<>();
        java.util.List<Long> liveAfterGc = new java.util.ArrayList<>();
        try {
            String dbArg = server != null ? server : dbBase.toString();
            try (Services nas = server != null ? Services.open(Path.of(server), "bench")
                    : new Services(Database.open(dbBase, Database.Options.of("bench")), clock);
                 BareInsert bare = new BareInsert(work.resolve("bare"))) {
                nas.office().init(OfficeLevel.NATIONAL, OfficeLevel.NATIONAL_CODE, "Kemendagri (bench)", "Bench");
                nas.regions().importBuiltinAtSetUp(null, Progress.NONE);
                if (nas.bundles().keys().activeKey().isEmpty()) nas.bundles().keys().init(pass);
                int n = set.chosen().size();
                // one run of imports, as `bundle import FILE…` does: the office key is unlocked once (decision 0200)
                var unlocked = nas.bundles().imports().unlocker(pass);
                log.accept("JVM max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, "
                        + Runtime.getRuntime().availableProcessors() + " CPU; " + n + " kabupaten/kota, target "
                        + people + " people, folder " + work);
                for (int i = 0; i < n; i++) {
                    NationalSet.Rows rows = set.rows(i, total);
                    if (rows.people().isEmpty()) break;
                    var d = rows.district();
                    boolean hold = concurrentPair && n >= 4 && i >= n - 2;
                    long t0 = System.nanoTime();
                    if (withRaw && !hold) rawRows += bare.insert(d.code(), UUID.randomUUID(), rows.people(), rows.posts(),
                            rows.enrolments(), rows.history());
                    rawNanos += System.nanoTime() - t0;
                    NationalSet.DistrictKey key = NationalSet.key(d, work);
                    nas.bundles().trust().add(key.publicFile(), key.words());
                    Path file = NationalSet.writeBundle(rows, key, period, work.resolve("bundle-" + d.code()
                            + ".ldb"));
                    bytes += Files.size(file);
                    Path receipt = work.resolve("receipt-" + d.code() + ".json");
                    if (hold) {
                        // issue 16: the last two districts land at the same moment (two analysts importing)
                        held.add(new Held(d.code(), file, receipt, rows.tableRows()));
                        total += rows.people().size();
                        continue;
                    }
                    long t1 = System.nanoTime();
                    var report = nas.bundles().imports().apply(file, unlocked, receipt, Progress.NONE);
                    importNanos += System.nanoTime() - t1;
                    if (report.receiptProblem() != null) receiptProblems++;
                    importRows += rows.tableRows();
                    total += rows.people().size();
                    Files.deleteIfExists(file);
                    Files.deleteIfExists(receipt);
                    Files.deleteIfExists(key.publicFile());
                    if (i == n / 2) peakFirstHalf = peak.get();
                    if (i % 25 == 0 || i == n - 1) {
                        // live data, not garbage: the heap in use right after a full collection (untimed), every
                        // 25 bundles; if it grows with the bundles, something is kept per bundle
                        long sampled = mem.getHeapMemoryUsage().getUsed() / (1024 * 1024);
                        System.gc();
                        long live = mem.getHeapMemoryUsage().getUsed() / (1024 * 1024);
                        liveAfterGc.add(live);
                        log.accept(String.format("%3d/%d %s %,d people so far, import %,d rows/s, raw %,d rows/s, "
                                        + "heap now %d MB, live after GC %d MB", i + 1, n, d.code(), total,
                                rate(importRows, importNanos), rate(rawRows, rawNanos), sampled, live));
                    }
                }
                if (held.size() == 2) {
                    long t2 = System.nanoTime();
                    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
                    try {
                        java.util.List<java.util.concurrent.Future<?>> both = new java.util.ArrayList<>();
                        for (Held h : held) {
                            both.add(pool.submit(() -> nas.bundles().imports().apply(h.file(), unlocked,
                                    h.receipt(), Progress.NONE)));
                        }
                        for (var f : both) f.get();
                    } finally {
                        pool.shutdown();
                    }
                    long nanos = System.nanoTime() - t2;
                    long pairRows = held.get(0).rows() + held.get(1).rows();
                    r.put("concurrent_two_districts", held.get(0).district() + "+" + held.get(1).district());
                    r.put("concurrent_two_rows", pairRows);
                    r.put("concurrent_two_seconds", Math.round(nanos / 1e7) / 100.0);
                    r.put("concurrent_two_rows_per_s", rate(pairRows, nanos));
                    log.accept(String.format("the last two districts imported at the same time: %,d rows in %.2f s",
                            pairRows, nanos / 1e9));
                }
            }
            // the three scripted questions, through the command line in this process (opening the database each)
            cli(dbArg, "office", "show");
            r.put("people", total);
            r.put("districts", set.chosen().size());
            r.put("bundle_mb", bytes / (1024 * 1024));
            r.put("import_rows", importRows);
            r.put("import_seconds", Math.round(importNanos / 1e7) / 100.0);
            r.put("import_rows_per_s", rate(importRows, importNanos));
            if (withRaw) {
                r.put("raw_rows_per_s", rate(rawRows, rawNanos));
                r.put("ratio", Math.round(100.0 * rate(importRows, importNanos)
                        / Math.max(1, rate(rawRows, rawNanos))) / 100.0);
            }
            r.put("peak_heap_mb", peak.get() / (1024 * 1024));
            r.put("peak_heap_first_half_mb", peakFirstHalf / (1024 * 1024));
            r.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
            // heap in use after a full GC, every 25 bundles (first, ..., last): the live data, without garbage
            r.put("live_heap_after_gc_mb", liveAfterGc);
            r.put("stats_ms", timed(r, "stats_exit", dbArg, "stats", "--json"));
            r.put("coverage_ms", timed(r, "coverage_exit", dbArg, "report", "coverage", "--json"));
            r.put("reporting_ms", timed(r, "reporting_exit", dbArg, "report", "reporting", "--period",
                    period.label(), "--json"));
            r.put("peak_heap_mb", peak.get() / (1024 * 1024));
            if (receiptProblems > 0) r.put("receipt_problems", receiptProblems);
            r.put("load_average", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            running.set(false);
            sampler.join();
            if (auto == null) System.clearProperty(BackupService.AUTO_PROPERTY);
            else System.setProperty(BackupService.AUTO_PROPERTY, auto);
            deleteTree(work);
        }
        return r;
    }

    private static long rate(long rows, long nanos) {
        return nanos == 0 ? 0 : Math.round(rows / (nanos / 1e9));
    }

    /** Runs a command in this process and returns its wall time in ms; its exit code goes under {@code exitKey}. */
    private static long timed(Map<String, Object> r, String exitKey, String db, String... args) {
        long t = System.nanoTime();
        int code = cli(db, args);
        long ms = (System.nanoTime() - t) / 1_000_000;
        if (code != 0) r.put(exitKey, code);
        return ms;
    }

    private static int cli(String db, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = db;
        System.arraycopy(args, 0, all, 2, args.length);
        CommandLine cl = Cli.commandLine((p, l) -> 0);
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        try {
            return cl.execute(all);
        } finally {
            ((RootCommand) cl.getCommand()).closeServices();
        }
    }

    private static void deleteTree(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (java.io.IOException ignored) {
                    // a temp folder: best effort
                }
            });
        } catch (java.io.IOException ignored) {
            // best effort
        }
    }
}
