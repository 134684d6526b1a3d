package id.lindungdesa.cli;

import id.lindungdesa.service.Json;
import id.lindungdesa.service.RegionService;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "regions", description = "Kode wilayah Kemendagri / region codes",
        subcommands = {RegionsCommand.Import.class})
final class RegionsCommand {

    @Command(name = "import", description = "Impor CSV kode,nama / import a kode,nama CSV")
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Mixin
        Options.Within within;

        @Mixin
        Options.Json json;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            RegionService.ImportReport r = root.services().regions().importCsv(file, within.within, CliProgress.to(spec.commandLine().getErr()));
            if (json.on()) {
                root.out().println(Json.write(r));
            } else {
                root.out().println(RootCommand.t("cli.regions.summary", r.within(), r.kecamatan(), r.desa(),
                        r.desaAdat(), r.kelurahan()));
                root.out().println(RootCommand.t("cli.regions.changes", r.added(), r.renamed(), r.retired(),
                        r.restored(), r.unchanged()));
            }
            return 0;
        }
    }
}
