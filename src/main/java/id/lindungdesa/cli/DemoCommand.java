package id.lindungdesa.cli;

import id.lindungdesa.service.DemoService;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", description = "Buat kabupaten demo / build a demo district")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--regions", paramLabel = "FILE",
            description = "CSV kode,nama (default: daftar bawaan program / the list shipped with the program)")
    Path regions;

    @Option(names = "--within", paramLabel = "CODE", converter = Converters.RegionCode.class,
            description = "Kabupaten atau kecamatan / district or kecamatan (default 36.04)")
    String within;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N")
    long seed;

    @Override
    public Integer call() {
        RootCommand root = RootCommand.of(spec);
        var progress = CliProgress.to(spec.commandLine().getErr());
        DemoService.Result r = regions != null
                ? root.services().demo().generate(regions, within, seed, progress)
                : root.services().demo().generateFromBuiltinRegions(within, seed, progress);
        root.out().println(RootCommand.t("cli.demo.done", r.districtCode(), r.villages(), r.people(), r.posts(),
                r.enrolments(), r.activeEnrolments()));
        return 0;
    }
}
