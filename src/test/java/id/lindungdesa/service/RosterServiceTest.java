package id.lindungdesa.service;

import id.lindungdesa.wiring.Services;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.EndReason;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Segment;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.domain.Warning;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.TestDb;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterServiceTest {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final String DESA = "61.01.01.2001";
    static final String DESA2 = "61.01.01.2002";

    @TempDir
    Path dir;
    Services s;

    @BeforeEach
    void setUp() {
        s = TestDb.open(dir, TODAY);
        s.office().init(OfficeLevel.DISTRICT, "61.01", "DPMD Sambas", "Sri Wahyuni");
        s.regions().importCsv(new StringReader("kode,nama\n61,Kalimantan Barat\n61.01,Kabupaten Sambas\n"
                + "61.01.01,Sambas\n61.01.01.2001,Lorong\n61.01.01.2002,Durian\n"), "t.csv", null, Progress.NONE);
    }

    @org.junit.jupiter.api.AfterEach
    void tearDown() {
        s.close();
    }

    RosterService.NewPerson person(String nik, String name, Sex sex, LocalDate birth) {
        return new RosterService.NewPerson(nik, name, sex, birth, "Sambas", null, null, EmploymentStatus.NON_ASN, DESA);
    }

    @Test
    void anInvalidNikSavesNothing() {
        long auditBefore = s.audit().count();
        assertThatThrownBy(() -> s.roster().addPerson(person("3.60405E+15", "Ahmad", Sex.L, null)))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors())
                        .extracting(ValidationException.FieldError::key).containsExactly("nik.SCIENTIFIC_NOTATION"));
        assertThat(s.stats().stats(TODAY).people()).isEqualTo(0);
        assertThat(s.audit().count()).isEqualTo(auditBefore);
    }

    @Test
    void aNikOnAnotherVillagesRosterIsShownNotMerged() {
        var a = s.roster().addPerson(person("6101011203800001", "Ahmad", Sex.L, LocalDate.of(1980, 3, 12)));
        s.roster().appoint(new RosterService.NewPost(a.id(), DESA2, Position.KEPALA_DUSUN, "Dusun I", null, null,
                LocalDate.of(2020, 1, 1), null));
        assertThatThrownBy(() -> s.roster().addPerson(person("6101011203800001", "Ahmad S.", Sex.L, null)))
                .isInstanceOf(RosterService.DuplicateNikException.class)
                .hasMessageContaining("Ahmad").hasMessageContaining("Durian");
        assertThat(s.roster().findByNik("6101011203800001")).hasSize(1);
    }

    @Test
    void birthDateAndSexThatDisagreeWithTheNikAreFlagged() {
        s.roster().addPerson(person("6101011203800001", "Ahmad", Sex.P, LocalDate.of(1980, 3, 13)));
        var snap = s.roster().snapshot("", TODAY);
        assertThat(RosterService.warnings(snap)).extracting(Warning::code)
                .contains(Warning.Code.NIK_BIRTHDATE_MISMATCH, Warning.Code.NIK_SEX_MISMATCH);
    }

    @Test
    void oneDayAPersonHoldsTwoPostsAndBothCountOnce() {
        var p = s.roster().addPerson(person("6101011203800001", "Ahmad", Sex.L, LocalDate.of(1980, 3, 12)));
        s.roster().appoint(new RosterService.NewPost(p.id(), DESA, Position.SEKRETARIS_DESA, null, "SK-1", null,
                LocalDate.of(2015, 1, 1), null));
        s.roster().appoint(new RosterService.NewPost(p.id(), DESA, Position.PLT_KEPALA_DESA, null, "SK-2", null,
                LocalDate.of(2026, 1, 1), null));
        var rows = RosterReadModel.rows(s.roster().snapshot("", TODAY), false);
        assertThat(rows).extracting(r -> r.position()).containsExactly(Position.PLT_KEPALA_DESA,
                Position.SEKRETARIS_DESA);
        var cov = RosterReadModel.coverage(s.roster().snapshot("", TODAY), TODAY).get(DESA);
        assertThat(cov.total().eligible()).isEqualTo(1);
    }

    @Test
    void endingATermAndAppointingASuccessorIsOneStepAndAudited() {
        var old = s.roster().addPerson(person("6101011203700001", "Bambang", Sex.L, LocalDate.of(1970, 3, 12)));
        var post = s.roster().appoint(new RosterService.NewPost(old.id(), DESA, Position.KEPALA_DESA, null, "SK-K",
                null, LocalDate.of(2018, 2, 1), null));
        assertThat(post.plannedEndDate()).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(RosterService.warnings(s.roster().snapshot("", TODAY))).extracting(Warning::code)
                .contains(Warning.Code.TERM_ENDED);
        var e = s.enrolments().enrol(new EnrolmentService.NewEnrolment(old.id(), post.id(), "12345678901", Segment.PU,
                EnumSet.of(Programme.JKK, Programme.JKM), 1, 3_000_000, FundingSource.APBD, EnrolmentState.ACTIVE,
                LocalDate.of(2018, 3, 1)));
        var next = s.roster().addPerson(person("6101014506850002", "Siti", Sex.P, LocalDate.of(1985, 6, 5)));
        var successor = s.roster().endAndAppoint(post.id(), post.version(), LocalDate.of(2026, 2, 1),
                EndReason.TERM_ENDED, next.id(), "SK-K2", LocalDate.of(2026, 1, 25), LocalDate.of(2026, 2, 2));

        var rows = RosterReadModel.rows(s.roster().snapshot("", TODAY), false);
        assertThat(rows).extracting(r -> r.fullName()).containsExactly("Siti");
        assertThat(successor.plannedEndDate()).isEqualTo(LocalDate.of(2034, 2, 1));
        assertThat(s.enrolments().stateOn(e.id(), TODAY)).contains(EnrolmentState.ENDED);
        assertThat(s.audit().forVillage(DESA)).extracting(a -> a.summary())
                .anyMatch(t -> t.contains("Akhir masa jabatan")).anyMatch(t -> t.contains("Siti"));
        assertThat(s.audit().verify()).isEmpty();
    }

    @Test
    void aFailedSuccessionLeavesTheOldTermOpen() {
        var old = s.roster().addPerson(person("6101011203700001", "Bambang", Sex.L, LocalDate.of(1970, 3, 12)));
        var post = s.roster().appoint(new RosterService.NewPost(old.id(), DESA, Position.KEPALA_DESA, null, null,
                null, LocalDate.of(2018, 2, 1), null));
        assertThatThrownBy(() -> s.roster().endAndAppoint(post.id(), post.version(), LocalDate.of(2026, 2, 1),
                EndReason.TERM_ENDED, java.util.UUID.randomUUID(), null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(s.roster().post(post.id()).orElseThrow().endDate()).isNull();
    }

    @Test
    void civilServantsCannotBeEnrolledAndTheReasonIsGiven() {
        var p = s.roster().addPerson(new RosterService.NewPerson("6101011203800001", "Ahmad", Sex.L,
                LocalDate.of(1980, 3, 12), null, null, null, EmploymentStatus.ASN, DESA));
        assertThatThrownBy(() -> s.enrolments().enrol(new EnrolmentService.NewEnrolment(p.id(), null, null,
                Segment.PU, EnumSet.of(Programme.JKK, Programme.JKM), 1, 3_000_000, FundingSource.APBD,
                EnrolmentState.ACTIVE, TODAY)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Taspen");
    }

    @Test
    void staleEditsAreRefused() {
        var p = s.roster().addPerson(person("6101011203800001", "Ahmad", Sex.L, LocalDate.of(1980, 3, 12)));
        var renamed = s.roster().updatePerson(new id.lindungdesa.domain.Person(p.id(), p.version(), p.nik(),
                "Ahmad Fauzi", p.sex(), p.birthDate(), p.birthPlace(), null, null, p.employmentStatus(), DESA));
        assertThat(renamed.version()).isEqualTo(2);
        assertThatThrownBy(() -> s.roster().updatePerson(p))
                .isInstanceOf(id.lindungdesa.persistence.StaleRecordException.class);
        assertThat(s.audit().forPerson(p.id())).extracting(a -> a.action()).containsExactly("UPDATE", "CREATE");
    }

    @Test
    void bpdOfSixIsFlagged() {
        for (int i = 1; i <= 6; i++) {
            var p = s.roster().addPerson(person(String.format("610101120380%04d", i), "Anggota " + i, Sex.L,
                    LocalDate.of(1980, 3, 12)));
            s.roster().appoint(new RosterService.NewPost(p.id(), DESA, i == 1 ? Position.BPD_KETUA
                    : Position.BPD_ANGGOTA, null, null, null, LocalDate.of(2024, 1, 1), null));
        }
        assertThat(RosterService.warnings(s.roster().snapshot("", TODAY))).extracting(Warning::code)
                .contains(Warning.Code.BPD_SIZE);
    }
}
