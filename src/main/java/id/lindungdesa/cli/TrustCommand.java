package id.lindungdesa.cli;

import id.lindungdesa.bundle.FingerprintWords;
import id.lindungdesa.bundle.PublicKeyFile;
import id.lindungdesa.domain.TrustedKey;
import id.lindungdesa.service.Json;
import java.io.Console;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "trust", description = "Daftar kunci yang dipercaya / the trust registry",
        subcommands = {TrustCommand.Add.class, TrustCommand.ListKeys.class, TrustCommand.Revoke.class})
final class TrustCommand {

    @Command(name = "add", description = "Daftarkan kunci publik kantor lain setelah mencocokkan sidik jari / "
            + "enrol another office's public key after comparing the fingerprint")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = "--fingerprint", paramLabel = "WORDS",
                description = "Kata sidik jari yang dibacakan kantor itu / the words the office read out")
        String words;

        @Option(names = "--yes", description = "Sidik jari sudah dicocokkan / the fingerprint was compared")
        boolean yes;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            var trust = root.services().bundles().trust();
            PublicKeyFile k = trust.inspect(file);
            root.out().println(k.officeName() + " (" + k.officeCode() + ", " + k.officeLevel().labelId() + ")");
            root.out().println("Id kunci / key id: " + k.keyId());
            root.out().println("Sidik jari / fingerprint: " + FingerprintWords.grouped(k.fingerprint()));
            String confirmed = words;
            if (confirmed == null && yes) confirmed = k.fingerprint();
            if (confirmed == null) {
                Console c = CliPassphrases.terminal();
                if (c == null) {
                    root.out().println("Bandingkan sidik jari lewat telepon, lalu ulangi dengan --fingerprint "
                            + "\"kata …\" atau --yes / compare by phone, then repeat with --fingerprint or --yes");
                    return 1;
                }
                String a = c.readLine("Sama dengan yang dibacakan kantor itu? [y/N] / Same as read out? ");
                if (a == null || !a.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y")) {
                    root.out().println("Tidak didaftarkan / not enrolled");
                    return 1;
                }
                confirmed = k.fingerprint();
            }
            TrustedKey t = trust.add(file, confirmed);
            root.out().println("Didaftarkan / enrolled: " + t.keyId() + " — " + t.officeName());
            return 0;
        }
    }

    @Command(name = "list", description = "Tampilkan kunci yang dipercaya / list trusted keys")
    static final class ListKeys implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            List<TrustedKey> keys = root.services().bundles().trust().list();
            if (json) {
                List<Map<String, Object>> out = keys.stream().map(k -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("keyId", k.keyId());
                    m.put("officeCode", k.officeCode());
                    m.put("officeName", k.officeName());
                    m.put("officeLevel", k.officeLevel().name());
                    m.put("fingerprint", k.fingerprint());
                    m.put("addedAt", k.addedAt().toString());
                    m.put("introducedByKey", k.introducedByKey());
                    m.put("revokedAt", k.revokedAt() == null ? null : k.revokedAt().toString());
                    m.put("revokedReason", k.revokedReason());
                    return m;
                }).toList();
                root.out().println(Json.write(out));
                return 0;
            }
            if (keys.isEmpty()) root.out().println("Belum ada / none yet");
            for (TrustedKey k : keys) {
                root.out().println(k.keyId() + "  " + k.officeCode() + "  " + k.officeName()
                        + (k.revoked() ? "  DICABUT/REVOKED (" + k.revokedReason() + ")" : "")
                        + (k.introducedByKey() != null ? "  (diumumkan oleh / announced by " + k.introducedByKey()
                        + ")" : ""));
                root.out().println("  " + FingerprintWords.grouped(k.fingerprint()));
            }
            return 0;
        }
    }

    @Command(name = "revoke", description = "Cabut kunci / revoke a key")
    static final class Revoke implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "KEYID")
        String keyId;

        @Option(names = "--reason", paramLabel = "TEXT")
        String reason;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            TrustedKey k = root.services().bundles().trust().revoke(keyId, reason);
            root.out().println("Dicabut / revoked: " + k.keyId() + " — " + k.officeName());
            return 0;
        }
    }
}
