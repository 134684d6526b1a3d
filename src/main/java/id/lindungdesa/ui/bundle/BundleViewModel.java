package id.lindungdesa.ui.bundle;

import id.lindungdesa.bundle.BundleServices;
import id.lindungdesa.bundle.ExportService;
import id.lindungdesa.bundle.ImportReport;
import id.lindungdesa.bundle.Period;
import id.lindungdesa.bundle.PublicKeyFile;
import id.lindungdesa.bundle.ReceiptService;
import id.lindungdesa.domain.Office;
import id.lindungdesa.domain.OfficeKey;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.SentBundle;
import id.lindungdesa.domain.TrustedKey;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.TaskExecutor;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The bundle screen's state and work, without any {@code Node}: the office, its key, the bundles sent, the trust
 * registry, and the import wizard's pending file (verified and dry-run, waiting for "apply"). Every call to the
 * bundle services is here and runs as a background task; the view builds nodes and shows the results.
 * It receives the bundle feature's services and the current office, not the whole registry.
 */
public final class BundleViewModel {
    /** What the screen shows. */
    public record State(Optional<Office> office, Optional<OfficeKey> key, List<SentBundle> sent,
                        List<TrustedKey> trusted) {
        public OfficeLevel level() {
            return office.map(Office::level).orElse(OfficeLevel.DISTRICT);
        }

        /** The suggested file name of the next bundle. */
        public String bundleFileName() {
            return "bundel-" + office.map(Office::regionCode).orElse("") + ".ldb";
        }
    }

    private final BundleServices bundles;
    private final Supplier<Optional<Office>> office;
    private final TaskExecutor tasks;
    private volatile Path pending;

    public BundleViewModel(BundleServices bundles, Supplier<Optional<Office>> office, TaskExecutor tasks) {
        this.bundles = bundles;
        this.office = office;
        this.tasks = tasks;
    }

    /** Loads the state; a failure goes to the default failure dialog. */
    public void refresh(Consumer<State> show) {
        tasks.execute(BackgroundTask.of(Messages.tr("screen.bundle"), p -> state()).onSuccess(show));
    }

    State state() {
        return new State(office.get(), bundles.keys().activeKey(), bundles.export().sent(), bundles.trust().list());
    }

    /** The file verified and dry-run, waiting for "apply"; null when none. */
    public Path pending() {
        return pending;
    }

    public <T> void run(String title, id.lindungdesa.task.Job<T> job, Consumer<T> ok, Consumer<Throwable> failed) {
        tasks.execute(BackgroundTask.of(title, job).onSuccess(ok).onFailure(failed));
    }

    public void exportPublicKey(Path file, Consumer<PublicKeyFile> ok, Consumer<Throwable> failed) {
        run(Messages.tr("bundle.ui.exportPublic"), p -> bundles.keys().exportPublic(file), ok, failed);
    }

    public void createKey(char[] passphrase, Consumer<OfficeKey> ok, Consumer<Throwable> failed) {
        run(Messages.tr("bundle.ui.createKey"), p -> bundles.keys().init(passphrase), ok, failed);
    }

    public void importReceipt(Path file, Consumer<ReceiptService.Delivered> ok, Consumer<Throwable> failed) {
        run(Messages.tr("bundle.ui.importReceipt"), p -> bundles.receipts().importReceipt(file), ok, failed);
    }

    public void revoke(TrustedKey key, Consumer<TrustedKey> ok, Consumer<Throwable> failed) {
        run(Messages.tr("bundle.ui.trustRevoke"), p -> bundles.trust().revoke(key.keyId(), null), ok, failed);
    }

    public void inspect(Path file, Consumer<PublicKeyFile> ok, Consumer<Throwable> failed) {
        run(Messages.tr("bundle.ui.trustAdd"), p -> bundles.trust().inspect(file), ok, failed);
    }

    /** Trusts a key file whose fingerprint the clerk confirmed. */
    public void trust(Path file, PublicKeyFile key, Consumer<TrustedKey> ok, Consumer<Throwable> failed) {
        run(Messages.tr("bundle.ui.trustAdd"), p -> bundles.trust().add(file, key.fingerprint()), ok, failed);
    }

    /** The export for the province (the view runs it with progress in the status bar). */
    public BackgroundTask<ExportService.Result> export(Path file, char[] passphrase) {
        return export(file, passphrase, null);
    }

    /** The export of one period (null: the current quarter). */
    public BackgroundTask<ExportService.Result> export(Path file, char[] passphrase, Period period) {
        return BackgroundTask.of(Messages.tr("bundle.ui.export"),
                p -> bundles.export().export(file, passphrase, period, p));
    }

    /**
     * Opens the office key with the passphrase without exporting anything: the view checks it before it asks where
     * to save, so a wrong passphrase is said at once (not after the file dialog). Fails with the key service's
     * "wrong passphrase" message.
     */
    public BackgroundTask<Integer> checkPassphrase(char[] passphrase) {
        return BackgroundTask.of(Messages.tr("bundle.ui.export"), p -> bundles.export().readyToSign(passphrase));
    }

    /** The periods a bundle can report: the current quarter (the default) and the four before it. */
    public static List<Period> periods(LocalDate today) {
        List<Period> out = new java.util.ArrayList<>();
        Period p = Period.containing(today);
        for (int i = 0; i < 5; i++) {
            out.add(p);
            p = Period.containing(p.from().minusDays(1));
        }
        return out;
    }

    /** A period as the clerk reads it: "2026-Q4 (1 Oktober – 31 Desember 2026)". */
    public static String periodLabel(Period p) {
        return Messages.tr("bundle.s6.period", p.label(), id.lindungdesa.i18n.Formats.date(p.from()),
                id.lindungdesa.i18n.Formats.date(p.to()));
    }

    /** Step 1 of the import wizard: verify and dry run; on success the file is pending. */
    public BackgroundTask<ImportReport> dryRun(Path file) {
        pending = null;
        return BackgroundTask.of(Messages.tr("bundle.ui.import"), p -> {
            ImportReport r = bundles.imports().dryRun(file, p);
            pending = file;
            return r;
        });
    }

    /** Step 2: applies the pending file; null when nothing is pending. */
    public BackgroundTask<ImportReport> applyPending(char[] passphrase) {
        Path f = pending;
        if (f == null) return null;
        return BackgroundTask.of(Messages.tr("bundle.ui.apply"), p -> {
            ImportReport r = bundles.imports().apply(f, passphrase, null, p);
            pending = null;
            return r;
        });
    }

    /** The dry run's heading: district, sequence, period. */
    public static String dryRunTitle(ImportReport r) {
        return Messages.tr("bundle.ui.dryRun", r.districtCode(), r.districtName(), r.sequence(), r.period());
    }
}
