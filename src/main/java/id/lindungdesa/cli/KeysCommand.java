package id.lindungdesa.cli;

import id.lindungdesa.bundle.FingerprintWords;
import id.lindungdesa.domain.OfficeKey;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "keys", description = "Kunci tanda tangan kantor / the office signing key",
        subcommands = {KeysCommand.Init.class, KeysCommand.Show.class, KeysCommand.ExportPublic.class,
            KeysCommand.Rotate.class})
final class KeysCommand {

    @Command(name = "init", description = "Buat kunci kantor (sekali) / make the office key pair (once)")
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Passphrase passphrase;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            OfficeKey k = root.services().bundles().keys().init(passphrase.get(true));
            root.out().println(RootCommand.t("cli.keys.made", k.keyId()));
            root.out().println(RootCommand.t("cli.keys.fingerprint", FingerprintWords.grouped(k.fingerprint())));
            return 0;
        }
    }

    @Command(name = "show", description = "Tampilkan kunci dan sidik jarinya / show the key and its fingerprint")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            var s = root.services();
            var keys = s.bundles().keys().keys();
            if (keys.isEmpty()) {
                root.out().println(RootCommand.t("cli.keys.none"));
                return 1;
            }
            s.currentOffice().ifPresent(o -> root.out().println(o.name() + " (" + o.regionCode() + ")"));
            for (OfficeKey k : keys) {
                root.out().println(k.keyId() + "  " + k.status() + "  " + k.algorithm() + "  "
                        + id.lindungdesa.i18n.Formats.dateTime(k.createdAt(), id.lindungdesa.i18n.Messages.current()));
                root.out().println("  " + RootCommand.t("cli.keys.fingerprint", FingerprintWords.grouped(k.fingerprint())));
            }
            for (var e : s.bundles().keys().encryptionKeys()) {
                root.out().println("  " + RootCommand.t("cli.keys.encryptionKey", e.keyId(), e.algorithm(),
                        e.signingKeyId()));
            }
            return 0;
        }
    }

    @Command(name = "export-public", description = "Tulis berkas kunci publik untuk didaftarkan kantor lain / "
            + "write the public key file another office enrols")
    static final class ExportPublic implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            var f = root.services().bundles().keys().exportPublic(out);
            root.out().println(RootCommand.t("cli.keys.publicWritten", out));
            root.out().println(RootCommand.t("cli.keys.fingerprint", FingerprintWords.grouped(f.fingerprint())));
            return 0;
        }
    }

    @Command(name = "rotate", description = "Ganti kunci; kunci lama mengumumkan yang baru / new key, announced "
            + "by the old one in the next bundles")
    static final class Rotate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Passphrase passphrase;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            OfficeKey k = root.services().bundles().keys().rotate(passphrase.get(false));
            root.out().println(RootCommand.t("cli.keys.rotated", k.keyId(), FingerprintWords.grouped(k.fingerprint())));
            root.out().println(RootCommand.t("cli.keys.rotatedHint"));
            return 0;
        }
    }
}
