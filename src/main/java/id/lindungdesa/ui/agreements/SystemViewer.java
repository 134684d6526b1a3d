package id.lindungdesa.ui.agreements;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Opens a checked document with the system's viewer. Called from a background task (never on the FX thread):
 * {@link Desktop#open} when the platform supports it, else {@code xdg-open} / {@code open}. Replaceable in tests.
 */
public final class SystemViewer {
    private static volatile Consumer<Path> opener = SystemViewer::openWithSystem;

    private SystemViewer() {}

    public static void open(Path file) {
        opener.accept(file);
    }

    /** For tests: capture what would be opened instead of starting a viewer. */
    public static void setOpener(Consumer<Path> o) {
        opener = o == null ? SystemViewer::openWithSystem : o;
    }

    private static void openWithSystem(Path file) {
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                Desktop.getDesktop().open(file.toFile());
                return;
            }
            String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
            String[] cmd = os.contains("mac") ? new String[] {"open", file.toString()}
                    : os.contains("win") ? new String[] {"cmd", "/c", "start", "", file.toString()}
                    : new String[] {"xdg-open", file.toString()};
            new ProcessBuilder(cmd).inheritIO().start();
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException(id.lindungdesa.i18n.Messages.tr("agreement.ui.noViewer", file), e);
        }
    }
}
