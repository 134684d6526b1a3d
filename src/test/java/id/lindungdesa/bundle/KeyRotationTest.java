package id.lindungdesa.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.domain.OfficeKey;
import id.lindungdesa.domain.TrustedKey;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.Progress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The new key is announced in a bundle signed by the old one; the receipt retires the old key. */
class KeyRotationTest {
    @TempDir
    Path dir;

    @Test
    void newKeyIsAnnouncedByTheOldOneAndTakesOverAfterTheReceipt() {
        try (Services kab = BundleKit.district(dir, "36.04", 5);
             Services prov = BundleKit.province(dir, "36")) {
            BundleKit.enrol(kab, prov, dir);
            var provPub = prov.bundles().keys().exportPublic(dir.resolve("prov.pub.json"));
            kab.bundles().trust().add(dir.resolve("prov.pub.json"), provPub.fingerprint());
            String oldKey = kab.bundles().keys().activeKey().orElseThrow().keyId();
            prov.bundles().imports().apply(BundleKit.export(kab, dir, "b1.ldb"), BundleKit.PROV_PASS, null,
                    Progress.NONE);

            OfficeKey next = kab.bundles().keys().rotate(BundleKit.PASS);
            Path b2 = BundleKit.export(kab, dir, "b2.ldb");
            var h = BundleFile.readHeader(b2, BundleFile.maxBytes());
            assertThat(h.envelope().signatures()).extracting(Dsse.Signature::keyId).containsExactly(oldKey,
                    next.keyId());
            Manifest m = Manifest.parse(h.envelope().payload());
            assertThat(m.keyId()).isEqualTo(oldKey);
            assertThat(m.keyRotation().keyId()).isEqualTo(next.keyId());

            ImportReport r = prov.bundles().imports().apply(b2, BundleKit.PROV_PASS, null, Progress.NONE);
            TrustedKey announced = prov.bundles().trust().find(next.keyId()).orElseThrow();
            assertThat(announced.introducedByKey()).isEqualTo(oldKey);
            assertThat(announced.introducedByBundle()).isEqualTo(m.bundleId());

            kab.bundles().receipts().importReceipt(r.receipt());
            assertThat(kab.bundles().keys().keys()).filteredOn(k -> k.keyId().equals(oldKey))
                    .extracting(OfficeKey::status).containsExactly(OfficeKey.Status.RETIRED);
            Path b3 = BundleKit.export(kab, dir, "b3.ldb");
            var h3 = BundleFile.readHeader(b3, BundleFile.maxBytes());
            assertThat(h3.envelope().signatures()).extracting(Dsse.Signature::keyId).containsExactly(next.keyId());
            assertThat(prov.bundles().imports().verify(b3).signer().keyId()).isEqualTo(next.keyId());
        }
    }
}
