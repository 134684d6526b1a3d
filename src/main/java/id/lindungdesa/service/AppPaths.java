package id.lindungdesa.service;

import java.nio.file.Path;
import java.util.Locale;

/** Where the program keeps its data by default: the user's data folder, per operating system. */
public final class AppPaths {
    private AppPaths() {}

    /** {@code LINDUNGDESA_HOME} when set; else %LOCALAPPDATA%\LindungDesa, ~/Library/Application Support/LindungDesa,
     * or $XDG_DATA_HOME/lindungdesa (~/.local/share/lindungdesa). */
    public static Path dataFolder() {
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

    /** The default database file (H2 adds ".mv.db"). */
    public static Path defaultDatabase() {
        return dataFolder().resolve("lindungdesa");
    }
}
