package id.lindungdesa.bench;

import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.imports.DryRun;
import id.lindungdesa.imports.Receipt;
import id.lindungdesa.imports.RowClass;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.Progress;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lindungdesa bench import [--rows N]}: generates an N-row roster workbook, then times the dry run and the
 * apply on a fresh database in a temporary folder (never the user's), and a re-import of the same file.
 */
@Command(name = "import", description = "Kecepatan impor daftar / roster import speed (rows per second)")
final class ImportBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rows", paramLabel = "N", description = "Baris / rows (default 20000)")
    int rows = 20_000;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("lindungdesa-bench-import");
        try {
            var regions = SampleRoster.regions("36.04", 10, 30);
            Path xlsx = dir.resolve("roster.xlsx");
            long t = System.nanoTime();
            SampleRoster.writeXlsx(xlsx, regions, rows, 1);
            out.printf("generate %,d rows: %.2f s, %,d KB%n", rows, secs(t), Files.size(xlsx) / 1024);
            try (Services s = new Services(Database.open(dir.resolve("bench"), Database.Options.of("bench")),
                    Clock.systemDefaultZone())) {
                s.office().init(OfficeLevel.DISTRICT, "36.04", "DPMD Kabupaten Contoh", "Bench");
                s.regions().addSynthetic(regions, "bench");

                out.printf("load average before: %.1f on %d cores%n",
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                        Runtime.getRuntime().availableProcessors());
                t = System.nanoTime();
                double c = cpu();
                DryRun run = s.imports().dryRun(xlsx, null, Progress.NONE);
                double dry = secs(t);
                double dryCpu = cpu() - c;
                out.printf("dry run (read + classify): %.2f s = %,.0f rows/s; CPU %.2f s = %,.0f rows per CPU-s"
                        + " (%d new, %d refused)%n", dry, rows / dry, dryCpu, rows / dryCpu, run.count(RowClass.NEW),
                        run.count(RowClass.REFUSED));

                t = System.nanoTime();
                c = cpu();
                Receipt r = s.imports().apply(run, Progress.NONE);
                double apply = secs(t);
                double applyCpu = cpu() - c;
                out.printf("apply (one transaction + CHECKPOINT SYNC; %,d people, %,d posts, %,d enrolments, trail):"
                        + " %.2f s = %,.0f rows/s; CPU %.2f s = %,.0f rows per CPU-s%n", r.peopleAdded(),
                        r.postsAdded(), r.enrolmentsAdded(), apply, rows / apply, applyCpu, rows / applyCpu);
                out.printf("dry run + apply: %,.0f rows/s%n", rows / (dry + apply));

                t = System.nanoTime();
                c = cpu();
                DryRun again = s.imports().dryRun(xlsx, null, Progress.NONE);
                double re = secs(t);
                double reCpu = cpu() - c;
                out.printf("re-import dry run against %,d stored rows: %.2f s = %,.0f rows/s; CPU %.2f s"
                        + " (%d unchanged)%n", rows, re, rows / re, reCpu, again.count(RowClass.UNCHANGED));
            }
            out.flush();
            return 0;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** CPU seconds used by this process so far (all threads, H2's included): a figure that a busy machine bends less. */
    private static double cpu() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : Double.NaN;
    }
}
