package id.lindungdesa.field;

import static id.lindungdesa.field.FieldReturnMergeTest.OP;
import static id.lindungdesa.field.FieldReturnMergeTest.districtWords;
import static id.lindungdesa.field.FieldReturnMergeTest.enrolOfficer;
import static id.lindungdesa.field.FieldReturnMergeTest.person;
import static id.lindungdesa.field.FieldReturnMergeTest.withBirthDate;
import static id.lindungdesa.field.FieldReturnMergeTest.withPhone;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.bundle.BundleKit;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Post;
import id.lindungdesa.persistence.PersonRepository;
import id.lindungdesa.persistence.PostRepository;
import id.lindungdesa.task.Progress;
import id.lindungdesa.wiring.Services;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15 steps 5-7 on real H2 files: receipt, refresh with unreturned edits, two officers of one kecamatan. */
class FieldRefreshReceiptTest {
    @TempDir
    Path dir;

    static List<Person> people(Services s, String kec, int n) {
        return s.database().read(tx -> new PostRepository().listWithin(tx, kec).stream().map(Post::personId)
                .distinct().sorted().limit(n).map(id -> new PersonRepository().find(tx, id).orElseThrow())
                .filter(p -> p.birthDate() != null).toList());
    }

    static Person withName(Person p, String name) {
        return new Person(p.id(), p.version(), p.nik(), name, p.sex(), p.birthDate(), p.birthPlace(), p.nkk(),
                p.phone(), p.employmentStatus(), p.homeVillageCode());
    }

    @Test
    void refreshKeepsUnreturnedEditsAndTheReceiptMarksThemDelivered() throws Exception {
        try (Services kab = BundleKit.district(dir, "36.04", 5);
             Services kec = FieldPackageExportTest.officer(dir, "kec", "36.04.01")) {
            String key = enrolOfficer(kab, kec, dir);
            kab.field().packages().export("36.04.01", key, dir.resolve("p1.ldf"), BundleKit.PASS, Progress.NONE);
            kec.field().visits().open(dir.resolve("p1.ldf"), districtWords(kab), false, OP);
            Person a = people(kab, "36.04.01", 3).getFirst();
            kec.roster().updatePerson(withPhone(person(kec, a.id()), "081222333444"));

            // The district renames the same person and issues a newer package; the officer refreshes.
            kab.roster().updatePerson(withName(person(kab, a.id()), "NAMA BARU DARI KABUPATEN"));
            kab.field().packages().export("36.04.01", key, dir.resolve("p2.ldf"), BundleKit.PASS, Progress.NONE);
            var refreshed = kec.field().visits().open(dir.resolve("p2.ldf"), null, false, OP);
            assertThat(refreshed.refreshed()).isTrue();
            assertThat(refreshed.reapplied()).isEqualTo(1);
            Person local = person(kec, a.id());
            assertThat(local.fullName()).isEqualTo("NAMA BARU DARI KABUPATEN"); // the new base
            assertThat(local.phone()).isEqualTo("081222333444");               // the unreturned edit kept
            assertThat(kec.field().visits().pendingCounts().get("changed")).isEqualTo(1);

            Path ret = dir.resolve("r1.ldf");
            kec.field().visits().writeReturn(ret, OP);
            var merged = kab.field().merges().merge(ret, false, BundleKit.PASS);
            assertThat(merged.applied()).isEqualTo(1);
            assertThat(merged.conflicts()).isEmpty();
            assertThat(person(kab, a.id()).phone()).isEqualTo("081222333444");
            assertThat(person(kab, a.id()).fullName()).isEqualTo("NAMA BARU DARI KABUPATEN");
            assertThat(merged.receipt()).exists();

            // The receipt marks the return delivered; the next return carries nothing already delivered.
            var receipt = kec.field().visits().importReceipt(merged.receipt());
            assertThat(receipt.sequence()).isEqualTo(1);
            assertThat(receipt.rebased()).isTrue();
            assertThat(kec.field().visits().returns().getFirst().deliveredAt()).isNotNull();
            assertThat(kec.field().visits().pendingCounts().get("changed")).isZero();
            var next = kec.field().visits().writeReturn(dir.resolve("r2.ldf"), OP);
            assertThat(next.manifest().sequence()).isEqualTo(2);
            assertThat(next.manifest().previousBundleSha256()).isNotNull();
            assertThat(next.manifest().counts().get("changed")).isZero();
        }
    }

    @Test
    void twoOfficersOfOneKecamatanMergeAndTheirConflictNamesBoth() throws Exception {
        try (Services kab = BundleKit.district(dir, "36.04", 5);
             Services ka = FieldPackageExportTest.officer(dir, "kec-a", "36.04.01");
             Services kb = FieldPackageExportTest.officer(dir, "kec-b", "36.04.01")) {
            String keyA = enrolOfficer(kab, ka, dir);
            String keyB = enrolOfficer(kab, kb, dir);
            kab.field().packages().export("36.04.01", keyA, dir.resolve("pa.ldf"), BundleKit.PASS, Progress.NONE);
            kab.field().packages().export("36.04.01", keyB, dir.resolve("pb.ldf"), BundleKit.PASS, Progress.NONE);
            ka.field().visits().open(dir.resolve("pa.ldf"), districtWords(kab), false, OP);
            kb.field().visits().open(dir.resolve("pb.ldf"), districtWords(kab), false, OP);
            List<Person> ps = people(kab, "36.04.01", 4);
            Person one = ps.get(0);
            Person two = ps.get(1);
            Person three = ps.get(2);
            ka.roster().updatePerson(withPhone(person(ka, one.id()), "0811000001"));
            kb.roster().updatePerson(withPhone(person(kb, two.id()), "0811000002"));
            ka.roster().updatePerson(withBirthDate(person(ka, three.id()), three.birthDate().plusDays(1)));
            kb.roster().updatePerson(withBirthDate(person(kb, three.id()), three.birthDate().plusDays(2)));
            kb.roster().updatePerson(withPhone(person(kb, three.id()), "0811000003"));
            ka.field().visits().writeReturn(dir.resolve("ra.ldf"), OP);
            kb.field().visits().writeReturn(dir.resolve("rb.ldf"), OP);

            // B first, then A: where they do not clash, both land.
            var rb = kab.field().merges().merge(dir.resolve("rb.ldf"), false, BundleKit.PASS);
            var ra = kab.field().merges().merge(dir.resolve("ra.ldf"), false, BundleKit.PASS);
            assertThat(rb.conflicts()).isEmpty();
            assertThat(person(kab, one.id()).phone()).isEqualTo("0811000001");
            assertThat(person(kab, two.id()).phone()).isEqualTo("0811000002");
            assertThat(person(kab, three.id()).phone()).isEqualTo("0811000003");
            // Where they clash, the conflict names both officers.
            assertThat(ra.conflicts()).hasSize(1);
            var c = ra.conflicts().getFirst();
            assertThat(c.field()).isEqualTo("birthDate");
            assertThat(c.officerName()).isEqualTo("Kecamatan kec-a");
            assertThat(c.otherOfficers()).containsExactly("Kecamatan kec-b");
            assertThat(person(kab, three.id()).birthDate()).isEqualTo(three.birthDate().plusDays(2));
            assertThat(kab.field().merges().openConflicts().getFirst().otherOfficers())
                    .containsExactly("Kecamatan kec-b");
        }
    }
}
