package id.lindungdesa.persistence;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Every table of an office database, read the same way on H2 and on PostgreSQL (issue 16): the table names in lower
 * case, each row rendered canonically (a value's meaning, not the engine's text: an instant for a timestamp with
 * time zone, a plain decimal without trailing zeros, hex for bytes), so that a row reads the same on both engines.
 * {@link #facts} gives per table the row count and an order-independent content hash (the sum of the rows' SHA-256
 * modulo 2<sup>256</sup>): {@code copy-to} compares them between the H2 file and the server copy.
 * Flyway's own history table is left out (each database has its own).
 */
public final class TableContents {
    private TableContents() {}

    /** One table: its lower-case name, columns (lower case, in table order) and their JDBC types. */
    public record Table(String name, List<String> columns, List<Integer> types) {
    }

    /** Per table (lower-case name): rows and content hash. */
    public record Facts(Map<String, Long> counts, Map<String, String> hashes) {
    }

    static boolean isPostgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    static String schema(Connection c) throws SQLException {
        return isPostgres(c) ? "public" : "PUBLIC";
    }

    /** The office's tables, sorted by name (without Flyway's history). */
    public static List<Table> tables(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String schema = schema(c);
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, schema, null, new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) names.add(rs.getString("TABLE_NAME"));
        }
        List<Table> out = new ArrayList<>();
        for (String n : names) {
            String lower = n.toLowerCase(Locale.ROOT);
            if (lower.equals("flyway_schema_history")) continue;
            List<String> cols = new ArrayList<>();
            List<Integer> types = new ArrayList<>();
            try (ResultSet rs = meta.getColumns(null, schema, n, null)) {
                TreeMap<Integer, Object[]> byPos = new TreeMap<>();
                while (rs.next()) {
                    byPos.put(rs.getInt("ORDINAL_POSITION"), new Object[] {
                        rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getInt("DATA_TYPE")});
                }
                for (Object[] col : byPos.values()) {
                    cols.add((String) col[0]);
                    types.add((Integer) col[1]);
                }
            }
            out.add(new Table(lower, List.copyOf(cols), List.copyOf(types)));
        }
        out.sort(java.util.Comparator.comparing(Table::name));
        return out;
    }

    /** Streams the canonical text of every row of {@code table} (in no particular order). */
    public static void rows(Connection c, Table table, Consumer<String> row) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.setFetchSize(1000);
            try (ResultSet rs = st.executeQuery("SELECT " + String.join(", ", table.columns()) + " FROM "
                    + table.name())) {
                StringBuilder b = new StringBuilder();
                int n = table.columns().size();
                while (rs.next()) {
                    b.setLength(0);
                    for (int i = 1; i <= n; i++) {
                        if (i > 1) b.append('\u001f');
                        b.append(value(rs, i));
                    }
                    row.accept(b.toString());
                }
            }
        }
    }

    /** A value as text that does not depend on the engine; SQL NULL is {@code \u2400}. */
    static String value(ResultSet rs, int i) throws SQLException {
        int type = rs.getMetaData().getColumnType(i);
        String typeName = String.valueOf(rs.getMetaData().getColumnTypeName(i)).toLowerCase(Locale.ROOT);
        Object probe;
        switch (type) {
            case Types.TIMESTAMP_WITH_TIMEZONE -> {
                OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                return t == null ? NULL : t.toInstant().toString();
            }
            case Types.TIMESTAMP -> {
                if (typeName.contains("timestamptz")) {
                    OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                    return t == null ? NULL : t.toInstant().toString();
                }
                LocalDateTime t = rs.getObject(i, LocalDateTime.class);
                return t == null ? NULL : t.toString();
            }
            case Types.DATE -> {
                LocalDate d = rs.getObject(i, LocalDate.class);
                return d == null ? NULL : d.toString();
            }
            case Types.NUMERIC, Types.DECIMAL -> {
                java.math.BigDecimal d = rs.getBigDecimal(i);
                return d == null ? NULL : d.stripTrailingZeros().toPlainString();
            }
            case Types.BOOLEAN, Types.BIT -> {
                boolean v = rs.getBoolean(i);
                return rs.wasNull() ? NULL : String.valueOf(v);
            }
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
                long v = rs.getLong(i);
                return rs.wasNull() ? NULL : String.valueOf(v);
            }
            case Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> {
                if (typeName.equals("uuid")) {
                    probe = rs.getObject(i);
                    return probe == null ? NULL : probe.toString();
                }
                byte[] bytes = rs.getBytes(i);
                return bytes == null ? NULL : HexFormat.of().formatHex(bytes);
            }
            default -> {
                if (typeName.equals("bytea") || typeName.equals("blob")) {
                    byte[] bytes = rs.getBytes(i);
                    return bytes == null ? NULL : HexFormat.of().formatHex(bytes);
                }
                String s = rs.getString(i);
                return s == null ? NULL : s;
            }
        }
    }

    static final String NULL = "\u2400";

    /** Row count and content hash of every table. */
    public static Facts facts(Connection c) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        BigInteger mod = BigInteger.ONE.shiftLeft(256);
        for (Table t : tables(c)) {
            long[] n = {0};
            BigInteger[] sum = {BigInteger.ZERO};
            MessageDigest md = sha256();
            rows(c, t, r -> {
                n[0]++;
                sum[0] = sum[0].add(new BigInteger(1, md.digest(r.getBytes(StandardCharsets.UTF_8))));
            });
            counts.put(t.name(), n[0]);
            hashes.put(t.name(), String.format("%064x", sum[0].mod(mod)));
        }
        return new Facts(counts, hashes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
