package id.lindungdesa.task;

import java.util.concurrent.CancellationException;

/** Handed to long work: report progress, and check for cancellation. */
public interface Progress {
    /** Reports {@code done} of {@code total} units (total &lt;= 0: unknown) with a short message for the user. */
    void update(long done, long total, String message);

    boolean isCancelled();

    /** Throws {@link CancellationException} when the user cancelled; call it between units of work. */
    default void checkCancelled() {
        if (isCancelled()) throw new CancellationException("Dibatalkan / Cancelled");
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
