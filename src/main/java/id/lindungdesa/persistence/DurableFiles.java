package id.lindungdesa.persistence;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one way the program writes a file (exports, reports, bundles, receipts, keys, backups, settings, mapping
 * files), so that "saved" on screen means on disk: written into a temp file in the same folder, forced to disk,
 * moved over the target atomically, and the folder forced too. A crash or a failure leaves either the old file or
 * the new one, never half of one, and no temp file.
 *
 * <p>It lives in {@code persistence} (the lowest layer that touches storage) so that services, every feature, the
 * CLI and the UI may use it without a layer breach.
 *
 * <p>For content that is streamed while it is produced (a bundle, a spreadsheet, a backup script that a library
 * writes to a path), {@link #begin(Path)} gives a {@link Pending} file: write into {@link Pending#out()} or
 * {@link Pending#temp()}, then {@link Pending#commit()}; closing without commit deletes the temp file.
 */
public final class DurableFiles {
    private DurableFiles() {}

    /** Writes content to a stream. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Who may read the finished file. */
    public enum Access {
        /** The usual permissions of a new file in that folder (exports, reports, bundles). */
        USUAL,
        /** Owner read/write only where the file system supports POSIX permissions (keys, settings with secrets). */
        OWNER_ONLY
    }

    /** Writes {@code target} from a stream, durably; replaces an existing file. */
    public static void write(Path target, Writer content) throws IOException {
        write(target, Access.USUAL, content);
    }

    public static void write(Path target, Access access, Writer content) throws IOException {
        try (Pending p = begin(target, access)) {
            try (OutputStream out = p.out()) {
                content.write(out);
            }
            p.commit();
        }
    }

    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        write(target, Access.USUAL, out -> out.write(bytes));
    }

    public static void writeBytes(Path target, Access access, byte[] bytes) throws IOException {
        write(target, access, out -> out.write(bytes));
    }

    /** UTF-8 text. */
    public static void writeString(Path target, String text) throws IOException {
        writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeString(Path target, Access access, String text) throws IOException {
        writeBytes(target, access, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Copies {@code source} to {@code target} durably (a second backup folder, a flash disk). */
    public static void copy(Path source, Path target) throws IOException {
        write(target, Access.USUAL, out -> Files.copy(source, out));
    }

    /** As {@link #write(Path, Writer)}, for callers that cannot throw {@link IOException}. */
    public static void writeUnchecked(Path target, Writer content) {
        try {
            write(target, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a streamed write of {@code target} (usual permissions). */
    public static Pending begin(Path target) throws IOException {
        return begin(target, Access.USUAL);
    }

    /** Starts a streamed write of {@code target}: a fresh temp file beside it, deleted unless committed. */
    public static Pending begin(Path target, Access access) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) Files.createDirectories(dir);
        String name = "." + abs.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".part";
        Path temp = dir == null ? Path.of(name) : dir.resolve(name);
        if (access == Access.OWNER_ONLY && posix(dir)) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            // createFile (not createTempFile) so the finished file gets the usual permissions, not owner-only
            Files.createFile(temp);
        }
        return new Pending(abs, temp);
    }

    /** A file being written: its temp file, then {@link #commit()} (or {@link #commitNew()}), or nothing. */
    public static final class Pending implements AutoCloseable {
        private final Path target;
        private final Path temp;
        private boolean committed;

        private Pending(Path target, Path temp) {
            this.target = target;
            this.temp = temp;
        }

        /** The temp file (for libraries that write to a path themselves). */
        public Path temp() {
            return temp;
        }

        public Path target() {
            return target;
        }

        /** A buffered stream into the temp file (truncating it); the caller closes it before commit. */
        public OutputStream out() throws IOException {
            return new BufferedOutputStream(Files.newOutputStream(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING), 1 << 16);
        }

        /** Forces the temp file to disk, moves it over the target atomically, forces the folder. */
        public Path commit() throws IOException {
            return commit(true);
        }

        /** As {@link #commit()}, refusing to replace an existing target ({@link FileAlreadyExistsException}). */
        public Path commitNew() throws IOException {
            return commit(false);
        }

        private Path commit(boolean replace) throws IOException {
            if (committed) throw new IllegalStateException("already committed: " + target);
            force(temp);
            if (!replace && Files.exists(target)) throw new FileAlreadyExistsException(target.toString());
            if (replace) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            committed = true;
            forceFolder(target.getParent());
            return target;
        }

        /** Deletes the temp file unless committed. */
        @Override
        public void close() throws IOException {
            if (!committed) Files.deleteIfExists(temp);
        }
    }

    /** Forces a file's content to disk. */
    public static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Forces a folder's entries (a rename) to disk where the platform allows it (Linux, macOS). */
    public static void forceFolder(Path folder) {
        if (folder == null) return;
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder as a channel; NTFS journals the rename
        }
    }

    private static boolean posix(Path dir) {
        return (dir == null ? FileSystems.getDefault() : dir.getFileSystem()).supportedFileAttributeViews()
                .contains("posix");
    }
}
