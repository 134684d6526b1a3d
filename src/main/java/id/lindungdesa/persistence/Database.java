package id.lindungdesa.persistence;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.OffsetDateTime;
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

    private final Path file;
    private final Path ownerFile;
    private final JdbcConnectionPool pool;
    private final DSLContext dsl;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile boolean closed;

    private final String url;
    private final String user;
    private final String password;

    private Database(Path file, JdbcConnectionPool pool, Path ownerFile, String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.file = file;
        this.pool = pool;
        this.ownerFile = ownerFile;
        this.dsl = DSL.using(pool, SQLDialect.H2);
    }

    /** Options for opening a database; {@code program} names who holds it ("desktop", "cli"). */
    public record Options(String program, String filePassword) {
        public static Options of(String program) {
            return new Options(program, null);
        }
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
            throw new DatabaseException("Cannot create the folder " + base.getParent() + ": " + e.getMessage(), e);
        }
        StringBuilder url = new StringBuilder("jdbc:h2:file:").append(base.toAbsolutePath())
                .append(";DB_CLOSE_ON_EXIT=FALSE;FILE_LOCK=FS;LOCK_TIMEOUT=10000");
        String user = "lindungdesa";
        String password = "";
        if (options.filePassword() != null) {
            url.append(";CIPHER=AES");
            password = options.filePassword() + " " + "lindungdesa";
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(url.toString(), user, password);
        pool.setMaxConnections(8);
        try {
            pool.getConnection().close();
        } catch (SQLException e) {
            pool.dispose();
            if (e.getErrorCode() == H2_LOCKED) {
                throw new DatabaseLockedException(dataFile, readOwner(owner), e);
            }
            throw new DatabaseException("Cannot open the database " + dataFile + ": " + e.getMessage(), e);
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.dispose();
            throw new DatabaseException("Cannot update the database " + dataFile + " to this version: "
                    + e.getMessage(), e);
        }
        Database db = new Database(dataFile, pool, owner, url.toString(), user, password);
        db.writeOwner(options.program());
        return db;
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

    /** Runs read-only work. */
    public <T> T read(Function<Tx, T> work) {
        ensureOpen();
        return work.apply(new Tx(dsl));
    }

    /** Runs {@code work} in one transaction, then forces it to disk; the whole of it or nothing is stored. */
    public <T> T write(Function<Tx, T> work) {
        ensureOpen();
        writeLock.lock();
        try {
            T result = dsl.transactionResult(cfg -> work.apply(new Tx(cfg.dsl())));
            sync();
            return result;
        } finally {
            writeLock.unlock();
        }
    }

    public void writeVoid(Consumer<Tx> work) {
        write(tx -> {
            work.accept(tx);
            return null;
        });
    }

    /** Forces committed work to disk. */
    public void sync() {
        dsl.execute("CHECKPOINT SYNC");
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("database closed");
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        pool.dispose();
        try (var c = java.sql.DriverManager.getConnection(url, user, password); var st = c.createStatement()) {
            st.execute("SHUTDOWN");
        } catch (SQLException e) {
            if (e.getErrorCode() != H2_CLOSED) log.warn("SHUTDOWN failed: {}", e.getMessage());
        }
        try {
            Files.deleteIfExists(ownerFile);
        } catch (IOException e) {
            log.debug("owner file not removed", e);
        }
    }

    private void writeOwner(String program) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "?";
        }
        String text = "LindungDesa " + program + ", pid " + ManagementFactory.getRuntimeMXBean().getPid()
                + ", " + System.getProperty("user.name") + "@" + host + ", since " + OffsetDateTime.now().withNano(0);
        try {
            Files.writeString(ownerFile, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.debug("owner file not written", e);
        }
    }

    private static String readOwner(Path owner) {
        try {
            return Files.exists(owner) ? Files.readString(owner, StandardCharsets.UTF_8).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
