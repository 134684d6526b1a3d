package id.lindungdesa.persistence;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code <db>.owner} file: who holds a database ("LindungDesa desktop, pid 1234, budi@laptop, since …").
 * It is written whole into a temporary file and moved into place, so a reader never sees half a line, and ends
 * with {@link #END} so a reader can tell a complete one. A reader that finds the file missing, incomplete or left
 * by a process of this machine that no longer runs (a holder killed earlier) waits for the new holder's file,
 * up to a limit, and otherwise says that the holder could not be read (decision record 0119).
 */
public final class OwnerFile {
    /** The last line of a complete owner file. */
    static final String END = "end";
    private static final Pattern PID = Pattern.compile(", pid (\\d+), [^,@]*@([^,]*), since ");

    /** How long a second program waits for the holder's owner file (the holder may still be opening). */
    static volatile Duration wait = Duration.ofSeconds(5);

    private OwnerFile() {}

    /** What a reader found: the holder's description, or why it could not be read. */
    public record Holder(String text, String unreadable) {
        public boolean known() {
            return text != null;
        }
    }

    static String describe(String program) {
        return "LindungDesa " + program + ", pid " + ManagementFactory.getRuntimeMXBean().getPid() + ", "
                + System.getProperty("user.name") + "@" + host() + ", since " + OffsetDateTime.now().withNano(0);
    }

    /** Writes the owner file atomically (temporary file, then a move). Failures are returned, never thrown. */
    static Optional<IOException> write(Path owner, String program) {
        Path tmp = owner.resolveSibling(owner.getFileName() + "." + ManagementFactory.getRuntimeMXBean().getPid()
                + ".tmp");
        try {
            Files.writeString(tmp, describe(program) + "\n" + END + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, owner, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, owner, StandardCopyOption.REPLACE_EXISTING);
            }
            return Optional.empty();
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort
            }
            return Optional.of(e);
        }
    }

    /**
     * Reads the holder of a locked database: waits (up to {@link #wait}) while the file is missing, incomplete or
     * stale (its pid is of this machine and no longer runs), re-reading every 50 ms.
     */
    static Holder read(Path owner) {
        long deadline = System.nanoTime() + wait.toNanos();
        String why;
        while (true) {
            why = null;
            String text = null;
            try {
                text = Files.exists(owner) ? Files.readString(owner, StandardCharsets.UTF_8) : null;
            } catch (IOException e) {
                why = "unreadable: " + e.getClass().getSimpleName();
            }
            if (text == null && why == null) {
                why = "missing";
            } else if (text != null) {
                String[] lines = text.strip().split("\\R");
                if (lines.length < 2 || !lines[lines.length - 1].equals(END)) {
                    why = "incomplete";
                } else if (stale(lines[0])) {
                    why = "stale";
                } else {
                    return new Holder(lines[0].strip(), null);
                }
            }
            if (System.nanoTime() > deadline) return new Holder(null, why);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Holder(null, why);
            }
        }
    }

    /** True when the line names a process on this machine that is no longer running. */
    private static boolean stale(String line) {
        Matcher m = PID.matcher(line);
        if (!m.find()) return false;
        if (!m.group(2).equals(host())) return false;
        long pid = Long.parseLong(m.group(1));
        return ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "?";
        }
    }
}
