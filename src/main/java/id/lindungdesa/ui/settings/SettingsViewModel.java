package id.lindungdesa.ui.settings;

import id.lindungdesa.backup.BackupService;
import id.lindungdesa.backup.BackupSettings;
import id.lindungdesa.backup.RestoreCandidate;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.security.EncryptionService;
import java.nio.file.Path;
import java.util.List;

/**
 * The settings screen's logic, without JavaFX nodes: every method here runs on a worker thread (the view calls it
 * through background tasks) and returns plain data.
 */
public final class SettingsViewModel {
    private final BackupService backups;
    private final EncryptionService encryption;

    public SettingsViewModel(BackupService backups, EncryptionService encryption) {
        this.backups = backups;
        this.encryption = encryption;
    }

    /** A backup as shown in the list. */
    public record Row(Path file, String text, boolean verified) {
        @Override
        public String toString() {
            return text;
        }
    }

    public record State(Path folder, BackupSettings settings, List<Row> rows, boolean encrypted) {
    }

    public State load() {
        BackupService b = backups;
        List<Row> rows = b.list().stream().map(SettingsViewModel::row).toList();
        return new State(b.folder(), b.settings(), rows, encryption.encrypted());
    }

    static Row row(BackupService.Entry e) {
        var i = e.info();
        String text = (e.verified() ? "✔ " : "? ") + (i == null ? e.file().getFileName().toString()
                : when(i.createdAt()) + " · " + reason(i.reason()) + " · "
                + Messages.tr("backup.rowPeople", i.count("PERSON")) + " · " + e.file().getFileName());
        return new Row(e.file(), text, e.verified());
    }

    /** A backup's time as the clerk reads it: the computer's local time, short Indonesian month. */
    static String when(String createdAt) {
        try {
            return Formats.localDateTime(java.time.OffsetDateTime.parse(createdAt).toInstant(), Messages.current());
        } catch (java.time.format.DateTimeParseException e) {
            return createdAt.replace('T', ' ');
        }
    }

    /** Why a backup was made, in the user's language: "harian", "manual", "sebelum impor daftar aparat". */
    static String reason(String reason) {
        if (reason == null) return "";
        if (reason.startsWith("before-")) {
            String what = reason.substring("before-".length());
            String key = "backup.reason.op." + what;
            return Messages.tr("backup.reason.before", Messages.current().has(key) ? Messages.tr(key) : what);
        }
        String key = "backup.reason." + reason;
        return Messages.current().has(key) ? Messages.tr(key) : reason;
    }

    public void save(String secondFolder, int daily, int weekly, int monthly) {
        BackupSettings s = backups.settings().withSecondFolder(secondFolder).withRetention(daily, weekly,
                monthly);
        backups.saveSettings(s);
    }

    public BackupService.Result backupNow() {
        return backups.backupNow("manual", null);
    }

    public BackupService.VerifyReport verify(Path file) {
        return backups.verify(file, null);
    }

    public RestoreCandidate prepare(Path file) {
        return backups.prepareRestore(file, null);
    }

    public Path commit(RestoreCandidate c) {
        return backups.commitRestore(c);
    }

    public void discard(RestoreCandidate c) {
        BackupService.discard(c);
    }

    public String encrypt(char[] passphrase) {
        return encryption.encrypt(passphrase);
    }

    /**
     * What "Open log file" opens (on a worker thread): the log file when there is one, else its folder, made if
     * missing, so the button always opens something.
     */
    public static Path logTarget(Path logFile) throws java.io.IOException {
        if (java.nio.file.Files.isRegularFile(logFile)) return logFile;
        return java.nio.file.Files.createDirectories(logFile.toAbsolutePath().getParent());
    }

    /** The summary of a restore candidate, shown before it is swapped in. */
    public static String describe(RestoreCandidate c) {
        return Messages.tr("backup.restoreSummary", c.backupFile().getFileName(), when(c.backupCreatedAt()),
                c.officeName() == null ? "-" : c.officeName() + " (" + c.officeCode() + ")", c.people(), c.posts(),
                c.enrolments(), c.auditEntries());
    }
}
