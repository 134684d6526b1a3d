package id.lindungdesa.cli;

import picocli.CommandLine.Command;

/**
 * {@code lindungdesa bench …}: benchmarks that print figures (never asserted in tests). Each feature adds its
 * benchmark as a subcommand; results are recorded in docs/performance.md.
 */
@Command(name = "bench", description = "Ukur kecepatan dan memori / measure speed and memory",
        subcommands = {
            DeskBench.class,
            AlertsBench.class,
            ReportBench.class,
            ImportBench.class,
            BenchBundleCommand.class,
            CrashBench.class,
            BackupBench.class,
            StartupBenchCommand.class
        })
final class BenchCommand {
}
