package id.lindungdesa.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.bundle.BundleException;
import id.lindungdesa.bundle.BundleKit;
import id.lindungdesa.bundle.FieldManifest;
import id.lindungdesa.bundle.PublicKeyFile;
import id.lindungdesa.domain.FieldPackage;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Person;
import id.lindungdesa.persistence.JsonMappers;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.TestDb;
import id.lindungdesa.wiring.Services;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15.2 on real H2 files: the district issues a field package of one kecamatan to its enrolled officer; the
 * manifest is readable and signed, personal data is sealed to the officer (HPKE), the district lists the package with
 * the version of every record, and bad requests are refused with the district database unchanged.
 */
class FieldPackageExportTest {
    static final char[] OFFICER_PASS = "sandi-petugas-2026".toCharArray();

    @TempDir
    Path dir;

    static Services officer(Path dir, String name, String kecamatan) {
        Services s = TestDb.open(dir, name, BundleKit.TODAY);
        s.office().init(OfficeLevel.SUBDISTRICT, kecamatan, "Kecamatan " + name, "Petugas " + name);
        s.bundles().keys().init(OFFICER_PASS);
        return s;
    }

    /** Each side enrols the other's key after comparing the words. */
    static String enrolBoth(Services district, Services officer, Path dir) throws Exception {
        Path op = Files.createTempFile(dir, "officer", ".pub.json");
        PublicKeyFile of = officer.bundles().keys().exportPublic(op);
        district.bundles().trust().add(op, of.fingerprint());
        Path dp = Files.createTempFile(dir, "district", ".pub.json");
        PublicKeyFile df = district.bundles().keys().exportPublic(dp);
        officer.bundles().trust().add(dp, df.fingerprint());
        return of.keyId();
    }

    @Test
    void thePackageIsSignedReadableSealedToTheOfficerAndListed() throws Exception {
        try (Services kab = BundleKit.district(dir, "36.04", 7);
             Services kec = officer(dir, "kec-a", "36.04.01");
             Services other = officer(dir, "kec-b", "36.04.01")) {
            String officerKey = enrolBoth(kab, kec, dir);
            enrolBoth(kab, other, dir);
            Person somebody = kab.roster().snapshot("36.04.01", BundleKit.TODAY).people().values().iterator().next();

            Path out = dir.resolve("paket-36.04.01.ldf");
            var r = kab.field().packages().export("36.04.01", officerKey, out, BundleKit.PASS, Progress.NONE);
            FieldManifest m = r.manifest();
            assertThat(m.kind()).isEqualTo("field-package");
            assertThat(m.kecamatan().code()).isEqualTo("36.04.01");
            assertThat(m.recipient().keyId()).isEqualTo(officerKey);
            assertThat(m.issuerKey().encryptionKey()).isNotNull();
            assertThat(m.counts().get("people")).isGreaterThan(10);

            // The manifest is readable; no NIK or name is in the file in clear.
            byte[] bytes = Files.readAllBytes(out);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            JsonNode env = JsonMappers.MAPPER.readTree(text.lines().findFirst().orElseThrow());
            String manifest = new String(java.util.Base64.getDecoder().decode(env.get("payload").stringValue()),
                    StandardCharsets.UTF_8);
            assertThat(manifest).contains("\"kind\" : \"field-package\"").contains("36.04.01")
                    .contains(Hpke_SUITE());
            assertThat(text).doesNotContain(somebody.nik()).doesNotContain(somebody.fullName());

            // The officer verifies it against the district key and opens it; the personal data is there.
            FieldBundles.Checked c = FieldBundles.verify(out, id -> kec.bundles().trust().find(id));
            assertThat(c.manifest().bundleId()).isEqualTo(r.issued().packageId());
            String plain = new String(FieldBundles.open(c, kec.bundles().keys().encryptionKeys(), OFFICER_PASS),
                    StandardCharsets.UTF_8);
            int nl = plain.indexOf('\n');
            JsonNode head = JsonMappers.MAPPER.readTree(plain.substring(0, nl));
            JsonNode snapshot = JsonMappers.MAPPER.readTree(plain.substring(nl + 1));
            assertThat(head.get("kind").stringValue()).isEqualTo("field-package");
            assertThat(head.get("rates").size()).isEqualTo(m.counts().get("rates").intValue());
            assertThat(head.get("agreements").size()).isEqualTo(m.counts().get("agreements").intValue());
            assertThat(snapshot.get("people").size()).isEqualTo(m.counts().get("people").intValue());
            assertThat(snapshot.get("villages").size()).isEqualTo(m.counts().get("villages").intValue());
            assertThat(snapshot.get("subdistricts").size()).isEqualTo(m.counts().get("subdistricts").intValue());
            assertThat(snapshot.get("district").get("code").stringValue()).isEqualTo("36.04.01");
            assertThat(plain).contains(somebody.nik());

            // Another officer of the same kecamatan cannot open it, and is told so plainly.
            FieldBundles.Checked c2 = FieldBundles.verify(out, id -> other.bundles().trust().find(id));
            assertThatThrownBy(() -> FieldBundles.open(c2, other.bundles().keys().encryptionKeys(), OFFICER_PASS))
                    .isInstanceOf(BundleException.class).hasMessageContaining("tidak dapat dibuka");

            // The district lists the package with the version of every record it carried.
            FieldPackage p = kab.field().packages().issued().getFirst();
            assertThat(p.state()).isEqualTo(FieldPackage.State.SENT);
            assertThat(p.kecamatanCode()).isEqualTo("36.04.01");
            assertThat(p.officerKeyId()).isEqualTo(officerKey);
            assertThat(kab.field().packages().recordCount(p.packageId())).isEqualTo(
                    m.counts().get("people") + m.counts().get("posts") + m.counts().get("enrolments"));
            assertThat(kab.field().packages().baseVersion(p.packageId(), "person", somebody.id()))
                    .contains(somebody.version());

            // A second package chains to the first.
            var r2 = kab.field().packages().export("36.04.01", officerKey, dir.resolve("paket-2.ldf"), BundleKit.PASS,
                    Progress.NONE);
            assertThat(r2.manifest().sequence()).isEqualTo(2);
            assertThat(r2.manifest().previousBundleSha256()).isEqualTo(p.statementSha256());
        }
    }

    @Test
    void aPackageChangedByOneByteIsRefused() throws Exception {
        try (Services kab = BundleKit.district(dir, "36.04", 7);
             Services kec = officer(dir, "kec-a", "36.04.01")) {
            String officerKey = enrolBoth(kab, kec, dir);
            Path out = dir.resolve("paket.ldf");
            kab.field().packages().export("36.04.01", officerKey, out, BundleKit.PASS, Progress.NONE);
            byte[] b = Files.readAllBytes(out);
            b[b.length - 10] ^= 1; // inside the ciphertext
            Path changed = dir.resolve("changed.ldf");
            Files.write(changed, b);
            assertThatThrownBy(() -> FieldBundles.verify(changed, id -> kec.bundles().trust().find(id)))
                    .isInstanceOf(BundleException.class)
                    .extracting(e -> ((BundleException) e).reason()).isEqualTo(BundleException.Reason.PAYLOAD_CHANGED);
            // A changed manifest: the signature no longer holds.
            String s = Files.readString(out, StandardCharsets.ISO_8859_1);
            int i = s.indexOf("\"payload\":\"") + 20;
            String flipped = s.substring(0, i) + (s.charAt(i) == 'A' ? 'B' : 'A') + s.substring(i + 1);
            Files.writeString(changed, flipped, StandardCharsets.ISO_8859_1);
            assertThatThrownBy(() -> FieldBundles.verify(changed, id -> kec.bundles().trust().find(id)))
                    .isInstanceOf(BundleException.class);
        }
    }

    @Test
    void badRequestsAreRefusedWithTheDistrictUnchanged() throws Exception {
        try (Services kab = BundleKit.district(dir, "36.04", 7);
             Services kec = officer(dir, "kec-a", "36.04.01");
             Services elsewhere = officer(dir, "kec-c", "36.04.02")) {
            String officerKey = enrolBoth(kab, kec, dir);
            String otherKey = enrolBoth(kab, elsewhere, dir);
            String before = BundleKit.dump(kab);
            // unknown officer key
            assertThatThrownBy(() -> kab.field().packages().export("36.04.01", "0123456789abcdef",
                    dir.resolve("a.ldf"), BundleKit.PASS, Progress.NONE))
                    .isInstanceOf(BundleException.class).hasMessageContaining("belum didaftarkan");
            // a kecamatan outside the district
            assertThatThrownBy(() -> kab.field().packages().export("36.03.01", officerKey,
                    dir.resolve("b.ldf"), BundleKit.PASS, Progress.NONE))
                    .isInstanceOf(BundleException.class).hasMessageContaining("36.03.01");
            // the officer of another kecamatan
            assertThatThrownBy(() -> kab.field().packages().export("36.04.01", otherKey,
                    dir.resolve("c.ldf"), BundleKit.PASS, Progress.NONE))
                    .isInstanceOf(BundleException.class).hasMessageContaining("36.04.02");
            assertThat(BundleKit.dump(kab)).isEqualTo(before);
            // a revoked officer key
            kab.bundles().trust().revoke(officerKey, "laptop hilang");
            String afterRevoke = BundleKit.dump(kab);
            assertThatThrownBy(() -> kab.field().packages().export("36.04.01", officerKey,
                    dir.resolve("d.ldf"), BundleKit.PASS, Progress.NONE))
                    .isInstanceOf(BundleException.class)
                    .extracting(e -> ((BundleException) e).reason()).isEqualTo(BundleException.Reason.REVOKED_KEY);
            assertThat(BundleKit.dump(kab)).isEqualTo(afterRevoke);
            assertThat(afterRevoke).isNotEqualTo(before); // the revocation itself was recorded
            assertThat(kab.field().packages().issued()).isEmpty();
            assertThat(dir.resolve("a.ldf")).doesNotExist();
            assertThat(dir.resolve("d.ldf")).doesNotExist();
        }
    }

    private static String Hpke_SUITE() {
        return id.lindungdesa.bundle.Hpke.SUITE;
    }
}
