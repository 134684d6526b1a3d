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

    private static Path wilayah;

    /**
     * The official region list: the project's own copy ({@code regions/wilayah-2025-2430.csv.gz} on the classpath),
     * decompressed once per test run into a temp file for the tests that import "a file".
     */
    public static synchronized Path wilayahCsv() {
        if (wilayah == null) {
            try {
                Path p = Files.createTempFile("wilayah-", ".csv");
                p.toFile().deleteOnExit();
                wilayah = id.lindungdesa.service.BuiltinRegions.copyTo(p);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return wilayah;
    }
}
