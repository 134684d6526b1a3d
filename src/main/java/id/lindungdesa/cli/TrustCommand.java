package id.lindungdesa.cli;

import id.lindungdesa.bundle.FingerprintWords;
import id.lindungdesa.bundle.PublicKeyFile;
import id.lindungdesa.domain.TrustedKey;
import id.lindungdesa.i18n.Messages;
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
        subcommands = {TrustCommand.Add.class, TrustCommand.ListKeys.class, TrustCommand.Revoke.class,
            TrustCommand.Confirm.class})
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
            root.out().println(RootCommand.t("cli.trust.office", k.officeName(), k.officeCode(), k.officeLevel()));
            root.out().println(RootCommand.t("cli.trust.keyId", k.keyId()));
            root.out().println(RootCommand.t("cli.keys.fingerprint", FingerprintWords.grouped(k.fingerprint())));
            for (TrustedKey other : trust.activeKeysOf(k.officeCode())) {
                if (other.keyId().equals(k.keyId())) continue;
                root.out().println("! " + Messages.tr("trust.warn.activeKey", k.officeCode(), other.keyId(),
                        other.addedAt().toLocalDate(), FingerprintWords.grouped(other.fingerprint())));
            }
            String confirmed = words;
            if (confirmed == null && yes) confirmed = k.fingerprint();
            if (confirmed == null) {
                Console c = CliPassphrases.terminal();
                if (c == null) {
                    root.out().println(RootCommand.t("cli.trust.compare"));
                    return 1;
                }
                String a = c.readLine("%s ", RootCommand.t("cli.trust.same"));
                if (!CliPassphrases.yes(a)) {
                    root.out().println(RootCommand.t("cli.trust.notEnrolled"));
                    return 1;
                }
                confirmed = k.fingerprint();
            }
            TrustedKey t = trust.add(file, confirmed);
            root.out().println(RootCommand.t("cli.trust.enrolled", t.keyId(), t.officeName()));
            return 0;
        }
    }

    @Command(name = "list", description = "Tampilkan kunci yang dipercaya / list trusted keys")
    static final class ListKeys implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        Options.Json json;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            var trust = root.services().bundles().trust();
            List<TrustedKey> keys = trust.list();
            if (json.on()) {
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
                    m.put("status", status(k));
                    m.put("encryptionKeyId", trust.encryptionKeyOf(k.keyId()).map(e -> e.keyId()).orElse(null));
                    m.put("chain", trust.chain(k.keyId()).stream().map(TrustedKey::keyId).toList());
                    m.put("announced", trust.announcedBy(k.keyId()).stream().map(TrustedKey::keyId).toList());
                    return m;
                }).toList();
                root.out().println(Json.write(out));
                return 0;
            }
            if (keys.isEmpty()) root.out().println(RootCommand.t("cli.none"));
            for (TrustedKey k : keys) {
                root.out().println(k.keyId() + "  " + k.officeCode() + "  " + k.officeName() + "  " + status(k)
                        + (k.revoked() ? " (" + k.revokedReason() + ")" : ""));
                root.out().println("  " + FingerprintWords.grouped(k.fingerprint()));
                List<TrustedKey> chain = trust.chain(k.keyId());
                if (chain.size() > 1) {
                    StringBuilder b = new StringBuilder();
                    for (TrustedKey c : chain) {
                        if (b.length() > 0) b.append(" \u2190 ");
                        b.append(c.keyId()).append(" [").append(status(c)).append(']');
                    }
                    root.out().println("  " + Messages.tr("trust.list.chain", b));
                }
                for (TrustedKey a : trust.announcedBy(k.keyId())) {
                    root.out().println("  " + Messages.tr("trust.list.announced", a.keyId(),
                            a.addedAt().toLocalDate(), status(a)));
                }
            }
            return 0;
        }

        static String status(TrustedKey k) {
            if (k.revoked()) return "DICABUT/REVOKED";
            if (k.pending()) return "MENUNGGU/PENDING";
            return "DIPERCAYA/TRUSTED";
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

        @Option(names = "--since", paramLabel = "YYYY-MM-DD|INSTANT", description = "Dianggap bocor sejak / "
                + "compromised since (default: since it was enrolled; keys it announced from then on are revoked "
                + "with it)")
        String since;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            java.time.OffsetDateTime from = null;
            if (since != null) {
                try {
                    from = since.length() == 10
                            ? java.time.LocalDate.parse(since).atStartOfDay(root.services().clock().getZone())
                                    .toOffsetDateTime()
                            : java.time.OffsetDateTime.parse(since);
                } catch (java.time.format.DateTimeParseException e) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                            Messages.tr("trust.error.since", since));
                }
            }
            try {
                var r = root.services().bundles().trust().revoke(keyId, reason, from);
                root.out().println(RootCommand.t("cli.trust.revoked", r.key().keyId(), r.key().officeName()));
                for (TrustedKey a : r.alsoRevoked()) {
                    root.out().println(Messages.tr("trust.revoke.also", a.keyId(), a.revokedVia(),
                            a.addedAt().toLocalDate(), FingerprintWords.grouped(a.fingerprint())));
                }
                for (TrustedKey a : r.keptAnnouncedBefore()) {
                    root.out().println(Messages.tr("trust.revoke.kept", a.keyId(), a.addedAt().toLocalDate()));
                }
                if (!r.alsoRevoked().isEmpty()) root.out().println(Messages.tr("trust.revoke.confirmHint"));
                return 0;
            } catch (id.lindungdesa.bundle.BundleException e) {
                return BundleCommand.refused(spec.commandLine().getErr(), e);
            }
        }
    }

    @Command(name = "confirm", description = "Percayai kunci yang diumumkan setelah mencocokkan sidik jari / "
            + "trust an announced key after comparing its fingerprint")
    static final class Confirm implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "KEYID")
        String keyId;

        @Option(names = "--fingerprint", paramLabel = "WORDS", required = true,
                description = "Kata sidik jari yang dibacakan kantor itu / the words the office read out")
        String words;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            try {
                TrustedKey k = root.services().bundles().trust().confirm(keyId, words);
                root.out().println(Messages.tr("trust.confirmed", k.keyId(), k.officeName()));
                return 0;
            } catch (id.lindungdesa.bundle.BundleException e) {
                return BundleCommand.refused(spec.commandLine().getErr(), e);
            }
        }
    }
}
