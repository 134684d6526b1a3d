package id.lindungdesa.backup;

import id.lindungdesa.persistence.DurableFiles;
import id.lindungdesa.i18n.Text;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.ScriptErrors;
import id.lindungdesa.persistence.ScriptIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backups of one office database: version-independent compressed SQL scripts ({@code SCRIPT TO … COMPRESSION
 * GZIP}, encrypted with the database's own file key when the database is encrypted), each verified by restoring it
 * into a scratch database and comparing every table's row count and a content hash; rotated; copied to a second
 * folder; restored into a new file first, then swapped in.
 *
 * <p>Other features call {@link #beforeRiskyOperation(String)} before an import, a merge or anything that changes
 * many rows at once: it returns only when a verified backup is on disk, and throws otherwise (do not go on then).
 */
public final class BackupService {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BackupService.class);
    public static final String PASSPHRASE_ENV = "LINDUNGDESA_PASSPHRASE";
    /** System property: "false" turns the once-a-day automatic backup off (benchmarks). */
    public static final String AUTO_PROPERTY = "lindungdesa.backup.auto";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private static final Pattern NAME = Pattern.compile(".*-(\\d{8}-\\d{6}-\\d{3})-([a-z0-9-]+)\\.sql\\.(gz|enc)");
    private static final JsonMapper JSON = id.lindungdesa.persistence.JsonMappers.MAPPER;

    private final Database db;
    private final Clock clock;
    private final BackupKeys keys;

    public BackupService(Database db, Clock clock, BackupKeys keys) {
        this.db = db;
        this.clock = clock;
        this.keys = keys;
    }

    /** Issue 17: who is signed in; backups made by hand, their settings and restore need admin. */
    private volatile id.lindungdesa.service.Session access = new id.lindungdesa.service.Session();

    public void setAccess(id.lindungdesa.service.Session session) {
        this.access = session;
    }

    /** The result of a backup: the file, its facts, where the second copy went (or why it could not). */
    public record Result(Path file, BackupInfo info, Path secondCopy, Text secondCopyProblem, Path extraCopy,
                         List<Path> rotated) {
    }

    /** A backup found in a folder; {@code info} is null when its sidecar is missing. */
    public record Entry(Path file, BackupInfo info) {
        public boolean verified() { return info != null && info.verified(); }
    }

    /** The outcome of {@link #verify}. */
    public record VerifyReport(Path file, boolean ok, Text problem, ScriptIO.Facts restored, BackupInfo info) {
    }

    // ------------------------------------------------------------------ settings

    public Path folder() {
        return BackupSettings.folderFor(db.base());
    }

    public BackupSettings settings() {
        return BackupSettings.load(folder());
    }

    public void saveSettings(BackupSettings settings) {
        access.require(id.lindungdesa.domain.Role.ADMIN, "access.do.backup");
        settings.save(folder());
    }

    // ------------------------------------------------------------------ making backups

    /** Makes a verified backup now, in the backup folder (and the second folder; and {@code extraDir} if given). */
    public Result backupNow(String reason, Path extraDir) {
        access.require(id.lindungdesa.domain.Role.ADMIN, "access.do.backup");
        if (db.onServer()) {
            throw new id.lindungdesa.i18n.LocalizedException("backup.server.serversJob", db.server().display(),
                    "pg_dump --format=custom --host=" + db.server().host() + " --port=" + db.server().port()
                            + " --username=" + db.server().user() + " --file=" + db.server().database() + ".dump "
                            + db.server().database());
        }
        return make(reason, extraDir);
    }

    /** A backup the program makes by itself (before risky work, daily): anyone's work may need it. */
    private Result make(String reason, Path extraDir) {
        String pw = db.options().filePassword();
        return ScriptIO.on(db, c -> write(c, db.base(), pw, reason, clock, extraDir, keys));
    }

    /**
     * Call before an import, a merge, an upgrade or a restore. Returns once a verified backup is on disk; throws
     * {@link BackupException} when none could be made (then do not go on).
     */
    public Result beforeRiskyOperation(String reason) {
        if (db.onServer()) return null; // issue 16: a server database's backups are the server's job
        return make("before-" + reason, null);
    }

    /** Once a day, when there is something to keep (an office is set up) and no backup of today exists yet. */
    public Optional<Result> dailyIfDue() {
        if (db.onServer()) return Optional.empty(); // issue 16: no H2 SCRIPT on PostgreSQL
        if ("false".equals(System.getProperty(AUTO_PROPERTY)) || !settings().automatic()) return Optional.empty();
        LocalDate today = LocalDate.now(clock);
        boolean done = list().stream().anyMatch(e -> stampOf(e.file()).map(t -> t.toLocalDate().equals(today))
                .orElse(false));
        if (done) return Optional.empty();
        boolean hasOffice = ScriptIO.on(db, c -> c.summary().officeName() != null);
        if (!hasOffice) return Optional.empty();
        return Optional.of(make("daily", null));
    }

    /** A guard for {@link Database.Options#withBeforeUpgrade}: a verified backup before Flyway migrates. */
    public static Database.UpgradeGuard upgradeGuard(Path dbBase, String filePassword, Clock clock, BackupKeys keys) {
        return (c, from, to) -> write(c, Database.basePath(dbBase), filePassword,
                "before-upgrade-v" + from.replace('.', '_') + "-to-v" + to.replace('.', '_'), clock, null, keys);
    }

    static Result write(ScriptIO.Session c, Path dbBase, String pw, String reason, Clock clock, Path extraDir,
                        BackupKeys keys) throws IOException {
        Path folder = BackupSettings.folderFor(dbBase);
        BackupSettings settings = BackupSettings.load(folder);
        Files.createDirectories(folder);
        LocalDateTime now = LocalDateTime.now(clock);
        String name = dbBase.getFileName() + "-" + STAMP.format(now) + "-" + cleanReason(reason)
                + (pw == null ? ".sql.gz" : ".sql.enc");
        Path file = folder.resolve(name);
        try (DurableFiles.Pending pending = DurableFiles.begin(file)) {
            Path tmp = pending.temp();
            c.scriptTo(tmp, pw);
            ScriptIO.Facts facts = c.facts();
            ScriptIO.Summary summary = c.summary();
            String sha = ScriptIO.sha256(tmp);
            String keyId = pw == null ? null : keys.keyId(pw);
            // verified BEFORE it takes its name: a failure (a mismatch, an error, running out of memory) leaves no
            // file behind, never an unverified backup (decision 0130)
            ScriptIO.Facts restored = restoreToScratch(tmp, pw);
            if (!restored.equals(facts)) {
                throw new BackupException("backup.error.failedVerify", file);
            }
            long size = Files.size(tmp);
            pending.commit(); // fsync, atomic move, fsync of the folder (a same-named backup is replaced, as before)
            BackupInfo info = new BackupInfo(name, OffsetDateTime.now(clock).withNano(0).toString(), reason,
                    appVersion(), summary.schemaVersion(), summary.officeName(), summary.officeCode(), facts.counts(),
                    facts.contentHash(), sha, size, keyId, false, null);
            info = info.verifiedAt(OffsetDateTime.now(clock).withNano(0).toString());
            writeSidecar(folder, info);
            if (pw != null) copyKeyFile(dbBase, keyId, folder, keys);
            List<Path> rotated = rotate(folder, settings);
            Path second = null;
            Path extra = null;
            Text problem = null;
            List<Path> copyTo = new ArrayList<>();
            if (settings.secondFolder() != null) copyTo.add(Path.of(settings.secondFolder()));
            if (extraDir != null) copyTo.add(extraDir);
            for (Path dir : copyTo) {
                try {
                    Path copied = copy(file, info, dir, dbBase, keyId, keys);
                    if (dir.equals(extraDir)) extra = copied;
                    else second = copied;
                    if (settings.secondFolder() != null && dir.equals(Path.of(settings.secondFolder()))) {
                        rotated.addAll(rotate(dir, settings));
                    }
                } catch (IOException | RuntimeException e) {
                    problem = Text.of("backup.error.secondCopy", dir, e.getMessage());
                    if (dir.equals(extraDir)) throw new BackupException(e, problem.key(), problem.args().toArray());
                }
            }
            return new Result(file, info, second, problem, extra, rotated);
        }
    }

    private static Path copy(Path file, BackupInfo info, Path dir, Path dbBase, String keyId, BackupKeys keys)
            throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(file.getFileName());
        try (DurableFiles.Pending pending = DurableFiles.begin(target)) {
            try (java.io.OutputStream out = pending.out()) {
                Files.copy(file, out);
            }
            if (!ScriptIO.sha256(pending.temp()).equals(info.sha256())) {
                throw new IOException("the copy differs from the original (checksum)");
            }
            pending.commit();
        }
        writeSidecar(dir, info);
        if (keyId != null) copyKeyFile(dbBase, keyId, dir, keys);
        return target;
    }

    /** The key file travels with encrypted backups (it is itself protected by the passphrase). */
    private static void copyKeyFile(Path dbBase, String keyId, Path dir, BackupKeys keys) throws IOException {
        Path src = keys.keyFileOf(dbBase);
        Path dst = dir.resolve(keyFileName(keyId));
        if (Files.isRegularFile(src) && !Files.exists(dst)) {
            DurableFiles.write(dst, DurableFiles.Access.OWNER_ONLY, out -> Files.copy(src, out));
        }
    }

    static String keyFileName(String keyId) {
        return "lindungdesa-key-" + keyId + ".json";
    }

    private static String cleanReason(String reason) {
        String r = reason == null ? "manual" : reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        return r.isEmpty() ? "manual" : r.length() > 60 ? r.substring(0, 60) : r;
    }

    static String appVersion() {
        String v = BackupService.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private static void writeSidecar(Path folder, BackupInfo info) throws IOException {
        DurableFiles.writeString(folder.resolve(info.file() + ".json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(info));
    }

    /**
     * Restores a backup into a scratch database file beside it (encrypted like the backup, deleted afterwards) and
     * returns its facts. Streams: memory does not grow with the backup.
     */
    static ScriptIO.Facts restoreToScratch(Path file, String pw) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isWritable(folder)) folder = Path.of(System.getProperty("java.io.tmpdir"));
        return ScriptIO.inScratch(folder, pw, s -> {
            s.runScript(file, pw);
            return s.facts();
        });
    }

    // ------------------------------------------------------------------ rotation and listing

    private static List<Path> rotate(Path folder, BackupSettings settings) throws IOException {
        List<Rotation.Item> items = new ArrayList<>();
        for (Entry e : listFolder(folder)) {
            stampOf(e.file()).ifPresent(t -> items.add(new Rotation.Item(e.file().getFileName().toString(), t)));
        }
        List<Path> deleted = new ArrayList<>();
        for (Rotation.Item i : Rotation.toDelete(items, settings.keepDaily(), settings.keepWeekly(),
                settings.keepMonthly())) {
            Path f = folder.resolve(i.name());
            Files.deleteIfExists(folder.resolve(i.name() + ".json"));
            Files.deleteIfExists(f);
            deleted.add(f);
        }
        return deleted;
    }

    static Optional<LocalDateTime> stampOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) return Optional.empty();
        return Optional.of(LocalDateTime.parse(m.group(1), STAMP));
    }

    /** Backups in the backup folder, newest first. */
    public List<Entry> list() {
        return listFolder(folder());
    }

    /** Backups in the second folder (empty when none is set or it is not reachable). */
    public List<Entry> listSecond() {
        String s = settings().secondFolder();
        return s == null ? List.of() : listFolder(Path.of(s));
    }

    public static List<Entry> listFolder(Path folder) {
        List<Entry> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "*.sql.{gz,enc}")) {
            for (Path p : ds) {
                out.add(new Entry(p, readSidecar(p).orElse(null)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(Comparator.comparing((Entry e) -> stampOf(e.file()).orElse(LocalDateTime.MIN)).reversed()
                .thenComparing(e -> e.file().getFileName().toString(), Comparator.reverseOrder()));
        return out;
    }

    static Optional<BackupInfo> readSidecar(Path backup) {
        Path side = backup.resolveSibling(backup.getFileName() + ".json");
        if (!Files.isRegularFile(side)) return Optional.empty();
        try {
            return Optional.of(JSON.readValue(Files.readString(side, StandardCharsets.UTF_8), BackupInfo.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The newest verified backup of the database at {@code dbBase} (backup folder first, then second folder). */
    public static Optional<Entry> newestVerified(Path dbBase) {
        Path folder = BackupSettings.folderFor(Database.basePath(dbBase));
        Optional<Entry> e = listFolder(folder).stream().filter(Entry::verified).findFirst();
        if (e.isPresent()) return e;
        String second = BackupSettings.load(folder).secondFolder();
        if (second == null) return Optional.empty();
        return listFolder(Path.of(second)).stream().filter(Entry::verified).findFirst();
    }

    // ------------------------------------------------------------------ verification

    /**
     * Verifies a backup file: its checksum against its sidecar, then restores it into a scratch database and
     * compares every table's row count and the content hash with those recorded when it was made.
     *
     * @param passphrase for a backup made with another database's key (null: {@value #PASSPHRASE_ENV})
     */
    public VerifyReport verify(Path file, char[] passphrase) {
        return verifyFile(file, db.options().filePassword(), passphrase, keys);
    }

    public static VerifyReport verifyFile(Path file, String currentFilePassword, char[] passphrase,
                                          BackupKeys keys) {
        if (!Files.isRegularFile(file)) {
            return new VerifyReport(file, false, Text.of("backup.problem.missing"), null, null);
        }
        BackupInfo info = readSidecar(file).orElse(null);
        try {
            if (info != null && !ScriptIO.sha256(file).equals(info.sha256())) {
                return new VerifyReport(file, false, Text.of("backup.problem.checksum"), null, info);
            }
            String pw = ScriptIO.isPlainGzip(file) ? null : keyFor(file, info, currentFilePassword, passphrase, keys);
            ScriptIO.Facts restored = restoreToScratch(file, pw);
            if (info != null && !(restored.counts().equals(info.counts())
                    && restored.contentHash().equals(info.contentHash()))) {
                return new VerifyReport(file, false, Text.of("backup.problem.content"), restored, info);
            }
            return new VerifyReport(file, true, null, restored, info);
        } catch (IOException | RuntimeException e) {
            log.warn("backup {} cannot be read", file.getFileName(), ScriptErrors.redacted(e));
            return new VerifyReport(file, false, Text.of("backup.problem.unreadable", ScriptErrors.describe(file, e)),
                    null, info);
        }
    }

    /** The file password of an encrypted backup: the live key when it is the same key, else its key file. */
    static String keyFor(Path backup, BackupInfo info, String currentPw, char[] passphrase, BackupKeys keys) {
        String keyId = info == null ? null : info.keyId();
        if (currentPw != null && (keyId == null || keyId.equals(keys.keyId(currentPw)))) return currentPw;
        if (keyId == null) {
            throw new BackupException("backup.error.noSidecar");
        }
        Path keyFile = backup.resolveSibling(keyFileName(keyId));
        if (!Files.isRegularFile(keyFile)) {
            throw new BackupException("backup.error.noKey", keyId, keyFile);
        }
        char[] pass = passphrase;
        if (pass == null) {
            String env = System.getenv(PASSPHRASE_ENV);
            if (env == null) {
                throw new BackupException("backup.error.otherKey", PASSPHRASE_ENV);
            }
            pass = env.toCharArray();
        }
        return keys.unlock(keyFile, pass);
    }

    // ------------------------------------------------------------------ restore

    /**
     * Restores a backup into a NEW file beside the database (never over it), checks it against its sidecar,
     * migrates it to this version, and describes it. Nothing is swapped yet.
     */
    public RestoreCandidate prepareRestore(Path file, char[] passphrase) {
        access.require(id.lindungdesa.domain.Role.ADMIN, "access.do.restore");
        return buildCandidate(db.base(), db.options().filePassword(), file, passphrase, clock, keys);
    }

    /**
     * Swaps a prepared candidate in: a verified backup of the current database first, then the current file is
     * moved into the backup folder ({@code …-replaced.mv.db}) and the candidate takes its place. Returns where the
     * replaced file was kept.
     */
    public Path commitRestore(RestoreCandidate candidate) {
        access.require(id.lindungdesa.domain.Role.ADMIN, "access.do.restore");
        beforeRiskyOperation("restore");
        Path keep = folder().resolve(db.base().getFileName() + "-" + STAMP.format(LocalDateTime.now(clock))
                + "-replaced");
        db.replaceWith(candidate.candidateBase(), keep, candidate.filePassword());
        return Path.of(keep + ".mv.db");
    }

    /** Deletes a candidate that the user did not want. */
    public static void discard(RestoreCandidate candidate) {
        deleteDb(candidate.candidateBase());
    }

    /**
     * For a database that cannot be opened: restores {@code backup} into a new file, moves the damaged file aside
     * ({@code <db>.damaged-<time>.mv.db}, never deleted nor overwritten) and puts the restored file in its place.
     * Returns the path the damaged file was moved to.
     */
    public static Path restoreDamaged(Path dbBase, Path backup, String filePassword, char[] passphrase,
                                      Clock clock, BackupKeys keys) {
        Path base = Database.basePath(dbBase);
        RestoreCandidate c = buildCandidate(base, filePassword, backup, passphrase, clock, keys);
        Path data = Path.of(base + ".mv.db");
        Path aside = Path.of(base + ".damaged-" + STAMP.format(LocalDateTime.now(clock)) + ".mv.db");
        try {
            if (Files.exists(data)) Files.move(data, aside, StandardCopyOption.ATOMIC_MOVE);
            Files.move(Path.of(c.candidateBase() + ".mv.db"), data, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(Path.of(base + ".lock.db"));
        } catch (IOException e) {
            throw new BackupException(e, "backup.error.swap", e.getMessage());
        }
        return aside;
    }

    static RestoreCandidate buildCandidate(Path dbBase, String targetPw, Path file, char[] passphrase, Clock clock,
                                           BackupKeys keys) {
        if (!Files.isRegularFile(file)) throw new BackupException("backup.error.missing", file);
        BackupInfo info = readSidecar(file).orElse(null);
        Path candidate = Path.of(dbBase + ".restore-" + STAMP.format(LocalDateTime.now(clock)));
        try {
            if (info != null && !ScriptIO.sha256(file).equals(info.sha256())) {
                throw new BackupException("backup.error.checksum", file);
            }
            String sourcePw = ScriptIO.isPlainGzip(file) ? null : keyFor(file, info, targetPw, passphrase, keys);
            ScriptIO.intoNewFile(candidate, targetPw, c -> {
                c.runScript(file, sourcePw);
                if (info != null) {
                    ScriptIO.Facts f = c.facts();
                    if (!f.counts().equals(info.counts()) || !f.contentHash().equals(info.contentHash())) {
                        throw new BackupException("backup.error.content", file);
                    }
                }
                return null;
            });
            String schemaBefore;
            ScriptIO.Summary summary;
            java.util.Map<String, Long> counts;
            try (Database d = Database.open(candidate, Database.Options.of("restore").withFilePassword(targetPw))) {
                schemaBefore = info != null ? info.schemaVersion() : null;
                summary = ScriptIO.on(d, ScriptIO.Session::summary);
                counts = ScriptIO.on(d, ScriptIO.Session::facts).counts();
            }
            String created = info != null ? info.createdAt()
                    : stampOf(file).map(LocalDateTime::toString).orElse(Files.getLastModifiedTime(file).toString());
            return new RestoreCandidate(candidate, file, created, summary.officeName(), summary.officeCode(),
                    schemaBefore, counts, targetPw);
        } catch (BackupException e) {
            deleteDb(candidate);
            throw e;
        } catch (IOException | RuntimeException e) {
            deleteDb(candidate);
            throw new BackupException(ScriptErrors.redacted(e), "backup.error.restore", ScriptErrors.describe(file, e));
        }
    }

    private static void deleteDb(Path base) {
        for (String suffix : List.of(".mv.db", ".trace.db", ".lock.db", ".owner")) {
            try {
                Files.deleteIfExists(Path.of(base + suffix));
            } catch (IOException ignored) {
                // best effort
            }
        }
    }
}
