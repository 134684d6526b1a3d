package id.lindungdesa.ui.ledger;

import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.CoverageService;
import id.lindungdesa.service.LedgerService;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.TaskExecutor;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The ledger screen's state and parsing, without any {@code Node}: the months of the chosen year and source, a
 * payment read from the form's text (month "2026-02", amount in rupiah), the lapse threshold and candidates, and the
 * message shown. Reads and writes run as background tasks; tested with {@code SyncTaskExecutor}.
 */
public final class LedgerViewModel {
    private final LedgerService ledger;
    private final CoverageService coverage;
    private final Clock clock;
    private final TaskExecutor tasks;
    private final ObservableList<LedgerService.Month> months = FXCollections.observableArrayList();
    private final ObservableList<LedgerService.LapseCandidate> candidates = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper threshold = new ReadOnlyIntegerWrapper(LedgerService.DEFAULT_LAPSE_MONTHS);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private int shownYear;
    private FundingSource shownSource;

    public LedgerViewModel(LedgerService ledger, CoverageService coverage, Clock clock, TaskExecutor tasks) {
        this.ledger = ledger;
        this.coverage = coverage;
        this.clock = clock;
        this.tasks = tasks;
        this.shownYear = today().getYear();
    }

    public ObservableList<LedgerService.Month> months() { return months; }

    public ObservableList<LedgerService.LapseCandidate> candidates() { return candidates; }

    public ReadOnlyIntegerProperty thresholdProperty() { return threshold.getReadOnlyProperty(); }

    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The month a payment is usually for: last month. */
    public YearMonth defaultPaymentMonth() {
        return YearMonth.from(today()).minusMonths(1);
    }

    /** The office's region code, the default scope of a payment. */
    public String officeRegion() {
        return coverage.officeRegion();
    }

    /** Loads the months of a year ("2026") and source (null: all). */
    public void load(String year, FundingSource source) {
        int y;
        try {
            y = Integer.parseInt(year.strip());
        } catch (NumberFormatException e) {
            message.set(Messages.tr("target.error.year"));
            return;
        }
        shownYear = y;
        shownSource = source;
        reload();
    }

    private void reload() {
        int y = shownYear;
        FundingSource src = shownSource;
        tasks.execute(BackgroundTask.<List<LedgerService.Month>>of(Messages.tr("screen.ledger"),
                        p -> ledger.ledger(y, src))
                .onSuccess(months::setAll)
                .onFailure(e -> message.set(e.getMessage())));
    }

    /** Loads the lapse threshold and the enrolments that would lapse; a failure goes to the default dialog. */
    public void loadCandidates() {
        record Lapses(int threshold, List<LedgerService.LapseCandidate> candidates) {
        }
        tasks.execute(BackgroundTask.of(Messages.tr("ledger.candidates"),
                        p -> new Lapses(ledger.lapseThreshold(), ledger.lapseCandidates()))
                .onSuccess(r -> {
                    threshold.set(r.threshold());
                    candidates.setAll(r.candidates());
                }));
    }

    public void saveThreshold(int months) {
        tasks.execute(BackgroundTask.of(Messages.tr("ledger.threshold"), p -> {
            ledger.setLapseThreshold(months);
            return months;
        }).onSuccess(x -> loadCandidates()).onFailure(err -> message.set(err.getMessage())));
    }

    /** A payment amount as typed ("Rp2.000.000", "2.000.000", "2000000"); empty when it cannot be read. */
    static OptionalLong amount(String text) {
        try {
            return OptionalLong.of(id.lindungdesa.domain.Money.parse(text).rupiah());
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Records a payment read from the form; scope blank: the office's region. Reloads the months and lapses. */
    public void pay(String month, FundingSource source, String scope, String amountText) {
        message.set("");
        YearMonth m = Formats.parseMonth(month).orElse(null);
        if (m == null) {
            message.set(Messages.tr("ledger.error.input"));
            return;
        }
        OptionalLong amount = amount(amountText);
        if (amount.isEmpty()) {
            message.set(Messages.tr("ledger.error.input"));
            return;
        }
        String sc = scope == null || scope.isBlank() ? coverage.officeRegion() : scope.strip();
        long a = amount.getAsLong();
        tasks.execute(BackgroundTask.of(Messages.tr("ledger.record"),
                        p -> ledger.recordPayment(m, source, sc, a, today(), null))
                .onSuccess(p -> {
                    message.set(Messages.tr("ledger.recorded", Formats.month(p.month()), Formats.rupiah(p.amountPaid())));
                    reload();
                    loadCandidates();
                })
                .onFailure(e -> message.set(e.getMessage())));
    }

    /** The enrolments that {@link #applyLapses()} would lapse (the view asks the clerk first). */
    public List<UUID> lapseIds() {
        return candidates.stream().map(LedgerService.LapseCandidate::enrolmentId).toList();
    }

    public void applyLapses() {
        List<UUID> ids = lapseIds();
        if (ids.isEmpty()) return;
        tasks.execute(BackgroundTask.of(Messages.tr("ledger.apply"), p -> ledger.applyLapses(ids))
                .onSuccess(n -> {
                    message.set(Messages.tr("ledger.applied", n));
                    loadCandidates();
                })
                .onFailure(e -> message.set(e.getMessage())));
    }
}
