package id.lindungdesa.ui.shell;

import javafx.scene.Node;

/**
 * One screen of the main window (a package under {@code ui} with its View and ViewModel).
 * {@link #activate()} adds listeners and refreshes; {@link #deactivate()} removes them (no leaks).
 */
public interface Screen {
    /** Stable id used for navigation, e.g. "roster". */
    String id();

    /** Title in the current language (navigation list, window title). */
    String title();

    /** The view, built once. */
    Node view();

    default void activate() {
    }

    default void deactivate() {
    }

    /** Whether an office at {@code level} sees this screen (default: every office). */
    default boolean shownTo(id.lindungdesa.domain.OfficeLevel level) {
        return true;
    }

    /** What this screen carries over when the window is rebuilt (a language switch), or null. */
    default Object keep() {
        return null;
    }

    /** Takes back what {@link #keep()} returned before the rebuild. */
    default void restore(Object kept) {
    }

    /** Opens a specific record (e.g. from the "needs attention" list); default: just show the screen. */
    default void open(Object target) {
    }
}
