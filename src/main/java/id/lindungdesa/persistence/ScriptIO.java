package id.lindungdesa.persistence;

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
 * Features (backup, security) reach it through {@link Session}s ({@link #on}, {@link #inScratch},
 * {@link #intoNewFile}) and never touch {@code java.sql} themselves.
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
        return id.lindungdesa.persistence.FileHashes.sha256(file);
    }

    /**
     * Row counts and content hash, read table by table in primary-key order with H2's lazy query execution: rows
     * stream from the index, so memory does not grow with the table.
     */
    public static Facts facts(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET LAZY_QUERY_EXECUTION TRUE");
        }
        try {
            return factsOf(c);
        } finally {
            try (Statement st = c.createStatement()) {
                st.execute("SET LAZY_QUERY_EXECUTION FALSE");
            }
        }
    }

    private static Facts factsOf(Connection c) throws SQLException {
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
            throw new DatabaseException(e.getMessage(), e);
        }
        return new Summary(name, code, version);
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** Work on a {@link Session}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Session session) throws IOException;
    }

    /**
     * One connection, seen only through what backups need. SQL failures become {@link DatabaseException}s with
     * H2's message.
     */
    public static final class Session {
        private final Connection c;

        Session(Connection c) {
            this.c = c;
        }

        public void scriptTo(Path file, String cipherPassword) {
            sql(() -> ScriptIO.scriptTo(c, file, cipherPassword));
        }

        public void runScript(Path file, String cipherPassword) {
            sql(() -> ScriptIO.runScript(c, file, cipherPassword));
        }

        public Facts facts() {
            try {
                return ScriptIO.facts(c);
            } catch (SQLException e) {
                throw new DatabaseException(e.getMessage(), e);
            }
        }

        public Summary summary() {
            return ScriptIO.summary(c);
        }

        private interface SqlRun {
            void run() throws SQLException;
        }

        private static void sql(SqlRun r) {
            try {
                r.run();
            } catch (SQLException e) {
                throw new DatabaseException(e.getMessage(), e);
            }
        }
    }

    /** Runs {@code work} on the open database, holding its write lock (see {@link Database#withConnection}). */
    public static <T> T on(Database db, Work<T> work) {
        return db.withConnection(c -> work.run(new Session(c)));
    }

    /**
     * Runs {@code work} on a fresh scratch database FILE in {@code folder} (verifying a backup), encrypted with
     * {@code filePassword} when given (a decrypted copy never reaches the disk), with a small page cache, and
     * deleted afterwards whatever happens. Memory does not grow with the backup: rows go to the file, not the heap
     * (decision 0130; it used to be an in-memory database, which held the whole store).
     */
    public static <T> T inScratch(Path folder, String filePassword, Work<T> work) throws IOException {
        java.nio.file.Files.createDirectories(folder);
        Path base = folder.resolve(".verify-" + java.util.UUID.randomUUID());
        try {
            try (Connection s = java.sql.DriverManager.getConnection(Database.jdbcUrl(base, filePassword)
                    + ";CACHE_SIZE=4096", "lindungdesa", Database.jdbcPassword(filePassword))) {
                return work.run(new Session(s));
            } catch (SQLException e) {
                throw new DatabaseException(e.getMessage(), e);
            }
        } finally {
            for (String suffix : List.of(".mv.db", ".trace.db", ".lock.db", ".tempFile")) {
                java.nio.file.Files.deleteIfExists(Path.of(base + suffix));
            }
        }
    }

    /**
     * Runs {@code work} on a database file that is not open in this program ({@code base}, created when missing,
     * encrypted with {@code filePassword} when given), then shuts it down cleanly (restore, encryption).
     */
    public static <T> T intoNewFile(Path base, String filePassword, Work<T> work) throws IOException {
        try (Connection c = Database.connect(base, filePassword); Statement st = c.createStatement()) {
            T result = work.run(new Session(c));
            st.execute("SHUTDOWN");
            return result;
        } catch (SQLException e) {
            throw new DatabaseException(e.getMessage(), e);
        }
    }
}
