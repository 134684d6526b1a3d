package id.lindungdesa.cli;

import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code lindungdesa bench …}: benchmarks that print figures (never asserted in tests). The subcommands come from
 * the separate bench jar ({@link BenchSuite}); results are recorded in docs/performance.md.
 */
@Command(name = "bench", description = "Ukur kecepatan dan memori / measure speed and memory")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Adds the subcommands of every {@link BenchSuite} on the class path (none when the bench jar is absent). */
    static void addInstalled(CommandLine bench) {
        for (BenchSuite suite : ServiceLoader.load(BenchSuite.class, BenchCommand.class.getClassLoader())) {
            for (Object command : suite.commands()) bench.addSubcommand(command);
        }
    }

    /** {@code lindungdesa bench} with no subcommand: the list, or why there is none. */
    @Override
    public Integer call() {
        RootCommand root = RootCommand.of(spec);
        root.applyLanguage();
        var out = root.out();
        if (spec.subcommands().isEmpty()) {
            out.println(id.lindungdesa.i18n.Messages.tr("bench.notInstalled"));
            return Cli.REFUSED;
        }
        spec.commandLine().usage(out);
        return 0;
    }
}
