package id.lindungdesa.bundle;

import static id.lindungdesa.persistence.jooq.Tables.PROV_PERSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.Backend;
import id.lindungdesa.wiring.Services;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: on a server database the province's long reads (stats, coverage, reporting) run in one read-only
 * transaction ({@code Database.readOnly}): an import commits while a report is half-way, without waiting for it,
 * and the report sees one state throughout; a write inside it is refused by the server.
 */
class ReadOnlyReportTest {
    @TempDir
    Path dir;

    @Test
    void anImportLandsWhileAReportIsHalfWayAndTheReportSeesOneState() throws Exception {
        try (Services serang = BundleKit.district(dir, "36.04", 5); Services lebak = BundleKit.district(dir, "36.02", 6);
             Services prov = BundleKit.province(dir, "36", Backend.POSTGRESQL)) {
            BundleKit.enrol(serang, prov, dir);
            BundleKit.enrol(lebak, prov, dir);
            prov.bundles().imports().apply(BundleKit.export(serang, dir, "serang.ldb"), BundleKit.PROV_PASS, null,
                    Progress.NONE);
            Path lebakBundle = BundleKit.export(lebak, dir, "lebak.ldb");
            int serangPeople = prov.bundles().province().stats("", BundleKit.TODAY).totals().people();
            assertThat(serangPeople).isPositive();

            CountDownLatch halfWay = new CountDownLatch(1);
            CountDownLatch imported = new CountDownLatch(1);
            CompletableFuture<int[]> report = CompletableFuture.supplyAsync(() -> prov.database().readOnly(tx -> {
                int first = tx.dsl().fetchCount(PROV_PERSON);
                halfWay.countDown();
                try {
                    assertThat(imported.await(60, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return new int[] {first, tx.dsl().fetchCount(PROV_PERSON)};
            }));
            assertThat(halfWay.await(30, TimeUnit.SECONDS)).isTrue();
            // the report's transaction is open: the import neither waits for it nor is refused
            var r = CompletableFuture.supplyAsync(() -> prov.bundles().imports().apply(lebakBundle,
                    BundleKit.PROV_PASS, null, Progress.NONE)).get(60, TimeUnit.SECONDS);
            assertThat(r.districtCode()).isEqualTo("36.02");
            imported.countDown();
            int[] counts = report.get(60, TimeUnit.SECONDS);
            assertThat(counts[1]).as("the report saw one state").isEqualTo(counts[0]);

            var after = prov.bundles().province().stats("", BundleKit.TODAY);
            assertThat(after.totals().people()).isGreaterThan(serangPeople);
            assertThat(after.districts()).extracting(d -> d.code()).contains("36.02", "36.04");
            int now = prov.database().read(tx -> tx.dsl().fetchCount(PROV_PERSON));
            assertThat(now).isGreaterThan(counts[0]);
        }
    }

    @Test
    void aWriteInsideAReadOnlyTransactionIsRefusedAndChangesNothing() {
        try (Services serang = BundleKit.district(dir, "36.04", 5);
             Services prov = BundleKit.province(dir, "36", Backend.POSTGRESQL)) {
            BundleKit.enrol(serang, prov, dir);
            prov.bundles().imports().apply(BundleKit.export(serang, dir, "serang.ldb"), BundleKit.PROV_PASS, null,
                    Progress.NONE);
            String before = BundleKit.dump(prov);
            assertThatThrownBy(() -> prov.database().readOnly(tx -> tx.dsl().deleteFrom(PROV_PERSON).execute()))
                    .hasMessageContaining("read-only transaction");
            assertThat(BundleKit.dump(prov)).isEqualTo(before);
        }
    }
}
