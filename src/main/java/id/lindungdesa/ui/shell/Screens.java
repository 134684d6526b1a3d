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
        f.add(id.lindungdesa.ui.home.HomeScreen::new);
        f.add(id.lindungdesa.ui.roster.RosterScreen::new);
        f.add(id.lindungdesa.ui.agreements.AgreementsScreen::new);
        f.add(id.lindungdesa.ui.monev.MonevScreen::new);
        f.add(id.lindungdesa.ui.dashboard.DashboardScreen::new);
        f.add(id.lindungdesa.ui.budget.BudgetScreen::new);
        f.add(id.lindungdesa.ui.ledger.LedgerScreen::new);
        f.add(id.lindungdesa.ui.imports.ImportScreen::new);
        f.add(id.lindungdesa.ui.bundle.BundleScreen::new);
        f.add(id.lindungdesa.ui.province.ProvinceDashboardScreen::new);
        f.add(id.lindungdesa.ui.settings.SettingsScreen::new);
        return f;
    }
}
