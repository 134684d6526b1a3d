package id.lindungdesa.cli;

import id.lindungdesa.backup.BackupException;
import id.lindungdesa.backup.BackupService;
import id.lindungdesa.backup.BackupSettings;
import id.lindungdesa.backup.RestoreCandidate;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.DatabaseUnreadableException;
import id.lindungdesa.wiring.FileKeys;
import id.lindungdesa.wiring.SecureOpener;
import id.lindungdesa.wiring.Services;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lindungdesa backup now|list|verify|restore|settings}. */
@Command(name = "backup", description = "Cadangan: buat, daftar, periksa, pulihkan / backups: make, list, verify, restore",
        subcommands = {BackupCommand.Now.class, BackupCommand.ListCmd.class, BackupCommand.Verify.class,
            BackupCommand.Restore.class, BackupCommand.Settings.class})
final class BackupCommand {

    static String size(long bytes) {
        return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    @Command(name = "now", description = "Buat cadangan terverifikasi sekarang / make a verified backup now;"
            + " the last line printed is the backup file's path")
    static final class Now implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--to", paramLabel = "DIR", description = "Salin juga ke folder ini / also copy to this folder")
        Path to;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            BackupService.Result r = root.services().backups().backupNow("manual", to);
            PrintWriter out = root.out();
            var i = r.info();
            out.println(RootCommand.t(i.encrypted() ? "cli.backup.madeEncrypted" : "cli.backup.made",
                    i.count("PERSON"), i.count("POST"), i.count("ENROLMENT"), size(i.sizeBytes())));
            if (r.secondCopy() != null) out.println(RootCommand.t("cli.backup.secondCopy", r.secondCopy()));
            if (r.secondCopyProblem() != null) out.println(r.secondCopyProblem());
            if (!r.rotated().isEmpty()) out.println(RootCommand.t("cli.backup.rotated", r.rotated().size()));
            out.println(r.extraCopy() != null ? r.extraCopy() : r.file());
            return 0;
        }
    }

    @Command(name = "list", description = "Daftar cadangan / list backups")
    static final class ListCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            Path base = Database.basePath(root.databasePath());
            Path folder = BackupSettings.folderFor(base);
            PrintWriter out = root.out();
            BackupSettings settings = BackupSettings.load(folder);
            out.println(RootCommand.t("cli.backup.folder", folder));
            print(out, BackupService.listFolder(folder));
            if (settings.secondFolder() != null) {
                out.println(RootCommand.t("cli.backup.secondFolder", settings.secondFolder()));
                print(out, BackupService.listFolder(Path.of(settings.secondFolder())));
            }
            return 0;
        }

        private static void print(PrintWriter out, List<BackupService.Entry> entries) {
            if (entries.isEmpty()) out.println(RootCommand.t("cli.backup.noneYet"));
            for (var e : entries) {
                var i = e.info();
                out.println("  " + (e.verified() ? "OK " : "?  ") + (i == null ? "-" : i.createdAt()) + "  "
                        + (i == null ? "" : RootCommand.t("cli.backup.entry", i.reason(), i.count("PERSON"),
                        size(i.sizeBytes())) + "  ") + e.file());
            }
        }
    }

    @Command(name = "verify", description = "Periksa cadangan dengan memulihkannya ke basis data sementara / verify a"
            + " backup by restoring it into a scratch database (exit 1 when damaged)")
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            root.applyLanguage();
            String pw = currentFilePassword(root);
            var r = BackupService.verifyFile(file, pw, null, FileKeys.INSTANCE);
            PrintWriter out = root.out();
            if (!r.ok()) {
                out.println(RootCommand.t("cli.backup.damaged", file, r.problem()));
                return Cli.REFUSED;
            }
            var c = r.restored().counts();
            out.println(RootCommand.t("cli.backup.intact", file));
            out.println("  " + RootCommand.t("cli.backup.counts", c.getOrDefault("PERSON", 0L),
                    c.getOrDefault("POST", 0L), c.getOrDefault("ENROLMENT", 0L), c.getOrDefault("AUDIT_ENTRY", 0L))
                    + "; " + (r.info() == null ? RootCommand.t("cli.backup.noSidecar")
                    : RootCommand.t("cli.backup.matches", r.info().createdAt())));
            return 0;
        }
    }

    /** The current database's file password, from its key file (without opening the database). */
    static String currentFilePassword(RootCommand root) {
        Path base = Database.basePath(root.databasePath());
        return SecureOpener.filePassword(base, new CliPassphrases(root.spec.commandLine().getErr()), false);
    }

    @Command(name = "restore", description = "Pulihkan cadangan: ke berkas baru dulu, tampilkan, lalu tukar; basis data"
            + " lama disimpan / restore a backup into a new file, show it, then swap it in, keeping the old database")
    static final class Restore implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--yes", description = "Jangan bertanya / do not ask for confirmation")
        boolean yes;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            PrintWriter out = root.out();
            Services s;
            try {
                s = root.services();
            } catch (DatabaseUnreadableException damaged) {
                out.println(Cli.message(damaged));
                String pw = currentFilePassword(root);
                Path aside = BackupService.restoreDamaged(root.databasePath(), file, pw, null,
                        Clock.systemDefaultZone(), FileKeys.INSTANCE);
                out.println(RootCommand.t("cli.backup.restoredFrom", file));
                out.println(RootCommand.t("cli.backup.damagedKept", aside));
                return 0;
            }
            RestoreCandidate c = s.backups().prepareRestore(file, null);
            out.println(RootCommand.t("cli.backup.candidate", file));
            out.println("  " + RootCommand.t("cli.backup.made.at", c.backupCreatedAt()));
            out.println("  " + RootCommand.t("cli.backup.office", c.officeName(), c.officeCode()));
            out.println("  " + RootCommand.t("cli.backup.counts", c.people(), c.posts(), c.enrolments(),
                    c.auditEntries()));
            if (!yes && CliPassphrases.terminal() != null) {
                String answer = CliPassphrases.terminal().readLine(RootCommand.t("cli.backup.swapAsk") + " ");
                if (answer == null || !CliPassphrases.yes(answer)) {
                    BackupService.discard(c);
                    out.println(RootCommand.t("cli.backup.cancelled"));
                    return Cli.REFUSED;
                }
            }
            Path kept = s.backups().commitRestore(c);
            out.println(RootCommand.t("cli.backup.restored", kept));
            return 0;
        }
    }

    @Command(name = "settings", description = "Atur folder kedua dan rotasi / set the second folder and rotation")
    static final class Settings implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--second-folder", paramLabel = "DIR") Path second;
        @Option(names = "--no-second-folder") boolean noSecond;
        @Option(names = "--keep-daily", paramLabel = "N") Integer daily;
        @Option(names = "--keep-weekly", paramLabel = "N") Integer weekly;
        @Option(names = "--keep-monthly", paramLabel = "N") Integer monthly;
        @Option(names = "--automatic", paramLabel = "true|false", arity = "1") Boolean automatic;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            Path folder = BackupSettings.folderFor(Database.basePath(root.databasePath()));
            BackupSettings s = BackupSettings.load(folder);
            try {
                if (second != null) s = s.withSecondFolder(second.toAbsolutePath().toString());
                if (noSecond) s = s.withSecondFolder(null);
                s = s.withRetention(daily != null ? daily : s.keepDaily(), weekly != null ? weekly : s.keepWeekly(),
                        monthly != null ? monthly : s.keepMonthly());
                if (automatic != null) {
                    s = new BackupSettings(s.secondFolder(), s.keepDaily(), s.keepWeekly(), s.keepMonthly(), automatic);
                }
            } catch (IllegalArgumentException e) {
                throw new BackupException("backup.error.io", e.getMessage());
            }
            s.save(folder);
            PrintWriter out = root.out();
            out.println(RootCommand.t("cli.backup.folder", folder));
            out.println(RootCommand.t("cli.backup.secondFolder", s.secondFolder() == null ? "-" : s.secondFolder()));
            out.println(RootCommand.t(s.automatic() ? "cli.backup.keepAuto" : "cli.backup.keepManual", s.keepDaily(),
                    s.keepWeekly(), s.keepMonthly()));
            return 0;
        }
    }
}
