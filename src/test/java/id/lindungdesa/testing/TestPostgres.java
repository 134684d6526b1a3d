package id.lindungdesa.testing;

import id.lindungdesa.persistence.ServerAddress;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server for the data tests (issue 16): {@code LINDUNGDESA_TEST_PG} (a {@code postgresql://} URL of a
 * throwaway server whose user may create databases; {@code .ci/run} sets it), else, when {@code initdb} is found and
 * the tests do not run as root, a throwaway cluster of our own in a temp folder on a free local port, stopped when
 * the test JVM ends; else every PostgreSQL test is skipped, saying why. Each call of {@link #freshDatabase()}
 * creates an empty database of its own.
 */
public final class TestPostgres {
    public static final String ENV = "LINDUNGDESA_TEST_PG";
    private static ServerAddress admin;
    private static String unavailable;
    private static boolean tried;

    private TestPostgres() {}

    /** A new, empty database on the test server; skips the calling test (with the reason) when there is none. */
    public static synchronized ServerAddress freshDatabase() {
        ServerAddress server = server();
        String name = "ld_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (var c = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("CREATE DATABASE on " + server + " failed: " + e.getMessage(), e);
        }
        return server.withDatabase(name);
    }

    /** The URL a CLI test passes as {@code --db} for {@code db} (the password goes in it: tests only). */
    public static String url(ServerAddress db) {
        String pw = db.password() == null ? "" : ":" + java.net.URLEncoder.encode(db.password(),
                java.nio.charset.StandardCharsets.UTF_8);
        return "postgresql://" + db.user() + pw + "@" + db.host() + ":" + db.port() + "/" + db.database();
    }

    /** True when a server is there (no skipping). */
    public static synchronized boolean available() {
        init();
        return admin != null;
    }

    static synchronized ServerAddress server() {
        init();
        Assumptions.assumeTrue(admin != null, () -> "PostgreSQL tests skipped: " + unavailable);
        return admin;
    }

    private static void init() {
        if (tried) return;
        tried = true;
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            admin = ServerAddress.parse(env);
            return;
        }
        Path initdb = findInitdb();
        if (initdb == null) {
            unavailable = ENV + " is not set and initdb was not found (install the package postgresql)";
            return;
        }
        if ("root".equals(System.getProperty("user.name"))) {
            unavailable = ENV + " is not set and PostgreSQL will not run as root (.ci/run starts a server as an"
                    + " unprivileged user)";
            return;
        }
        try {
            admin = startOwnCluster(initdb);
        } catch (Exception e) {
            unavailable = "own throwaway cluster did not start: " + e.getMessage();
        }
    }

    private static Path findInitdb() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "initdb");
            if (Files.isExecutable(p) && Files.isExecutable(p.resolveSibling("pg_ctl"))) return p;
        }
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin/initdb")).filter(Files::isExecutable)
                    .sorted(java.util.Comparator.reverseOrder()).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static ServerAddress startOwnCluster(Path initdb) throws Exception {
        Path dir = Files.createTempDirectory("ld-pg");
        Path data = dir.resolve("data");
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String user = System.getProperty("user.name");
        run(initdb.toString(), "-D", data.toString(), "-A", "trust", "-U", user, "-E", "UTF8", "--no-sync");
        passwordCheckedRole(data.resolve("pg_hba.conf"));
        Path pgCtl = initdb.resolveSibling("pg_ctl");
        run(pgCtl.toString(), "-D", data.toString(), "-w", "-l", dir.resolve("log").toString(), "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                run(pgCtl.toString(), "-D", data.toString(), "-m", "immediate", "stop");
                try (var walk = Files.walk(dir)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            } catch (Exception e) {
                System.err.println("throwaway PostgreSQL cluster not stopped: " + e.getMessage());
            }
        }));
        return ServerAddress.parse("postgresql://" + user + "@127.0.0.1:" + port + "/postgres");
    }

    /** The role whose password the server checks (every other local login is trusted): the wrong-password test. */
    public static final String PASSWORD_ROLE = "ld_password_check";

    /** Puts a password-checked line for {@link #PASSWORD_ROLE} before the cluster's trust lines. */
    static void passwordCheckedRole(Path hba) throws IOException {
        String rules = Files.readString(hba);
        Files.writeString(hba, "host all " + PASSWORD_ROLE + " 127.0.0.1/32 scram-sha-256\n" + rules);
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
    }
}
