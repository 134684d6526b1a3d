package id.lindungdesa.cli;

import id.lindungdesa.persistence.Database;
import id.lindungdesa.security.EncryptionService;
import id.lindungdesa.security.KeyFile;
import id.lindungdesa.wiring.SecureOpener;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lindungdesa security status|encrypt|change-passphrase|recover}. */
@Command(name = "security", description = "Enkripsi basis data / database encryption",
        subcommands = {SecurityCommand.Status.class, SecurityCommand.Encrypt.class, SecurityCommand.Change.class,
            SecurityCommand.Recover.class})
final class SecurityCommand {

    /** A new passphrase: from {@code LINDUNGDESA_NEW_PASSPHRASE} (scripts), else typed twice on the terminal. */
    static char[] newPassphrase(PrintWriter err) {
        String env = System.getenv("LINDUNGDESA_NEW_PASSPHRASE");
        if (env != null && !env.isEmpty()) return env.toCharArray();
        char[] p = new CliPassphrases(err).chooseNew(Path.of("."));
        if (p == null) {
            throw new id.lindungdesa.i18n.LocalizedException("cli.security.noNew");
        }
        return p;
    }

    @Command(name = "status", description = "Terenkripsi atau tidak / encrypted or not")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            if (id.lindungdesa.persistence.ServerAddress.isServer(root.databasePath())) {
                // issue 16: the server's disk holds the data; its encryption at rest is the server's
                root.out().println(RootCommand.t("cli.security.server",
                        id.lindungdesa.persistence.ServerAddress.parse(root.databasePath()).display()));
                return 0;
            }
            Path base = Database.basePath(root.databasePath());
            if (KeyFile.exists(base)) {
                root.out().println(RootCommand.t("cli.security.encrypted", KeyFile.keyId(KeyFile.pathFor(base)),
                        KeyFile.pathFor(base)));
            } else {
                root.out().println(RootCommand.t("cli.security.plain"));
            }
            return 0;
        }
    }

    @Command(name = "encrypt", description = "Enkripsi basis data yang ada / encrypt an existing database"
            + " (passphrase from LINDUNGDESA_NEW_PASSPHRASE or typed)")
    static final class Encrypt implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--delete-plain-backups", description = "Hapus cadangan lama yang tidak terenkripsi / delete"
                + " the old unencrypted backups")
        boolean deletePlain;

        @Override
        public Integer call() throws Exception {
            RootCommand root = RootCommand.of(spec);
            EncryptionService enc = root.services().encryption();
            if (enc.encrypted()) {
                root.out().println(RootCommand.t("security.error.alreadyEncrypted"));
                return 0;
            }
            PrintWriter err = spec.commandLine().getErr();
            String code = enc.encrypt(newPassphrase(err));
            CliPassphrases.printRecoveryCode(root.out(), root.databasePath(), code);
            var plain = enc.plainBackups();
            if (deletePlain) {
                for (Path p : plain) {
                    java.nio.file.Files.deleteIfExists(Path.of(p + ".json"));
                    java.nio.file.Files.deleteIfExists(p);
                }
                root.out().println(RootCommand.t("cli.security.plainDeleted", plain.size()));
            } else if (!plain.isEmpty()) {
                root.out().println(RootCommand.t("cli.security.plainLeft", plain.size()));
            }
            root.out().println(RootCommand.t("cli.security.done", root.databasePath()));
            return 0;
        }
    }

    @Command(name = "change-passphrase", description = "Ganti kata sandi / change the passphrase (current one from"
            + " LINDUNGDESA_PASSPHRASE or typed; new one from LINDUNGDESA_NEW_PASSPHRASE or typed)")
    static final class Change implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            PrintWriter err = spec.commandLine().getErr();
            char[] current;
            String env = SecureOpener.envPassphrase();
            if (env != null) {
                current = env.toCharArray();
            } else {
                Console c = CliPassphrases.terminal();
                if (c == null) throw new id.lindungdesa.i18n.LocalizedException("cli.security.needCurrent");
                current = c.readPassword("%s ", RootCommand.t("cli.pass.current"));
            }
            String code = root.services().encryption().changePassphrase(current, newPassphrase(err));
            CliPassphrases.printRecoveryCode(root.out(), root.databasePath(), code);
            root.out().println(RootCommand.t("cli.security.changed"));
            return 0;
        }
    }

    @Command(name = "recover", description = "Lupa kata sandi: pakai kode pemulihan untuk menetapkan kata sandi baru /"
            + " forgotten passphrase: use the recovery code to set a new one")
    static final class Recover implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--code", required = true, paramLabel = "CODE", description = "Kode pemulihan / recovery code")
        String code;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            root.applyLanguage();
            PrintWriter err = spec.commandLine().getErr();
            String next = EncryptionService.recover(root.databasePath(), code, newPassphrase(err));
            CliPassphrases.printRecoveryCode(root.out(), root.databasePath(), next);
            root.out().println(RootCommand.t("cli.security.recovered"));
            return 0;
        }
    }
}
