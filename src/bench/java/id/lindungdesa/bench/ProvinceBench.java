package id.lindungdesa.bench;

import id.lindungdesa.bundle.Period;
import id.lindungdesa.bundle.ProvinceService;
import id.lindungdesa.cli.Cli;
import id.lindungdesa.cli.RootCommand;
import id.lindungdesa.service.Json;
import id.lindungdesa.service.RosterService;
import id.lindungdesa.task.Progress;
import id.lindungdesa.ui.roster.RosterViewModel;
import id.lindungdesa.wiring.Services;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lindungdesa bench province --db NATIONAL_DB [--district-db DB] [--json]} (issue 14): on a province or
 * national database (e.g. kept by {@code bench national --keep DB}):
 * <ul>
 *   <li>{@code stats --json}, {@code report coverage --json} and {@code report reporting --json} through the
 *   command line in this process, each opening the database (as a script would, minus the JVM start);</li>
 *   <li>what the province desktop reads on open ({@code ProvinceDashboardViewModel.load}: the dashboard, then the
 *   reporting list of the quarter) and its drill-down: kabupaten (its kecamatan and desa) → one kecamatan's desa →
 *   the first page of a desa's people;</li>
 *   <li>on a district database ({@code --district-db}, else the demo district made in a temp folder) the desk's
 *   refresh after an edit: {@link RosterViewModel#loadTouched}, the very read the roster screen runs.</li>
 * </ul>
 * Service figures are the first (cold) run and the best of two more, wall clock. Prints figures; asserts nothing.
 */
@Command(name = "province", description = "Angka provinsi/nasional, dasbor dan telusur; penyegaran meja kabupaten / "
        + "province figures, dashboard and drill-down; the district desk's refresh")
final class ProvinceBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "PATH",
            description = "Basis data provinsi/nasional / province or national database (bench national --keep)")
    Path db;

    @Option(names = "--district-db", paramLabel = "PATH",
            description = "Basis data kabupaten untuk penyegaran meja (bawaan: kabupaten demo) / district database "
                    + "for the desk refresh (default: the demo district)")
    Path districtDb;

    @Option(names = "--json", description = "Cetak hasil sebagai JSON / print the figures as JSON")
    boolean json;

    private PrintWriter out;
    private final Map<String, Object> figures = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        if (!id.lindungdesa.persistence.ServerAddress.isServer(db) && !id.lindungdesa.persistence.Database.exists(db)) {
            throw new IllegalArgumentException("no database at " + db);
        }
        // the figures, not the day's first automatic backup (a full verified dump of the store, taken by the first
        // command of the day on an H2 file): that is the backup's cost, measured by `bench backup`
        String auto = System.getProperty(id.lindungdesa.backup.BackupService.AUTO_PROPERTY);
        System.setProperty(id.lindungdesa.backup.BackupService.AUTO_PROPERTY, "false");
        try {
            return measure();
        } finally {
            if (auto == null) System.clearProperty(id.lindungdesa.backup.BackupService.AUTO_PROPERTY);
            else System.setProperty(id.lindungdesa.backup.BackupService.AUTO_PROPERTY, auto);
        }
    }

    private int measure() throws Exception {
        figures.put("load_average", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        figures.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
        // the scripts first, in a JVM that has not read the database yet (the cold figure a script pays)
        String period = Period.containing(LocalDate.now()).label();
        cliTimed("stats_ms", "stats --json", "stats", "--json");
        cliTimed("coverage_ms", "report coverage --json", "report", "coverage", "--json");
        cliTimed("reporting_ms", "report reporting --json", "report", "reporting", "--period", period, "--json");
        cliTimed("coverage_2_ms", "report coverage --json (again)", "report", "coverage", "--json");
        long t0 = System.nanoTime();
        try (Services s = Services.open(db, "bench")) {
            figures.put("open_ms", ms(t0));
            ProvinceService p = s.bundles().province();
            LocalDate today = p.today();
            var stats = p.stats(p.officeScope(), today);
            figures.put("people", stats.totals().people());
            figures.put("districts", stats.districts().size());
            log("bench province — " + stats.totals().people() + " people in " + stats.districts().size()
                    + " kabupaten/kota, max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB, load "
                    + figures.get("load_average"));
            ProvinceService.Dashboard d = time("dashboard_open_ms", "desktop open: dashboard + reporting list", () -> {
                ProvinceService.Dashboard x = p.dashboard(today);
                p.reporting(p.officeScope(), x.period());
                return x;
            });
            var largest = d.districts().stream().max(Comparator.comparingInt(r -> r.total().eligible()))
                    .orElseThrow();
            ProvinceService.Drill drill = time("drill_district_ms", "drill: kabupaten " + largest.code()
                    + " (kecamatan + desa)", () -> p.drill(largest.code(), today));
            var kec = drill.kecamatan().getFirst();
            List<ProvinceService.VillageRow> vs = time("drill_kecamatan_ms", "drill: kecamatan " + kec.code(),
                    () -> p.villages(kec.code(), today));
            var village = vs.stream().max(Comparator.comparingInt(ProvinceService.VillageRow::holders))
                    .orElseThrow();
            time("people_page_ms", "drill: desa " + village.code() + ", first page of people",
                    () -> p.people(village.code(), today, 0).rows().size());
            time("coverage_service_ms", "coverage of the whole area (service, no JSON)",
                    () -> p.coverage(p.officeScope(), today).report().villages().size());
        }
        deskRefresh();
        if (json) out.println(Json.write(figures));
        out.flush();
        return 0;
    }

    /** The district desk's refresh after an edit of one person: the read the roster screen runs. */
    private void deskRefresh() throws Exception {
        Path work = null;
        Path district = districtDb;
        if (district == null) {
            work = Files.createTempDirectory("lindungdesa-bench-province");
            district = work.resolve("demo");
            try (Services s = Services.open(district, "bench")) {
                s.demo().generate(null, null, 1, Progress.NONE);
            }
        }
        try (Services s = Services.open(district, "bench")) {
            RosterService roster = s.roster();
            LocalDate on = roster.today();
            String village = s.coverage().report(on).villages().getFirst().code();
            UUID person = roster.snapshot(village, on).posts().getFirst().personId();
            figures.put("district_people", s.stats().stats(on).people());
            var t = time("desk_refresh_ms", "district desk: refresh after an edit (one person's villages)",
                    () -> RosterViewModel.loadTouched(roster, person, Set.of()));
            figures.put("desk_refresh_rows", t.rows().size());
        } finally {
            if (work != null) deleteTree(work);
        }
    }

    private void cliTimed(String key, String what, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = db.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        CommandLine cl = Cli.commandLine((p, l) -> 0);
        StringWriter sink = new StringWriter();
        cl.setOut(new PrintWriter(sink, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        long t = System.nanoTime();
        int code;
        try {
            code = cl.execute(all);
        } finally {
            ((RootCommand) cl.getCommand()).closeServices();
        }
        long ms = ms(t);
        figures.put(key, ms);
        if (code != 0) figures.put(key.replace("_ms", "_exit"), code);
        figures.put(key.replace("_ms", "_output_kb"), sink.getBuffer().length() / 1024);
        log(String.format("  %-52s %6d ms  (exit %d, %,d KB of output)", what, ms, code,
                sink.getBuffer().length() / 1024));
    }

    private void log(String line) {
        if (!json) {
            out.println(line);
            out.flush();
        }
    }

    /** First (cold) run and the best of two warm runs; the warm figure is recorded under {@code key}. */
    private <T> T time(String key, String what, Supplier<T> work) {
        long t0 = System.nanoTime();
        T result = work.get();
        long cold = ms(t0);
        long warm = Long.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            long t = System.nanoTime();
            result = work.get();
            warm = Math.min(warm, ms(t));
        }
        figures.put(key, warm);
        figures.put(key.replace("_ms", "_cold_ms"), cold);
        log(String.format("  %-52s cold %6d ms  warm %6d ms", what, cold, warm));
        return result;
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static void deleteTree(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> {
                try {
                    Files.deleteIfExists(x);
                } catch (java.io.IOException ignored) {
                    // a temp folder: best effort
                }
            });
        } catch (java.io.IOException ignored) {
            // best effort
        }
    }
}
