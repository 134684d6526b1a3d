package id.lindungdesa.ui.report;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Where an export is saved: the system's save dialog, opened in the folder used last time with a suggested name
 * (so a clerk usually only presses Enter). Replaceable in tests, where a robot cannot drive the system's dialog.
 */
public final class SaveDialog {
    /** What the clerk would answer: the chosen file, or empty when the dialog is cancelled. */
    @FunctionalInterface
    public interface Chooser {
        Optional<Path> choose(Window owner, String title, Path folder, String suggestedName);
    }

    private static volatile Chooser chooser = SaveDialog::system;
    private static volatile Path lastFolder;

    private SaveDialog() {}

    /** Asks where to save {@code suggestedName}; remembers the folder for the next export. */
    public static Optional<Path> ask(Window owner, String title, String suggestedName) {
        Path folder = lastFolder != null && Files.isDirectory(lastFolder) ? lastFolder : defaultFolder();
        Optional<Path> f = chooser.choose(owner, title, folder, suggestedName);
        f.map(Path::toAbsolutePath).map(Path::getParent).ifPresent(p -> lastFolder = p);
        return f;
    }

    /** For tests: answer instead of the system's dialog (null: the system's dialog again). */
    public static void setChooser(Chooser c) {
        chooser = c == null ? SaveDialog::system : c;
        lastFolder = null;
    }

    /** The user's Documents folder ("Dokumen" on an Indonesian desktop) when there is one, else the home folder. */
    static Path defaultFolder() {
        Path home = Path.of(System.getProperty("user.home", "."));
        for (String d : new String[] {"Documents", "Dokumen"}) {
            if (Files.isDirectory(home.resolve(d))) return home.resolve(d);
        }
        return home;
    }

    private static Optional<Path> system(Window owner, String title, Path folder, String suggestedName) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        if (folder != null && Files.isDirectory(folder)) fc.setInitialDirectory(folder.toFile());
        fc.setInitialFileName(suggestedName);
        File f = fc.showSaveDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }
}
