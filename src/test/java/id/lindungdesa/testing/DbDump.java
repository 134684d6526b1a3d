package id.lindungdesa.testing;

import id.lindungdesa.persistence.TableContents;
import id.lindungdesa.wiring.Services;
import java.util.ArrayList;
import java.util.List;

/**
 * Every row of every table as text, the same way on H2 and PostgreSQL (the database "exactly as before"): tables by
 * name, each table's rows rendered canonically ({@link TableContents}) and sorted. Two dumps of one database are
 * equal exactly when no row was added, removed or changed.
 */
public final class DbDump {
    private DbDump() {}

    public static String of(Services s) {
        return s.database().withConnection(c -> {
            StringBuilder out = new StringBuilder();
            for (TableContents.Table t : TableContents.tables(c)) {
                List<String> rows = new ArrayList<>();
                TableContents.rows(c, t, rows::add);
                rows.sort(null);
                out.append("== ").append(t.name()).append(' ').append(t.columns()).append(" (").append(rows.size())
                        .append(" rows)\n");
                for (String r : rows) out.append(r).append('\n');
            }
            return out.toString();
        });
    }
}
