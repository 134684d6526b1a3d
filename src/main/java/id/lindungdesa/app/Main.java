package id.lindungdesa.app;

import id.lindungdesa.cli.Cli;
import id.lindungdesa.ui.DesktopApp;

/**
 * One program, two faces: {@code lindungdesa} opens the desktop; {@code lindungdesa COMMAND} runs the CLI over the
 * same services.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        LogFile.install(id.lindungdesa.service.AppPaths.logFile());
        LogFile.logUncaughtExceptions();
        boolean[] desktop = {false};
        int code = Cli.run(args, (db, lang) -> {
            desktop[0] = true;
            return DesktopApp.launchDesktop(db, lang);
        });
        if (!desktop[0] || code != 0) System.exit(code);
    }
}
