package id.lindungdesa.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lindungdesa bench bundle}: district export and province import, time, rows/s and peak heap. */
@Command(name = "bundle", description = "Ekspor kabupaten 10.000 orang, impor provinsi 60.000 orang / export a "
        + "10,000-person district, import a 60,000-person province")
final class BenchBundleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--district-people", defaultValue = "10000")
    int districtPeople;

    @Option(names = "--province-people", defaultValue = "60000")
    int provincePeople;

    @Option(names = "--districts", defaultValue = "6", description = "Bundel per provinsi / bundles making the "
            + "province")
    int districts;

    @Option(names = "--dir", paramLabel = "DIR", description = "Folder kerja / work folder (default: a temp folder)")
    Path dir;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        Path work = dir != null ? dir : Files.createTempDirectory("lindungdesa-bench-bundle");
        Runtime rt = Runtime.getRuntime();
        out.println("JVM max heap " + rt.maxMemory() / (1024 * 1024) + " MB, " + rt.availableProcessors()
                + " CPU, folder " + work);
        BundleBench.run(work, districtPeople, provincePeople, districts, line -> {
            out.println(line);
            out.flush();
        });
        return 0;
    }
}
