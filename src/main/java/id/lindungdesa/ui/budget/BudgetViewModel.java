package id.lindungdesa.ui.budget;

import id.lindungdesa.domain.BudgetLine;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.CoverageTarget;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Segment;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.report.Exports;
import id.lindungdesa.service.BudgetService;
import id.lindungdesa.service.CoverageService;
import id.lindungdesa.service.TargetService;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.TaskExecutor;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The budget screen's state and parsing, without any {@code Node}: the year, the what-if scenario read from the
 * form's text, the budget lines (current and projected), the totals line, the coverage targets and the error shown.
 * Reads and writes run as background tasks; tested with {@code SyncTaskExecutor}.
 */
public final class BudgetViewModel {
    /** The form as typed (text fields unparsed; choices may be null). */
    public record Form(String year, FundingSource source, Category addCategory, String addHeadcount, String addWage,
                       boolean allEligible, Segment rateSegment, Programme rateProgramme, String ratePercent,
                       LocalDate rateFrom) {
    }

    /** A form that could be read: what the budget is computed (or exported) for. */
    public record Request(int year, FundingSource source, BudgetService.Scenario scenario) {
    }

    private final BudgetService budget;
    private final TargetService targetService;
    private final CoverageService coverage;
    private final Exports exports;
    private final Clock clock;
    private final String actor;
    private final TaskExecutor tasks;
    private final ObservableList<BudgetLine> current = FXCollections.observableArrayList();
    private final ObservableList<BudgetLine> projected = FXCollections.observableArrayList();
    private final ObservableList<CoverageTarget> targets = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public BudgetViewModel(BudgetService budget, TargetService targets, CoverageService coverage, Exports exports,
                           Clock clock, String actor, TaskExecutor tasks) {
        this.budget = budget;
        this.targetService = targets;
        this.coverage = coverage;
        this.exports = exports;
        this.clock = clock;
        this.actor = actor;
        this.tasks = tasks;
    }

    public ObservableList<BudgetLine> current() { return current; }

    public ObservableList<BudgetLine> projected() { return projected; }

    public ObservableList<CoverageTarget> targets() { return targets; }

    public ReadOnlyStringProperty totalsProperty() { return totals.getReadOnlyProperty(); }

    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    public int thisYear() {
        return LocalDate.now(clock).getYear();
    }

    /** Reads the form; empty (with the error set) when a field cannot be read. */
    public Optional<Request> read(Form f) {
        int year;
        try {
            year = Integer.parseInt(f.year().strip());
        } catch (NumberFormatException e) {
            error.set(Messages.tr("target.error.year"));
            return Optional.empty();
        }
        List<BudgetService.Addition> adds = new ArrayList<>();
        List<BudgetService.RateChange> rates = new ArrayList<>();
        try {
            if (f.addCategory() != null) {
                Integer n = blank(f.addHeadcount()) ? null : Integer.valueOf(f.addHeadcount().strip());
                Long w = blank(f.addWage()) ? null : id.lindungdesa.domain.Money.parse(f.addWage()).rupiah();
                adds.add(new BudgetService.Addition(f.addCategory(), n, f.source(), null, w));
            }
            if (f.rateSegment() != null || f.rateProgramme() != null || !blank(f.ratePercent())) {
                rates.add(new BudgetService.RateChange(f.rateSegment(), f.rateProgramme(), null, f.rateFrom(),
                        blank(f.ratePercent()) ? null : percent(f.ratePercent())));
            }
        } catch (id.lindungdesa.domain.Money.NotMoneyException e) {
            error.set(id.lindungdesa.i18n.Formats.moneyError(e));
            return Optional.empty();
        } catch (NumberFormatException e) {
            error.set(Messages.tr("budget.error.number"));
            return Optional.empty();
        }
        return Optional.of(new Request(year, f.source(), new BudgetService.Scenario(adds, f.allEligible(), rates)));
    }

    /** Computes the budget (and the what-if projection) for the form; the tables and totals follow. */
    public void compute(Form f) {
        error.set("");
        Optional<Request> r = read(f);
        if (r.isEmpty()) return;
        Request q = r.get();
        tasks.execute(BackgroundTask.<BudgetService.Result>of(Messages.tr("budget.compute"),
                        p -> budget.budget(q.year(), q.source(), q.scenario()))
                .onSuccess(this::show)
                .onFailure(e -> error.set(e.getMessage())));
    }

    private void show(BudgetService.Result r) {
        current.setAll(r.current().lines());
        projected.setAll(r.projected() == null ? List.of() : r.projected().lines());
        String text = Messages.tr("budget.total", Integer.toString(r.year()), Formats.rupiah(r.current().total()));
        if (r.projected() != null) {
            text += " · " + Messages.tr("budget.whatIfTotal", Formats.rupiah(r.projected().total()),
                    Formats.rupiah(r.difference()));
        }
        totals.set(text);
    }

    /** The export of a read form to {@code file} (the view runs it with progress in the status bar). */
    public BackgroundTask<Path> export(Request q, Path file, boolean asPdf) {
        return BackgroundTask.<Path>of(Messages.tr(asPdf ? "budget.exportPdf" : "budget.exportXlsx"),
                        p -> asPdf ? exports.budgetPdf(file, q.year(), q.source(), q.scenario(), p)
                                : exports.budgetXlsx(file, q.year(), q.source(), q.scenario(), p))
                .onFailure(e -> error.set(e.getMessage()));
    }

    /** Saves a coverage target for the office's region ("60,80" or "60.80" percent), then reloads the targets. */
    public void saveTarget(String year, Category category, String percent) {
        error.set("");
        int y;
        BigDecimal pct;
        try {
            y = Integer.parseInt(year.strip());
            pct = percent(percent);
        } catch (NumberFormatException e) {
            error.set(Messages.tr("budget.error.number"));
            return;
        }
        tasks.execute(BackgroundTask.of(Messages.tr("budget.saveTarget"),
                        p -> targetService.set(coverage.officeRegion(), y, category, pct, actor))
                .onSuccess(t -> loadTargets())
                .onFailure(e -> error.set(e.getMessage())));
    }

    /** Loads the coverage targets; a failure goes to the default failure dialog. */
    public void loadTargets() {
        tasks.execute(BackgroundTask.of(Messages.tr("budget.targets"), p -> targetService.all())
                .onSuccess(targets::setAll));
    }

    private static BigDecimal percent(String text) {
        return new BigDecimal(text.strip().replace(',', '.'));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
