package id.lindungdesa.persistence;

import id.lindungdesa.i18n.Text;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Copies every table of an embedded H2 store into a PostgreSQL database just migrated to the same schema (issue 16,
 * {@code copy-to}). In ONE transaction on the server: the rows the migrations seeded are removed, every table's
 * rows are copied (tables referenced by foreign keys first), identity columns continue after the copied numbers,
 * and each table's row count and content hash ({@link TableContents}) are compared with the H2 file's before the
 * commit; any difference rolls everything back. The H2 file is only read, under its write lock.
 */
public final class StoreCopy {
    private static final int BATCH = 1000;

    private StoreCopy() {}

    /** What was copied: per table the rows and the content hash both sides agree on. */
    public record Report(Map<String, Long> counts, Map<String, String> hashes) {
        public long rows() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * True when the server database is empty enough to receive a copy: no tables at all, or LindungDesa's tables
     * with no office set up and no people (a database that was only migrated).
     */
    public static boolean isEmpty(ServerAddress server) {
        var source = new org.postgresql.ds.PGSimpleDataSource();
        source.setUrl(server.jdbcUrl());
        source.setUser(server.user());
        if (server.password() != null) source.setPassword(server.password());
        source.setConnectTimeout(10);
        try (Connection c = source.getConnection()) {
            Set<String> tables = new HashSet<>();
            for (TableContents.Table t : TableContents.tables(c)) tables.add(t.name());
            if (tables.isEmpty()) return true;
            if (!tables.contains("office")) return false; // another program's tables
            try (Statement st = c.createStatement()) {
                for (String t : List.of("office", "person", "prov_person", "audit_entry")) {
                    if (!tables.contains(t)) continue;
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + t)) {
                        rs.next();
                        if (rs.getLong(1) > 0) return false;
                    }
                }
            }
            return true;
        } catch (SQLException e) {
            throw Database.serverFailure(server, e);
        }
    }

    /** Copies {@code from} (an H2 file) into {@code to} (a server database, migrated, empty). */
    public static Report copy(Database from, Database to) {
        if (from.onServer() || !to.onServer()) throw new IllegalArgumentException("copy from H2 to a server only");
        return from.withConnection(src -> to.withConnection(dst -> {
            boolean auto = dst.getAutoCommit();
            dst.setAutoCommit(false);
            try {
                Report r = copy(src, dst);
                dst.commit();
                return r;
            } catch (Exception e) {
                dst.rollback();
                throw e;
            } finally {
                dst.setAutoCommit(auto);
            }
        }));
    }

    private static Report copy(Connection src, Connection dst) throws SQLException {
        Map<String, TableContents.Table> source = new LinkedHashMap<>();
        for (TableContents.Table t : TableContents.tables(src)) source.put(t.name(), t);
        List<TableContents.Table> target = TableContents.tables(dst);
        Set<String> targetNames = new HashSet<>();
        for (TableContents.Table t : target) targetNames.add(t.name());
        if (!targetNames.equals(source.keySet())) {
            Set<String> onlySource = new HashSet<>(source.keySet());
            onlySource.removeAll(targetNames);
            Set<String> onlyTarget = new HashSet<>(targetNames);
            onlyTarget.removeAll(source.keySet());
            throw new DatabaseException(Text.of("copy.error.schema", onlySource, onlyTarget), null);
        }
        List<String> order = referencedFirst(dst, target);
        try (Statement st = dst.createStatement()) {
            for (int i = order.size() - 1; i >= 0; i--) st.executeUpdate("DELETE FROM " + order.get(i));
        }
        for (String name : order) copyTable(src, dst, source.get(name));
        continueIdentities(dst);
        TableContents.Facts a = TableContents.facts(src);
        TableContents.Facts b = TableContents.facts(dst);
        List<String> differ = new ArrayList<>();
        for (String t : a.counts().keySet()) {
            if (!a.counts().get(t).equals(b.counts().get(t)) || !a.hashes().get(t).equals(b.hashes().get(t))) {
                differ.add(t + " (" + a.counts().get(t) + " / " + b.counts().get(t) + ")");
            }
        }
        if (!differ.isEmpty()) throw new DatabaseException(Text.of("copy.error.differs", differ), null);
        return new Report(a.counts(), a.hashes());
    }

    private static void copyTable(Connection src, Connection dst, TableContents.Table t) throws SQLException {
        String cols = String.join(", ", t.columns());
        String marks = String.join(", ", java.util.Collections.nCopies(t.columns().size(), "?"));
        try (Statement read = src.createStatement();
             PreparedStatement write = dst.prepareStatement("INSERT INTO " + t.name() + " (" + cols + ") VALUES ("
                     + marks + ")")) {
            read.setFetchSize(BATCH);
            try (ResultSet rs = read.executeQuery("SELECT " + cols + " FROM " + t.name())) {
                int n = 0;
                while (rs.next()) {
                    for (int i = 1; i <= t.columns().size(); i++) bind(rs, write, i, t.types().get(i - 1));
                    write.addBatch();
                    if (++n % BATCH == 0) write.executeBatch();
                }
                if (n % BATCH != 0) write.executeBatch();
            }
        }
    }

    /** One value, read from H2 as what it means and bound for PostgreSQL. */
    private static void bind(ResultSet rs, PreparedStatement ps, int i, int type) throws SQLException {
        Object v = switch (type) {
            case Types.TIMESTAMP_WITH_TIMEZONE -> rs.getObject(i, OffsetDateTime.class);
            case Types.TIMESTAMP -> rs.getObject(i, LocalDateTime.class);
            case Types.DATE -> rs.getObject(i, LocalDate.class);
            case Types.CLOB, Types.NCLOB, Types.LONGVARCHAR, Types.VARCHAR, Types.CHAR -> rs.getString(i);
            case Types.BLOB, Types.VARBINARY, Types.LONGVARBINARY -> rs.getBytes(i);
            default -> rs.getObject(i);
        };
        if (v == null) {
            ps.setNull(i, Types.NULL);
        } else if (v instanceof byte[] bytes) {
            ps.setBytes(i, bytes);
        } else {
            ps.setObject(i, v);
        }
    }

    /** Tables in an order where every table comes after the tables its foreign keys reference. */
    private static List<String> referencedFirst(Connection c, List<TableContents.Table> tables) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String schema = TableContents.schema(c);
        Map<String, Set<String>> needs = new HashMap<>();
        for (TableContents.Table t : tables) {
            Set<String> refs = new HashSet<>();
            try (ResultSet rs = meta.getImportedKeys(null, schema, t.name())) {
                while (rs.next()) {
                    String ref = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!ref.equals(t.name())) refs.add(ref);
                }
            }
            needs.put(t.name(), refs);
        }
        List<String> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (out.size() < tables.size()) {
            boolean moved = false;
            for (TableContents.Table t : tables) {
                if (!done.contains(t.name()) && done.containsAll(needs.get(t.name()))) {
                    out.add(t.name());
                    done.add(t.name());
                    moved = true;
                }
            }
            if (!moved) throw new IllegalStateException("foreign keys form a cycle: " + needs);
        }
        return out;
    }

    /** Identity columns go on after the largest copied value (PostgreSQL keeps its own counter). */
    private static void continueIdentities(Connection c) throws SQLException {
        List<String[]> identities = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT table_name, column_name FROM"
                + " information_schema.columns WHERE table_schema = 'public' AND is_identity = 'YES'")) {
            while (rs.next()) identities.add(new String[] {rs.getString(1), rs.getString(2)});
        }
        for (String[] id : identities) {
            try (Statement st = c.createStatement()) {
                st.execute("SELECT setval(pg_get_serial_sequence('" + id[0] + "', '" + id[1] + "'), COALESCE((SELECT"
                        + " MAX(" + id[1] + ") FROM " + id[0] + "), 0) + 1, false)");
            }
        }
    }
}
