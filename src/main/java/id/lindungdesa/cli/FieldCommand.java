package id.lindungdesa.cli;

import id.lindungdesa.bundle.BundleException;
import id.lindungdesa.domain.FieldPackage;
import id.lindungdesa.field.FieldServices;
import id.lindungdesa.field.FieldMergeService.Take;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.Json;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Field visits (issue 15): packages for kecamatan officers. */
@Command(name = "field", subcommands = {FieldCommand.Export.class, FieldCommand.Packages.class,
        FieldCommand.Open.class, FieldCommand.Return.class, FieldCommand.Merge.class, FieldCommand.Conflicts.class,
        FieldCommand.Resolve.class, FieldCommand.ReceiptCmd.class})
final class FieldCommand {

    /** What a subcommand does with the field services; returns its exit code. */
    @FunctionalInterface
    interface Action {
        int run(RootCommand root, FieldServices field);
    }

    /** Runs a subcommand's action; a refusal is printed ("Ditolak [REASON]: …") and exits 1. */
    static int run(CommandSpec spec, Action action) {
        return run(spec, action, (root, e) -> { });
    }

    /** As {@link #run(CommandSpec, Action)}, with {@code alsoOnRefusal} printing more (e.g. the JSON form). */
    static int run(CommandSpec spec, Action action, BiConsumer<RootCommand, BundleException> alsoOnRefusal) {
        RootCommand root = RootCommand.of(spec);
        try {
            return action.run(root, root.services().field());
        } catch (BundleException e) {
            int code = BundleCommand.refused(spec.commandLine().getErr(), e);
            alsoOnRefusal.accept(root, e);
            return code;
        }
    }

    @Command(name = "export")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--kecamatan", required = true, paramLabel = "CODE")
        String kecamatan;

        @Option(names = "--officer", required = true, paramLabel = "KEYID")
        String officer;

        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;

        @Mixin
        Passphrase passphrase;

        @Override
        public Integer call() {
            return run(spec, (root, field) -> {
                var r = field.packages().export(kecamatan, officer, out, passphrase.get(false),
                        CliProgress.to(spec.commandLine().getErr()));
                root.out().println(RootCommand.t("cli.field.exported", String.valueOf(r.manifest().sequence()),
                        r.manifest().kecamatan().code(), r.manifest().kecamatan().name(),
                        r.manifest().recipient().officeName(), r.file()));
                root.out().println(RootCommand.t("cli.bundle.content", r.manifest().counts()));
                return 0;
            });
        }
    }

    @Command(name = "packages")
    static final class Packages implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Options.Json json;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            var svc = root.services().field().packages();
            List<FieldPackage> all = svc.issued();
            if (json.on()) {
                List<Map<String, Object>> out = all.stream().map(p -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("packageId", p.packageId().toString());
                    m.put("sequence", p.sequence());
                    m.put("kecamatan", p.kecamatanCode());
                    m.put("officerKeyId", p.officerKeyId());
                    m.put("officer", p.officerName());
                    m.put("issuedAt", p.issuedAt().toString());
                    m.put("issuedBy", p.issuedBy());
                    m.put("state", p.state().name());
                    m.put("records", svc.recordCount(p.packageId()));
                    m.put("file", p.fileName());
                    return m;
                }).toList();
                root.out().println(Json.write(out));
                return 0;
            }
            if (all.isEmpty()) root.out().println(RootCommand.t("cli.none"));
            for (FieldPackage p : all) {
                root.out().println(RootCommand.t("cli.field.package", String.valueOf(p.sequence()),
                        p.kecamatanCode(), p.officerName(), p.officerKeyId(),
                        Formats.date(p.issuedAt().toLocalDate()), Messages.tr("field.state." + p.state().name()),
                        String.valueOf(svc.recordCount(p.packageId()))));
            }
            return 0;
        }
    }

    @Command(name = "open")
    static final class Open implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = "--fingerprint", paramLabel = "WORDS")
        String words;

        @Option(names = "--yes")
        boolean yes;

        @Mixin
        Passphrase passphrase;

        @Override
        public Integer call() {
            return run(spec, (root, field) -> {
                var r = field.visits().open(file, words, yes, passphrase.get(false));
                if (r.pinned()) root.out().println(RootCommand.t("cli.field.pinned", r.manifest().issuer().name(),
                        r.manifest().issuerKey().fingerprint()));
                root.out().println(RootCommand.t("cli.field.opened", String.valueOf(r.manifest().sequence()),
                        r.manifest().kecamatan().code(), r.manifest().kecamatan().name(), r.manifest().issuer().name()));
                root.out().println(RootCommand.t("cli.bundle.content", r.manifest().counts()));
                if (r.refreshed()) root.out().println(RootCommand.t("cli.field.reapplied", String.valueOf(r.reapplied())));
                return 0;
            });
        }
    }

    @Command(name = "return")
    static final class Return implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;

        @Mixin
        Passphrase passphrase;

        @Override
        public Integer call() {
            return run(spec, (root, field) -> {
                var r = field.visits().writeReturn(out, passphrase.get(false));
                root.out().println(RootCommand.t(r.repeated() ? "cli.field.returnRepeated" : "cli.field.returned",
                        String.valueOf(r.manifest().sequence()), r.file()));
                root.out().println(RootCommand.t("cli.bundle.content", r.manifest().counts()));
                return 0;
            });
        }
    }

    @Command(name = "merge")
    static final class Merge implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = "--dry-run")
        boolean dryRun;

        @Option(names = "--receipt-out", paramLabel = "FILE")
        Path receiptOut;

        @Mixin
        Options.Json json;

        @Mixin
        Passphrase passphrase;

        @Override
        public Integer call() {
            return run(spec, (root, field) -> {
                var r = field.merges().merge(file, dryRun, passphrase.get(false),
                        receiptOut != null ? receiptOut : id.lindungdesa.field.FieldMergeService.receiptFor(file));
                if (json.on()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("file", file.toString());
                    m.put("returnId", r.manifest().bundleId().toString());
                    m.put("sequence", r.manifest().sequence());
                    m.put("officer", r.officer());
                    m.put("dryRun", r.dryRun());
                    m.put("applied", r.applied());
                    m.put("unchanged", r.unchanged());
                    m.put("conflicts", r.conflicts().stream().map(FieldCommand::conflict).toList());
                    m.put("refused", List.of());
                    m.put("receipt", r.receipt() == null ? null : r.receipt().toString());
                    root.out().println(Json.write(m));
                } else {
                    root.out().println(RootCommand.t(r.dryRun() ? "cli.field.mergedDry" : "cli.field.merged",
                            String.valueOf(r.manifest().sequence()), r.officer(), String.valueOf(r.applied()),
                            String.valueOf(r.unchanged()), String.valueOf(r.conflicts().size())));
                    for (var c : r.conflicts()) printConflict(root, c);
                    if (r.receipt() != null) root.out().println(RootCommand.t("cli.field.receiptWritten", r.receipt()));
                }
                return 0;
            }, (root, e) -> {
                if (json.on()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("file", file.toString());
                    m.put("applied", 0);
                    m.put("unchanged", 0);
                    m.put("conflicts", List.of());
                    m.put("refused", List.of(Map.of("reason", e.reason().name(),
                            "message", e.message(Messages.current()))));
                    root.out().println(Json.write(m));
                }
            });
        }
    }

    static Map<String, Object> conflict(id.lindungdesa.field.FieldMergeService.Item c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id().toString());
        m.put("entity", c.entity());
        m.put("record_id", c.recordId().toString());
        m.put("field", c.field());
        m.put("base", c.base());
        m.put("district", c.district());
        m.put("officer", c.officer());
        m.put("officerName", c.officerName());
        m.put("otherOfficers", c.otherOfficers());
        return m;
    }

    static void printConflict(RootCommand root, id.lindungdesa.field.FieldMergeService.Item c) {
        root.out().println(RootCommand.t("cli.field.conflict", c.id().toString(), c.entity(), c.recordId().toString(),
                c.field(), String.valueOf(c.base()), String.valueOf(c.district()), String.valueOf(c.officer()),
                c.officerName() + (c.otherOfficers().isEmpty() ? "" : ", " + String.join(", ", c.otherOfficers()))));
    }

    @Command(name = "conflicts")
    static final class Conflicts implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Options.Json json;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            var all = root.services().field().merges().openConflicts();
            if (json.on()) {
                root.out().println(Json.write(Map.of("conflicts", all.stream().map(FieldCommand::conflict).toList())));
                return 0;
            }
            if (all.isEmpty()) root.out().println(RootCommand.t("cli.none"));
            for (var c : all) printConflict(root, c);
            return 0;
        }
    }

    @Command(name = "resolve")
    static final class Resolve implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID")
        String conflictId;

        @Option(names = "--take", paramLabel = "district|officer")
        String take;

        @Option(names = "--value", paramLabel = "V")
        String value;

        @Override
        public Integer call() {
            var how = Take.VALUE;
            if (take != null && value == null) {
                switch (take.strip().toLowerCase(java.util.Locale.ROOT)) {
                    case "district", "kabupaten" -> how = Take.DISTRICT;
                    case "officer", "petugas" -> how = Take.OFFICER;
                    default -> {
                        spec.commandLine().getErr().println(RootCommand.t("cli.field.takeOrValue"));
                        return 2;
                    }
                }
            } else if ((take == null) == (value == null)) {
                spec.commandLine().getErr().println(RootCommand.t("cli.field.takeOrValue"));
                return 2;
            }
            java.util.UUID cid;
            try {
                cid = java.util.UUID.fromString(conflictId.strip());
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(RootCommand.t("cli.field.badId", conflictId));
                return 2;
            }
            Take chosen = how;
            return run(spec, (root, field) -> {
                var c = field.merges().resolve(cid, chosen, value);
                root.out().println(RootCommand.t("cli.field.resolved", c.field(), String.valueOf(c.resolvedValue())));
                return 0;
            });
        }
    }

    @Command(name = "receipt")
    static final class ReceiptCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            return run(spec, (root, field) -> {
                var r = field.visits().importReceipt(file);
                root.out().println(RootCommand.t("cli.field.receipt", String.valueOf(r.sequence()),
                        String.valueOf(r.applied()), String.valueOf(r.conflicts())));
                return 0;
            });
        }
    }
}
