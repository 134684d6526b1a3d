package id.lindungdesa.testing;

import id.lindungdesa.persistence.Database;
import id.lindungdesa.wiring.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** A real H2 file database in a temp folder, with a fixed clock, for data tests. */
public final class TestDb {
    public static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

    private TestDb() {}

    public static Clock clockAt(LocalDate date) {
        return Clock.fixed(date.atTime(9, 0).atZone(ZONE).toInstant(), ZONE);
    }

    /** Opens services on {@code dir/name} with a clock fixed at {@code today}. */
    public static Services open(Path dir, String name, LocalDate today) {
        return new Services(Database.open(dir.resolve(name), Database.Options.of("test")), clockAt(today));
    }

    public static Services open(Path dir, LocalDate today) {
        return open(dir, "test", today);
    }

    /** The official region list beside the project (never copied into it). */
    public static Path wilayahCsv() {
        String shared = System.getProperty("lindungdesa.shared", "../shared");
        Path p = Path.of(shared, "data", "regions", "wilayah.csv");
        if (!Files.exists(p)) p = Path.of("..", "shared", "data", "regions", "wilayah.csv");
        return p;
    }
}
