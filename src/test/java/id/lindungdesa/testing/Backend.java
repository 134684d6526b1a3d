package id.lindungdesa.testing;

import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.ServerAddress;
import id.lindungdesa.wiring.Services;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The two databases a data test runs on (issue 16): the embedded H2 file, and a fresh database on the PostgreSQL
 * test server ({@link TestPostgres}; the test is skipped, saying why, when there is none). Used with
 * {@code @ParameterizedClass @EnumSource(Backend.class)}, so that one test class runs its cases on both.
 */
public enum Backend {
    H2,
    POSTGRESQL;

    /** Opens services named {@code name} in {@code dir} (H2: the file; PostgreSQL: this desk's own files there). */
    public Services open(Path dir, String name, LocalDate today) {
        return new Services(database(dir, name), TestDb.clockAt(today));
    }

    public Services open(Path dir, LocalDate today) {
        return open(dir, "test", today);
    }

    /** The database alone (H2 file, or a fresh server database). */
    public Database database(Path dir, String name) {
        if (this == H2) return Database.open(dir.resolve(name), Database.Options.of("test"));
        ServerAddress server = TestPostgres.freshDatabase();
        return Database.openServer(server, dir.resolve("server-" + name).resolve("lindungdesa"),
                Database.Options.of("test"));
    }

    /** What a CLI test passes as {@code --db} for a new database named {@code name} in {@code dir}. */
    public String newDbArgument(Path dir, String name) {
        return this == H2 ? dir.resolve(name).toString() : TestPostgres.url(TestPostgres.freshDatabase());
    }
}
