package id.lindungdesa.cli;

import id.lindungdesa.service.BuiltinRegions;
import id.lindungdesa.service.Json;
import id.lindungdesa.service.RegionService;
import id.lindungdesa.task.Progress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

        @Option(names = "--within", paramLabel = "CODE", description = "Batasi ke wilayah / restrict to (default: the office's region)")
        String within;

        @Option(names = "--json", description = "Laporan JSON / JSON report")
        boolean json;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            RegionService.ImportReport r = file == null
                    ? root.services().regions().importBuiltin(within, Progress.NONE)
                    : root.services().regions().importCsv(file, within, Progress.NONE);
            if (json) {
                root.out().println(Json.write(r));
            } else {
                root.out().printf("Wilayah %s: %d kecamatan, %d desa, %d desa adat, %d kelurahan%n", r.within(),
                        r.kecamatan(), r.desa(), r.desaAdat(), r.kelurahan());
                root.out().printf("added %d, renamed %d, retired %d, restored %d, unchanged %d%n", r.added(),
                        r.renamed(), r.retired(), r.restored(), r.unchanged());
            }
            return 0;
        }
    }
}
