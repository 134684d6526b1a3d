package id.lindungdesa.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The H2 side of backups, over plain JDBC: {@code SCRIPT TO … COMPRESSION GZIP [CIPHER AES]} (a compressed SQL
 * script any later H2 can read), {@code RUNSCRIPT FROM …}, row counts and a content hash of every table.
 */
public final class ScriptIO {
    private ScriptIO() {}

    /** Row counts and a SHA-256 over every row of every table (ordered by primary key). */
    public record Facts(Map<String, Long> counts, String contentHash) {
    }

    /** The office a database belongs to, and its schema version. */
    public record Summary(String officeName, String officeCode, String schemaVersion) {
    }

    public static void scriptTo(Connection c, Path file, String cipherPassword) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SCRIPT TO " + literal(file.toAbsolutePath().toString()) + compression(cipherPassword)
                    + cipher(cipherPassword));
        }
    }

    public static void runScript(Connection c, Path file, String cipherPassword) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("RUNSCRIPT FROM " + literal(file.toAbsolutePath().toString()) + compression(cipherPassword)
                    + cipher(cipherPassword));
        }
    }

    /** GZIP for plain scripts; H2's encrypted script file supports DEFLATE (compressed, then encrypted). */
    private static String compression(String pw) {
        return pw == null ? " COMPRESSION GZIP" : " COMPRESSION DEFLATE";
    }

    private static String cipher(String pw) {
        return pw == null ? "" : " CIPHER AES PASSWORD " + literal(pw);
    }

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** True when the file is a plain gzip stream (an unencrypted backup). */
    public static boolean isPlainGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Facts facts(Connection c) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        DatabaseMetaData meta = c.getMetaData();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, "PUBLIC", null, new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) tables.add(rs.getString("TABLE_NAME"));
        }
        tables.sort(null);
        for (String t : tables) {
            List<String> pk = new ArrayList<>();
            try (ResultSet rs = meta.getPrimaryKeys(null, "PUBLIC", t)) {
                TreeMap<Integer, String> cols = new TreeMap<>();
                while (rs.next()) cols.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                pk.addAll(cols.values());
            }
            List<String> orderable = new ArrayList<>();
            try (ResultSet rs = meta.getColumns(null, "PUBLIC", t, null)) {
                while (rs.next()) {
                    int type = rs.getInt("DATA_TYPE");
                    if (type != Types.CLOB && type != Types.BLOB && type != Types.NCLOB && type != Types.OTHER
                            && type != Types.ARRAY && type != Types.JAVA_OBJECT) {
                        orderable.add(rs.getString("COLUMN_NAME"));
                    }
                }
            }
            List<String> order = pk.isEmpty() ? orderable : pk;
            String sql = "SELECT * FROM " + quote(t) + (order.isEmpty() ? ""
                    : " ORDER BY " + String.join(", ", order.stream().map(ScriptIO::quote).toList()));
            md.update(("\u001eT:" + t + "\n").getBytes(StandardCharsets.UTF_8));
            long n = 0;
            try (Statement st = c.createStatement()) {
                st.setFetchSize(1000);
                try (ResultSet rs = st.executeQuery(sql)) {
                    int cols = rs.getMetaData().getColumnCount();
                    StringBuilder row = new StringBuilder();
                    while (rs.next()) {
                        row.setLength(0);
                        for (int i = 1; i <= cols; i++) {
                            String v = rs.getString(i);
                            row.append(v == null ? "\u0000" : v).append('\u001f');
                        }
                        row.append('\n');
                        md.update(row.toString().getBytes(StandardCharsets.UTF_8));
                        n++;
                    }
                }
            }
            counts.put(t, n);
        }
        return new Facts(counts, HexFormat.of().formatHex(md.digest()));
    }

    public static Summary summary(Connection c) {
        String name = null;
        String code = null;
        String version = null;
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT NAME, REGION_CODE FROM OFFICE")) {
                if (rs.next()) {
                    name = rs.getString(1);
                    code = rs.getString(2);
                }
            } catch (SQLException ignored) {
                // no office table yet
            }
            try (ResultSet rs = st.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\""
                    + " AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC LIMIT 1")) {
                if (rs.next()) version = rs.getString(1);
            } catch (SQLException ignored) {
                // not a Flyway database
            }
        } catch (SQLException e) {
            throw new BackupException(e, "backup.error.io", e.getMessage());
        }
        return new Summary(name, code, version);
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
