package id.lindungdesa.ui.roster;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.service.RosterService;
import id.lindungdesa.task.Progress;
import id.lindungdesa.task.SyncTaskExecutor;
import id.lindungdesa.testing.TestDb;
import id.lindungdesa.wiring.Services;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 3: gender and birth date filled from a NIK are filled again when the NIK is corrected, unless the
 * clerk typed them by hand; a corrected NIK never saves a contradicting sex and birth date.
 */
class NikRefillTest {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    /** A woman born 05-03-1990 (day + 40). */
    static final String WOMAN_1990 = "6101014503900001";
    /** The NIK corrected: a man born 07-04-1991. */
    static final String MAN_1991 = "6101010704910001";

    @TempDir
    Path dir;
    Services s;

    @BeforeEach
    void setUp() {
        s = TestDb.open(dir, TODAY);
        s.office().init(OfficeLevel.DISTRICT, "61.01", "DPMD Sambas", "Sri Wahyuni");
        s.regions().importCsv(new StringReader("kode,nama\n61,Kalimantan Barat\n61.01,Kabupaten Sambas\n"
                + "61.01.01,Sambas\n61.01.01.2001,Lorong\n"), "t.csv", null, Progress.NONE);
    }

    @AfterEach
    void tearDown() {
        s.close();
    }

    private PersonDialogModel newForm() {
        return PersonDialogModel.create(s.roster(), new SyncTaskExecutor(), "61.01.01.2001");
    }

    @Test
    void aCorrectedNikFillsSexAndBirthDateAgain() {
        PersonDialogModel f = newForm();
        f.nik.set(WOMAN_1990);
        assertThat(f.birthDate.get()).isEqualTo("05-03-1990");
        assertThat(f.sex.get()).isEqualTo(Sex.P);

        f.nik.set("610101450390000"); // a digit deleted while correcting: nothing changes yet
        assertThat(f.birthDate.get()).isEqualTo("05-03-1990");
        f.nik.set(MAN_1991);
        assertThat(f.birthDate.get()).isEqualTo("07-04-1991");
        assertThat(f.sex.get()).isEqualTo(Sex.L);
        assertThat(f.birthDateFromNik()).isTrue();
        assertThat(f.sexFromNik()).isTrue();
    }

    @Test
    void whatTheClerkTypedByHandStays() {
        PersonDialogModel f = newForm();
        f.nik.set(WOMAN_1990);
        f.birthDate.set("06-03-1990"); // the KTP shows another day: typed by hand
        f.sex.set(Sex.L);             // chosen by hand
        f.nik.set(MAN_1991);
        assertThat(f.birthDate.get()).isEqualTo("06-03-1990");
        assertThat(f.sex.get()).isEqualTo(Sex.L);
        assertThat(f.birthDateFromNik()).isFalse();
    }

    @Test
    void editingAPersonWhoseDetailsCameFromTheNikRefillsThemAndSavesNoContradiction() {
        Person p = s.roster().addPerson(new RosterService.NewPerson(WOMAN_1990, "Euis Rohaeti", Sex.P,
                LocalDate.of(1990, 3, 5), null, null, null, EmploymentStatus.NON_ASN, "61.01.01.2001"));
        PersonDialogModel f = PersonDialogModel.edit(s.roster(), new SyncTaskExecutor(), p);
        f.nik.set(MAN_1991);
        assertThat(f.birthDate.get()).isEqualTo("07-04-1991");
        assertThat(f.sex.get()).isEqualTo(Sex.L);
        f.fullName.set("Ujang Rohaeti");
        f.save(id -> { });
        assertThat(f.errors()).isEmpty();
        Person saved = s.roster().person(p.id()).orElseThrow();
        assertThat(saved.nik()).isEqualTo(MAN_1991);
        assertThat(saved.birthDate()).isEqualTo(LocalDate.of(1991, 4, 7));
        assertThat(saved.sex()).isEqualTo(Sex.L);
    }

    @Test
    void theSuccessorsSexFollowsACorrectedNikUnlessChosenByHand() {
        var post = s.roster().addPersonAndAppoint(new RosterService.NewPerson("6101011203700001", "Nana", Sex.L,
                        LocalDate.of(1970, 3, 12), null, null, null, EmploymentStatus.NON_ASN, null),
                new RosterService.NewPost(null, "61.01.01.2001", Position.KEPALA_DESA, null, null, null,
                        LocalDate.of(2018, 1, 1), null));
        EndTermDialogModel f = new EndTermDialogModel(s.roster(), new SyncTaskExecutor(), post.id());
        f.successorNik.set(WOMAN_1990);
        assertThat(f.successorSex.get()).isEqualTo(Sex.P);
        f.successorNik.set(MAN_1991);
        assertThat(f.successorSex.get()).isEqualTo(Sex.L);
        f.successorSex.set(Sex.P);
        f.successorNik.set(WOMAN_1990.replace("0001", "0002"));
        assertThat(f.successorSex.get()).isEqualTo(Sex.P);
    }
}
