package id.lindungdesa.persistence;

import id.lindungdesa.i18n.Messages;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * What a failed backup read may say: the file, the position and the problem, never the script's content. H2's
 * messages quote the failing statement, which in a backup is decrypted row data (names, NIK, village names); so
 * the text shown and the exception kept for the log are built from the error code and the position alone
 * (decision record 0118).
 */
public final class ScriptErrors {
    /** An exception whose own message holds no data from the script (it may be shown as it is). */
    public interface SafeMessage {
    }

    private ScriptErrors() {}

    /** An exception safe to log: the original's kind, H2 error code and stack trace, without its message. */
    public static final class Redacted extends Exception {
        Redacted(String text, Throwable original) {
            super(text, null, false, true);
            setStackTrace(original.getStackTrace());
        }
    }

    /** "kab-….sql.enc: the script is damaged (H2 42000: a statement cannot be read), at character 57 of a statement". */
    public static String describe(Path file, Throwable e) {
        return file.getFileName() + ": " + problem(e);
    }

    public static Redacted redacted(Throwable e) {
        Throwable root = sqlCause(e);
        String kind = (root != null ? root : e).getClass().getSimpleName();
        return new Redacted(kind + (root instanceof SQLException s ? " (H2 " + s.getErrorCode() + ")" : "")
                + positionText(root), e);
    }

    public static String problem(Throwable e) {
        if (e instanceof SafeMessage && e.getCause() == null) return e.getMessage();
        SQLException s = sqlCause(e);
        if (s == null) {
            return Messages.tr("script.problem.unreadable", e.getClass().getSimpleName());
        }
        int code = s.getErrorCode();
        String what = switch (code) {
            case 90104 -> Messages.tr("script.problem.compressed");
            case 90030 -> Messages.tr("script.problem.file");
            case 90049, 28000 -> Messages.tr("script.problem.key");
            case 90028, 90031 -> Messages.tr("script.problem.read");
            case 42000, 42001, 42101, 42102, 42103, 42104, 42122, 90022, 90023 -> Messages.tr("script.problem.statement");
            default -> code >= 22000 && code < 24000
                    ? Messages.tr("script.problem.value")
                    : Messages.tr("script.problem.run");
        };
        return what + " (H2 " + code + ")" + positionText(s);
    }

    /** The position H2 marks with [*] in the failing statement, as a character offset (no text around it). */
    private static String positionText(Throwable t) {
        if (!(t instanceof SQLException s) || s.getMessage() == null) return "";
        String m = s.getMessage();
        int quote = m.indexOf('"');
        int mark = m.indexOf("[*]");
        if (quote < 0 || mark < quote) return Messages.tr("script.problem.noPosition");
        return Messages.tr("script.problem.position", mark - quote - 1);
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof SQLException s) return s;
        return null;
    }
}
