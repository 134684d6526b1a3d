package id.lindungdesa.cli;

import id.lindungdesa.service.Json;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "stats", description = "Ringkasan isi basis data / database summary")
final class StatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Cetak satu objek JSON / print one JSON object")
    boolean json;

    @Option(names = "--on", paramLabel = "YYYY-MM-DD", description = "Tanggal / date (default today)")
    LocalDate on;

    @Override
    public Integer call() {
        RootCommand root = RootCommand.of(spec);
        var s = root.services();
        Map<String, Object> stats = s.stats().stats(on != null ? on : LocalDate.now(s.clock()));
        if (json) {
            root.out().println(Json.write(stats));
        } else {
            stats.forEach((k, v) -> root.out().println(k + ": " + v));
        }
        return 0;
    }
}
