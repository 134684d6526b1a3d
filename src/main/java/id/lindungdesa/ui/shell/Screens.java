package id.lindungdesa.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The screens of the main window, in navigation order. Each feature adds its factory here (one line).
 */
public final class Screens {
    private Screens() {}

    public static List<Function<ScreenContext, Screen>> factories() {
        List<Function<ScreenContext, Screen>> f = new ArrayList<>();
        f.add(id.lindungdesa.ui.home.HomeView::new);
        f.add(id.lindungdesa.ui.roster.RosterView::new);
        f.add(id.lindungdesa.ui.agreements.AgreementsView::new);
        f.add(id.lindungdesa.ui.monev.MonevView::new);
        f.add(id.lindungdesa.ui.report.CoverageReportView::new); // s6: the coverage recapitulation, own entry
        f.add(id.lindungdesa.ui.dashboard.DashboardView::new);
        f.add(id.lindungdesa.ui.budget.BudgetView::new);
        f.add(id.lindungdesa.ui.ledger.LedgerView::new);
        f.add(id.lindungdesa.ui.imports.ImportView::new);
        f.add(id.lindungdesa.ui.bundle.BundleView::new);
        f.add(id.lindungdesa.ui.field.FieldView::new); // issue 15: Kunjungan lapangan
        f.add(id.lindungdesa.ui.province.ProvinceDashboardView::new);
        f.add(id.lindungdesa.ui.settings.SettingsView::new);
        f.add(id.lindungdesa.ui.users.UsersView::new); // issue 17
        return f;
    }
}
