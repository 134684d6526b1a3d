package id.lindungdesa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.bundle.BundleKit;
import id.lindungdesa.persistence.ServerAddress;
import id.lindungdesa.persistence.TableContents;
import id.lindungdesa.testing.Backend;
import id.lindungdesa.testing.CliRun;
import id.lindungdesa.wiring.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16, bad input: the connection to the server is lost in the middle of an import. The server ends the
 * importing session (as a restart, a network cut or an administrator's {@code pg_terminate_backend} does) while
 * the import is writing the district's people. The clerk gets the "connection lost" message and exit code 3, the
 * database is exactly as before (the server rolled the transaction back), and the same command run again lands.
 */
class ServerLostMidImportTest {
    @TempDir
    Path dir;

    @BeforeEach
    void home() {
        System.setProperty("lindungdesa.home", dir.resolve("home").toString());
    }

    @AfterEach
    void noHome() {
        System.clearProperty("lindungdesa.home");
    }

    private static TableContents.Facts facts(ServerAddress db) throws Exception {
        try (var c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            return TableContents.facts(c);
        }
    }

    @Test
    void anImportWhoseConnectionIsCutRollsBackSaysSoWithExitThreeAndARetryLands() throws Exception {
        Path bundle;
        ServerAddress db;
        long districtPeople;
        try (Services serang = BundleKit.district(dir, "36.04", 41);
             Services prov = BundleKit.province(dir, "36", Backend.POSTGRESQL)) {
            BundleKit.enrol(serang, prov, dir);
            bundle = BundleKit.export(serang, dir, "serang.ldb");
            db = prov.database().server();
            districtPeople = serang.database().withConnection(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM person")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
        }
        String url = id.lindungdesa.testing.TestPostgres.url(db);
        Path pass = Files.writeString(dir.resolve("pass.txt"), new String(BundleKit.PROV_PASS));
        // this desk has opened the store once (its own audit key is registered then), as before any import
        assertThat(CliRun.of("--db", url, "stats", "--json").exit).isZero();
        TableContents.Facts before = facts(db);

        // the "network cut": once the import's transaction holds rows of the district's people, end its session
        AtomicInteger cut = new AtomicInteger();
        AtomicReference<Throwable> watcherFailed = new AtomicReference<>();
        Thread watcher = new Thread(() -> {
            try (var c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                 var find = c.prepareStatement("SELECT l.pid FROM pg_locks l JOIN pg_class t ON t.oid = l.relation "
                         + "WHERE t.relname = 'prov_person' AND l.mode = 'RowExclusiveLock' AND l.granted "
                         + "AND l.pid <> pg_backend_pid() AND l.database = "
                         + "(SELECT oid FROM pg_database WHERE datname = current_database())");
                 var kill = c.prepareStatement("SELECT pg_terminate_backend(?)")) {
                long until = System.nanoTime() + 120_000_000_000L;
                while (System.nanoTime() < until && !Thread.currentThread().isInterrupted()) {
                    try (var rs = find.executeQuery()) {
                        if (rs.next()) {
                            kill.setInt(1, rs.getInt(1));
                            try (var k = kill.executeQuery()) {
                                k.next();
                                if (k.getBoolean(1)) cut.incrementAndGet();
                            }
                            return;
                        }
                    }
                    Thread.sleep(2);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                watcherFailed.set(e);
            }
        }, "network-cut");
        watcher.start();
        CliRun lost = CliRun.of("--db", url, "bundle", "import", bundle.toString(), "--passphrase-file",
                pass.toString(), "--receipt-out", dir.resolve("receipt.json").toString());
        watcher.interrupt();
        watcher.join(10_000);
        assertThat(watcherFailed.get()).isNull();
        assertThat(cut.get()).as("the import's session was ended while it wrote the district's people").isEqualTo(1);

        assertThat(lost.exit).as(lost.toString()).isEqualTo(3);
        assertThat(lost.err).contains("terputus di tengah pekerjaan", "Tidak ada yang disimpan", "lalu ulangi",
                db.host()).doesNotContain(String.valueOf(db.password()));
        assertThat(Files.exists(dir.resolve("receipt.json"))).as("no receipt for an import that did not land").isFalse();
        assertThat(facts(db)).as("nothing half-written").isEqualTo(before);

        // the clerk runs the same command again: it lands whole
        CliRun retry = CliRun.of("--db", url, "bundle", "import", bundle.toString(), "--passphrase-file",
                pass.toString(), "--receipt-out", dir.resolve("receipt.json").toString());
        assertThat(retry.exit).as(retry.toString()).isZero();
        assertThat(Files.exists(dir.resolve("receipt.json"))).isTrue();
        CliRun stats = CliRun.of("--db", url, "stats", "--json");
        assertThat(stats.exit).as(stats.toString()).isZero();
        assertThat(JsonMapper.builder().build().readTree(stats.out).get("people").asLong()).isEqualTo(districtPeople);
    }
}
