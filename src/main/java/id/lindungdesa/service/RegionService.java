package id.lindungdesa.service;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import id.lindungdesa.domain.Office;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.RegionLevel;
import id.lindungdesa.domain.VillageType;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.RegionRepository;
import id.lindungdesa.i18n.Text;
import id.lindungdesa.task.Progress;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Region codes from a Kemendagri-format CSV ({@code kode,nama}), restricted to the office's region.
 * Re-import is idempotent: it reports added, renamed, retired and restored codes and deletes nothing.
 */
public final class RegionService {
    private final Database db;
    private final RegionRepository repo;
    private final Clock clock;
    private final AuditLog audit;
    private volatile BackupHook beforeImport = BackupHook.NONE;

    public RegionService(Database db, RegionRepository repo, Clock clock, AuditLog audit) {
        this.db = db;
        this.repo = repo;
        this.clock = clock;
        this.audit = audit;
    }

    /** Runs after the file was read and checked, before the import writes (e.g. a verified backup). */
    public void setBeforeImport(BackupHook hook) {
        this.beforeImport = hook;
    }

    /** What an import changed. */
    public record ImportReport(String within, int rowsRead, int added, int renamed, int retired, int restored,
                               int unchanged, int kecamatan, int desa, int desaAdat, int kelurahan,
                               List<String> renamedCodes, List<String> retiredCodes) {
    }

    /** A row of the file that is not a region code line. */
    public static final class BadFileException extends id.lindungdesa.i18n.LocalizedException {
        public BadFileException(String key, Object... args) {
            super(key, args);
        }
    }

    public ImportReport importCsv(Path file, String within, Progress progress) {
        return importCsv(file, within, progress, true);
    }

    /** The demo generator's import: synthetic data, so no backup first (it fills many districts in a row). */
    ImportReport importForDemo(Path file, String within, Progress progress) {
        return file == null ? importBuiltin(within, progress, false) : importCsv(file, within, progress, false);
    }

    /**
     * Imports from the region list shipped with the program ({@link BuiltinRegions}), restricted to {@code within}
     * (default: the office's region). A verified backup is made first, as for a file.
     */
    public ImportReport importBuiltin(String within, Progress progress) {
        return importBuiltin(within, progress, true);
    }

    /**
     * Office set-up's import of the office's slice from the shipped list: the database was just made, so there is
     * nothing to back up first.
     */
    public ImportReport importBuiltinAtSetUp(String within, Progress progress) {
        return importBuiltin(within, progress, false);
    }

    private ImportReport importBuiltin(String within, Progress progress, boolean backupFirst) {
        try (Reader r = BuiltinRegions.open()) {
            return importCsv(r, BuiltinRegions.SOURCE_NAME, within, progress, backupFirst);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ImportReport importCsv(Path file, String within, Progress progress, boolean backupFirst) {
        if (!Files.isRegularFile(file)) {
            throw new BadFileException("regions.error.missing", file);
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return importCsv(r, file.getFileName().toString(), within, progress, backupFirst);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Imports from a reader. {@code within} defaults to the office's region; ancestors of it are imported too
     * (so the district and province have names) but only codes inside it can be retired.
     */
    public ImportReport importCsv(Reader reader, String sourceName, String within, Progress progress) {
        return importCsv(reader, sourceName, within, progress, true);
    }

    private ImportReport importCsv(Reader reader, String sourceName, String within, Progress progress,
                                   boolean backupFirst) {
        audit.require(id.lindungdesa.domain.Role.CLERK); // issue 17
        String scope = within;
        if (scope == null || scope.isBlank()) {
            scope = db.read(tx -> new id.lindungdesa.persistence.OfficeRepository().find(tx))
                    .map(o -> o.level() == id.lindungdesa.domain.OfficeLevel.NATIONAL ? "" : o.regionCode())
                    .orElse("");
        }
        if (!scope.isEmpty() && !Region.isValidCode(scope)) {
            throw new BadFileException("regions.error.code", scope);
        }
        final String s = scope;
        Map<String, String> rows = new LinkedHashMap<>();
        int line = 0;
        int read = 0;
        CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(reader);
        for (CsvRecord rec : csv) {
            line++;
            if (rec.getFieldCount() == 1 && rec.getField(0).isBlank()) continue;
            String code = rec.getField(0).strip();
            if (line == 1 && code.equalsIgnoreCase("kode")) continue;
            if (rec.getFieldCount() < 2) {
                throw new BadFileException("regions.error.columns", rec.getStartingLineNumber());
            }
            if (!Region.isValidCode(code)) {
                throw new BadFileException("regions.error.lineCode", rec.getStartingLineNumber(), code);
            }
            String name = rec.getField(1).strip();
            if (name.isEmpty()) {
                throw new BadFileException("regions.error.emptyName", rec.getStartingLineNumber());
            }
            read++;
            if (Region.within(code, s) || Region.within(s, code)) rows.put(code, name);
            if (read % 5000 == 0) {
                progress.checkCancelled();
                progress.update(read, -1, Text.of("regions.progress.reading", read));
            }
        }
        if (!s.isEmpty() && !rows.containsKey(s) && rows.keySet().stream().noneMatch(c -> c.startsWith(s + "."))) {
            throw new BadFileException("regions.error.noneWithin", s);
        }
        progress.checkCancelled();
        if (backupFirst) beforeImport.beforeRiskyOperation("regions-import");
        int total = rows.size();
        final int rowsRead = read;
        return db.write(tx -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            Map<String, Region> existing = new HashMap<>();
            for (Region r : repo.listWithin(tx, "", true)) {
                if (rows.containsKey(r.code()) || Region.within(r.code(), s)) existing.put(r.code(), r);
            }
            List<Region> toAdd = new ArrayList<>();
            List<String> renamedCodes = new ArrayList<>();
            List<String> retiredCodes = new ArrayList<>();
            int restored = 0;
            int unchanged = 0;
            int done = 0;
            for (var e : rows.entrySet()) {
                String code = e.getKey();
                String name = e.getValue();
                Region old = existing.get(code);
                if (old == null) {
                    toAdd.add(new Region(code, name, Region.levelOf(code), Region.villageTypeOf(code),
                            Region.parentOf(code), true));
                } else {
                    boolean changed = false;
                    if (!old.name().equals(name)) {
                        repo.rename(tx, code, name);
                        repo.history(tx, code, "RENAMED", old.name(), name, now, sourceName);
                        renamedCodes.add(code);
                        changed = true;
                    }
                    if (!old.active()) {
                        repo.setActive(tx, code, true, now);
                        repo.history(tx, code, "RESTORED", old.name(), name, now, sourceName);
                        restored++;
                        changed = true;
                    }
                    if (!changed) unchanged++;
                }
                if (++done % 5000 == 0) progress.update(done, total, Text.of("regions.progress.saving", done));
            }
            repo.insertAll(tx, toAdd, now);
            repo.historyAdded(tx, toAdd, now, sourceName);
            for (Region old : existing.values()) {
                if (old.active() && !rows.containsKey(old.code()) && Region.within(old.code(), s)
                        && !old.code().equals(s)) {
                    repo.setActive(tx, old.code(), false, now);
                    repo.history(tx, old.code(), "RETIRED", old.name(), null, now, sourceName);
                    retiredCodes.add(old.code());
                }
            }
            ImportReport report = new ImportReport(s, rowsRead, toAdd.size(), renamedCodes.size(), retiredCodes.size(),
                    restored, unchanged, repo.countLevel(tx, s, RegionLevel.SUBDISTRICT),
                    repo.countVillages(tx, s, VillageType.DESA), repo.countVillages(tx, s, VillageType.DESA_ADAT),
                    repo.countVillages(tx, s, VillageType.KELURAHAN), List.copyOf(renamedCodes),
                    List.copyOf(retiredCodes));
            audit.recordText(tx, "IMPORT", "region", s, null, "Impor kode wilayah " + sourceName + ": +"
                    + report.added() + " baru, " + report.renamed() + " ganti nama, " + report.retired()
                    + " dihapus dari daftar, " + report.restored() + " dipulihkan");
            progress.update(total, total, Text.of("task.done"));
            return report;
        });
    }

    public List<Region> within(String prefix) {
        return db.read(tx -> repo.listWithin(tx, prefix, false));
    }

    public Optional<Region> find(String code) {
        return db.read(tx -> repo.find(tx, code));
    }

    public List<RegionRepository.HistoryEntry> history(String code) {
        return db.read(tx -> repo.historyOf(tx, code));
    }

    /** Adds regions directly (demo generation without a regions file). */
    public void addSynthetic(List<Region> regions, String source) {
        audit.require(id.lindungdesa.domain.Role.CLERK); // issue 17
        db.writeVoid(tx -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            List<Region> fresh = regions.stream().filter(r -> repo.find(tx, r.code()).isEmpty()).toList();
            repo.insertAll(tx, fresh, now);
            repo.historyAdded(tx, fresh, now, source);
        });
    }
}
