package id.lindungdesa.cli;

import id.lindungdesa.bundle.BundleFile;
import id.lindungdesa.bundle.Dsse;
import id.lindungdesa.bundle.Manifest;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.persistence.AuditRepository.Head;
import id.lindungdesa.service.AuditLog;
import id.lindungdesa.service.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

@Command(name = "audit", description = "Jejak audit / audit trail", subcommands = {AuditCommand.Verify.class})
final class AuditCommand {

    @Command(name = "verify", description = "Periksa rantai HMAC, kepala di luar basis data, dan data / verify the "
            + "keyed chain, the head kept outside the database, and the data against the trail")
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--anchor", paramLabel = "FILE", description = "Bundel (.ldb) atau tanda terima yang memuat "
                + "kepala jejak audit kantor ini / a bundle or receipt carrying this office's audit head")
        List<Path> anchors = List.of();

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            AuditLog audit = root.services().audit();
            AuditLog.Report r = audit.check();
            int code = 0;
            if (r.intact()) {
                root.out().println(Messages.tr("audit.verify.intact", r.entries(), r.head().count(),
                        r.head().mac().substring(0, 16)));
            } else {
                AuditLog.Problem first = r.first().orElseThrow();
                root.out().println(Messages.tr("audit.verify.first", first.seq(), at(first), first.what()));
                int shown = 0;
                for (AuditLog.Problem p : r.problems()) {
                    if (shown++ >= 20) break;
                    root.out().println(p.seq() == 0 ? Messages.tr("audit.verify.whole", p.what())
                            : Messages.tr("audit.verify.line", p.seq(), at(p), p.what()));
                }
                root.out().println(Messages.tr("audit.verify.broken", r.problems().size(), r.entries()));
                code = Cli.REFUSED;
            }
            for (Path a : anchors) {
                Head h = headIn(a);
                if (h == null) {
                    root.out().println(Messages.tr("audit.verify.anchorNone", a));
                } else if (audit.contains(h)) {
                    root.out().println(Messages.tr("audit.verify.anchorOk", a, h.count()));
                } else {
                    root.out().println(Messages.tr("audit.verify.anchorBad", a, h.count(), h.mac().substring(0, 16)));
                    code = Cli.REFUSED;
                }
            }
            return code;
        }

        private static String at(AuditLog.Problem p) {
            return p.at() == null ? "" : " (" + p.at() + ")";
        }

        /** The audit head this office stated in a bundle it sent, or that a receipt acknowledges. */
        static Head headIn(Path file) {
            try {
                if (file.getFileName().toString().endsWith(".ldb")) {
                    var env = BundleFile.readHeader(file, BundleFile.maxBytes()).envelope();
                    Manifest.AuditHead h = Manifest.parse(env.payload()).auditHead();
                    return h == null ? null : new Head(h.count(), h.mac());
                }
                byte[] bytes = Files.readAllBytes(file);
                var env = Dsse.parse(new String(bytes, StandardCharsets.UTF_8).strip()
                        .getBytes(StandardCharsets.UTF_8));
                JsonNode n = Json.MAPPER.readTree(env.payload());
                JsonNode h = n.get("auditHead");
                return h == null ? null : new Head(h.path("count").asLong(), h.path("mac").asString(""));
            } catch (IOException e) {
                throw new IllegalArgumentException(Messages.tr("bundle.error.io", file, e.getMessage()), e);
            }
        }
    }
}
