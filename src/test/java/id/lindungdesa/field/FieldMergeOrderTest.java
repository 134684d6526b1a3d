package id.lindungdesa.field;

import static id.lindungdesa.field.FieldReturnMergeTest.enrolOfficer;
import static id.lindungdesa.field.FieldReturnMergeTest.person;
import static id.lindungdesa.field.FieldReturnMergeTest.post;
import static id.lindungdesa.field.FieldReturnMergeTest.withBirthDate;
import static id.lindungdesa.field.FieldReturnMergeTest.withPhone;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.bundle.BundleKit;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Post;
import id.lindungdesa.persistence.PostRepository;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.TestDb;
import id.lindungdesa.wiring.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 items 8 and 6 on real H2 files: two officers' returns merged in both orders on two separate district
 * databases give the same data wherever they do not clash; whole-record conflicts (edited on one side, removed on the
 * other) can be settled for the officer as well as for the district.
 */
class FieldMergeOrderTest {
    static final char[] OP = FieldPackageExportTest.OFFICER_PASS;
    static final String KEC = "36.04.01";

    @TempDir
    Path dir;

    /** Every business row (regions, people, posts, enrolments, their statuses), as H2's SCRIPT prints them. */
    static String data(Services s) {
        return s.database().read(tx -> tx.dsl().fetch("SCRIPT NOPASSWORDS NOSETTINGS TABLE PERSON, POST, ENROLMENT, "
                + "ENROLMENT_STATUS, REGION").format(1_000_000));
    }

    /** Current posts of the kecamatan, one per person, by id (deterministic picks). */
    static List<Post> posts(Services s) {
        return s.database().read(tx -> new PostRepository().listWithin(tx, KEC)).stream()
                .filter(p -> p.endDate() == null).sorted(java.util.Comparator.comparing(Post::id))
                .filter(distinctPerson())
                .toList();
    }

    private static java.util.function.Predicate<Post> distinctPerson() {
        java.util.Set<java.util.UUID> seen = new java.util.HashSet<>();
        return p -> seen.add(p.personId());
    }

    @Test
    void twoOfficersReturnsMergedInEitherOrderGiveTheSameData() throws Exception {
        Path r1;
        Path r2;
        String before;
        try (Services kab = BundleKit.district(dir, "36.04", 5);
             Services k1 = FieldPackageExportTest.officer(dir, "kec-1", KEC);
             Services k2 = FieldPackageExportTest.officer(dir, "kec-2", KEC)) {
            String key1 = enrolOfficer(kab, k1, dir);
            String key2 = enrolOfficer(kab, k2, dir);
            Path p1 = dir.resolve("paket-1.ldf");
            Path p2 = dir.resolve("paket-2.ldf");
            kab.field().packages().export(KEC, key1, p1, BundleKit.PASS, Progress.NONE);
            kab.field().packages().export(KEC, key2, p2, BundleKit.PASS, Progress.NONE);
            String words = FieldReturnMergeTest.districtWords(kab);
            k1.field().visits().open(p1, words, false, OP);
            k2.field().visits().open(p2, words, false, OP);
            List<Post> ps = posts(kab);
            Post a = ps.get(0);
            Post b = ps.get(1);
            Post c = ps.get(2);
            Person pa = person(k1, a.personId());
            // Officer 1: A's phone, C's phone; officer 2: A's birth date (another field of the same person),
            // B's term end, and C's phone to the same value (one change).
            k1.roster().updatePerson(withPhone(pa, "081111111111"));
            k1.roster().updatePerson(withPhone(person(k1, c.personId()), "083333333333"));
            k2.roster().updatePerson(withBirthDate(person(k2, a.personId()), pa.birthDate().plusDays(3)));
            k2.roster().endTerm(b.id(), post(k2, b.id()).version(), BundleKit.TODAY.minusDays(1),
                    id.lindungdesa.domain.EndReason.DIED);
            k2.roster().updatePerson(withPhone(person(k2, c.personId()), "083333333333"));
            r1 = k1.field().visits().writeReturn(dir.resolve("kembali-1.ldf"), OP).file();
            r2 = k2.field().visits().writeReturn(dir.resolve("kembali-2.ldf"), OP).file();
            before = data(kab);
        }
        // Two separate copies of the district, byte for byte the same.
        Files.copy(dir.resolve("kab-36.04.mv.db"), dir.resolve("kab-b.mv.db"));
        String first;
        String second;
        try (Services x = TestDb.open(dir, "kab-36.04", BundleKit.TODAY)) {
            var m1 = x.field().merges().merge(r1, false, BundleKit.PASS);
            var m2 = x.field().merges().merge(r2, false, BundleKit.PASS);
            assertThat(m1.conflicts()).isEmpty();
            assertThat(m2.conflicts()).isEmpty();
            assertThat(m1.applied() + m2.applied()).isEqualTo(6); // A phone, C phone, A birth, B end date + reason, B's ENDED step
            first = data(x);
        }
        try (Services y = TestDb.open(dir, "kab-b", BundleKit.TODAY)) {
            var m2 = y.field().merges().merge(r2, false, BundleKit.PASS);
            var m1 = y.field().merges().merge(r1, false, BundleKit.PASS);
            assertThat(m1.conflicts()).isEmpty();
            assertThat(m2.conflicts()).isEmpty();
            assertThat(m1.unchanged() + m2.unchanged()).isEqualTo(1); // C's phone, the second time
            second = data(y);
        }
        assertThat(first).isNotEqualTo(before);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void wholeRecordConflictsCanBeSettledForTheOfficer() throws Exception {
        try (Services kab = BundleKit.district(dir, "36.04", 5);
             Services kec = FieldPackageExportTest.officer(dir, "kec", KEC)) {
            String key = enrolOfficer(kab, kec, dir);
            Path pkg = dir.resolve("paket.ldf");
            kab.field().packages().export(KEC, key, pkg, BundleKit.PASS, Progress.NONE);
            kec.field().visits().open(pkg, FieldReturnMergeTest.districtWords(kab), false, OP);
            List<Post> ps = posts(kab);
            Post edited = ps.get(0);   // the officer edits it, the district removes it
            Post removed = ps.get(1);  // the officer removes it, the district edits it
            kec.roster().endTerm(edited.id(), edited.version(), BundleKit.TODAY.minusDays(2),
                    id.lindungdesa.domain.EndReason.RESIGNED);
            kec.roster().removePost(removed.id(), removed.version(), "salah input");
            Path ret = kec.field().visits().writeReturn(dir.resolve("kembali.ldf"), OP).file();

            kab.roster().removePost(edited.id(), edited.version(), "dobel");
            Post r = post(kab, removed.id());
            kab.roster().updatePost(new Post(r.id(), r.version(), r.personId(), r.villageCode(), r.position(),
                    r.unitLabel(), "SK/baru/2026", r.skDate(), r.startDate(), r.plannedEndDate(), r.endDate(),
                    r.endReason()));

            var m = kab.field().merges().merge(ret, false, BundleKit.PASS);
            assertThat(m.conflicts()).hasSize(2).allMatch(c -> c.field().equals(FieldRecords.RECORD));
            var onEdited = m.conflicts().stream().filter(c -> c.recordId().equals(edited.id())).findFirst()
                    .orElseThrow();
            var onRemoved = m.conflicts().stream().filter(c -> c.recordId().equals(removed.id())).findFirst()
                    .orElseThrow();
            assertThat(kab.database().<java.util.Optional<Post>>read(tx -> new PostRepository().find(tx, edited.id())))
                    .isEmpty();
            assertThat(post(kab, removed.id()).skNumber()).isEqualTo("SK/baru/2026");

            // For the officer: the removed post comes back with the officer's term end.
            kab.field().merges().resolve(onEdited.id(), FieldMergeService.Take.OFFICER, null);
            Post back = post(kab, edited.id());
            assertThat(back.endDate()).isEqualTo(BundleKit.TODAY.minusDays(2));
            assertThat(back.endReason()).isEqualTo(id.lindungdesa.domain.EndReason.RESIGNED);
            assertThat(back.version()).isGreaterThan(edited.version() + 1);
            // For the officer: the post the district edited is removed; the district's edit stays in its history.
            kab.field().merges().resolve(onRemoved.id(), FieldMergeService.Take.OFFICER, null);
            assertThat(kab.database().<java.util.Optional<Post>>read(tx -> new PostRepository().find(tx, removed.id())))
                    .isEmpty();
            assertThat(kab.audit().forPerson(removed.personId()).stream().map(e -> e.summary() + " "
                    + e.beforeJson()).collect(java.util.stream.Collectors.joining("\n"))).contains("SK/baru/2026")
                    .contains("diselesaikan (OFFICER)");
            assertThat(kab.field().merges().openConflicts()).isEmpty();
        }
    }
}
