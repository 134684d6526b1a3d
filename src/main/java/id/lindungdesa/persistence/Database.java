package id.lindungdesa.persistence;

import id.lindungdesa.i18n.Text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 database of one office: opened (and migrated by Flyway) once, shared by all services.
 *
 * <p>Writes are serialised by one lock (a desk has one writer at a time) and made durable with
 * {@code CHECKPOINT SYNC} before {@link #write} returns, so success shown to a user survives a power cut.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    /** H2 error code: "Database may be already in use". */
    private static final int H2_LOCKED = 90020;
    /** H2 error code: "Database is already closed" (expected when SHUTDOWN closes the session). */
    private static final int H2_CLOSED = 90121;

    /** H2 error codes that mean "the storage refused the write" (I/O error, read-only, closed after a failure). */
    private static final java.util.Set<Integer> H2_STORAGE = java.util.Set.of(90028, 90031, 90097, 90098, 90121,
            50000);
    /** H2 error code: wrong file password / not an encrypted file. */
    private static final int H2_ENCRYPTION = 90049;
    /** H2 error code: wrong user name or password. */
    private static final int H2_WRONG_PASSWORD = 28000;

    private final Path file;
    private final Path ownerFile;
    private volatile JdbcConnectionPool pool;
    private volatile DSLContext dsl;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile boolean closed;
    private final java.util.List<Runnable> replacedListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    private volatile String url;
    /** Issue 16: the PostgreSQL server database, or null for the embedded H2 file. */
    private final ServerAddress server;
    private final javax.sql.DataSource serverSource;
    private final String user;
    private volatile String password;
    private volatile Options options;

    private Database(Path file, JdbcConnectionPool pool, Path ownerFile, String url, String user, String password,
                     Options options) {
        this.url = url;
        this.server = null;
        this.serverSource = null;
        this.user = user;
        this.password = password;
        this.file = file;
        this.pool = pool;
        this.ownerFile = ownerFile;
        this.options = options;
        this.dsl = DSL.using(pool, SQLDialect.H2);
    }

    /** On a server: where this desk keeps its own files beside it (keys, receipts, viewing folder). */
    private Path localBase;

    private Database(ServerAddress server, javax.sql.DataSource source, Path localBase, Options options) {
        this.localBase = localBase;
        this.server = server;
        this.serverSource = source;
        this.url = server.jdbcUrl();
        this.user = server.user();
        this.password = null;
        this.file = null;
        this.pool = null;
        this.ownerFile = null;
        this.options = options;
        // jOOQ's generated names are upper case; unquoted, PostgreSQL folds them to the lower-case tables
        this.dsl = DSL.using(source, SQLDialect.POSTGRES, new org.jooq.conf.Settings()
                .withRenderQuotedNames(org.jooq.conf.RenderQuotedNames.NEVER));
    }

    /** PostgreSQL SQLSTATEs of a failed connection (decision 0190). */
    private static final String PG_WRONG_PASSWORD = "28P01";
    private static final String PG_AUTH = "28000";
    private static final String PG_UNKNOWN_DATABASE = "3D000";

    /**
     * Opens (migrating with Flyway) a PostgreSQL database on a server (issue 16). No file lock, no owner file and
     * no {@code CHECKPOINT SYNC}: the server serialises and makes commits durable. A refused connection, a wrong
     * password, an unknown database or a schema newer than this program throw a {@link DatabaseException} with a
     * clear message (exit code 3 on the command line); the password never appears in it.
     */
    public static Database openServer(ServerAddress server, Path localBase, Options options) {
        var source = new org.postgresql.ds.PGSimpleDataSource();
        source.setUrl(server.jdbcUrl());
        source.setUser(server.user());
        if (server.password() != null) source.setPassword(server.password());
        source.setApplicationName("LindungDesa " + options.program());
        source.setCurrentSchema(SERVER_SEARCH_PATH);
        source.setConnectTimeout(10);
        // plain-SQL binds (jOOQ sends OffsetDateTime and UUID as text there) are typed by the server from the
        // column, as H2 does (decision 0190)
        source.setStringType("unspecified");
        try (var c = source.getConnection()) {
            prepareServerSchema(c);
        } catch (SQLException e) {
            throw serverFailure(server, e);
        }
        try {
            // a migration applied by a newer program is refused, not ignored ("*:future" is Flyway's default)
            Flyway.configure().dataSource(source).locations("classpath:db/migration")
                    .ignoreMigrationPatterns(new String[0]).load().migrate();
        } catch (Exception e) {
            throw new DatabaseException(Text.of("database.error.migrate", server.display(), e.getMessage()), e);
        }
        try {
            if (localBase.getParent() != null) Files.createDirectories(localBase.getParent());
        } catch (IOException e) {
            throw new DatabaseException(Text.of("database.error.folder", localBase.getParent(), e.getMessage()), e);
        }
        checkOffice(source, server, localBase);
        return new Database(server, pool(server, source, options), localBase, options);
    }

    /**
     * A server database belongs to one office. The first time this desk opens it with an office set up, the
     * office's region code and level are written beside this desk's own files for it ({@code <localBase>.office});
     * from then on a database at that address holding another office (another code or level: someone pointed the
     * address at another office's store, or it was re-created for another office) is refused, exit code 3, before
     * anything is read or written with this desk's keys (issue 16).
     */
    static void checkOffice(javax.sql.DataSource source, ServerAddress server, Path localBase) {
        String code;
        String level;
        String name;
        try (var c = source.getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT region_code, level, name FROM office")) {
            if (!rs.next()) return; // not set up yet: office init will
            code = rs.getString(1);
            level = rs.getString(2);
            name = rs.getString(3);
        } catch (SQLException e) {
            throw serverFailure(server, e);
        }
        Path marker = Path.of(localBase + ".office");
        String here = code + " " + level;
        try {
            if (Files.isRegularFile(marker)) {
                String expected = Files.readString(marker, StandardCharsets.UTF_8).lines().findFirst().orElse("")
                        .strip();
                if (!expected.equals(here)) {
                    throw new DatabaseException(Text.of("database.server.otherOffice", server.display(), name, code,
                            level, expected, marker), null);
                }
            } else {
                DurableFiles.writeString(marker, here + "\n" + name + "\n");
            }
        } catch (IOException e) {
            throw new DatabaseException(Text.of("database.error.folder", marker.getParent(), e.getMessage()), e);
        }
    }

    /** Connections a desk keeps open to its server at most (decision 0191). */
    static final int SERVER_POOL_SIZE = 6;

    /**
     * The pool of a server database (HikariCP, decision 0191): connections are kept and re-used instead of one new
     * log-in per statement; a connection the server dropped is noticed and replaced.
     */
    private static com.zaxxer.hikari.HikariDataSource pool(ServerAddress server, javax.sql.DataSource source,
                                                          Options options) {
        var cfg = new com.zaxxer.hikari.HikariConfig();
        cfg.setDataSource(source);
        cfg.setPoolName("LindungDesa " + options.program() + " " + server.display());
        cfg.setMaximumPoolSize(SERVER_POOL_SIZE);
        cfg.setMinimumIdle(1);
        cfg.setConnectionTimeout(15_000);
        cfg.setIdleTimeout(120_000);
        cfg.setMaxLifetime(1_800_000);
        cfg.setInitializationFailTimeout(-1); // the connection was just tested and migrated
        return new com.zaxxer.hikari.HikariDataSource(cfg);
    }

    /** The one connection test of the set-up and the CLI: null when it connects, else what is wrong. */
    public static DatabaseException testServer(ServerAddress server) {
        return checkServer(server).failure();
    }

    /** What a connection test found: the server's version when it connected, else the failure (decision 0193). */
    public record ServerCheck(String version, DatabaseException failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    /** Connects once to {@code server}: its version, or what is wrong, classified as for the exit-3 messages. */
    public static ServerCheck checkServer(ServerAddress server) {
        var source = new org.postgresql.ds.PGSimpleDataSource();
        source.setUrl(server.jdbcUrl());
        source.setUser(server.user());
        if (server.password() != null) source.setPassword(server.password());
        source.setConnectTimeout(10);
        source.setCurrentSchema(SERVER_SEARCH_PATH);
        try (var c = source.getConnection()) {
            var meta = c.getMetaData();
            return new ServerCheck(meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion(), null);
        } catch (SQLException e) {
            return new ServerCheck(null, serverFailure(server, e));
        }
    }

    /**
     * The two type names the existing migrations use that PostgreSQL lacks, as domains over its own types, so
     * that V1..V110 run unchanged there (their H2 checksums stay as they are; decision 0190).
     */
    private static void prepareServerSchema(java.sql.Connection c) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + TYPES_SCHEMA);
            st.execute("DO $$ BEGIN "
                    + "IF NOT EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
                    + "WHERE t.typname = 'clob' AND n.nspname = '" + TYPES_SCHEMA + "') THEN CREATE DOMAIN "
                    + TYPES_SCHEMA + ".clob AS text; END IF; "
                    + "IF NOT EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
                    + "WHERE t.typname = 'blob' AND n.nspname = '" + TYPES_SCHEMA + "') THEN CREATE DOMAIN "
                    + TYPES_SCHEMA + ".blob AS bytea; END IF; "
                    + "END $$");
        }
    }

    /**
     * The domains live in a schema of their own, so that the office's schema {@code public} stays empty for
     * Flyway until it migrates; both are on the search path of every connection.
     */
    static final String TYPES_SCHEMA = "lindungdesa_types";
    static final String SERVER_SEARCH_PATH = "public," + TYPES_SCHEMA;

    static DatabaseException serverFailure(ServerAddress server, SQLException e) {
        String state = String.valueOf(e.getSQLState());
        String where = server.display();
        if (PG_WRONG_PASSWORD.equals(state) || PG_AUTH.equals(state)) {
            return new DatabaseException(Text.of("database.server.wrongPassword", where, server.user()), e);
        }
        if (PG_UNKNOWN_DATABASE.equals(state)) {
            return new DatabaseException(Text.of("database.server.unknownDatabase", where, server.database()), e);
        }
        if (state.startsWith("08")) {
            return new DatabaseException(Text.of("database.server.unreachable", where), e);
        }
        return new DatabaseException(Text.of("database.server.failed", where, String.valueOf(e.getMessage())), e);
    }

    /** The server database, or null for an embedded file. */
    public ServerAddress server() {
        return server;
    }

    /** True on PostgreSQL: no H2 {@code SCRIPT}, no file lock, no {@code CHECKPOINT SYNC}. */
    public boolean onServer() {
        return server != null;
    }

    /** The jOOQ dialect in use. */
    public SQLDialect dialect() {
        return server != null ? SQLDialect.POSTGRES : SQLDialect.H2;
    }

    /**
     * Options for opening a database; {@code program} names who holds it ("desktop", "cli"); {@code filePassword}
     * (the random file key as hex, never the user's passphrase) turns on H2 {@code CIPHER=AES}; {@code beforeUpgrade}
     * is called with an open connection before Flyway migrates an existing database to a newer schema (the
     * reliability feature takes a backup there).
     */
    public record Options(String program, String filePassword, UpgradeGuard beforeUpgrade) {
        public Options(String program, String filePassword) {
            this(program, filePassword, null);
        }

        public static Options of(String program) {
            return new Options(program, null, null);
        }

        public Options withBeforeUpgrade(UpgradeGuard guard) {
            return new Options(program, filePassword, guard);
        }

        public Options withFilePassword(String pw) {
            return new Options(program, pw, beforeUpgrade);
        }
    }

    /** Called before an existing database is migrated to a newer schema version. */
    @FunctionalInterface
    public interface UpgradeGuard {
        void beforeUpgrade(ScriptIO.Session session, String fromVersion, String toVersion) throws Exception;
    }

    /** Work on a plain JDBC connection (backups: {@code SCRIPT TO}, row counts, content hash). */
    @FunctionalInterface
    public interface ConnectionWork<T> {
        T run(java.sql.Connection connection) throws Exception;
    }

    /**
     * Opens (creating when missing) the database at {@code path}. The path may name the {@code .mv.db} file or
     * its base name. Migrates it to the current schema.
     *
     * @throws DatabaseLockedException when another program has it open
     */
    public static Database open(Path path, Options options) {
        Path base = basePath(path);
        Path dataFile = Path.of(base + ".mv.db");
        Path owner = Path.of(base + ".owner");
        try {
            if (base.getParent() != null) Files.createDirectories(base.getParent());
        } catch (IOException e) {
            throw new DatabaseException(Text.of("database.error.folder", base.getParent(), e.getMessage()), e);
        }
        boolean existed = Files.exists(dataFile);
        String url = jdbcUrl(base, options.filePassword());
        String user = USER;
        String password = jdbcPassword(options.filePassword());
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, user, password);
        pool.setMaxConnections(8);
        try {
            pool.getConnection().close();
        } catch (SQLException e) {
            pool.dispose();
            throw openFailure(dataFile, owner, existed, options, e);
        }
        // Named at once: a second program may try while this one is still migrating.
        writeOwner(owner, options.program());
        try {
            migrate(pool, dataFile, options);
        } catch (RuntimeException e) {
            deleteOwner(owner);
            throw e;
        }
        return new Database(dataFile, pool, owner, url, user, password, options);
    }

    static final String USER = "lindungdesa";

    /** The JDBC URL of a database file, encrypted when {@code filePassword} is given. */
    public static String jdbcUrl(Path base, String filePassword) {
        StringBuilder url = new StringBuilder("jdbc:h2:file:").append(basePath(base).toAbsolutePath())
                .append(";DB_CLOSE_ON_EXIT=FALSE;FILE_LOCK=FS;LOCK_TIMEOUT=10000");
        if (filePassword != null) url.append(";CIPHER=AES");
        return url.toString();
    }

    /** H2's password for a file: "filePassword userPassword" when encrypted. */
    public static String jdbcPassword(String filePassword) {
        return filePassword == null ? "" : filePassword + " " + USER;
    }

    /** A plain JDBC connection to a database file that is not open in this program (restore, verification). */
    public static java.sql.Connection connect(Path base, String filePassword) throws SQLException {
        return java.sql.DriverManager.getConnection(jdbcUrl(base, filePassword), USER, jdbcPassword(filePassword));
    }

    private static DatabaseException openFailure(Path dataFile, Path owner, boolean existed, Options options,
                                                 SQLException e) {
        if (e.getErrorCode() == H2_LOCKED) {
            OwnerFile.Holder h = OwnerFile.read(owner);
            return new DatabaseLockedException(dataFile, h.text(), h.known() ? null : owner + ": " + h.unreadable(),
                    e);
        }
        if (e.getErrorCode() == H2_ENCRYPTION || e.getErrorCode() == H2_WRONG_PASSWORD) {
            return new DatabaseKeyException(dataFile, options.filePassword() != null, e);
        }
        if (existed && options.filePassword() == null && startsWith(dataFile, "H2encrypt")) {
            return new DatabaseKeyException(dataFile, false, e);
        }
        if (existed) return new DatabaseUnreadableException(dataFile, e);
        return new DatabaseException(Text.of("database.error.open", dataFile, e.getMessage()), e);
    }

    private static boolean startsWith(Path file, String magic) {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(magic.length());
            return new String(head, StandardCharsets.ISO_8859_1).equals(magic);
        } catch (IOException e) {
            return false;
        }
    }

    private static void migrate(JdbcConnectionPool pool, Path dataFile, Options options) {
        try {
            Flyway flyway = Flyway.configure().dataSource(pool).locations("classpath:db/migration").load();
            if (options.beforeUpgrade() != null) {
                var info = flyway.info();
                if (info.applied().length > 0 && info.pending().length > 0) {
                    String from = info.current() == null ? "?" : info.current().getVersion().toString();
                    var pending = info.pending();
                    String to = pending[pending.length - 1].getVersion().toString();
                    try (var c = pool.getConnection()) {
                        options.beforeUpgrade().beforeUpgrade(new ScriptIO.Session(c), from, to);
                    }
                }
            }
            flyway.migrate();
        } catch (DatabaseException e) {
            pool.dispose();
            throw e;
        } catch (Exception e) {
            pool.dispose();
            throw new DatabaseException(Text.of("database.error.migrate", dataFile, e.getMessage()), e);
        }
    }

    /** True when a database file exists at {@code path} (with or without its {@code .mv.db} ending). */
    public static boolean exists(Path path) {
        return Files.isRegularFile(Path.of(basePath(path) + ".mv.db"));
    }

    /** Strips a trailing {@code .mv.db} so that both the file and its base name are accepted. */
    public static Path basePath(Path path) {
        String s = path.toString();
        if (s.endsWith(".mv.db")) s = s.substring(0, s.length() - ".mv.db".length());
        return Path.of(s);
    }

    public Path file() {
        return file;
    }

    /** The base path (without {@code .mv.db}); sibling files (key, owner, backups) are named after it. */
    public Path base() {
        if (server != null) return localBase; // issue 16: this desk's own files for a server database
        return basePath(file);
    }

    public Options options() {
        return options;
    }

    /** True when the file is encrypted ({@code CIPHER=AES}). */
    public boolean encrypted() {
        if (server != null) return false;
        return options.filePassword() != null;
    }

    /**
     * Runs {@code work} on a JDBC connection while holding the write lock, so no write runs meanwhile (a backup
     * and its row counts and content hash see exactly the same data).
     */
    public <T> T withConnection(ConnectionWork<T> work) {
        ensureOpen();
        writeLock.lock();
        try (var c = server != null ? serverSource.getConnection() : pool.getConnection()) {
            return work.run(c);
        } catch (OutOfMemoryError e) {
            throw new OutOfMemoryException(e);
        } catch (DatabaseException e) {
            if (!(e instanceof OutOfMemoryException) && OutOfMemoryException.isMemory(e)) {
                throw new OutOfMemoryException(e);
            }
            throw e;
        } catch (RuntimeException e) {
            throw storageOr(e);
        } catch (Exception e) {
            throw storageOr(new DatabaseException(e.getMessage(), e));
        } finally {
            writeLock.unlock();
        }
    }

    private final java.util.List<Runnable> committedListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Called after each write transaction committed and was forced to disk, still under the write lock (the audit
     * trail writes its head outside the database then; decision 0111). A listener must not throw.
     */
    public void onCommitted(Runnable listener) {
        committedListeners.add(listener);
    }

    /** Called after {@link #replaceWith} swapped another file in (services refresh what they cached). */
    public void onReplaced(Runnable listener) {
        replacedListeners.add(listener);
    }

    /**
     * Swaps another database file in under this open database: waits for running writes, shuts this file down,
     * moves it to {@code keepAs} (or deletes it, overwritten first, when {@code keepAs} is null), moves
     * {@code candidateBase}'s file in, and opens it (migrating it when older). The same object stays in use.
     *
     * @param newFilePassword the candidate's file password (null: unencrypted)
     */
    public void replaceWith(Path candidateBase, Path keepAs, String newFilePassword) {
        ensureOpen();
        if (server != null) throw new DatabaseException(Text.of("database.server.noFileSwap", server.display()), null);
        Path candidate = Path.of(basePath(candidateBase) + ".mv.db");
        if (!Files.isRegularFile(candidate)) throw new DatabaseException(Text.of("database.error.noCandidate", candidate), null);
        writeLock.lock();
        try {
            shutdownPool();
            Path base = base();
            try {
                if (keepAs != null) {
                    Files.move(file, Path.of(basePath(keepAs) + ".mv.db"));
                } else {
                    wipe(file);
                }
                Files.deleteIfExists(Path.of(base + ".trace.db"));
                Files.move(candidate, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                Files.deleteIfExists(Path.of(basePath(candidateBase) + ".trace.db"));
            } catch (IOException e) {
                throw new DatabaseException(Text.of("database.error.swap", e.getMessage()), e);
            }
            Options next = options.withFilePassword(newFilePassword);
            String newUrl = jdbcUrl(base, newFilePassword);
            String newPassword = jdbcPassword(newFilePassword);
            JdbcConnectionPool p = JdbcConnectionPool.create(newUrl, user, newPassword);
            p.setMaxConnections(8);
            try {
                p.getConnection().close();
            } catch (SQLException e) {
                p.dispose();
                throw openFailure(file, ownerFile, true, next, e);
            }
            migrate(p, file, next.withBeforeUpgrade(null));
            this.options = next;
            this.url = newUrl;
            this.password = newPassword;
            this.pool = p;
            this.dsl = DSL.using(p, SQLDialect.H2);
            writeOwner(ownerFile, options.program());
        } finally {
            writeLock.unlock();
        }
        replacedListeners.forEach(Runnable::run);
    }

    /** Runs read-only work. */
    public <T> T read(Function<Tx, T> work) {
        ensureOpen();
        return work.apply(new Tx(dsl));
    }

    /**
     * Runs a long read (a report, the figures) as one read-only transaction (issue 16, decision 0191). On a server
     * it is {@code REPEATABLE READ READ ONLY}: every query of the report sees the same committed state, it takes no
     * row locks, so imports committing meanwhile neither wait for it nor show up half in it, and a write in it is
     * refused by the server. On the H2 file (one program, its own write lock) it is {@link #read}.
     */
    public <T> T readOnly(Function<Tx, T> work) {
        ensureOpen();
        if (server == null) return read(work);
        try {
            return dsl.transactionResult(cfg -> {
                cfg.dsl().execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                return work.apply(new Tx(cfg.dsl()));
            });
        } catch (RuntimeException e) {
            if (connectionLost(e)) throw new DatabaseException(Text.of("database.server.lost", server.display()), e);
            throw e;
        }
    }

    /** SQLSTATEs of a server session that ended: connection exceptions (08…) and the operator's or a shutdown. */
    private static final java.util.Set<String> PG_SESSION_ENDED = java.util.Set.of("57P01", "57P02", "57P03");

    /** True when {@code e} (or a cause or suppressed failure of it) says the server connection is gone. */
    static boolean connectionLost(Throwable e) {
        java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>(java.util.List.of(e));
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            if (!seen.add(t)) continue;
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || PG_SESSION_ENDED.contains(sql.getSQLState()))) {
                return true;
            }
            if (t.getCause() != null) todo.add(t.getCause());
            for (Throwable x : t.getSuppressed()) todo.add(x);
        }
        return false;
    }

    /** Runs {@code work} in one transaction, then forces it to disk; the whole of it or nothing is stored. */
    public <T> T write(Function<Tx, T> work) {
        ensureOpen();
        writeLock.lock();
        try {
            T result = dsl.transactionResult(cfg -> work.apply(new Tx(cfg.dsl())));
            sync();
            for (Runnable r : committedListeners) r.run();
            return result;
        } catch (RuntimeException e) {
            if (server != null && connectionLost(e)) {
                // the server ended the session mid-transaction (restart, network, pg_terminate_backend): it rolled
                // the transaction back itself, so nothing of it is stored; said as such, exit code 3 (issue 16)
                throw new DatabaseException(Text.of("database.server.lost", server.display()), e);
            }
            throw storageOr(e);
        } catch (OutOfMemoryError e) {
            // jOOQ rolled the transaction back; the heap it held is free again (decision 0130)
            throw new OutOfMemoryException(e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Turns a failure of the storage (disk full, read-only media, I/O error) into a {@link StorageException}
     * with a clear message; anything else (validation, stale record…) passes through unchanged.
     */
    static RuntimeException storageOr(RuntimeException e) {
        if (e instanceof StorageException || e instanceof OutOfMemoryException) return e;
        if (OutOfMemoryException.isMemory(e)) return new OutOfMemoryException(e);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io && io.getMessage() != null) {
                String m = io.getMessage().toLowerCase(java.util.Locale.ROOT);
                if (m.contains("no space") || m.contains("read-only") || m.contains("disk full")) {
                    return new StorageException(io.getMessage(), e);
                }
            }
            if (t instanceof SQLException sql && H2_STORAGE.contains(sql.getErrorCode())) {
                String m = String.valueOf(sql.getMessage()).toLowerCase(java.util.Locale.ROOT);
                if (sql.getErrorCode() != 50000 || m.contains("no space") || m.contains("read-only")
                        || m.contains("read only") || m.contains("i/o") || m.contains("closed")
                        || m.contains("writing failed") || m.contains("filestore")) {
                    return new StorageException(sql.getMessage(), e);
                }
            }
            if (t.getClass().getName().equals("org.h2.mvstore.MVStoreException")) {
                return new StorageException(t.getMessage(), e);
            }
        }
        return e;
    }

    public void writeVoid(Consumer<Tx> work) {
        write(tx -> {
            work.accept(tx);
            return null;
        });
    }

    /** Forces committed work to disk. */
    public void sync() {
        if (server != null) return; // the server made the commit durable
        dsl.execute("CHECKPOINT SYNC");
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("database closed");
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        if (server != null) {
            // the server's pool: its connections are closed; no owner file was written
            if (serverSource instanceof AutoCloseable pooled) {
                try {
                    pooled.close();
                } catch (Exception e) {
                    log.debug("server pool not closed cleanly", e);
                }
            }
            return;
        }
        shutdownPool();
        deleteOwner(ownerFile);
    }

    private static void deleteOwner(Path owner) {
        try {
            Files.deleteIfExists(owner);
        } catch (IOException e) {
            log.debug("owner file not removed", e);
        }
    }

    /** Overwrites a file with zeros, forces it to disk, then deletes it (plaintext left behind by encryption). */
    private static void wipe(Path f) throws IOException {
        if (!Files.exists(f)) return;
        long size = Files.size(f);
        try (var ch = java.nio.channels.FileChannel.open(f, java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer zeros = java.nio.ByteBuffer.allocate(1 << 16);
            for (long pos = 0; pos < size; pos += zeros.capacity()) {
                zeros.clear();
                zeros.limit((int) Math.min(zeros.capacity(), size - pos));
                ch.write(zeros, pos);
            }
            ch.force(true);
        }
        Files.delete(f);
    }

    /** Disposes the pool and runs H2 {@code SHUTDOWN}, which writes everything and closes the file. */
    private void shutdownPool() {
        pool.dispose();
        try (var c = java.sql.DriverManager.getConnection(url + ";IFEXISTS=TRUE", user, password);
             var st = c.createStatement()) {
            st.execute("SHUTDOWN");
        } catch (SQLException e) {
            if (e.getErrorCode() != H2_CLOSED) log.warn("SHUTDOWN failed: {}", e.getMessage());
        }
    }

    private static void writeOwner(Path owner, String program) {
        OwnerFile.write(owner, program).ifPresent(e -> log.warn("owner file {} not written: {}", owner, e.toString()));
    }
}
