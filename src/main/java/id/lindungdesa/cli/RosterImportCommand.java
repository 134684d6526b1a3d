package id.lindungdesa.cli;

import id.lindungdesa.i18n.Messages;
import id.lindungdesa.imports.ColumnMapping;
import id.lindungdesa.imports.DryRun;
import id.lindungdesa.imports.RosterImportService;
import id.lindungdesa.imports.Receipt;
import id.lindungdesa.imports.RowClass;
import id.lindungdesa.imports.RowResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lindungdesa roster import FILE [--dry-run] [--mapping FILE] [--report FILE.xlsx]}. */
@Command(name = "roster", description = "Daftar aparat desa / village officials roster",
        subcommands = {RosterImportCommand.Import.class})
final class RosterImportCommand {

    @Command(name = "import", description = {
        "Impor daftar dari .xlsx/.csv: uji coba, lalu simpan baris yang diterima dalam satu transaksi.",
        "Import a roster from .xlsx/.csv: dry run, then save the accepted rows in one transaction.",
        "Exit 1 when any row is refused (the accepted rows are still saved unless --dry-run)."})
    static final class Import implements Callable<Integer> {
        /** Refused rows listed on the console; the rest are in the report. */
        static final int SHOWN = 20;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", descriptionKey = "cli.param.rosterFile",
                description = "Berkas .xlsx atau .csv / .xlsx or .csv file")
        Path file;

        @Option(names = "--dry-run", description = "Hanya uji coba, tidak menyimpan / only check, save nothing")
        boolean dryRun;

        @Option(names = "--mapping", paramLabel = "FILE",
                description = "Berkas pemetaan kolom (JSON, dari wizard) / column mapping file (JSON, from the wizard)")
        Path mapping;

        @Option(names = "--report", paramLabel = "FILE.xlsx",
                description = "Tulis laporan per baris / write a per-row XLSX report")
        Path report;

        @Option(names = "--sheet", paramLabel = "NAME", description = "Lembar / sheet (default: the first)")
        String sheet;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            RosterImportService imports = root.services().imports();
            Messages m = Messages.current();
            PrintWriter out = root.out();
            ColumnMapping.Saved saved = mapping == null ? null : ColumnMapping.load(mapping);
            if (sheet != null) {
                saved = saved == null ? new ColumnMapping.Saved(sheet, null, java.util.Map.of(), java.util.Map.of())
                        : new ColumnMapping.Saved(sheet, saved.headerRow(), saved.columns(), saved.villages());
            }
            DryRun run = imports.dryRun(file, saved, CliProgress.to(spec.commandLine().getErr()));
            out.println(m.get("import.cli.sheet", run.sheet().sheetName(), run.headerRow(), run.total()));
            out.println(m.get("import.cli.counts", run.count(RowClass.NEW), run.count(RowClass.CHANGED),
                    run.count(RowClass.UNCHANGED), run.count(RowClass.REFUSED), run.total()));
            List<RowResult> refused = run.refused();
            for (int i = 0; i < Math.min(SHOWN, refused.size()); i++) {
                RowResult r = refused.get(i);
                out.println("  " + m.get("import.cli.refusedRow", r.row(), r.problemsText(m)));
            }
            int refusedCount = run.count(RowClass.REFUSED);
            if (refusedCount > SHOWN) out.println("  " + m.get("import.cli.more", refusedCount - SHOWN));
            Receipt receipt = null;
            if (dryRun) {
                out.println(m.get("import.cli.dryRun"));
            } else if (run.toApply() == 0) {
                out.println(m.get("import.cli.nothing"));
            } else {
                receipt = imports.apply(run, CliProgress.to(spec.commandLine().getErr()));
                out.println(m.get("import.cli.applied", receipt.peopleAdded(), receipt.peopleUpdated(),
                        receipt.postsAdded(), receipt.postsUpdated(), receipt.enrolmentsAdded(),
                        receipt.enrolmentsUpdated()));
            }
            if (report != null) {
                imports.writeReport(run, receipt, report);
                out.println(m.get("import.cli.report", report));
            }
            out.flush();
            return refusedCount == 0 ? 0 : Cli.REFUSED;
        }
    }
}
