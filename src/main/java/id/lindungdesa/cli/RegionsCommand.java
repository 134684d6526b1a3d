package id.lindungdesa.cli;

import id.lindungdesa.service.BuiltinRegions;
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

    @Command(name = "import", description = "Impor CSV kode,nama; tanpa FILE: daftar bawaan program / import a "
            + "kode,nama CSV; without FILE: the list shipped with the program")
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "0..1",
                description = "CSV kode,nama (default: " + BuiltinRegions.SOURCE_NAME + ", " + BuiltinRegions.DECREE + ")")
        Path file;

        @Mixin
        Options.Within within;

        @Mixin
        Options.Json json;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            var progress = CliProgress.to(spec.commandLine().getErr());
            RegionService.ImportReport r = file == null
                    ? root.services().regions().importBuiltin(within.within, progress)
                    : root.services().regions().importCsv(file, within.within, progress);
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
