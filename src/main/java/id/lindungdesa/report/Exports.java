package id.lindungdesa.report;

import id.lindungdesa.persistence.DurableFiles;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.RosterRow;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.BudgetService;
import id.lindungdesa.service.CoverageService;
import id.lindungdesa.service.RosterReadModel;
import id.lindungdesa.service.CoreServices;
import id.lindungdesa.task.Progress;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The exports as jobs (desktop and CLI): read, write to a temporary file beside the target, then move it into
 * place, so a cancelled or failed export leaves no half-written file.
 */
public final class Exports {
    private final CoreServices services;

    public Exports(CoreServices services) {
        this.services = services;
    }

    @FunctionalInterface
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    static Path atomically(Path target, Progress progress, Writer w) {
        try (DurableFiles.Pending pending = DurableFiles.begin(target)) {
            try (OutputStream out = pending.out()) {
                w.write(out);
            }
            progress.checkCancelled();
            pending.commit(); // fsync, atomic move, fsync of the folder
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Issue 18: "Data acuan provinsi kedaluwarsa sejak dd-MM-yyyy, minta paket baru", always in Indonesian. */
    private String referenceNote(LocalDate on) {
        return services.referencePackExpiredOn(on).map(d -> new Messages(Messages.INDONESIAN).get("refpack.expired",
                d.format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")))).orElse(null);
    }

    private String officeName() {
        return services.currentOffice().map(o -> o.name()).orElse("LindungDesa");
    }

    public Path rosterXlsx(Path file, LocalDate on, Progress progress) {
        progress.update(0, -1, Messages.tr("report.progress.reading"));
        List<RosterRow> rows = RosterReadModel.rows(services.roster().snapshot(services.coverage().officeRegion(), on),
                false);
        return atomically(file, progress, out -> XlsxReports.indonesian().roster(out,
                officeName() + " — " + id.lindungdesa.i18n.Formats.date(on, new Messages(Messages.INDONESIAN)),
                rows, progress));
    }

    public Path bpjsXlsx(Path file, LocalDate on, boolean includeActive, Progress progress) {
        progress.update(0, -1, Messages.tr("report.progress.reading"));
        var rows = ReportData.bpjsList(services, on, includeActive);
        return atomically(file, progress, out -> XlsxReports.indonesian().bpjsList(out, officeName(), rows, progress));
    }

    public Path coverageXlsx(Path file, LocalDate on, Progress progress) {
        progress.update(0, -1, Messages.tr("report.progress.reading"));
        CoverageService.Overview o = services.coverage().overview(on, 24);
        String note = referenceNote(on);
        return atomically(file, progress, out -> XlsxReports.indonesian().coverage(out, officeName(), o.report(),
                o.trend(), note, progress));
    }

    public Path budgetXlsx(Path file, int year, FundingSource source, BudgetService.Scenario scenario,
                           Progress progress) {
        progress.update(0, -1, Messages.tr("report.progress.reading"));
        BudgetService.Result b = services.budget().budget(year, source, scenario);
        return atomically(file, progress, out -> XlsxReports.indonesian().budget(out, officeName(), b));
    }

    /**
     * The monev recapitulation (coverage, trend and the year's budget) as PDF. For the current year the budget
     * appendix shows the whole year's amount with what the ledger records as paid and what remains.
     */
    public Path monevPdf(Path file, LocalDate on, Progress progress) {
        progress.update(0, -1, Messages.tr("report.progress.reading"));
        CoverageService.Overview o = services.coverage().overview(on, 24);
        progress.checkCancelled();
        BudgetService.Result b = services.budget().budget(on.getYear(), null, BudgetService.Scenario.NONE);
        MonevPdf.Paid paid = null;
        LocalDate today = services.roster().today();
        if (on.getYear() == today.getYear()) {
            b = services.budget().wholeYear(b, on);
            paid = new MonevPdf.Paid(ReportData.paid(services.ledger().payments(), on.getYear(), null), today);
        }
        progress.checkCancelled();
        var office = services.currentOffice().orElse(null);
        BudgetService.Result budget = b;
        MonevPdf.Paid ledger = paid;
        String note = referenceNote(on);
        return atomically(file, progress, out -> MonevPdf.indonesian().withNote(note).write(out, office,
                services.actor(), on, o.report(), o.trend(), budget, ledger, progress));
    }

    /**
     * The budget alone as PDF, titled as a budget. For the current year without a what-if: the whole year's
     * amount for everyone insured today, with paid and remaining from the ledger.
     */
    public Path budgetPdf(Path file, int year, FundingSource source, BudgetService.Scenario scenario,
                          Progress progress) {
        progress.update(0, -1, Messages.tr("report.progress.reading"));
        LocalDate today = services.roster().today();
        BudgetService.Result b = services.budget().budget(year, source, scenario);
        MonevPdf.Paid paid = null;
        if (year == today.getYear() && (scenario == null || scenario.isNone())) {
            b = services.budget().wholeYear(b, today);
            paid = new MonevPdf.Paid(ReportData.paid(services.ledger().payments(), year, source), today);
        }
        progress.checkCancelled();
        var office = services.currentOffice().orElse(null);
        BudgetService.Result budget = b;
        MonevPdf.Paid ledger = paid;
        return atomically(file, progress, out -> MonevPdf.indonesian().writeBudget(out, office, services.actor(),
                today, budget, ledger, progress));
    }
}
