package id.lindungdesa.service;

import id.lindungdesa.wiring.Services;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.EndReason;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.TestDb;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desk's one-transaction actions: new person with post; end of term with a new successor. */
class RosterCombinedActionsTest {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @TempDir
    Path dir;
    Services s;

    @BeforeEach
    void setUp() {
        s = TestDb.open(dir, TODAY);
        s.office().init(OfficeLevel.DISTRICT, "61.01", "DPMD Sambas", "Sri Wahyuni");
        s.regions().importCsv(new StringReader("kode,nama\n61,Kalimantan Barat\n61.01,Kabupaten Sambas\n"
                + "61.01.01,Sambas\n61.01.01.1001,Kelurahan Sambas\n61.01.01.2001,Lorong\n"), "t.csv", null,
                Progress.NONE);
    }

    @AfterEach
    void tearDown() {
        s.close();
    }

    static RosterService.NewPerson person(String nik, String name) {
        return new RosterService.NewPerson(nik, name, Sex.L, null, null, null, null, EmploymentStatus.NON_ASN, null);
    }

    static RosterService.NewPost post(String village, Position p) {
        return new RosterService.NewPost(null, village, p, null, null, null, LocalDate.of(2024, 1, 1), null);
    }

    @Test
    void aPersonWhosePostIsRefusedIsNotSavedEither() {
        long audit = s.audit().count();
        assertThatThrownBy(() -> s.roster().addPersonAndAppoint(person("6101011203800001", "Ahmad"),
                post("61.01.01.1001", Position.KEPALA_DESA)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("kelurahan");
        assertThat(s.roster().findByNik("6101011203800001")).isEmpty();
        assertThat(s.audit().count()).isEqualTo(audit);
    }

    @Test
    void aNewPersonAndTheirPostAreSavedTogetherWithTheHomeVillageOfThePost() {
        Post p = s.roster().addPersonAndAppoint(person("6101011203800001", "Ahmad"),
                post("61.01.01.2001", Position.KEPALA_DESA));
        assertThat(s.roster().person(p.personId()).orElseThrow().homeVillageCode()).isEqualTo("61.01.01.2001");
        assertThat(p.plannedEndDate()).isEqualTo(LocalDate.of(2031, 12, 31));
        assertThat(s.audit().forVillage("61.01.01.2001")).hasSize(2);
    }

    @Test
    void aNewSuccessorWhoseNikIsAlreadyOnARosterLeavesTheTermOpen() {
        Post kades = s.roster().addPersonAndAppoint(person("6101011203800001", "Ahmad"),
                post("61.01.01.2001", Position.KEPALA_DESA));
        s.roster().addPersonAndAppoint(person("6101010101850002", "Budi"), post("61.01.01.2001", Position.KASI_PELAYANAN));
        assertThatThrownBy(() -> s.roster().endAndAppointNew(kades.id(), kades.version(), TODAY, EndReason.DIED,
                person("6101010101850002", "Budi Lain"), null, null, null))
                .isInstanceOf(RosterService.DuplicateNikException.class);
        assertThat(s.roster().post(kades.id()).orElseThrow().endDate()).isNull();
        assertThat(s.roster().findByNik("6101010101850002")).hasSize(1);
    }
}
