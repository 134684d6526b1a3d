package id.lindungdesa.bench;

import id.lindungdesa.bundle.ProvinceService;
import id.lindungdesa.domain.Post;
import id.lindungdesa.service.Json;
import id.lindungdesa.service.RosterReadModel;
import id.lindungdesa.service.RosterService;
import id.lindungdesa.wiring.Services;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lindungdesa bench province --db NATIONAL_DB [--district-db DB] [--json]} (issue 14): on a province or
 * national database (e.g. kept by {@code bench national --keep DB}) times what the province desktop does: the
 * dashboard open, the drill-down (kabupaten → kecamatan → desa → the people, first and second page) and the
 * coverage of the whole area; with {@code --district-db} also the district desk's refresh after an edit (the reads
 * of {@code RosterViewModel.refreshPerson}: the person's posts, then each touched village's rows and coverage).
 * Each figure is the first (cold) run and the best of two more, wall clock. Prints figures; asserts nothing.
 */
@Command(name = "province", description = "Dasbor provinsi/nasional dan telusur / province dashboard and drill-down")
final class ProvinceBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "PATH",
            description = "Basis data provinsi/nasional / province or national database (bench national --keep)")
    Path db;

    @Option(names = "--district-db", paramLabel = "PATH",
            description = "Basis data kabupaten untuk penyegaran meja / district database for the desk refresh")
    Path districtDb;

    @Option(names = "--json", description = "Cetak hasil sebagai JSON / print the figures as JSON")
    boolean json;

    private PrintWriter out;
    private final Map<String, Object> figures = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        if (!id.lindungdesa.persistence.Database.exists(db)) {
            throw new IllegalArgumentException("no database at " + db);
        }
        long t0 = System.nanoTime();
        try (Services s = Services.open(db, "bench")) {
            figures.put("open_ms", ms(t0));
            ProvinceService p = s.bundles().province();
            LocalDate today = p.today();
            var stats = p.stats(p.officeScope(), today);
            figures.put("people", stats.totals().people());
            figures.put("districts", stats.districts().size());
            log("bench province — " + stats.totals().people() + " people in " + stats.districts().size()
                    + " districts, max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
            ProvinceService.Dashboard d = time("dashboard_ms", "dashboard open", () -> p.dashboard(today));
            var largest = d.districts().stream().max(java.util.Comparator.comparingInt(r -> r.total().eligible()))
                    .orElseThrow();
            ProvinceService.Drill drill = time("drill_district_ms", "drill: kabupaten " + largest.code(),
                    () -> p.drill(largest.code(), today));
            var kec = drill.kecamatan().getFirst();
            List<ProvinceService.VillageRow> vs = time("drill_kecamatan_ms", "drill: kecamatan " + kec.code(),
                    () -> p.villages(kec.code(), today));
            var village = vs.stream().max(java.util.Comparator.comparingInt(ProvinceService.VillageRow::holders))
                    .orElseThrow();
            time("people_page_ms", "people of desa " + village.code() + ", page 1",
                    () -> p.people(village.code(), today, 0).rows().size());
            time("people_page2_ms", "people, page 2", () -> p.people(village.code(), today, 1).rows().size());
            time("coverage_ms", "coverage of the whole area", () -> p.coverage(p.officeScope(), today).report()
                    .region().total());
        }
        if (districtDb != null) {
            try (Services s = Services.open(districtDb, "bench")) {
                RosterService roster = s.roster();
                LocalDate on = roster.today();
                String village = s.coverage().report(on).villages().getFirst().code();
                UUID person = roster.snapshot(village, on).posts().getFirst().personId();
                time("desk_refresh_ms", "desk refresh after an edit (one person's villages)", () -> {
                    TreeSet<String> villages = new TreeSet<>();
                    for (Post post : roster.postsOf(person)) villages.add(post.villageCode());
                    int rows = 0;
                    int warnings = 0;
                    for (String v : villages) {
                        RosterService.Snapshot snap = roster.snapshot(v, on);
                        rows += RosterReadModel.rows(snap, false).size();
                        RosterReadModel.coverage(snap, on).get(v);
                        warnings += RosterService.warnings(snap).size();
                    }
                    return rows + " rows, " + warnings + " warnings";
                });
            }
        }
        if (json) out.println(Json.write(figures));
        out.flush();
        return 0;
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
}
