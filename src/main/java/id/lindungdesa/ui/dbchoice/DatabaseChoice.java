package id.lindungdesa.ui.dbchoice;

import id.lindungdesa.persistence.DurableFiles;
import id.lindungdesa.persistence.ServerAddress;
import id.lindungdesa.service.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The desktop's remembered database (decision 0193): the file on this laptop, or a server's address and user. A
 * password is never part of it: a typed one is held in memory for this run only.
 *
 * @param kind {@link #FILE} or {@link #SERVER}
 * @param address {@code postgresql://HOST:PORT/DBNAME} (no user, no password); null for the file
 * @param user the server user; null for the file
 */
public record DatabaseChoice(String kind, String address, String user) {
    public static final String FILE = "file";
    public static final String SERVER = "server";
    /** The settings file in the data folder. */
    public static final String FILE_NAME = "database-choice.json";

    public static DatabaseChoice file() {
        return new DatabaseChoice(FILE, null, null);
    }

    /** The server of {@code server} without its password. */
    public static DatabaseChoice server(ServerAddress server) {
        return new DatabaseChoice(SERVER, ServerAddress.SCHEME + server.host() + ":" + server.port() + "/"
                + server.database(), server.user());
    }

    public boolean pointsToServer() {
        return SERVER.equals(kind) && address != null;
    }

    /** What the desktop opens: {@code defaultFile} for the file, else the server's URL with its user. */
    public Path target(Path defaultFile) {
        if (!pointsToServer()) return defaultFile;
        String rest = address.substring(ServerAddress.SCHEME.length());
        String u = user == null || user.isBlank() ? "" : java.net.URLEncoder.encode(user, StandardCharsets.UTF_8) + "@";
        return Path.of(ServerAddress.SCHEME + u + rest);
    }

    /** The remembered choice; empty when there is none or the file cannot be read. */
    public static Optional<DatabaseChoice> read(Path settings) {
        if (settings == null || !Files.isRegularFile(settings)) return Optional.empty();
        try {
            DatabaseChoice c = Json.MAPPER.readValue(Files.readString(settings, StandardCharsets.UTF_8),
                    DatabaseChoice.class);
            return c == null || c.kind() == null ? Optional.empty() : Optional.of(c);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Writes the choice durably (temp file, fsync, atomic move). */
    public void write(Path settings) throws IOException {
        Files.createDirectories(settings.toAbsolutePath().getParent());
        DurableFiles.writeString(settings, Json.write(this) + "\n");
    }
}
