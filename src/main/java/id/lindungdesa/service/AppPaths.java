package id.lindungdesa.service;

import java.nio.file.Path;
import java.util.Locale;

/** Where the program keeps its data by default: the user's data folder, per operating system. */
public final class AppPaths {
    private AppPaths() {}

    /** The system property {@code lindungdesa.home} (tests) or {@code LINDUNGDESA_HOME} when set; else %LOCALAPPDATA%\LindungDesa, ~/Library/Application Support/LindungDesa,
     * or $XDG_DATA_HOME/lindungdesa (~/.local/share/lindungdesa). */
    public static Path dataFolder() {
        String property = System.getProperty("lindungdesa.home");
        if (property != null && !property.isBlank()) return Path.of(property);
        String override = System.getenv("LINDUNGDESA_HOME");
        if (override != null && !override.isBlank()) return Path.of(override);
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return Path.of(local != null ? local : home, "LindungDesa");
        }
        if (os.contains("mac")) return Path.of(home, "Library", "Application Support", "LindungDesa");
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve("lindungdesa");
    }

    /**
     * The program's log file, {@code <data folder>/logs/lindungdesa.log} (rotated daily and by size; see decision
     * 0096). Also for a database opened with {@code --db}: one place to look, whatever database was used.
     */
    public static Path logFile() {
        return dataFolder().resolve("logs").resolve("lindungdesa.log");
    }

    /** The default database file (H2 adds ".mv.db"). */
    public static Path defaultDatabase() {
        return dataFolder().resolve("lindungdesa");
    }
}
