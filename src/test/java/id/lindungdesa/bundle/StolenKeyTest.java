package id.lindungdesa.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.bundle.BundleException.Reason;
import id.lindungdesa.domain.TrustedKey;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.CliRun;
import id.lindungdesa.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12.1, the adversarial run's exact sequence on real H2 files: a thief copies the district's database (which
 * holds the encrypted key) and knows the passphrase, rotates the key, sends a bundle; the province auto-enrols the
 * announced key; the province then revokes the old key. The thief's next bundles, signed by the rotated key, must be
 * refused, and the revocation must say which announced keys went with it.
 */
class StolenKeyTest {
    @TempDir
    Path dir;

    private static String db(Path dir, String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void revokingAStolenKeyAlsoRevokesTheKeyTheThiefRotatedTo() throws Exception {
        String oldKey;
        try (Services kab = BundleKit.district(dir, "36.04", 11);
             Services prov = BundleKit.province(dir, "36")) {
            BundleKit.enrol(kab, prov, dir);
            oldKey = kab.bundles().keys().activeKey().orElseThrow().keyId();
            prov.bundles().imports().apply(BundleKit.export(kab, dir, "b1.ldb"), BundleKit.PROV_PASS, null,
                    Progress.NONE);
        }
        // the thief copies the office's database (the key is inside) and knows the passphrase
        Files.copy(dir.resolve("kab-36.04.mv.db"), dir.resolve("thief.mv.db"), StandardCopyOption.REPLACE_EXISTING);
        Path pass = dir.resolve("pass.txt");
        Files.writeString(pass, new String(BundleKit.PASS) + "\n");
        Path provPass = dir.resolve("prov-pass.txt");
        Files.writeString(provPass, new String(BundleKit.PROV_PASS) + "\n");
        String thief = db(dir, "thief");
        String prov = db(dir, "prov-36");

        CliRun rotate = CliRun.of("--db", thief, "keys", "rotate", "--passphrase-file", pass.toString());
        assertThat(rotate.exit).as(rotate.toString()).isZero();
        Path t1 = dir.resolve("thief-1.ldb");
        assertThat(CliRun.of("--db", thief, "bundle", "export", "--out", t1.toString(), "--passphrase-file",
                pass.toString()).exit).isZero();
        CliRun imported = CliRun.of("--db", prov, "bundle", "import", t1.toString(), "--passphrase-file",
                provPass.toString());
        assertThat(imported.exit).as(imported.toString()).isZero();
        String rotated;
        try (Services p = TestDb.open(dir, "prov-36", BundleKit.TODAY)) {
            TrustedKey announced = p.bundles().trust().list().stream()
                    .filter(k -> oldKey.equals(k.introducedByKey())).findFirst().orElseThrow();
            rotated = announced.keyId();
            assertThat(announced.revoked()).isFalse();
        }
        CliRun listBefore = CliRun.of("--db", prov, "trust", "list");
        assertThat(listBefore.out).contains("rantai pengumuman: " + rotated + " [DIPERCAYA/TRUSTED] \u2190 " + oldKey)
                .contains("mengumumkan " + rotated);

        // the province learns of the theft and revokes the old key: the rotated key goes with it, and it says so
        CliRun revoke = CliRun.of("--db", prov, "trust", "revoke", oldKey, "--reason", "laptop dicuri");
        assertThat(revoke.exit).as(revoke.toString()).isZero();
        assertThat(revoke.out).contains("Dicabut: " + oldKey)
                .contains("Ikut dicabut: " + rotated + " — diumumkan oleh " + oldKey)
                .contains("trust confirm");

        // the thief's next bundle, signed by the rotated key (and the old one), is refused
        Path t2 = dir.resolve("thief-2.ldb");
        assertThat(CliRun.of("--db", thief, "bundle", "export", "--out", t2.toString(), "--passphrase-file",
                pass.toString()).exit).isZero();
        String before;
        try (Services p = TestDb.open(dir, "prov-36", BundleKit.TODAY)) {
            before = BundleKit.dump(p);
        }
        CliRun refused = CliRun.of("--db", prov, "bundle", "import", t2.toString(), "--passphrase-file",
                provPass.toString());
        assertThat(refused.exit).isEqualTo(1);
        assertThat(refused.err).contains("DITOLAK [REVOKED_KEY]");
        // even after the thief imports the province's receipt (only the rotated key signs from then on)
        assertThat(CliRun.of("--db", thief, "bundle", "receipt", "import",
                t1.resolveSibling(t1.getFileName() + ".receipt.json").toString()).exit).isIn(0, 1);
        Path t3 = dir.resolve("thief-3.ldb");
        assertThat(CliRun.of("--db", thief, "bundle", "export", "--out", t3.toString(), "--passphrase-file",
                pass.toString()).exit).isZero();
        assertThat(CliRun.of("--db", prov, "bundle", "verify", t3.toString()).err).contains("REVOKED_KEY");
        try (Services p = TestDb.open(dir, "prov-36", BundleKit.TODAY)) {
            assertThat(BundleKit.dump(p)).isEqualTo(before);
            assertThatThrownBy(() -> p.bundles().imports().apply(t3, BundleKit.PROV_PASS, null, Progress.NONE))
                    .isInstanceOfSatisfying(BundleException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.REVOKED_KEY));
        }
        CliRun listAfter = CliRun.of("--db", prov, "trust", "list", "--json");
        assertThat(listAfter.out).contains("\"keyId\":\"" + rotated + "\"", "\"status\":\"DICABUT/REVOKED\"",
                "\"chain\":[\"" + rotated + "\",\"" + oldKey + "\"]");
    }

    @Test
    void aKeyAnnouncedByAnOfficeWithARevokedKeyWaitsForConfirmation() throws Exception {
        try (Services kab = BundleKit.district(dir, "36.04", 12);
             Services prov = BundleKit.province(dir, "36")) {
            Path pub1 = dir.resolve("old.pub.json");
            PublicKeyFile stolen = kab.bundles().keys().exportPublic(pub1);
            prov.bundles().trust().add(pub1, stolen.fingerprint());
            prov.bundles().trust().revoke(stolen.keyId(), "hilang / lost");
            // the office's key was replaced by hand (a second database entry): enrolled after comparing words
            kab.database().writeVoid(tx -> tx.dsl().execute("DELETE FROM office_key"));
            kab.bundles().keys().init(BundleKit.PASS);
            BundleKit.enrol(kab, prov, dir);
            // a later rotation is announced by a trusted key, but the office had a compromise: pending
            var next = kab.bundles().keys().rotate(BundleKit.PASS);
            ImportReport r = prov.bundles().imports().apply(BundleKit.export(kab, dir, "r1.ldb"),
                    BundleKit.PROV_PASS, null, Progress.NONE);
            assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains(next.keyId(), "MENUNGGU",
                    "trust confirm"));
            assertThat(prov.bundles().trust().find(next.keyId()).orElseThrow().pending()).isTrue();
            kab.database().writeVoid(tx -> kab.bundles().keys().finishRotation(tx)); // as a receipt would
        }
        // the next bundle is signed by the new key alone: refused until a person confirms it
        Path r2;
        String nextKey;
        try (Services kab = TestDb.open(dir, "kab-36.04", BundleKit.TODAY)) {
            nextKey = kab.bundles().keys().activeKey().orElseThrow().keyId();
            r2 = BundleKit.export(kab, dir, "r2.ldb");
        }
        String prov = db(dir, "prov-36");
        CliRun refused = CliRun.of("--db", prov, "bundle", "verify", r2.toString());
        assertThat(refused.exit).isEqualTo(1);
        assertThat(refused.err).contains("UNCONFIRMED_KEY", "trust confirm " + nextKey);
        CliRun wrong = CliRun.of("--db", prov, "trust", "confirm", nextKey, "--fingerprint", "abu adik air akar");
        assertThat(wrong.exit).isEqualTo(1);
        String words;
        try (Services p = TestDb.open(dir, "prov-36", BundleKit.TODAY)) {
            words = p.bundles().trust().find(nextKey).orElseThrow().fingerprint();
        }
        CliRun ok = CliRun.of("--db", prov, "trust", "confirm", nextKey, "--fingerprint", words);
        assertThat(ok.exit).as(ok.toString()).isZero();
        assertThat(CliRun.of("--db", prov, "bundle", "verify", r2.toString()).exit).isZero();
    }

    @Test
    void trustAddWarnsWhenTheDistrictAlreadyHasAnActiveKey() throws Exception {
        Path first = dir.resolve("first.pub.json");
        Path second = dir.resolve("second.pub.json");
        String firstKey;
        try (Services kab = BundleKit.district(dir, "36.04", 13);
             Services prov = BundleKit.province(dir, "36")) {
            firstKey = kab.bundles().keys().exportPublic(first).keyId();
            kab.database().writeVoid(tx -> tx.dsl().execute("DELETE FROM office_key"));
            kab.bundles().keys().init(BundleKit.PASS);
            kab.bundles().keys().exportPublic(second);
        }
        String prov = db(dir, "prov-36");
        CliRun a = CliRun.of("--db", prov, "trust", "add", first.toString(), "--yes");
        assertThat(a.exit).isZero();
        assertThat(a.out).doesNotContain("sudah punya kunci aktif");
        CliRun b = CliRun.of("--db", prov, "trust", "add", second.toString(), "--yes");
        assertThat(b.exit).isZero();
        assertThat(b.out).contains("36.04 sudah punya kunci aktif " + firstKey, "trust revoke");
    }
}
