package id.lindungdesa.cli;

import id.lindungdesa.persistence.ServerAddress;
import id.lindungdesa.service.Json;
import id.lindungdesa.wiring.CopyToServer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lindungdesa --db prov.mv.db copy-to postgresql://HOST/DB} (issue 16): the embedded store into an empty
 * server database, verified by row counts and a content hash per table and by the copy's audit chain.
 * Exit 0 copied and verified; 1 refused (not empty, or the copy's audit chain does not verify); 3 the server.
 */
@Command(name = "copy-to", description = "Salin basis data ini ke basis data PostgreSQL yang kosong / copy this "
        + "database into an empty PostgreSQL database")
final class CopyToCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Options.Json json;

    @Parameters(index = "0", paramLabel = "postgresql://HOST[:PORT]/DB")
    String target;

    @Override
    public Integer call() {
        RootCommand root = RootCommand.of(spec);
        if (!ServerAddress.isServer(target)) {
            throw new id.lindungdesa.i18n.LocalizedException("copy.error.notServer", target);
        }
        ServerAddress server;
        try {
            server = ServerAddress.parse(target);
        } catch (IllegalArgumentException e) {
            throw new id.lindungdesa.persistence.DatabaseException(
                    id.lindungdesa.i18n.Text.of("database.server.badUrl", e.getMessage()), e);
        }
        var s = root.services();
        CopyToServer.Result r = CopyToServer.copy(s, server, s.clock());
        boolean ok = r.auditBreaks().isEmpty();
        if (json.on()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("target", server.display());
            Map<String, Object> tables = new LinkedHashMap<>();
            r.copied().counts().forEach((t, n) -> tables.put(t, Map.of("rows", n, "content_hash",
                    r.copied().hashes().get(t))));
            out.put("tables", tables);
            out.put("rows", r.copied().rows());
            out.put("audit_entries", r.auditEntries());
            out.put("audit_verified", ok);
            root.out().println(Json.write(out));
        } else {
            r.copied().counts().forEach((t, n) -> root.out().println(String.format("  %-32s %10d  %s", t, n,
                    r.copied().hashes().get(t))));
            root.out().println(RootCommand.t("copy.done", r.copied().rows(), r.copied().counts().size(),
                    server.display()));
            root.out().println(ok ? RootCommand.t("copy.auditOk", r.auditEntries())
                    : RootCommand.t("copy.auditBroken", r.auditBreaks().getFirst().seq(),
                            r.auditBreaks().getFirst().reason()));
        }
        return ok ? 0 : 1;
    }
}
