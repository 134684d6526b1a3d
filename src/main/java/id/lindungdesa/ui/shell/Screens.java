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
        f.add(id.lindungdesa.ui.roster.RosterScreen::new);
        f.add(id.lindungdesa.ui.settings.SettingsScreen::new);
        return f;
    }
}
