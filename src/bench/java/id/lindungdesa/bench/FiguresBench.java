package id.lindungdesa.bench;

import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Post;
import id.lindungdesa.service.BudgetService;
import id.lindungdesa.service.RosterReadModel;
import id.lindungdesa.service.RosterService;
import id.lindungdesa.task.Progress;
import id.lindungdesa.wiring.Services;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lindungdesa bench figures} (issue 14): the district's figures the old way (a whole-roster snapshot counted
 * in Java) and the new way (SQL aggregation, decision 0120) in the same run, on a synthetic office of ~60,000
 * people, with the peak heap of each way; and the refresh of one village after an edit. With {@code --new-only}
 * (for a run at {@code -Xmx96m}) the snapshot is never read. Prints figures; asserts nothing.
 */
@Command(name = "figures", description = "Angka kabupaten: snapshot lama vs SQL / district figures: old snapshot vs SQL")
final class FiguresBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "PATH",
            description = "Basis data (dibuat bila kosong, disimpan) / database (made when empty, kept)")
    Path db;

    @Option(names = "--per-village", defaultValue = "29", description = "Orang per desa / people per village")
    int perVillage;

    @Option(names = "--new-only", description = "Tanpa snapshot lama / without the old snapshot path")
    boolean newOnly;

    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        Path path = db != null ? db : Files.createTempDirectory("lindungdesa-bench-figures").resolve("figures");
        out.printf("bench figures — java %s, %d cpu, max heap %d MB, db %s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, path);
        try (Services s = Services.open(path, "bench")) {
            LocalDate today = LocalDate.now(s.clock());
            if (s.stats().stats(today).people() == 0) {
                long t0 = System.nanoTime();
                var r = SyntheticProvince.generate(s, null, "61", perVillage, 7, Progress.NONE);
                out.printf("generated: %d villages, %d people, %d enrolments in %d ms%n", r.villages(), r.people(),
                        r.enrolments(), ms(t0));
            }
            String region = s.coverage().officeRegion();
            int year = today.getYear();
            out.printf("office region %s, %d people on file%n", region, s.stats().stats(today).people());

            if (!newOnly) {
                out.println("old: whole-roster snapshot, counted in Java");
                resetPeaks();
                time("snapshot read (every old figure paid it)", () -> s.roster().snapshot(region, today).posts()
                        .size());
                time("coverage per village", () -> RosterReadModel.coverage(s.roster().snapshot(region, today),
                        today).size());
                time("coverage + 24-month trend", () -> {
                    RosterService.Snapshot snap = s.roster().snapshot(region, today);
                    int n = 0;
                    for (int i = 0; i < 24; i++) {
                        LocalDate d = i == 0 ? today : YearMonth.from(today).minusMonths(i).atEndOfMonth();
                        n += RosterReadModel.coverage(snap, d).size();
                    }
                    return n;
                });
                time("stats (whole database)", () -> oldStats(s.roster().snapshot("", today), today));
                out.printf("  peak heap (old): %d MB%n", peakHeapMb());
            }

            out.println("new: SQL aggregation (decision 0120)");
            resetPeaks();
            time("coverage report", () -> s.coverage().report(today).region().total());
            time("coverage report + 24-month trend", () -> s.coverage().overview(today, 24).trend().size());
            time("stats", () -> s.stats().stats(today).officeHolders());
            time("alerts", () -> s.alerts().alerts(today).size());
            time("enrolment–agreement links", () -> s.agreements().links(today).covered().size());
            time("budget " + year, () -> s.budget().budget(year, null, BudgetService.Scenario.NONE).current()
                    .total());
            time("budget what-if: everyone eligible", () -> s.budget().budget(year, null,
                    new BudgetService.Scenario(java.util.List.of(), true, java.util.List.of())).projected().total());
            time("ledger " + year, () -> s.ledger().ledger(year, null).size());
            time("lapse candidates", () -> s.ledger().lapseCandidates().size());
            String village = s.coverage().report(today).villages().get(0).code();
            time("refresh one village after an edit", () -> s.coverage().villageCoverage(village, today).size());
            out.printf("  peak heap (new): %d MB%n", peakHeapMb());
        }
        return 0;
    }

    /** The old stats: people, office-holders, posts per category, people with an ACTIVE enrolment. */
    private static String oldStats(RosterService.Snapshot s, LocalDate on) {
        Map<Category, Integer> counts = new EnumMap<>(Category.class);
        Set<UUID> holders = new HashSet<>();
        for (Post p : s.posts()) {
            if (!p.currentOn(on) || !s.people().containsKey(p.personId())) continue;
            counts.merge(p.category(), 1, Integer::sum);
            holders.add(p.personId());
        }
        int active = 0;
        for (Person p : s.people().values()) {
            if (s.enrolmentOf(p.id(), on).map(e -> s.stateOn(e.id(), on) == EnrolmentState.ACTIVE).orElse(false)) {
                active++;
            }
        }
        return holders.size() + " holders, " + active + " active";
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peaks since the last reset (an upper bound of the peak heap). */
    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) sum += p.getPeakUsage().getUsed();
        }
        return sum >> 20;
    }

    /** First (cold) run and the best of two warm runs, wall clock. */
    private void time(String what, Supplier<Object> work) {
        long t0 = System.nanoTime();
        Object result = work.get();
        long cold = ms(t0);
        long warm = Long.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            long t = System.nanoTime();
            result = work.get();
            warm = Math.min(warm, ms(t));
        }
        out.printf("  %-44s cold %6d ms  warm %6d ms  (%s)%n", what, cold, warm, result);
        out.flush();
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
