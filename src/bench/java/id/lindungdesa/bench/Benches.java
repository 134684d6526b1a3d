package id.lindungdesa.bench;

import id.lindungdesa.cli.BenchSuite;
import java.util.List;

/** The {@code lindungdesa bench …} subcommands of this jar (registered in META-INF/services). */
public final class Benches implements BenchSuite {
    @Override
    public List<Object> commands() {
        return List.of(new DeskBench(), new AlertsBench(), new ReportBench(), new ImportBench(),
                new BenchBundleCommand(), new CrashBench(), new BackupBench(), new StartupBenchCommand(),
                new FieldBench(),
                new FiguresBench(), new NationalBench(), new ProvinceBench());
    }
}
