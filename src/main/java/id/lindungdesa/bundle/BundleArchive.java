package id.lindungdesa.bundle;

import id.lindungdesa.bundle.BundleException.Reason;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.DurableFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * The district bundles a province received, kept byte for byte beside its database ({@code <db>-received/}), so
 * that {@code bundle forward} can hand the districts' own signed files to the national office (decision 0131).
 * A bundle is copied here before it is verified and imported, and takes its name inside the import's transaction:
 * a refused or failed import leaves nothing here.
 */
public final class BundleArchive {
    private final Path folder;

    private BundleArchive(Path folder) {
        this.folder = folder;
    }

    public static BundleArchive of(Database db) {
        Path abs = db.base().toAbsolutePath();
        return new BundleArchive(abs.resolveSibling(abs.getFileName() + "-received"));
    }

    public Path folder() {
        return folder;
    }

    /** Where the bundle with this id is kept. */
    public Path fileOf(UUID bundleId) {
        return folder.resolve(bundleId + ".ldb");
    }

    public Optional<Path> find(UUID bundleId) {
        Path f = fileOf(bundleId);
        return Files.isRegularFile(f) ? Optional.of(f) : Optional.empty();
    }

    /** Copies {@code file} into a temp file of the archive (after checking its size against {@code cap}). */
    Pending keep(Path file, long cap) {
        BundleFile.readHeader(file, cap); // refuses a missing, empty or oversized file before anything is copied
        try {
            Files.createDirectories(folder);
            DurableFiles.Pending p = DurableFiles.begin(folder.resolve("incoming.ldb"),
                    DurableFiles.Access.OWNER_ONLY);
            try (OutputStream out = p.out()) {
                Files.copy(file, out);
            } catch (IOException | RuntimeException e) {
                p.close();
                throw e;
            }
            return new Pending(p);
        } catch (IOException e) {
            throw new BundleException(Reason.IO, e, "bundle.error.io", file, e.getMessage());
        }
    }

    /** A copy being kept: verified and imported from {@link #temp()}, named by {@link #commit}, else deleted. */
    final class Pending implements AutoCloseable {
        private final DurableFiles.Pending pending;
        private Path committed;

        private Pending(DurableFiles.Pending pending) {
            this.pending = pending;
        }

        Path temp() {
            return pending.temp();
        }

        /** Gives the copy its name (the bundle's id); called inside the import's transaction. */
        void commit(Manifest m) {
            Path target = fileOf(m.bundleId());
            try {
                Files.move(pending.temp(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                DurableFiles.force(target);
                DurableFiles.forceFolder(folder);
                committed = target;
            } catch (IOException e) {
                throw new BundleException(Reason.IO, e, "bundle.error.io", target, e.getMessage());
            }
        }

        /** The import did not commit: the named copy goes too. */
        void undo() {
            if (committed == null) return;
            try {
                Files.deleteIfExists(committed);
            } catch (IOException ignored) {
                // an orphan copy is harmless: forward only writes bundles the database says were imported
            }
            committed = null;
        }

        @Override
        public void close() {
            try {
                if (committed == null) pending.close();
            } catch (IOException ignored) {
                // best effort: a leftover temp file starts with a dot and is never forwarded
            }
        }
    }
}
