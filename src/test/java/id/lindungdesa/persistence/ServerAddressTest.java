package id.lindungdesa.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerAddressTest {
    @TempDir Path home;

    private ServerAddress parse(String url, Map<String, String> env) {
        return ServerAddress.parse(url, env::get, home);
    }

    @Test
    void hostPortDatabaseAndUserFromTheUrl() {
        var a = parse("postgresql://ani@db.prov.go.id:6543/prov33", Map.of("PGUSER", "other"));
        assertEquals("db.prov.go.id", a.host());
        assertEquals(6543, a.port());
        assertEquals("prov33", a.database());
        assertEquals("ani", a.user());
        assertEquals("jdbc:postgresql://db.prov.go.id:6543/prov33", a.jdbcUrl());
    }

    @Test
    void userFromPgUserAndDefaultPort() {
        var a = parse("postgresql://localhost/nas", Map.of("PGUSER", "budi"));
        assertEquals(5432, a.port());
        assertEquals("budi", a.user());
    }

    @Test
    void aPathFoldsTheSlashesButStillNamesTheServer() {
        Path p = Path.of("postgresql://localhost:5433/prov");
        assertTrue(ServerAddress.isServer(p));
        var a = ServerAddress.parse(p.toString(), Map.<String, String>of()::get, home);
        assertEquals("localhost", a.host());
        assertEquals(5433, a.port());
        assertEquals("prov", a.database());
        assertFalse(ServerAddress.isServer(Path.of("kab.db")));
    }

    @Test
    void passwordFromPgPasswordIsNeverShown() {
        var a = parse("postgresql://ani:rahasia@localhost/prov", Map.of());
        assertEquals("rahasia", a.password());
        assertFalse(a.toString().contains("rahasia"), a.toString());
        assertFalse(a.display().contains("rahasia"));
        assertFalse(a.jdbcUrl().contains("rahasia"));
        var b = parse("postgresql://ani@localhost/prov", Map.of("PGPASSWORD", "s3cret"));
        assertEquals("s3cret", b.password());
        assertFalse(b.toString().contains("s3cret"));
    }

    @Test
    void pgpassIsParsedAsLibpqDoes() throws Exception {
        Path f = home.resolve(".pgpass");
        Files.writeString(f, String.join("\n",
                "# comment",
                "other.host:5432:*:ani:wrong",
                "localhost:5432:prov:budi:not-for-ani",
                "localhost:*:prov:ani:pa\\:ss\\\\word",
                "*:*:*:*:fallback"));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        assertEquals("pa:ss\\word", parse("postgresql://ani@localhost:6000/prov", Map.of()).password());
        assertEquals("fallback", parse("postgresql://ani@localhost/nas", Map.of()).password());
        // PGPASSWORD wins over the file
        assertEquals("env", parse("postgresql://ani@localhost/prov", Map.of("PGPASSWORD", "env")).password());
    }

    @Test
    void pgpassReadableByOthersIsIgnoredAndPgPassFileIsHonoured() throws Exception {
        Path f = home.resolve("elsewhere.conf");
        Files.writeString(f, "*:*:*:*:x\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        assertNull(parse("postgresql://ani@localhost/prov", Map.of("PGPASSFILE", f.toString())).password());
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        assertEquals("x", parse("postgresql://ani@localhost/prov", Map.of("PGPASSFILE", f.toString())).password());
    }

    @Test
    void badUrlsAreRefusedClearly() {
        var e = assertThrows(IllegalArgumentException.class, () -> parse("postgresql://localhost:99999/prov", Map.of()));
        assertTrue(e.getMessage().contains("99999"));
        assertThrows(IllegalArgumentException.class, () -> parse("postgresql://localhost/", Map.of()));
    }
}
