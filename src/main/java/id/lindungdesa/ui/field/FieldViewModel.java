package id.lindungdesa.ui.field;

import id.lindungdesa.bundle.PublicKeyFile;
import id.lindungdesa.bundle.TrustService;
import id.lindungdesa.domain.FieldPackage;
import id.lindungdesa.domain.Office;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.TrustedKey;
import id.lindungdesa.field.FieldMergeService;
import id.lindungdesa.field.FieldMergeService.Item;
import id.lindungdesa.field.FieldMergeService.Take;
import id.lindungdesa.field.FieldPackageService;
import id.lindungdesa.field.FieldServices;
import id.lindungdesa.field.FieldVisitService;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.TaskExecutor;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The field-visit screen's state and work (issue 15), without any {@code Node}. District side: the officers whose
 * keys are enrolled, the packages issued and their state, the merge wizard (verify and dry run → preview → apply →
 * receipt), the merged returns and the open conflicts, settled with one call. Officer side: the package opened,
 * the local changes not yet returned, the returns written and their receipts. Every service call runs as a
 * background task; the view builds nodes, opens file choosers and binds to the lists and the message.
 */
public final class FieldViewModel {
    /** A package issued, with what the list shows. */
    public record PackageRow(FieldPackage pkg, int records) {
        public String state() {
            return Messages.tr("field.state." + pkg.state().name());
        }
    }

    /** A merged return, as the list shows it. */
    public record MergedRow(long sequence, String officer, int applied, int unchanged, int conflicts,
                            OffsetDateTime mergedAt) {
    }

    /** A return written by the officer, as the list shows it. */
    public record ReturnRow(long sequence, OffsetDateTime createdAt, OffsetDateTime deliveredAt) {
        public String delivered() {
            return deliveredAt == null ? Messages.tr("field.ui.notDelivered")
                    : Messages.tr("field.ui.delivered", Formats.dateTime(deliveredAt, Messages.current()));
        }
    }

    /** The package opened on the officer's side, if any, with the local changes not yet returned. */
    public record OfficerState(boolean opened, long packageSequence, String kecamatan, Map<String, Integer> pending) {
    }

    private final FieldServices field;
    private final TrustService trust;
    private final Supplier<Optional<Office>> office;
    private final TaskExecutor tasks;

    private final ObservableList<TrustedKey> officers = FXCollections.observableArrayList();
    private final ObservableList<PackageRow> packages = FXCollections.observableArrayList();
    private final ObservableList<MergedRow> merged = FXCollections.observableArrayList();
    private final ObservableList<Item> conflicts = FXCollections.observableArrayList();
    private final ObservableList<Item> preview = FXCollections.observableArrayList();
    private final ObservableList<ReturnRow> returns = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper previewSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper officerSummary = new ReadOnlyStringWrapper("");
    private volatile Path pendingMerge;

    public FieldViewModel(FieldServices field, TrustService trust, Supplier<Optional<Office>> office,
                          TaskExecutor tasks) {
        this.field = field;
        this.trust = trust;
        this.office = office;
        this.tasks = tasks;
    }

    public ObservableList<TrustedKey> officers() { return officers; }

    public ObservableList<PackageRow> packages() { return packages; }

    public ObservableList<MergedRow> merged() { return merged; }

    public ObservableList<Item> conflicts() { return conflicts; }

    /** The conflicts the dry run found (waiting for "apply"). */
    public ObservableList<Item> preview() { return preview; }

    public ObservableList<ReturnRow> returns() { return returns; }

    /** The last outcome or refusal, in the user's language. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    public ReadOnlyStringProperty previewSummaryProperty() { return previewSummary.getReadOnlyProperty(); }

    public ReadOnlyStringProperty officerSummaryProperty() { return officerSummary.getReadOnlyProperty(); }

    public OfficeLevel level() {
        return office.get().map(Office::level).orElse(OfficeLevel.DISTRICT);
    }

    /** The return verified and dry-run, waiting for "apply"; null when none. */
    public Path pendingMerge() { return pendingMerge; }

    // ---- loading ----

    private record District(List<TrustedKey> officers, List<PackageRow> packages, List<MergedRow> merged,
                            List<Item> conflicts, Map<java.util.UUID, String> labels) {
    }

    private final Map<java.util.UUID, String> labels = new java.util.concurrent.ConcurrentHashMap<>();

    private record Officer(OfficerState state, List<ReturnRow> returns) {
    }

    /** Loads what the screen shows for this office's level. */
    public void refresh() {
        if (level() == OfficeLevel.SUBDISTRICT) {
            tasks.execute(BackgroundTask.of(Messages.tr("screen.field"), p -> officerState()).onSuccess(o -> {
                returns.setAll(o.returns());
                OfficerState s = o.state();
                officerSummary.set(s.opened() ? Messages.tr("field.ui.openedSummary", s.packageSequence(),
                        s.kecamatan(), s.pending().get("changed"), s.pending().get("added"),
                        s.pending().get("tombstones")) : Messages.tr("field.ui.nothingOpened"));
            }));
        } else {
            tasks.execute(BackgroundTask.of(Messages.tr("screen.field"), p -> districtState()).onSuccess(d -> {
                labels.putAll(d.labels());
                officers.setAll(d.officers());
                packages.setAll(d.packages());
                merged.setAll(d.merged());
                conflicts.setAll(d.conflicts());
            }));
        }
    }

    private District districtState() {
        FieldPackageService ps = field.packages();
        List<TrustedKey> off = trust.list().stream().filter(k -> k.officeLevel() == OfficeLevel.SUBDISTRICT
                && !k.revoked() && !k.pending()).sorted(java.util.Comparator.comparing(TrustedKey::officeCode)
                .thenComparing(TrustedKey::officeName)).toList();
        List<PackageRow> pk = ps.issued().stream().map(p -> new PackageRow(p, ps.recordCount(p.packageId()))).toList();
        List<MergedRow> mr = field.merges().merged().stream().map(r -> new MergedRow(r.sequence(), r.officerName(),
                r.applied(), r.unchanged(), r.conflicts(), r.mergedAt())).toList();
        List<Item> open = field.merges().openConflicts();
        return new District(off, pk, mr, open, field.merges().recordLabels(open));
    }

    private Officer officerState() {
        FieldVisitService v = field.visits();
        var cur = v.current();
        OfficerState s = cur.map(o -> new OfficerState(true, o.sequence(), o.kecamatanCode(), v.pendingCounts()))
                .orElseGet(() -> new OfficerState(false, 0, "", Map.of()));
        List<ReturnRow> rs = v.returns().stream().map(r -> new ReturnRow(r.sequence(), r.createdAt(),
                r.deliveredAt())).toList();
        return new Officer(s, rs);
    }

    private void say(String text) {
        message.set(text);
    }

    private Consumer<Throwable> failed(char[] pass) {
        return e -> {
            if (pass != null) Arrays.fill(pass, '\0');
            say(String.valueOf(e.getMessage()));
        };
    }

    // ---- district ----

    /** Reads an officer's public key file for the clerk to compare its words before enrolling it. */
    public void inspectOfficerKey(Path file, Consumer<PublicKeyFile> ok) {
        tasks.execute(BackgroundTask.of(Messages.tr("field.ui.enrolOfficer"), p -> trust.inspect(file))
                .onSuccess(ok).onFailure(failed(null)));
    }

    /** Enrols the officer's key whose words the clerk compared. */
    public void enrolOfficer(Path file, PublicKeyFile key) {
        tasks.execute(BackgroundTask.of(Messages.tr("field.ui.enrolOfficer"), p -> trust.add(file, key.fingerprint()))
                .onSuccess(t -> {
                    say(Messages.tr("field.ui.officerEnrolled", t.officeName(), t.officeCode()));
                    refresh();
                }).onFailure(failed(null)));
    }

    /** The package of the officer's kecamatan for that officer (the view runs it with progress). */
    public BackgroundTask<FieldPackageService.Result> issuePackage(TrustedKey officer, Path out, char[] pass) {
        return BackgroundTask.of(Messages.tr("field.ui.issue"),
                        p -> field.packages().export(officer.officeCode(), officer.keyId(), out, pass, p))
                .onSuccess(r -> {
                    Arrays.fill(pass, '\0');
                    say(Messages.tr("field.ui.issued", r.manifest().sequence(), r.manifest().kecamatan().code(),
                            r.manifest().kecamatan().name(), r.manifest().recipient().officeName(), r.file()));
                    refresh();
                }).onFailure(failed(pass));
    }

    /** Step 1 of the merge wizard: verify and dry run; on success the file is pending and the preview shows. */
    public BackgroundTask<FieldMergeService.Report> previewMerge(Path file, char[] pass) {
        pendingMerge = null;
        preview.clear();
        previewSummary.set("");
        java.util.concurrent.atomic.AtomicReference<Map<java.util.UUID, String>> labelsOf =
                new java.util.concurrent.atomic.AtomicReference<>(Map.of());
        return BackgroundTask.of(Messages.tr("field.ui.preview"), p -> {
                    FieldMergeService.Report r = field.merges().merge(file, true, pass);
                    labelsOf.set(field.merges().recordLabels(r.conflicts()));
                    return r;
                })
                .onSuccess(r -> {
                    Arrays.fill(pass, '\0');
                    pendingMerge = file;
                    labels.putAll(labelsOf.get());
                    preview.setAll(r.conflicts());
                    previewSummary.set(Messages.tr("field.ui.previewSummary", r.manifest().sequence(), r.officer(),
                            r.applied(), r.unchanged(), r.conflicts().size()));
                    say("");
                }).onFailure(failed(pass));
    }

    /** Step 2: merges the pending return and writes the receipt beside it; null when nothing is pending. */
    public BackgroundTask<FieldMergeService.Report> applyMerge(char[] pass) {
        Path f = pendingMerge;
        if (f == null) return null;
        return BackgroundTask.of(Messages.tr("field.ui.apply"), p -> field.merges().merge(f, false, pass))
                .onSuccess(r -> {
                    Arrays.fill(pass, '\0');
                    pendingMerge = null;
                    preview.clear();
                    previewSummary.set("");
                    String text = Messages.tr("field.ui.merged", r.manifest().sequence(), r.officer(), r.applied(),
                            r.unchanged(), r.conflicts().size());
                    say(r.receipt() == null ? text + " " + Messages.tr("field.ui.noReceiptFile")
                            : text + " " + Messages.tr("field.ui.receiptWritten", r.receipt()));
                    refresh();
                }).onFailure(failed(pass));
    }

    /** Settles one open conflict: the district value, the officer's, or a value typed by hand. */
    public void resolve(Item c, Take take, String value) {
        tasks.execute(BackgroundTask.of(Messages.tr("field.ui.resolve"), p -> field.merges().resolve(c.id(), take,
                value)).onSuccess(r -> {
                    say(Messages.tr("field.ui.resolved", fieldLabel(c), String.valueOf(r.resolvedValue())));
                    refresh();
                }).onFailure(failed(null)));
    }

    /** A conflict's field as the clerk reads it: "birthDate" → "Tanggal lahir". */
    public static String fieldLabel(Item c) {
        return fieldName(c.field());
    }

    /** A record field's name in the user's language ({@code field.f.*}); an unknown one as it is. */
    public static String fieldName(String field) {
        String key = "field.f." + field;
        return Messages.current().has(key) ? Messages.tr(key) : field;
    }

    /** Whose record a conflict is about (the person's name), once loaded. */
    public String recordLabel(Item c) {
        return labels.getOrDefault(c.recordId(), c.entity() + " " + c.recordId().toString().substring(0, 8));
    }

    // ---- officer ----

    /** Step 1 of opening: what the package says, with the district's words to compare. */
    public void peek(Path file, Consumer<FieldVisitService.Peek> ok) {
        tasks.execute(BackgroundTask.of(Messages.tr("field.ui.open"), p -> field.visits().peek(file))
                .onSuccess(ok).onFailure(failed(null)));
    }

    /** Step 2: opens the package (the officer compared the words), pinning the district key on first open. */
    public BackgroundTask<FieldVisitService.Opened> open(Path file, char[] pass) {
        return BackgroundTask.of(Messages.tr("field.ui.open"), p -> field.visits().open(file, null, true, pass))
                .onSuccess(o -> {
                    Arrays.fill(pass, '\0');
                    say(Messages.tr("field.ui.opened", o.manifest().sequence(), o.manifest().kecamatan().code(),
                            o.manifest().kecamatan().name(), o.manifest().issuer().name())
                            + (o.refreshed() ? " " + Messages.tr("cli.field.reapplied", o.reapplied()) : ""));
                    refresh();
                }).onFailure(failed(pass));
    }

    /** Writes the signed return of every local change since the package. */
    public BackgroundTask<FieldVisitService.Written> writeReturn(Path out, char[] pass) {
        return BackgroundTask.of(Messages.tr("field.ui.return"), p -> field.visits().writeReturn(out, pass))
                .onSuccess(w -> {
                    Arrays.fill(pass, '\0');
                    say(Messages.tr(w.repeated() ? "cli.field.returnRepeated" : "cli.field.returned",
                            w.manifest().sequence(), w.file()));
                    refresh();
                }).onFailure(failed(pass));
    }

    /** Imports the district's merge receipt. */
    public void importReceipt(Path file) {
        tasks.execute(BackgroundTask.of(Messages.tr("field.ui.receipt"), p -> field.visits().importReceipt(file))
                .onSuccess(r -> {
                    say(Messages.tr("cli.field.receipt", r.sequence(), r.applied(), r.conflicts()));
                    refresh();
                }).onFailure(failed(null)));
    }

    /** The suggested file name of a return: "kembali-36.04.01-2.ldf". */
    public String returnFileName() {
        long next = returns.stream().mapToLong(ReturnRow::sequence).max().orElse(0) + 1;
        return "kembali-" + office.get().map(Office::regionCode).orElse("") + "-" + next + ".ldf";
    }

    /** The suggested file name of a package: "paket-36.04.01-3.ldf". */
    public String packageFileName(TrustedKey officer) {
        long next = packages.stream().mapToLong(r -> r.pkg().sequence()).max().orElse(0) + 1;
        return "paket-" + officer.officeCode() + "-" + next + ".ldf";
    }
}
