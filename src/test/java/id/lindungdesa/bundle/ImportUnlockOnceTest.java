package id.lindungdesa.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.task.Progress;
import id.lindungdesa.wiring.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several bundles imported in one run with the office key unlocked once (decision 0200): a wrong passphrase is
 * refused with the database unchanged and is not remembered, a bundle refused for its own reason says that reason
 * first, and every bundle imported with the one unlocked key gets its signed receipt.
 */
class ImportUnlockOnceTest {
    @TempDir
    Path dir;

    @Test
    void oneUnlockForSeveralBundles() throws Exception {
        try (Services serang = BundleKit.district(dir, "36.04", 41);
             Services lebak = BundleKit.district(dir, "36.02", 42);
             Services prov = BundleKit.province(dir, "36")) {
            BundleKit.enrol(serang, prov, dir);
            BundleKit.enrol(lebak, prov, dir);
            Path a = BundleKit.export(serang, dir, "36.04.ldb");
            Path b = BundleKit.export(lebak, dir, "36.02.ldb");
            var imports = prov.bundles().imports();

            // a wrong passphrase: refused, nothing saved, and the next bundle is not imported with it either
            String before = BundleKit.dump(prov);
            var wrong = imports.unlocker("bukan-kata-sandinya".toCharArray());
            for (Path f : java.util.List.of(a, b)) {
                assertThatThrownBy(() -> imports.apply(f, wrong, dir.resolve(f.getFileName() + ".r.json"),
                        Progress.NONE)).isInstanceOfSatisfying(BundleException.class,
                        e -> assertThat(e.reason()).isEqualTo(BundleException.Reason.WRONG_PASSPHRASE));
            }
            assertThat(BundleKit.dump(prov)).isEqualTo(before);

            // the right passphrase, unlocked once for both bundles: both imported, each with its signed receipt
            var key = imports.unlocker(BundleKit.PROV_PASS);
            ImportReport ra = imports.apply(a, key, dir.resolve("a.receipt.json"), Progress.NONE);
            ImportReport rb = imports.apply(b, key, dir.resolve("b.receipt.json"), Progress.NONE);
            assertThat(ra.districtCode()).isEqualTo("36.04");
            assertThat(rb.districtCode()).isEqualTo("36.02");
            assertThat(ra.counts().get("people").added()).isPositive();
            assertThat(rb.counts().get("people").added()).isPositive();
            for (String r : java.util.List.of("a.receipt.json", "b.receipt.json")) {
                assertThat(Files.readString(dir.resolve(r))).contains("application/vnd.lindungdesa.receipt+json");
            }
            assertThat(ra.savedWithoutReceiptFile()).isFalse();
            assertThat(rb.savedWithoutReceiptFile()).isFalse();
            assertThat(prov.bundles().province().stats("36", BundleKit.TODAY).totals().people())
                    .isEqualTo((int) (ra.counts().get("people").added() + rb.counts().get("people").added()));

            // a replayed bundle with a wrong passphrase says "replayed" (its own reason) before any passphrase
            String after = BundleKit.dump(prov);
            assertThatThrownBy(() -> imports.apply(a, imports.unlocker("salah-lagi".toCharArray()), null,
                    Progress.NONE)).isInstanceOfSatisfying(BundleException.class,
                    e -> assertThat(e.reason()).isEqualTo(BundleException.Reason.REPLAYED));
            assertThat(BundleKit.dump(prov)).isEqualTo(after);
        }
    }
}
