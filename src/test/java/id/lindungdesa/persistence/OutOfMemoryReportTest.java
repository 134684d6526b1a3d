package id.lindungdesa.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.i18n.Messages;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Issue 14: running out of memory is said as such, never as "storage full" (decision 0130). */
class OutOfMemoryReportTest {
    @Test
    void h2OutOfMemoryIsNotStorageFull() {
        RuntimeException e = Database.storageOr(new RuntimeException("x",
                new SQLException("Out of memory.", "90108", 90108)));
        assertThat(e).isInstanceOf(OutOfMemoryException.class).isNotInstanceOf(StorageException.class);
        String shown = ((OutOfMemoryException) e).text().in(new Messages(Messages.ENGLISH));
        assertThat(shown).contains("ran out of memory").contains("-Xmx").doesNotContain("storage is full");
        assertThat(((OutOfMemoryException) e).text().in(new Messages(Messages.INDONESIAN))).contains("Memori program habis");
    }

    @Test
    void aBareOutOfMemoryErrorInsideAWriteRollsBackAndIsSaidAsSuch(@org.junit.jupiter.api.io.TempDir
                                                                    java.nio.file.Path dir) {
        try (Database db = Database.open(dir.resolve("kab"), Database.Options.of("test"))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> db.writeVoid(tx -> {
                tx.dsl().execute("CREATE TABLE IF NOT EXISTS t_oom (x INT)");
                tx.dsl().execute("INSERT INTO t_oom VALUES (1)");
                throw new OutOfMemoryError("Java heap space");
            })).isInstanceOf(OutOfMemoryException.class);
            long rows = db.read(tx -> tx.dsl().fetchCount(tx.dsl().selectFrom("t_oom")));
            assertThat(rows).as("the insert was rolled back").isZero();
        }
    }

    @Test
    void storageFailuresStayStorageFailures() {
        RuntimeException e = Database.storageOr(new RuntimeException("x",
                new SQLException("IO Exception: No space left on device", "90028", 90028)));
        assertThat(e).isInstanceOf(StorageException.class);
    }
}
