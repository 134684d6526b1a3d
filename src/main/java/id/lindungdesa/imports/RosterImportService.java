package id.lindungdesa.imports;

import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Plausibility;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.WageBaseDefault;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.EnrolmentRepository;
import id.lindungdesa.persistence.ImportRunRepository;
import id.lindungdesa.persistence.PersonRepository;
import id.lindungdesa.persistence.PlausibilityRepository;
import id.lindungdesa.persistence.PostRepository;
import id.lindungdesa.persistence.RateRepository;
import id.lindungdesa.persistence.RegionRepository;
import id.lindungdesa.persistence.Tx;
import id.lindungdesa.service.AuditLog;
import id.lindungdesa.service.OfficeService;
import id.lindungdesa.task.Progress;
import id.lindungdesa.i18n.Messages;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Roster import from spreadsheets: read → find the header → map columns → normalise → dry run (every row new,
 * changed, unchanged or refused, with reasons) → apply the accepted rows in ONE transaction → receipt.
 * Re-importing the same file changes nothing (unchanged rows write nothing).
 */
public final class RosterImportService {
    /** How many rows above the data are searched for the header row. */
    static final int HEADER_SEARCH_ROWS = 30;

    private final Database db;
    private final PersonRepository people;
    private final PostRepository posts;
    private final EnrolmentRepository enrolments;
    private final RegionRepository regions;
    private final RateRepository rates;
    private final OfficeService office;
    private final Clock clock;
    private final AuditLog audit;
    private final ImportRunRepository runs = new ImportRunRepository();
    private final PlausibilityRepository plausibility = new PlausibilityRepository();

    private volatile id.lindungdesa.service.BackupHook beforeApply = id.lindungdesa.service.BackupHook.NONE;

    /** Runs before an import writes, e.g. a verified backup (issue 7). */
    public void setBeforeApply(id.lindungdesa.service.BackupHook hook) {
        this.beforeApply = hook;
    }

    public RosterImportService(Database db, PersonRepository people, PostRepository posts, EnrolmentRepository enrolments,
                         RegionRepository regions, RateRepository rates, OfficeService office, Clock clock,
                         AuditLog audit) {
        this.db = db;
        this.people = people;
        this.posts = posts;
        this.enrolments = enrolments;
        this.regions = regions;
        this.rates = rates;
        this.office = office;
        this.clock = clock;
        this.audit = audit;
    }

    // ------------------------------------------------------------------ reading and mapping

    /** Reads a sheet ({@code sheet} null: the first). */
    public SheetData read(Path file, String sheet) {
        return SpreadsheetReader.read(file, sheet);
    }

    /**
     * The header row (1-based as in the spreadsheet): among the first rows, the one naming the most known columns
     * (title rows and merged title cells above it name none). Needs at least two known columns, one of them the
     * NIK or the name.
     */
    public static int detectHeaderRow(SheetData sheet) {
        int best = -1;
        int bestScore = 0;
        int seen = 0;
        for (SheetData.Row r : sheet.rows()) {
            if (seen++ >= HEADER_SEARCH_ROWS) break;
            List<String> texts = r.cells().stream().map(RawCell::text).toList();
            ColumnMapping m = ColumnMapping.guess(texts);
            int score = m.columns().size();
            if (score >= 2 && (m.has(Field.NIK) || m.has(Field.NAME)) && score > bestScore) {
                bestScore = score;
                best = r.number();
            }
        }
        if (best < 0) throw new ImportFileException("import.error.noHeader", sheet.sheetName());
        return best;
    }

    /** The header texts of row {@code headerRow} (1-based). */
    public static List<String> headers(SheetData sheet, int headerRow) {
        for (SheetData.Row r : sheet.rows()) {
            if (r.number() == headerRow) return r.cells().stream().map(c -> c.text().strip()).toList();
        }
        throw new ImportFileException("import.error.headerRow", headerRow, sheet.sheetName());
    }

    // ------------------------------------------------------------------ dry run

    /**
     * CLI convenience: reads the rows above the data to find the header, guesses the mapping, applies a saved one,
     * then streams the dry run.
     */
    public DryRun dryRun(Path file, ColumnMapping.Saved saved, Progress progress) {
        Integer savedHeader = saved == null ? null : saved.headerRow();
        List<SheetData.Row> head = new ArrayList<>();
        SheetData meta = SpreadsheetReader.stream(file, saved == null ? null : saved.sheet(), r -> {
            head.add(r);
            return head.size() < HEADER_SEARCH_ROWS || savedHeader != null && r.number() < savedHeader;
        });
        SheetData sheet = new SheetData(meta.fileName(), meta.sheetName(), meta.sheetNames(), head, meta.charset(),
                meta.separator());
        int header = savedHeader != null ? savedHeader : detectHeaderRow(sheet);
        List<String> headers = headers(sheet, header);
        ColumnMapping mapping = ColumnMapping.guess(headers);
        if (saved != null) {
            List<String> missing = mapping.apply(saved, headers);
            if (!missing.isEmpty()) {
                throw new ImportFileException("import.error.mappingMissing", String.join(", ", missing));
            }
        }
        mapping.setSheet(sheet.sheetName());
        mapping.setHeaderRow(header);
        return dryRun(file, sheet, header, mapping, progress);
    }

    /**
     * Streams the file again and classifies every data row below {@code headerRow}; writes nothing to the database.
     * Only the counts, the first {@link DryRun#SAMPLE} rows per class and the report lines (in a temporary file) are
     * kept; {@code sheet} is used for its header rows and sheet name only.
     */
    public DryRun dryRun(Path file, SheetData sheet, int headerRow, ColumnMapping mapping, Progress progress) {
        long t0 = System.nanoTime();
        List<String> headers = headers(sheet, headerRow);
        checkMapped(mapping);
        String sha = sha256(file);
        LocalDate today = LocalDate.now(clock);
        Context ctx = db.read(this::context);
        RowParser parser = parser(ctx, mapping, headers, today, db.read(tx -> plausibility.on(tx, today)));
        DbState state = db.read(tx -> DbState.load(tx, runs, today));
        Classifier c = new Classifier(state, today, ctx.defaultWage(today), audit.actor(), OffsetDateTime.now(clock),
                false);
        Map<RowClass, Integer> counts = new EnumMap<>(RowClass.class);
        List<RowResult> sample = new ArrayList<>();
        Messages m = Messages.current();
        Path lines;
        try {
            lines = Files.createTempFile("lindungdesa-dryrun-", ".tsv");
            lines.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new ImportFileException("import.error.write", e, "temp", e.getMessage());
        }
        List<Integer> cols = new ArrayList<>(mapping.columns().values());
        int[] i = {0};
        try (BufferedWriter out = Files.newBufferedWriter(lines, StandardCharsets.UTF_8)) {
            streamData(file, sheet.sheetName(), headerRow, cols, r -> {
                RowResult res = c.classify(parser.parse(r), parser);
                if (counts.merge(res.cls(), 1, Integer::sum) <= DryRun.SAMPLE) sample.add(res);
                try {
                    out.write(ReportWriter.line(res, m));
                    out.newLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (++i[0] % 1000 == 0) {
                    progress.checkCancelled();
                    progress.update(i[0], 0, (String) null);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new ImportFileException("import.error.write", e, lines, e.getMessage());
        }
        SheetData top = new SheetData(sheet.fileName(), sheet.sheetName(), sheet.sheetNames(),
                sheet.rows().stream().filter(r -> r.number() <= headerRow).toList(), sheet.charset(),
                sheet.separator());
        return new DryRun(file, sha, top, headerRow, headers, mapping, counts, sample, lines,
                (System.nanoTime() - t0) / 1_000_000);
    }

    private static void checkMapped(ColumnMapping mapping) {
        List<Field> needed = List.of(Field.NIK, Field.NAME, Field.POSITION);
        List<String> missing = new ArrayList<>();
        for (Field f : needed) if (!mapping.has(f)) missing.add(f.labelId());
        if (!mapping.has(Field.VILLAGE) && !mapping.has(Field.VILLAGE_CODE)) missing.add(Field.VILLAGE.labelId());
        if (!missing.isEmpty()) throw new ImportFileException("import.error.unmapped", String.join(", ", missing));
    }

    private static RowParser parser(Context ctx, ColumnMapping mapping, List<String> headers, LocalDate today,
                                    Plausibility limits) {
        VillageMatcher villages = new VillageMatcher(ctx.regions(), mapping.villages());
        if (villages.isEmpty()) throw new ImportFileException("import.error.noRegions");
        return new RowParser(mapping, headers, villages, today, limits);
    }

    /** Streams the data rows of the file (see {@link #dataRows}) to {@code each}, one at a time. */
    private static void streamData(Path file, String sheetName, int headerRow, List<Integer> cols,
                                   java.util.function.Consumer<SheetData.Row> each) {
        SpreadsheetReader.stream(file, sheetName, r -> {
            if (isData(r, headerRow, cols)) each.accept(r);
            return true;
        });
    }

    private static boolean isData(SheetData.Row r, int headerRow, List<Integer> cols) {
        if (r.number() <= headerRow) return false;
        boolean any = false;
        for (int c : cols) {
            if (!r.cell(c).blank()) {
                any = true;
                break;
            }
        }
        return any && !columnNumbers(r);
    }

    /** Rows below the header that carry data in a mapped column; a row numbering the columns (1, 2, 3…) is skipped. */
    static List<SheetData.Row> dataRows(SheetData sheet, int headerRow, ColumnMapping mapping) {
        List<SheetData.Row> out = new ArrayList<>();
        List<Integer> cols = new ArrayList<>(mapping.columns().values());
        for (SheetData.Row r : sheet.rows()) if (isData(r, headerRow, cols)) out.add(r);
        return out;
    }

    private static boolean columnNumbers(SheetData.Row r) {
        int n = 0;
        for (int i = 0; i < r.cells().size(); i++) {
            String t = r.cell(i).text().strip();
            if (t.isEmpty()) continue;
            if (!t.matches("\\(?\\d{1,2}(\\.0)?\\)?") || Integer.parseInt(t.replaceAll("[()]|\\.0$", "")) != i + 1) {
                return false;
            }
            n++;
        }
        return n >= 3;
    }

    // ------------------------------------------------------------------ apply

    /**
     * Applies the accepted (new and changed) rows of a dry run in one transaction. The file is streamed again and
     * every row parsed and classified inside it, so a change made to the database since the dry run is seen; a file
     * that changed since the dry run (another SHA-256) is refused before anything is written. Cancelling before the
     * commit leaves nothing written.
     */
    public Receipt apply(DryRun run, Progress progress) {
        audit.require(id.lindungdesa.domain.Role.CLERK, "access.do.importRoster"); // issue 17
        String sha = sha256(run.file());
        if (!sha.equals(run.sha256())) {
            throw new ImportFileException("import.error.fileChanged", run.file().getFileName());
        }
        beforeApply.beforeRiskyOperation("roster-import");
        long t0 = System.nanoTime();
        LocalDate today = LocalDate.now(clock);
        Context ctx = db.read(this::context);
        progress.checkCancelled();
        int[] counts = new int[RowClass.values().length];
        UUID[] runIdOut = new UUID[1];
        Classifier.Plan plan = db.write(tx -> {
            progress.update(0, 5, (String) null);
            DbState state = DbState.load(tx, runs, today);
            OffsetDateTime now = OffsetDateTime.now(clock);
            Classifier c = new Classifier(state, today, ctx.defaultWage(today), audit.actor(), now);
            RowParser columns = parser(ctx, run.mapping(), run.headers(), today, plausibility.on(tx, today));
            List<Integer> cols = new ArrayList<>(run.mapping().columns().values());
            streamData(run.file(), run.sheet().sheetName(), run.headerRow(), cols,
                    r -> counts[c.classify(columns.parse(r), columns).cls().ordinal()]++);
            if (!sha256(run.file()).equals(sha)) {
                throw new ImportFileException("import.error.fileChanged", run.file().getFileName());
            }
            Classifier.Plan pl = c.plan();
            progress.checkCancelled();
            progress.update(1, 5, (String) null);
            for (var chunk : chunks(pl.newPeople)) people.insertAll(tx, chunk, now);
            for (Person[] u : pl.personUpdates) people.update(tx, u[1], now);
            progress.checkCancelled();
            progress.update(2, 5, (String) null);
            for (var chunk : chunks(pl.newPosts)) posts.insertAll(tx, chunk, now);
            for (Post[] u : pl.postUpdates) posts.update(tx, u[1], now);
            progress.checkCancelled();
            progress.update(3, 5, (String) null);
            for (var chunk : chunks(pl.newEnrolments)) enrolments.insertAll(tx, chunk, now);
            for (Enrolment[] u : pl.enrolmentUpdates) enrolments.update(tx, u[1], now);
            for (var chunk : chunks(pl.newStatuses)) enrolments.addStatuses(tx, chunk);
            for (UUID id : pl.statusOnly) enrolments.touch(tx, id, now);
            progress.checkCancelled();
            progress.update(4, 5, (String) null);
            String file = run.file().getFileName().toString();
            List<ImportRunRepository.Row> logged = new ArrayList<>(pl.applied.size());
            MessageDigest rowsHash = id.lindungdesa.persistence.FileHashes.sha256();
            for (Classifier.Applied a : pl.applied) {
                RowResult r = a.result();
                String changes = r.changes().isEmpty() ? null : String.join(",", r.changes());
                logged.add(new ImportRunRepository.Row(r.row(), r.cls().name(), a.personId(), a.postId(),
                        r.villageCode(), changes));
                rowsHash.update((r.row() + "|" + r.cls() + "|" + a.personId() + "|" + a.postId() + "|" + changes
                        + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (r.cls() == RowClass.CHANGED) {
                    audit.record(tx, "UPDATE", "person", a.personId(), r.villageCode(), a.personId(),
                            "Impor " + file + " baris " + r.row() + ": " + r.position().labelId() + ", " + r.name()
                                    + " (" + changes + ")", a.before(), a.after());
                }
            }
            if (!logged.isEmpty()) {
                UUID runId = UUID.randomUUID();
                String rowsSha = HexFormat.of().formatHex(rowsHash.digest());
                runs.insert(tx, new ImportRunRepository.Run(runId, file, sha, run.sheet().sheetName(), now,
                        audit.actor(), counts[RowClass.NEW.ordinal()], counts[RowClass.CHANGED.ordinal()],
                        counts[RowClass.UNCHANGED.ordinal()], counts[RowClass.REFUSED.ordinal()], rowsSha));
                for (var chunk : chunks(logged)) runs.insertRows(tx, runId, chunk);
                audit.record(tx, "IMPORT", "import_run", runId, null, null,
                        "Impor daftar " + file + ": " + counts[RowClass.NEW.ordinal()] + " baru, "
                                + counts[RowClass.CHANGED.ordinal()] + " berubah, "
                                + counts[RowClass.UNCHANGED.ordinal()] + " tidak berubah, "
                                + counts[RowClass.REFUSED.ordinal()] + " ditolak",
                        null, new RunSummary(runId, file, sha, rowsSha, logged.size()));
                runIdOut[0] = runId;
            }
            progress.checkCancelled();
            progress.update(5, 5, (String) null);
            return pl;
        });
        return new Receipt(runIdOut[0], run.file().getFileName().toString(), sha, OffsetDateTime.now(clock),
                counts[RowClass.NEW.ordinal()], counts[RowClass.CHANGED.ordinal()],
                counts[RowClass.UNCHANGED.ordinal()], counts[RowClass.REFUSED.ordinal()], plan.newPeople.size(),
                plan.personUpdates.size(), plan.newPosts.size(), plan.postUpdates.size(), plan.newEnrolments.size(),
                plan.enrolmentUpdates.size(), plan.newStatuses.size(), (System.nanoTime() - t0) / 1_000_000);
    }

    /** What the audit trail keeps per applied import: the run, the file's hash and the hash of its logged rows. */
    public record RunSummary(UUID run, String file, String fileSha256, String rowsSha256, int rows) {
    }

    /** Writes the dry run (and the receipt, when applied) as an XLSX report. */
    public void writeReport(DryRun run, Receipt receipt, Path out) {
        ReportWriter.write(run, receipt, out);
    }

    // ------------------------------------------------------------------ helpers

    /** Batches of 1,000: H2 and jOOQ insert fastest in batches of about this size. */
    static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 1000) out.add(all.subList(i, Math.min(all.size(), i + 1000)));
        return out;
    }

    private record Context(List<Region> regions, List<WageBaseDefault> wageBases) {
        Function<Position, Optional<Long>> defaultWage(LocalDate on) {
            Map<Position, Optional<Long>> cache = new EnumMap<>(Position.class);
            Comparator<WageBaseDefault> latest = Comparator.comparing(WageBaseDefault::validFrom);
            return p -> cache.computeIfAbsent(p, pos -> {
                Optional<WageBaseDefault> specific = wageBases.stream()
                        .filter(w -> w.position() == pos && !w.validFrom().isAfter(on)).max(latest);
                if (specific.isPresent()) return specific.map(WageBaseDefault::amount);
                return wageBases.stream().filter(w -> w.position() == null && w.category() == pos.category()
                        && !w.validFrom().isAfter(on)).max(latest).map(WageBaseDefault::amount);
            });
        }
    }

    private Context context(Tx tx) {
        String within = office.office().map(o -> o.regionCode()).orElse("");
        return new Context(regions.listWithin(tx, within, true), rates.wageBases(tx));
    }

    static String sha256(Path file) {
        try {
            return id.lindungdesa.persistence.FileHashes.sha256(file);
        } catch (IOException e) {
            throw new ImportFileException("import.error.read", e, file.getFileName(), e.getMessage());
        }
    }
}
