package id.lindungdesa.field;

import static id.lindungdesa.field.FieldReturnMergeTest.OP;
import static id.lindungdesa.field.FieldReturnMergeTest.districtWords;
import static id.lindungdesa.field.FieldReturnMergeTest.enrolOfficer;
import static id.lindungdesa.field.FieldReturnMergeTest.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.bundle.BundleException;
import id.lindungdesa.bundle.BundleKit;
import id.lindungdesa.bundle.KeyCrypto;
import id.lindungdesa.bundle.PublicKeyFile;
import id.lindungdesa.domain.TrustedKey;
import id.lindungdesa.persistence.KeyRepository;
import id.lindungdesa.task.Progress;
import id.lindungdesa.wiring.Services;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issues 18 and 15 together: the province revokes a stolen officer key and sends the revocation down in a reference
 * pack; from the moment the district applies the pack, a field return signed by that key is refused and the district
 * is unchanged. Before the pack the same return merges.
 */
class FieldReturnRevokedByPackTest {
    @TempDir
    Path dir;

    @Test
    void aFieldReturnSignedByAKeyRevokedThroughAPackIsRefused() throws Exception {
        Path ret = dir.resolve("kembali.ldf");
        Path officerPub = dir.resolve("officer.pub.json");
        Path pack = dir.resolve("paket-acuan.ldr");
        String provWords;
        String officerKey;
        try (Services prov = BundleKit.province(dir, "36");
             Services kab = BundleKit.district(dir, "36.04", 5);
             Services kec = FieldPackageExportTest.officer(dir, "kec", "36.04.01")) {
            provWords = prov.bundles().keys().activeKey().orElseThrow().fingerprint();
            officerKey = enrolOfficer(kab, kec, dir);
            kab.field().packages().export("36.04.01", officerKey, dir.resolve("paket.ldf"), BundleKit.PASS,
                    Progress.NONE);
            kec.field().visits().open(dir.resolve("paket.ldf"), districtWords(kab), false, OP);
            var s = subject(kab, "36.04.01");
            kec.roster().updatePerson(FieldReturnMergeTest.withPhone(FieldReturnMergeTest.person(kec, s.person().id()),
                    "081298765432"));
            kec.field().visits().writeReturn(ret, OP);

            // The province hears of the stolen laptop: it knows the officer's key and revokes it.
            PublicKeyFile f = kec.bundles().keys().exportPublic(officerPub);
            BundleKit.enrol(kab, prov, dir);
            prov.database().writeVoid(tx -> new KeyRepository().insertTrusted(tx, new TrustedKey(f.keyId(),
                    KeyCrypto.ALGORITHM, f.publicKey(), f.fingerprint(), f.officeCode(), f.officeName(),
                    f.officeLevel(), OffsetDateTime.now(prov.clock()), "test", null, null, null, null)));
            prov.bundles().trust().revoke(officerKey, "laptop dicuri");
            prov.bundles().refpacks().export(pack, BundleKit.PROV_PASS, "90d");
            // Before the pack the district would still merge it: the dry run finds the change to apply.
            assertThat(kab.field().merges().merge(ret, true, BundleKit.PASS).applied()).isEqualTo(1);
        }
        try (Services kab = id.lindungdesa.testing.TestDb.open(dir, "kab-36.04", BundleKit.TODAY)) {
            kab.bundles().refpacks().importPack(pack, provWords, false);
            String before = BundleKit.dump(kab);
            long audit = kab.audit().count();
            assertThatThrownBy(() -> kab.field().merges().merge(ret, false, BundleKit.PASS))
                    .isInstanceOf(BundleException.class)
                    .satisfies(e -> assertThat(((BundleException) e).reason())
                            .isEqualTo(BundleException.Reason.REVOKED_KEY));
            assertThat(BundleKit.dump(kab)).isEqualTo(before);
            assertThat(kab.audit().count()).isEqualTo(audit);
        }
    }
}
