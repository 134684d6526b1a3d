package id.lindungdesa.cli;

import id.lindungdesa.bundle.BundleException;
import id.lindungdesa.domain.FieldPackage;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.Json;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Field visits (issue 15): packages for kecamatan officers. */
@Command(name = "field", subcommands = {FieldCommand.Export.class, FieldCommand.Packages.class})
final class FieldCommand {

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
            RootCommand root = RootCommand.of(spec);
            try {
                var r = root.services().field().packages().export(kecamatan, officer, out, passphrase.get(false),
                        CliProgress.to(spec.commandLine().getErr()));
                root.out().println(RootCommand.t("cli.field.exported", String.valueOf(r.manifest().sequence()),
                        r.manifest().kecamatan().code(), r.manifest().kecamatan().name(),
                        r.manifest().recipient().officeName(), r.file()));
                root.out().println(RootCommand.t("cli.bundle.content", r.manifest().counts()));
                return 0;
            } catch (BundleException e) {
                return BundleCommand.refused(spec.commandLine().getErr(), e);
            }
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
}
