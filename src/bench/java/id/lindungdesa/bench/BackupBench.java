package id.lindungdesa.bench;

import id.lindungdesa.cli.RootCommand;
import id.lindungdesa.backup.BackupService;
import id.lindungdesa.backup.RestoreCandidate;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lindungdesa --db PATH bench backup}: time a verified backup, a verification and a restore preparation. */
@Command(name = "backup", description = "Ukur cadangan / time backup, verify and restore on --db")
final class BackupBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--runs", defaultValue = "3") int runs;

    @Override
    public Integer call() throws Exception {
        RootCommand root = RootCommand.of(spec);
        var s = root.services();
        PrintWriter out = root.out();
        long dbSize = Files.size(s.database().file());
        for (int i = 1; i <= runs; i++) {
            long t0 = System.nanoTime();
            BackupService.Result r = s.backups().backupNow("bench", null);
            long t1 = System.nanoTime();
            var v = s.backups().verify(r.file(), null);
            long t2 = System.nanoTime();
            RestoreCandidate c = s.backups().prepareRestore(r.file(), null);
            long t3 = System.nanoTime();
            BackupService.discard(c);
            Files.deleteIfExists(java.nio.file.Path.of(r.file() + ".json"));
            Files.deleteIfExists(r.file());
            out.printf("backup run %d: db %.1f MB, %d people, backup %.1f MB%s; backup+verify %d ms, verify %d ms (%s),"
                    + " restore into new file + migrate + describe %d ms%n", i, dbSize / 1e6, r.info().count("PERSON"),
                    r.info().sizeBytes() / 1e6, r.info().encrypted() ? " (encrypted)" : "", (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000, v.ok() ? "ok" : "FAILED", (t3 - t2) / 1_000_000);
            out.flush();
        }
        return 0;
    }
}
