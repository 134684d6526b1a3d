package id.lindungdesa.cli;

import id.lindungdesa.i18n.Messages;
import id.lindungdesa.i18n.Text;
import id.lindungdesa.task.Progress;
import java.io.PrintWriter;

/** Progress of long work on stderr, one line per tenth, in the chosen language ("… 40% Menyimpan…"). */
final class CliProgress implements Progress {
    private final PrintWriter err;
    private long last = -1;

    private CliProgress(PrintWriter err) {
        this.err = err;
    }

    static Progress to(PrintWriter err) {
        return new CliProgress(err);
    }

    @Override
    public void update(long done, long total, Text message) {
        update(done, total, message == null ? null : message.in(Messages.current()));
    }

    @Override
    public void update(long done, long total, String message) {
        if (total > 0 && done * 10 / total != last) {
            last = done * 10 / total;
            err.println("… " + Messages.tr("cli.progress", String.valueOf(done * 100 / total),
                    message == null ? "" : message).strip());
            err.flush();
        }
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
