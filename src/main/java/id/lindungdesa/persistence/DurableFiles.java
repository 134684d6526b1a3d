package id.lindungdesa.persistence;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writing an exported file (a bundle, a report, a spreadsheet) so that "saved" on screen means on disk: written
 * beside the target as {@code .part}, forced to disk, renamed over the target atomically, and the folder forced too.
 * A crash leaves either the old file or the new one, never half of one.
 */
public final class DurableFiles {
    private DurableFiles() {}

    /** Writes content to a stream. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    public static void write(Path target, Writer content) throws IOException {
        Path abs = target.toAbsolutePath();
        if (abs.getParent() != null) Files.createDirectories(abs.getParent());
        Path part = abs.resolveSibling(abs.getFileName() + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(part)) {
                content.write(out);
            }
            try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(part, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            forceFolder(abs.getParent());
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** Forces a folder's entries (the rename) to disk where the platform allows it (Linux, macOS). */
    static void forceFolder(Path folder) {
        if (folder == null) return;
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder as a channel; NTFS journals the rename
        }
    }
}
