package id.lindungdesa.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;

/**
 * How backups are kept for one database: the second folder (e.g. a flash drive; null: none) and how many daily,
 * weekly and monthly backups rotation keeps. Stored as {@code settings.json} in the database's backup folder (not in
 * the database, so it is still there when the database is damaged).
 */
public record BackupSettings(String secondFolder, int keepDaily, int keepWeekly, int keepMonthly, boolean automatic) {
    public static final BackupSettings DEFAULTS = new BackupSettings(null, 7, 4, 12, true);
    private static final JsonMapper JSON = id.lindungdesa.persistence.JsonMappers.MAPPER;

    public BackupSettings {
        if (keepDaily < 1 || keepWeekly < 0 || keepMonthly < 0 || keepDaily > 366 || keepWeekly > 520
                || keepMonthly > 240) {
            throw new BackupException("backup.error.retention", keepDaily, keepWeekly, keepMonthly);
        }
        if (secondFolder != null && secondFolder.isBlank()) secondFolder = null;
    }

    public BackupSettings withSecondFolder(String folder) {
        return new BackupSettings(folder, keepDaily, keepWeekly, keepMonthly, automatic);
    }

    public BackupSettings withRetention(int daily, int weekly, int monthly) {
        return new BackupSettings(secondFolder, daily, weekly, monthly, automatic);
    }

    /** The backup folder of a database: {@code <db>-backups} beside it. */
    public static Path folderFor(Path dbBase) {
        Path abs = dbBase.toAbsolutePath();
        return abs.resolveSibling(abs.getFileName() + "-backups");
    }

    public static BackupSettings load(Path folder) {
        Path f = folder.resolve("settings.json");
        if (!Files.isRegularFile(f)) return DEFAULTS;
        try {
            return JSON.readValue(Files.readString(f, StandardCharsets.UTF_8), BackupSettings.class);
        } catch (IOException | RuntimeException e) {
            return DEFAULTS;
        }
    }

    public void save(Path folder) {
        try {
            id.lindungdesa.persistence.DurableFiles.writeString(folder.resolve("settings.json"),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
