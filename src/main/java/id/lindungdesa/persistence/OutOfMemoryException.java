package id.lindungdesa.persistence;

import id.lindungdesa.i18n.Text;
import java.sql.SQLException;

/**
 * The program ran out of memory (Java heap) while working on the database: said as such, never as "storage full"
 * (decision 0130). The transaction was rolled back; nothing half-written is left behind.
 */
public final class OutOfMemoryException extends DatabaseException {
    /** H2 error code: out of memory. */
    static final int H2_OUT_OF_MEMORY = 90108;

    public OutOfMemoryException(Throwable cause) {
        super(Text.of("database.error.memory", Runtime.getRuntime().maxMemory() / (1024 * 1024)), cause);
    }

    /** True when {@code e} or one of its causes is an {@link OutOfMemoryError} or H2's "out of memory". */
    public static boolean isMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError || t instanceof OutOfMemoryException) return true;
            if (t instanceof SQLException s && s.getErrorCode() == H2_OUT_OF_MEMORY) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }
}
