package id.lindungdesa.bench;

import id.lindungdesa.report.Exports;
import id.lindungdesa.service.BudgetService;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.Progress;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lindungdesa bench report}: coverage (report and 24-month trend), budget, ledger and exports over the demo
 * district and over a synthetic ~60,000-person province. Prints figures; records nothing.
 */
@Command(name = "report", description = "Cakupan, anggaran, buku iuran, ekspor / coverage, budget, ledger, exports")
final class ReportBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", description = "Folder kerja / work folder (default: temp)")
    Path dir;

    @Option(names = "--regions", paramLabel = "FILE", description = "wilayah.csv (default: the list shipped with the program)")
    Path regions;

    @Option(names = "--province", defaultValue = "61", description = "Kode provinsi / province code (default 61)")
    String province;

    @Option(names = "--per-village", defaultValue = "30", description = "Orang per desa / people per village")
    int perVillage;

    @Option(names = "--skip-province", description = "Hanya kabupaten demo / demo district only")
    boolean skipProvince;

    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        Path work = dir != null ? dir : Files.createTempDirectory("lindungdesa-bench-report");
        Path csv = regions;
        if (csv == null) {
            csv = id.lindungdesa.service.BuiltinRegions.copyTo(work.resolve("wilayah.csv"));
        }
        out.printf("bench report — java %s, %d cpu, max heap %d MB, regions %s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                csv == null ? "synthetic" : csv);
        try (Services s = Services.open(work.resolve("demo"), "bench")) {
            long t0 = System.nanoTime();
            var r = s.demo().generate(csv, "36.04", 42, Progress.NONE);
            out.printf("demo district 36.04: %d villages, %d people, %d enrolments — generated in %d ms%n",
                    r.villages(), r.people(), r.enrolments(), ms(t0));
            measure(s, work.resolve("demo-out"));
        }
        if (!skipProvince) {
            try (Services s = Services.open(work.resolve("province"), "bench")) {
                long t0 = System.nanoTime();
                var r = SyntheticProvince.generate(s, csv, province, perVillage, 7, Progress.NONE);
                out.printf("synthetic province %s: %d districts, %d villages, %d people, %d enrolments — generated"
                        + " in %d ms%n", province, r.districts(), r.villages(), r.people(), r.enrolments(), ms(t0));
                measure(s, work.resolve("province-out"));
            }
        }
        out.println("work folder: " + work.toAbsolutePath());
        return 0;
    }

    private void measure(Services s, Path outDir) throws Exception {
        Files.createDirectories(outDir);
        LocalDate today = LocalDate.now(s.clock());
        int year = today.getYear();
        time("coverage report (today)", () -> s.coverage().report(today).region().total());
        time("coverage report + 24-month trend", () -> s.coverage().overview(today, 24).trend().size());
        time("budget " + year + " (all sources)", () -> s.budget().budget(year, null,
                BudgetService.Scenario.NONE).current().total());
        time("budget what-if: everyone eligible", () -> s.budget().budget(year, null,
                new BudgetService.Scenario(java.util.List.of(), true, java.util.List.of())).projected().total());
        time("ledger " + year + " (12 months x sources)", () -> s.ledger().ledger(year, null).size());
        time("lapse candidates", () -> s.ledger().lapseCandidates().size());
        Exports ex = new Exports(s);
        time("coverage XLSX", () -> size(ex.coverageXlsx(outDir.resolve("cakupan.xlsx"), today, Progress.NONE)));
        time("roster XLSX", () -> size(ex.rosterXlsx(outDir.resolve("aparat.xlsx"), today, Progress.NONE)));
        time("monev PDF", () -> size(ex.monevPdf(outDir.resolve("monev.pdf"), today, Progress.NONE)));
        Runtime rt = Runtime.getRuntime();
        out.printf("  heap used after: %d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    private static String size(Path p) {
        try {
            return (Files.size(p) >> 10) + " KB";
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /**
     * Runs three times; prints the first (cold) and the best of the other two (warm), wall clock, and the warm run's
     * CPU time of this thread (steadier than wall clock on a shared machine; H2 runs in this thread too).
     */
    private void time(String what, Supplier<Object> work) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        Object result = work.get();
        long cold = ms(t0);
        long warm = Long.MAX_VALUE;
        long cpu = Long.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            long c = mx.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            result = work.get(); // kept, so the JIT cannot drop the warm run's work
            warm = Math.min(warm, ms(t));
            cpu = Math.min(cpu, (mx.getCurrentThreadCpuTime() - c) / 1_000_000);
        }
        out.printf("  %-40s cold %6d ms  warm %6d ms  warm cpu %6d ms  (%s)%n", what, cold, warm, cpu, result);
        out.flush();
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
