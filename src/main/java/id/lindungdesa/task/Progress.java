package id.lindungdesa.task;

import id.lindungdesa.i18n.Messages;
import id.lindungdesa.i18n.Text;
import java.util.concurrent.CancellationException;

/** Handed to long work: report progress, and check for cancellation. */
public interface Progress {
    /** Reports {@code done} of {@code total} units (total &lt;= 0: unknown) with a short message for the user. */
    void update(long done, long total, String message);

    /**
     * Reports progress with a message key and arguments (core code uses this, never a sentence of its own); the
     * default renders it in the current language, a caller may override it to render in its own.
     */
    default void update(long done, long total, Text message) {
        update(done, total, message == null ? null : message.toString());
    }

    boolean isCancelled();

    /** Throws {@link CancellationException} when the user cancelled; call it between units of work. */
    default void checkCancelled() {
        if (isCancelled()) throw new CancellationException(Messages.tr("task.cancelled"));
    }

    /** A progress that ignores reports and is never cancelled (CLI, tests). */
    Progress NONE = new Progress() {
        @Override
        public void update(long done, long total, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
