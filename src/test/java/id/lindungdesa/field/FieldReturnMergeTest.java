package id.lindungdesa.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.bundle.BundleException;
import id.lindungdesa.bundle.BundleKit;
import id.lindungdesa.bundle.PublicKeyFile;
import id.lindungdesa.domain.EndReason;
import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Post;
import id.lindungdesa.persistence.EnrolmentRepository;
import id.lindungdesa.persistence.FieldVisitRepository;
import id.lindungdesa.persistence.PersonRepository;
import id.lindungdesa.persistence.PostRepository;
import id.lindungdesa.task.Progress;
import id.lindungdesa.wiring.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 steps 3-5 on real H2 files: the officer opens the package (pinning the district key after the words),
 * edits offline, returns; the district merges field by field against the base; conflicts wait and are settled.
 */
class FieldReturnMergeTest {
    static final char[] OP = FieldPackageExportTest.OFFICER_PASS;

    @TempDir
    Path dir;

    /** Only the district enrols the officer: the officer pins the district key on first open. */
    static String enrolOfficer(Services kab, Services kec, Path dir) throws Exception {
        Path op = Files.createTempFile(dir, "officer", ".pub.json");
        PublicKeyFile of = kec.bundles().keys().exportPublic(op);
        kab.bundles().trust().add(op, of.fingerprint());
        return of.keyId();
    }

    static String districtWords(Services kab) {
        return kab.bundles().keys().publicKeyFile().fingerprint();
    }

    /** A person of the kecamatan with a current post and an enrolment (as the district has them). */
    record Subject(Person person, Post post, Enrolment enrolment) {
    }

    static Subject subject(Services s, String kec) {
        return s.database().read(tx -> {
            List<Post> ps = new PostRepository().listWithin(tx, kec).stream().filter(p -> p.endDate() == null)
                    .sorted(java.util.Comparator.comparing(Post::id)).toList();
            for (Post p : ps) {
                var es = new EnrolmentRepository().byPerson(tx, p.personId());
                var person = new PersonRepository().find(tx, p.personId());
                if (!es.isEmpty() && person.isPresent() && person.get().birthDate() != null) {
                    return new Subject(person.get(), p, es.getFirst());
                }
            }
            throw new AssertionError("no enrolled office-holder in " + kec);
        });
    }

    static Person person(Services s, UUID id) {
        return s.database().read(tx -> new PersonRepository().find(tx, id)).orElseThrow();
    }

    static Post post(Services s, UUID id) {
        return s.database().read(tx -> new PostRepository().find(tx, id)).orElseThrow();
    }

    static Enrolment enrolment(Services s, UUID id) {
        return s.database().read(tx -> new EnrolmentRepository().find(tx, id)).orElseThrow();
    }

    static Person withBirthDate(Person p, java.time.LocalDate d) {
        return new Person(p.id(), p.version(), p.nik(), p.fullName(), p.sex(), d, p.birthPlace(), p.nkk(), p.phone(),
                p.employmentStatus(), p.homeVillageCode());
    }

    static Person withPhone(Person p, String phone) {
        return new Person(p.id(), p.version(), p.nik(), p.fullName(), p.sex(), p.birthDate(), p.birthPlace(), p.nkk(),
                phone, p.employmentStatus(), p.homeVillageCode());
    }

    static Enrolment withWage(Enrolment e, long wage) {
        return new Enrolment(e.id(), e.version(), e.personId(), e.postId(), e.kpj(), e.segment(), e.programmes(),
                e.jkkRiskClass(), wage, e.fundingSource());
    }

    @Test
    void packageOpenEditsReturnMergeAndSettle() throws Exception {
        try (Services kab = BundleKit.district(dir, "36.04", 5);
             Services kec = FieldPackageExportTest.officer(dir, "kec", "36.04.01")) {
            String officerKey = enrolOfficer(kab, kec, dir);
            Path pkg = dir.resolve("paket.ldf");
            var issued = kab.field().packages().export("36.04.01", officerKey, pkg, BundleKit.PASS, Progress.NONE);

            // A wrong fingerprint is refused and nothing is saved on the officer's side.
            String before = BundleKit.dump(kec);
            assertThatThrownBy(() -> kec.field().visits().open(pkg, "kopi kopi kopi kopi kopi kopi kopi kopi", false,
                    OP)).isInstanceOf(BundleException.class).hasMessageContaining("tidak cocok");
            assertThatThrownBy(() -> kec.field().visits().open(pkg, null, false, OP))
                    .isInstanceOf(BundleException.class).hasMessageContaining(districtWords(kab));
            assertThat(BundleKit.dump(kec)).isEqualTo(before);

            var opened = kec.field().visits().open(pkg, districtWords(kab), false, OP);
            assertThat(opened.pinned()).isTrue();
            assertThat(kec.bundles().trust().find(issued.manifest().keyId())).isPresent();
            Subject s = subject(kab, "36.04.01");
            // The officer's copy keeps ids and versions.
            assertThat(person(kec, s.person().id())).isEqualTo(s.person());
            assertThat(post(kec, s.post().id())).isEqualTo(s.post());
            assertThat(enrolment(kec, s.enrolment().id())).isEqualTo(s.enrolment());
            int peopleInPackage = issued.manifest().counts().get("people").intValue();
            assertThat(kec.database().read(tx -> new FieldVisitRepository().allPeople(tx)).size())
                    .isEqualTo(peopleInPackage);
            // Opening it again changes nothing.
            assertThatThrownBy(() -> kec.field().visits().open(pkg, null, false, OP))
                    .isInstanceOf(BundleException.class).hasMessageContaining("sudah dibuka");

            // Offline: the officer corrects the birth date, ends the term and adds a phone number.
            java.time.LocalDate officerDate = s.person().birthDate().plusDays(1);
            Person p1 = kec.roster().updatePerson(withPhone(withBirthDate(person(kec, s.person().id()), officerDate),
                    "081234567890"));
            Post ended = kec.roster().endTerm(s.post().id(), s.post().version(), BundleKit.TODAY.minusDays(3),
                    EndReason.RESIGNED);
            assertThat(kec.field().visits().pendingCounts().get("changed")).isEqualTo(2);

            Path ret = dir.resolve("kembali-1.ldf");
            var w1 = kec.field().visits().writeReturn(ret, OP);
            assertThat(w1.manifest().sequence()).isEqualTo(1);
            assertThat(w1.manifest().kind()).isEqualTo("field-return");
            // The same edits give the same return.
            var w2 = kec.field().visits().writeReturn(dir.resolve("kembali-1b.ldf"), OP);
            assertThat(w2.repeated()).isTrue();
            assertThat(w2.manifest().sequence()).isEqualTo(1);
            assertThat(w2.manifest().bundleId()).isEqualTo(w1.manifest().bundleId());
            assertThat(w2.manifest().counts()).isEqualTo(w1.manifest().counts());
            // No name or NIK in clear in the return.
            String text = new String(Files.readAllBytes(ret), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(text).doesNotContain(s.person().nik()).doesNotContain("081234567890");

            // Meanwhile the district changes the same birth date differently, and the same person's wage.
            java.time.LocalDate districtDate = s.person().birthDate().minusDays(2);
            kab.roster().updatePerson(withBirthDate(person(kab, s.person().id()), districtDate));
            kab.enrolments().update(withWage(enrolment(kab, s.enrolment().id()), 3_100_000));

            // A dry run shows the same and saves nothing.
            String kabBefore = BundleKit.dump(kab);
            var dry = kab.field().merges().merge(ret, true, BundleKit.PASS);
            assertThat(dry.dryRun()).isTrue();
            assertThat(dry.conflicts()).hasSize(1);
            assertThat(BundleKit.dump(kab)).isEqualTo(kabBefore);

            var r = kab.field().merges().merge(ret, false, BundleKit.PASS);
            assertThat(r.applied()).isEqualTo(4); // phone, end date, end reason, the enrolment's ENDED step
            assertThat(r.conflicts()).hasSize(1);
            var c = r.conflicts().getFirst();
            assertThat(c.entity()).isEqualTo("person");
            assertThat(c.recordId()).isEqualTo(s.person().id());
            assertThat(c.field()).isEqualTo("birthDate");
            assertThat(c.base()).isEqualTo(s.person().birthDate().toString());
            assertThat(c.district()).isEqualTo(districtDate.toString());
            assertThat(c.officer()).isEqualTo(officerDate.toString());
            Person merged = person(kab, s.person().id());
            assertThat(merged.birthDate()).isEqualTo(districtDate); // the district value stays for now
            assertThat(merged.phone()).isEqualTo("081234567890");
            Post mergedPost = post(kab, s.post().id());
            assertThat(mergedPost.endDate()).isEqualTo(ended.endDate());
            assertThat(mergedPost.endReason()).isEqualTo(EndReason.RESIGNED);
            assertThat(enrolment(kab, s.enrolment().id()).wageBase()).isEqualTo(3_100_000); // kept
            // The term end ended the enrolment tied to the post in the field; that status step came along.
            assertThat(kab.enrolments().stateOn(s.enrolment().id(), BundleKit.TODAY))
                    .contains(id.lindungdesa.domain.EnrolmentState.ENDED);
            // Audited with the officer and the return.
            assertThat(kab.audit().forPerson(s.person().id()).stream().map(e -> e.summary())
                    .collect(Collectors.joining("\n"))).contains("kiriman balik #1").contains(officerKey);
            assertThat(kab.field().packages().issued().getFirst().state().name()).isEqualTo("MERGED");

            // Replaying the same return is refused, nothing changes.
            String afterMerge = BundleKit.dump(kab);
            assertThatThrownBy(() -> kab.field().merges().merge(ret, false, BundleKit.PASS))
                    .isInstanceOf(BundleException.class).hasMessageContaining("sudah digabung");
            assertThat(BundleKit.dump(kab)).isEqualTo(afterMerge);

            // The clerk settles the conflict with the officer's value; the losing district value stays in history.
            assertThat(kab.field().merges().openConflicts()).hasSize(1);
            kab.field().merges().resolve(c.id(), FieldMergeService.Take.OFFICER, null);
            assertThat(person(kab, s.person().id()).birthDate()).isEqualTo(officerDate);
            assertThat(kab.field().merges().openConflicts()).isEmpty();
            assertThat(kab.audit().forPerson(s.person().id()).stream().map(e -> e.summary() + " " + e.beforeJson())
                    .collect(Collectors.joining("\n"))).contains(districtDate.toString());
            assertThat(p1.version()).isGreaterThan(s.person().version());
        }
    }
}
