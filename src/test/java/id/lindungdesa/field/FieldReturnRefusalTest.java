package id.lindungdesa.field;

import static id.lindungdesa.field.FieldReturnMergeTest.OP;
import static id.lindungdesa.field.FieldReturnMergeTest.districtWords;
import static id.lindungdesa.field.FieldReturnMergeTest.enrolOfficer;
import static id.lindungdesa.field.FieldReturnMergeTest.person;
import static id.lindungdesa.field.FieldReturnMergeTest.subject;
import static id.lindungdesa.field.FieldReturnMergeTest.withPhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.bundle.BundleException;
import id.lindungdesa.bundle.BundleKit;
import id.lindungdesa.bundle.PublicKeyFile;
import id.lindungdesa.domain.Person;
import id.lindungdesa.task.Progress;
import id.lindungdesa.wiring.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input of issue 15: refused with a message saying what is wrong, the database exactly as before. */
class FieldReturnRefusalTest {
    @TempDir
    Path dir;

    private static void refused(Services s, Runnable r, BundleException.Reason reason, String text) {
        String before = BundleKit.dump(s);
        long audit = s.audit().count();
        assertThatThrownBy(r::run).isInstanceOf(BundleException.class).hasMessageContaining(text)
                .satisfies(e -> assertThat(((BundleException) e).reason()).isEqualTo(reason));
        assertThat(BundleKit.dump(s)).isEqualTo(before);
        assertThat(s.audit().count()).isEqualTo(audit);
    }

    private static Path flipOneByte(Path src, Path dst, boolean inManifest) throws Exception {
        byte[] b = Files.readAllBytes(src);
        int at = inManifest ? 40 : b.length - 10;
        b[at] ^= 0x01;
        Files.write(dst, b);
        return dst;
    }

    @Test
    void packagesChangedForAnotherOfficerOrWithTheWrongWords() throws Exception {
        try (Services kab = BundleKit.district(dir, "36.04", 5);
             Services kec = FieldPackageExportTest.officer(dir, "kec", "36.04.01");
             Services other = FieldPackageExportTest.officer(dir, "kec-b", "36.04.01")) {
            String key = enrolOfficer(kab, kec, dir);
            enrolOfficer(kab, other, dir);
            Path pkg = dir.resolve("paket.ldf");
            kab.field().packages().export("36.04.01", key, pkg, BundleKit.PASS, Progress.NONE);
            String words = districtWords(kab);
            // changed by one byte: in the ciphertext, and in the signed manifest
            Path c1 = flipOneByte(pkg, dir.resolve("ubah-1.ldf"), false);
            refused(kec, () -> kec.field().visits().open(c1, words, false, OP), BundleException.Reason.PAYLOAD_CHANGED,
                    "");
            Path c2 = flipOneByte(pkg, dir.resolve("ubah-2.ldf"), true);
            assertThatThrownBy(() -> kec.field().visits().open(c2, words, false, OP))
                    .isInstanceOf(BundleException.class);
            // the wrong fingerprint
            refused(kec, () -> kec.field().visits().open(pkg, "kopi kopi kopi kopi kopi kopi kopi kopi", false, OP),
                    BundleException.Reason.BAD_SIGNATURE, "tidak cocok");
            // meant for another officer: it cannot be decrypted, said plainly
            refused(other, () -> other.field().visits().open(pkg, words, false, OP), BundleException.Reason.WRONG_ISSUER,
                    "tidak dapat dibuka");
        }
    }

    @Test
    void returnsChangedUnknownRevokedNeverIssuedOutOfScopeOrReplayed() throws Exception {
        try (Services kab = BundleKit.district(dir, "36.04", 5);
             Services kab2 = BundleKit.district(dir.resolve("b"), "36.04", 9);
             Services kec = FieldPackageExportTest.officer(dir, "kec", "36.04.01")) {
            String key = enrolOfficer(kab, kec, dir);
            Path pkg = dir.resolve("paket.ldf");
            kab.field().packages().export("36.04.01", key, pkg, BundleKit.PASS, Progress.NONE);
            kec.field().visits().open(pkg, districtWords(kab), false, OP);
            var s = subject(kab, "36.04.01");
            kec.roster().updatePerson(withPhone(person(kec, s.person().id()), "081111111111"));
            Path ret = dir.resolve("kembali.ldf");
            kec.field().visits().writeReturn(ret, OP);

            // changed by one byte
            Path c1 = flipOneByte(ret, dir.resolve("kembali-ubah.ldf"), false);
            refused(kab, () -> kab.field().merges().merge(c1, false, BundleKit.PASS),
                    BundleException.Reason.PAYLOAD_CHANGED, "");
            Path c2 = flipOneByte(ret, dir.resolve("kembali-ubah2.ldf"), true);
            String before = BundleKit.dump(kab);
            assertThatThrownBy(() -> kab.field().merges().merge(c2, false, BundleKit.PASS))
                    .isInstanceOf(BundleException.class);
            assertThat(BundleKit.dump(kab)).isEqualTo(before);
            // signed by an unknown officer key (a district that never enrolled this officer)
            refused(kab2, () -> kab2.field().merges().merge(ret, false, BundleKit.PASS),
                    BundleException.Reason.UNKNOWN_KEY, "");
            // a package this district never issued
            Path op = Files.createTempFile(dir, "officer", ".pub.json");
            PublicKeyFile of = kec.bundles().keys().exportPublic(op);
            kab2.bundles().trust().add(op, of.fingerprint());
            refused(kab2, () -> kab2.field().merges().merge(ret, false, BundleKit.PASS),
                    BundleException.Reason.NOT_FOUND, "tidak pernah diterbitkan");

            // a record outside the officer's kecamatan
            Person p = person(kec, s.person().id());
            kec.roster().updatePerson(new Person(p.id(), p.version(), p.nik(), p.fullName(), p.sex(), p.birthDate(),
                    p.birthPlace(), p.nkk(), p.phone(), p.employmentStatus(), "36.04.02.2001"));
            Path outside = dir.resolve("kembali-luar.ldf");
            kec.field().visits().writeReturn(outside, OP);
            refused(kab, () -> kab.field().merges().merge(outside, false, BundleKit.PASS),
                    BundleException.Reason.WRONG_ISSUER, "di luar kecamatan");

            // the first return merges; merged again, or an older one after a newer, it is refused
            kab.field().merges().merge(ret, false, BundleKit.PASS);
            refused(kab, () -> kab.field().merges().merge(ret, false, BundleKit.PASS), BundleException.Reason.REPLAYED,
                    "sudah digabung");

            // signed by a revoked officer key
            kab.bundles().trust().revoke(key, "laptop hilang");
            refused(kab, () -> kab.field().merges().merge(outside, false, BundleKit.PASS),
                    BundleException.Reason.REVOKED_KEY, "");
        }
    }

    /**
     * All or nothing: a merge that fails after it has already written (the first person's phone is applied, then the
     * second person's record turns out to be outside the kecamatan) leaves the district exactly as before.
     */
    @Test
    void aMergeThatFailsPartWayLeavesTheDistrictUnchanged() throws Exception {
        try (Services kab = BundleKit.district(dir, "36.04", 5);
             Services kec = FieldPackageExportTest.officer(dir, "kec", "36.04.01")) {
            String key = enrolOfficer(kab, kec, dir);
            Path pkg = dir.resolve("paket.ldf");
            kab.field().packages().export("36.04.01", key, pkg, BundleKit.PASS, Progress.NONE);
            kec.field().visits().open(pkg, districtWords(kab), false, OP);
            java.util.List<Person> ps = FieldRefreshReceiptTest.people(kab, "36.04.01", 4); // sorted by id
            Person first = ps.get(0);
            Person second = ps.get(1);
            assertThat(first.id()).isLessThan(second.id()); // the return lists (and the merge applies) it first
            kec.roster().updatePerson(withPhone(person(kec, first.id()), "081999000111"));
            Person p = person(kec, second.id());
            kec.roster().updatePerson(new Person(p.id(), p.version(), p.nik(), p.fullName(), p.sex(), p.birthDate(),
                    p.birthPlace(), p.nkk(), p.phone(), p.employmentStatus(), "36.04.02.2001"));
            Path ret = dir.resolve("kembali.ldf");
            kec.field().visits().writeReturn(ret, OP);

            refused(kab, () -> kab.field().merges().merge(ret, false, BundleKit.PASS),
                    BundleException.Reason.WRONG_ISSUER, "di luar kecamatan");
            assertThat(person(kab, first.id()).phone()).isEqualTo(first.phone());
            assertThat(kab.field().merges().merged()).isEmpty();
            assertThat(kab.field().merges().openConflicts()).isEmpty();
        }
    }
}
