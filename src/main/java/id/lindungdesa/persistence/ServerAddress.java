package id.lindungdesa.persistence;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A PostgreSQL database named as {@code postgresql://[USER@]HOST[:PORT]/DBNAME} (issue 16, decision 0190).
 *
 * <p>The user comes from the URL, else {@code PGUSER}, else the operating-system user (as libpq does); the password
 * from {@code PGPASSWORD}, else the user's password file ({@code PGPASSFILE}, else {@code ~/.pgpass}; on Windows
 * {@code %APPDATA%\postgresql\pgpass.conf}), parsed as libpq parses it. A password is never part of
 * {@link #toString()} or {@link #display()}, so a logged URL never shows one.
 */
public final class ServerAddress {
    public static final String SCHEME = "postgresql://";
    public static final int DEFAULT_PORT = 5432;

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;

    private ServerAddress(String host, int port, String database, String user, String password) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
    }

    /** True when {@code text} names a server database rather than a file. */
    public static boolean isServer(String text) {
        return text != null && (text.startsWith(SCHEME) || text.startsWith("postgres://")
                || text.startsWith("postgresql:/"));
    }

    /** True when a {@code --db} path is a server URL (a {@link Path} folds the URL's "//" into "/"). */
    public static boolean isServer(Path path) {
        return path != null && isServer(path.toString());
    }

    /** Parses a URL with the process environment and the user's password file. */
    public static ServerAddress parse(String url) {
        return parse(url, System::getenv, Path.of(System.getProperty("user.home")));
    }

    public static ServerAddress parse(Path path) {
        return parse(path.toString());
    }

    /**
     * Parses {@code url}; {@code env} reads environment variables, {@code home} is the user's home folder.
     *
     * @throws IllegalArgumentException with a message naming what is wrong (the URL shown without a password)
     */
    public static ServerAddress parse(String url, UnaryOperator<String> env, Path home) {
        if (!isServer(url)) throw new IllegalArgumentException("not a postgresql:// URL");
        String rest = url.substring(url.indexOf(':') + 1);
        while (rest.startsWith("/")) rest = rest.substring(1);
        int q = rest.indexOf('?');
        if (q >= 0) rest = rest.substring(0, q);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String db = slash < 0 ? "" : decode(rest.substring(slash + 1));
        String user = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String info = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            if (colon >= 0) password = decode(info.substring(colon + 1));
            if (user.isEmpty()) user = null;
        }
        String host = authority;
        int port = DEFAULT_PORT;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && !authority.endsWith("]")) {
            host = authority.substring(0, colon);
            String p = authority.substring(colon + 1);
            try {
                port = Integer.parseInt(p);
                if (port < 1 || port > 65535) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("port '" + p + "' is not a number from 1 to 65535");
            }
        }
        if (host.isEmpty()) host = "localhost";
        if (db.isEmpty()) throw new IllegalArgumentException("the URL names no database: postgresql://HOST[:PORT]/DBNAME");
        if (user == null) user = blankToNull(env.apply("PGUSER"));
        if (user == null) user = System.getProperty("user.name");
        if (password == null) password = TYPED.get(key(host, port, db, user));
        if (password == null) password = blankToNull(env.apply("PGPASSWORD"));
        if (password == null) {
            Optional<Path> f = passwordFile(env, home);
            if (f.isPresent()) password = lookUp(f.get(), host, port, db, user).orElse(null);
        }
        return new ServerAddress(host, port, db, user, password);
    }

    /**
     * Passwords typed in the desktop's "Sambungkan ke server basis data" (decision 0193): held in memory for this
     * run only, never written anywhere; they come after a password in the URL and before {@code PGPASSWORD}.
     */
    private static final java.util.Map<String, String> TYPED = new java.util.concurrent.ConcurrentHashMap<>();

    private static String key(String host, int port, String db, String user) {
        return host + "\u0000" + port + "\u0000" + db + "\u0000" + user;
    }

    /** Holds {@code password} for this server, database and user for the rest of this run; empty or null forgets it. */
    public static void useTypedPassword(String host, int port, String db, String user, String password) {
        if (password == null || password.isEmpty()) TYPED.remove(key(host, port, db, user));
        else TYPED.put(key(host, port, db, user), password);
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** {@code PGPASSFILE}, else {@code ~/.pgpass} (Windows: {@code %APPDATA%\postgresql\pgpass.conf}). */
    static Optional<Path> passwordFile(UnaryOperator<String> env, Path home) {
        String explicit = blankToNull(env.apply("PGPASSFILE"));
        if (explicit != null) return Optional.of(Path.of(explicit));
        String appData = blankToNull(env.apply("APPDATA"));
        if (appData != null && System.getProperty("os.name", "").startsWith("Windows")) {
            return Optional.of(Path.of(appData, "postgresql", "pgpass.conf"));
        }
        return home == null ? Optional.empty() : Optional.of(home.resolve(".pgpass"));
    }

    /**
     * The password for host, port, database and user in a libpq password file: lines
     * {@code hostname:port:database:username:password}, the first match wins, {@code *} matches anything,
     * {@code \:} and {@code \\} are a literal colon and backslash, {@code #} starts a comment line. As libpq, a
     * file others can read (on POSIX) is ignored.
     */
    static Optional<String> lookUp(Path file, String host, int port, String db, String user) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            try {
                var perms = Files.getPosixFilePermissions(file);
                for (var p : perms) {
                    String n = p.name();
                    if (n.startsWith("GROUP") || n.startsWith("OTHERS")) return Optional.empty();
                }
            } catch (UnsupportedOperationException e) {
                // not POSIX (Windows): libpq does not check either
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isEmpty() || line.startsWith("#")) continue;
                List<String> f = fields(line);
                if (f.size() < 5) continue;
                String h = host;
                if (matches(f.get(0), h) || (f.get(0).equals("localhost") && h.startsWith("/"))) {
                    if (matches(f.get(1), Integer.toString(port)) && matches(f.get(2), db)
                            && matches(f.get(3), user)) {
                        return Optional.of(f.get(4));
                    }
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean matches(String pattern, String value) {
        return pattern.equals("*") || pattern.equals(value);
    }

    /** Splits on unescaped colons; the last field (password) takes the rest of the line. */
    private static List<String> fields(String line) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
            } else if (c == ':' && out.size() < 4) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    public String user() {
        return user;
    }

    /** The password, or null when none was found (the server may not need one). */
    public String password() {
        return password;
    }

    /** The same server with another database (tests, {@code copy-to}). */
    public ServerAddress withDatabase(String db) {
        return new ServerAddress(host, port, db, user, password);
    }

    /** The same server with {@code password} (a typed one; null keeps none). */
    public ServerAddress withPassword(String password) {
        return new ServerAddress(host, port, database, user, password == null || password.isEmpty() ? null : password);
    }

    /** The JDBC URL (carries no user and no password). */
    public String jdbcUrl() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + h + ":" + port + "/" + java.net.URLEncoder.encode(database,
                StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** What users and logs see: {@code postgresql://user@host:port/db}, never a password. */
    public String display() {
        return SCHEME + user + "@" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return display();
    }
}
