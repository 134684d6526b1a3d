package id.lindungdesa.wiring;

import id.lindungdesa.i18n.LocalizedException;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.ServerAddress;
import id.lindungdesa.persistence.StoreCopy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;

/**
 * {@code copy-to} (issue 16): a province's embedded H2 store into an EMPTY PostgreSQL database. The server database
 * is migrated to this program's schema, every table is copied in one transaction and compared, table by table,
 * by row count and content hash before the commit ({@link StoreCopy}); the desk's own files of the store (the audit
 * chain's key, the kept district bundles and their receipts) are copied beside the server database's; then the
 * copy is opened as the program opens it and its audit chain verified. A database that is not empty is refused
 * and left untouched.
 */
public final class CopyToServer {
    private CopyToServer() {}

    /** What was copied; {@code auditBreaks} is empty when the copy's audit chain verifies. */
    public record Result(ServerAddress target, StoreCopy.Report copied, long auditEntries,
                         List<id.lindungdesa.persistence.AuditRepository.Break> auditBreaks) {
    }

    /** The desk's own files of a store, named after its base path, that travel with it. */
    static final List<String> OWN_FILES = List.of(".audit-key.json", ".receipts", "-received");

    public static Result copy(Services source, ServerAddress target, Clock clock) {
        Database from = source.database();
        if (from.onServer()) throw new LocalizedException("copy.error.sourceOnServer", from.server().display());
        if (!StoreCopy.isEmpty(target)) throw new LocalizedException("copy.error.notEmpty", target.display());
        Path localBase = SecureOpener.localBase(target);
        StoreCopy.Report report;
        try (Database to = Database.openServer(target, localBase, Database.Options.of("copy-to"))) {
            report = StoreCopy.copy(from, to);
        }
        copyOwnFiles(from.base(), localBase);
        try (Services copy = new Services(Database.openServer(target, localBase, Database.Options.of("copy-to")),
                clock)) {
            var breaks = copy.audit().verify();
            return new Result(target, report, copy.audit().count(), breaks);
        }
    }

    private static void copyOwnFiles(Path fromBase, Path toBase) {
        for (String suffix : OWN_FILES) {
            Path from = Path.of(fromBase.toAbsolutePath() + suffix);
            if (!Files.exists(from)) continue;
            Path to = Path.of(toBase.toAbsolutePath() + suffix);
            try (var walk = Files.walk(from)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    Path dest = to.resolve(from.relativize(p).toString());
                    if (p.equals(from)) dest = to;
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.createDirectories(dest.getParent());
                        Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
