package id.lindungdesa.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The private folder where decrypted agreement documents are written to be opened with the system viewer: beside
 * the database in the data folder ({@code <database>.dokumen-dibuka}), never in a shared temp folder; owner-only
 * (rwx------ for the folder, rw------- for files) where the file system has POSIX permissions (on Windows the data
 * folder under %LOCALAPPDATA% is already the user's own). Emptied when the program closes the database or exits,
 * and leftovers (a crash, a viewer that held a file open on Windows) are deleted at the next start.
 */
public final class ViewingFolder {
    private final Path folder;
    private final AtomicBoolean hooked = new AtomicBoolean();
    private volatile Thread hook;

    public ViewingFolder(Path folder) {
        this.folder = folder.toAbsolutePath();
    }

    /** The folder for the database whose base path (without {@code .mv.db}) is {@code base}. */
    public static ViewingFolder forDatabase(Path base) {
        Path abs = base.toAbsolutePath();
        return new ViewingFolder(abs.resolveSibling(abs.getFileName() + ".dokumen-dibuka"));
    }

    public Path folder() {
        return folder;
    }

    /** Creates the folder (owner-only) and makes sure it is emptied when the program exits; returns it. */
    public Path prepare() {
        try {
            if (!Files.isDirectory(folder)) {
                if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.createDirectories(folder,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
                } else {
                    Files.createDirectories(folder);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (hooked.compareAndSet(false, true)) {
            hook = new Thread(this::deleteQuietly, "lindungdesa-delete-viewed-documents");
            Runtime.getRuntime().addShutdownHook(hook);
        }
        return folder;
    }

    /**
     * Deletes the folder and everything in it; returns how many files were deleted. A file another program still
     * holds open (Windows) stays and is deleted at the next start.
     */
    public int deleteAll() {
        if (!Files.exists(folder)) return 0;
        int[] deleted = {0};
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    try {
                        Files.delete(file);
                        deleted[0]++;
                    } catch (IOException e) {
                        // held open by a viewer: the next start deletes it
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                    try {
                        Files.deleteIfExists(dir);
                    } catch (IOException e) {
                        // not empty: a file is still held open
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return deleted[0];
    }

    /** At close: empties the folder and drops the exit hook (nothing is left to do at exit). */
    public void close() {
        deleteQuietly();
        Thread h = hook;
        if (h != null && hooked.compareAndSet(true, false)) {
            try {
                Runtime.getRuntime().removeShutdownHook(h);
            } catch (IllegalStateException e) {
                // already exiting: the hook runs anyway
            }
        }
    }

    private void deleteQuietly() {
        try {
            deleteAll();
        } catch (UncheckedIOException e) {
            // best effort at exit; the next start cleans up
        }
    }
}
