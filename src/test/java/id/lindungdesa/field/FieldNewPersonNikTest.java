package id.lindungdesa.field;

import static id.lindungdesa.field.FieldReturnMergeTest.OP;
import static id.lindungdesa.field.FieldReturnMergeTest.districtWords;
import static id.lindungdesa.field.FieldReturnMergeTest.enrolOfficer;
import static id.lindungdesa.field.FieldReturnMergeTest.subject;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.bundle.BundleKit;
import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.persistence.PersonRepository;
import id.lindungdesa.service.RosterService;
import id.lindungdesa.task.Progress;
import id.lindungdesa.wiring.Services;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, merge rule "a new person whose NIK is already on any roster → a conflict (never merged silently)": the
 * district registers a person after the package went out, the officer registers someone with the same NIK in the
 * field; the merge applies the officer's other change, keeps the district's person alone and lists one conflict.
 */
class FieldNewPersonNikTest {
    static final String NIK = "3604011203800001";

    @TempDir
    Path dir;

    static List<Person> byNik(Services s, String nik) {
        return s.database().read(tx -> new PersonRepository().findByNik(tx, nik));
    }

    static RosterService.NewPerson newPerson(String name) {
        return new RosterService.NewPerson(NIK, name, Sex.L, LocalDate.of(1980, 3, 12), null, null, null,
                EmploymentStatus.NON_ASN, null);
    }

    @Test
    void aNewPersonWithANikAlreadyOnTheRosterIsAConflictNotAMerge() throws Exception {
        try (Services kab = BundleKit.district(dir, "36.04", 5);
             Services kec = FieldPackageExportTest.officer(dir, "kec", "36.04.01")) {
            String key = enrolOfficer(kab, kec, dir);
            kab.field().packages().export("36.04.01", key, dir.resolve("paket.ldf"), BundleKit.PASS, Progress.NONE);
            kec.field().visits().open(dir.resolve("paket.ldf"), districtWords(kab), false, OP);
            var s = subject(kab, "36.04.01");
            String village = s.post().villageCode();
            assertThat(byNik(kab, NIK)).isEmpty();

            // In the field: a new BPD member with this NIK, and a phone number corrected on someone else.
            kec.roster().addPersonAndAppoint(newPerson("Asep Sunandar"),
                    new RosterService.NewPost(null, village, Position.BPD_ANGGOTA, null, null, null,
                            BundleKit.TODAY.minusDays(30), null));
            Person other = FieldReturnMergeTest.person(kec, s.person().id());
            kec.roster().updatePerson(FieldReturnMergeTest.withPhone(other, "081234567890"));
            Path ret = dir.resolve("kembali.ldf");
            kec.field().visits().writeReturn(ret, OP);

            // Meanwhile at the district: the same NIK registered under another name.
            kab.roster().addPersonAndAppoint(newPerson("Asep Sunandar Saputra"),
                    new RosterService.NewPost(null, village, Position.LINMAS_ANGGOTA, null, null, null,
                            BundleKit.TODAY.minusDays(3), null));

            var r = kab.field().merges().merge(ret, false, BundleKit.PASS);
            assertThat(r.conflicts()).anySatisfy(c -> {
                assertThat(c.entity()).isEqualTo("person");
                assertThat(c.field()).isEqualTo("nik");
                assertThat(c.district()).contains("Asep Sunandar Saputra");
                assertThat(c.officer()).contains(NIK).contains("Asep Sunandar");
            });
            // Never merged silently: still one person with that NIK, the district's.
            assertThat(byNik(kab, NIK)).singleElement()
                    .satisfies(p -> assertThat(p.fullName()).isEqualTo("Asep Sunandar Saputra"));
            // The rest of the return applied.
            assertThat(FieldReturnMergeTest.person(kab, s.person().id()).phone()).isEqualTo("081234567890");
            assertThat(kab.field().merges().openConflicts()).isNotEmpty();
        }
    }
}
