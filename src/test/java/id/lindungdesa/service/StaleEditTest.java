package id.lindungdesa.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.Role;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.persistence.StaleRecordException;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.Backend;
import id.lindungdesa.testing.DbDump;
import id.lindungdesa.wiring.Services;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 16: two clerks edit the same record; the one who saves second with the version they opened is refused, and
 * the message names who changed it and when (from the audit trail), on the H2 file and on PostgreSQL alike. The
 * refused save changes nothing.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class StaleEditTest {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final String DESA = "61.01.01.2001";
    static final char[] PW = "rahasia-desa-1".toCharArray();

    @Parameter
    Backend backend;

    @TempDir
    Path dir;
    Services s;

    @BeforeEach
    void setUp() {
        Messages.setCurrent(Messages.INDONESIAN);
        s = backend.open(dir, TODAY);
        s.office().init(OfficeLevel.DISTRICT, "61.01", "DPMD Sambas", "Sri Wahyuni");
        s.regions().importCsv(new StringReader("kode,nama\n61,Kalimantan Barat\n61.01,Kabupaten Sambas\n"
                + "61.01.01,Sambas\n61.01.01.2001,Lorong\n"), "t.csv", null, Progress.NONE);
        String first = s.users().list().get(0).login();
        s.users().setPassword(first, PW);
        s.users().add("ani", "Ani Rahmawati", EnumSet.of(Role.CLERK), PW);
        s.users().add("dedi", "Dedi Kurnia", EnumSet.of(Role.CLERK), PW);
    }

    @AfterEach
    void tearDown() {
        s.close();
    }

    /** "Ani Rahmawati (ani) pada 2 Mar 2026 09:15", the time of the last audited change of {@code entityId}. */
    private String byWhoWhen(java.util.UUID personId, String entityId) {
        var last = s.audit().forPerson(personId).stream().filter(e -> entityId.equals(e.entityId())).findFirst()
                .orElseThrow();
        return "sudah diubah oleh " + last.actor() + " (" + last.actorLogin() + ") pada "
                + id.lindungdesa.i18n.Formats.dateTime(last.at(), id.lindungdesa.i18n.Messages.current());
    }

    @Test
    void aPersonSavedWithTheVersionAnotherClerkHasChangedIsRefusedNamingWhoAndWhen() {
        s.users().signIn("ani", PW);
        Person opened = s.roster().addPerson(new RosterService.NewPerson("6101011203800001", "Ahmad", Sex.L,
                LocalDate.of(1980, 3, 12), "Sambas", null, null, EmploymentStatus.NON_ASN, DESA));
        // both desks have the form open at this version; Ani saves first
        s.roster().updatePerson(rename(opened, "Ahmad Fauzi"));
        s.users().signIn("dedi", PW);
        var before = DbDump.of(s);

        assertThatThrownBy(() -> s.roster().updatePerson(rename(opened, "Achmad")))
                .isInstanceOf(StaleRecordException.class)
                .hasMessageContaining(byWhoWhen(opened.id(), opened.id().toString()))
                .hasMessageContaining("Ani Rahmawati (ani)")
                .hasMessageContaining("simpanan Anda ditolak")
                .satisfies(e -> assertThat(((StaleRecordException) e).changedBy()).isEqualTo("Ani Rahmawati (ani)"));
        assertThat(s.roster().person(opened.id()).orElseThrow().fullName()).isEqualTo("Ahmad Fauzi");
        assertThat(DbDump.of(s)).isEqualTo(before);
    }

    @Test
    void aPostEndedByAnotherClerkIsRefusedNamingWhoAndWhen() {
        Person p = s.roster().addPerson(new RosterService.NewPerson("6101011203800002", "Siti", Sex.P,
                LocalDate.of(1980, 3, 12), "Sambas", null, null, EmploymentStatus.NON_ASN, DESA));
        Post opened = s.roster().appoint(new RosterService.NewPost(p.id(), DESA, Position.SEKRETARIS_DESA, null,
                null, null, LocalDate.of(2020, 1, 1), null));
        s.users().signIn("dedi", PW);
        s.roster().updatePost(withSk(opened, "141/12/2020"));
        s.users().signIn("ani", PW);
        var before = DbDump.of(s);

        assertThatThrownBy(() -> s.roster().updatePost(withSk(opened, "141/13/2020")))
                .isInstanceOf(StaleRecordException.class)
                .hasMessageContaining(byWhoWhen(p.id(), opened.id().toString()))
                .hasMessageContaining("Dedi Kurnia (dedi)");
        assertThat(s.roster().post(opened.id()).orElseThrow().skNumber()).isEqualTo("141/12/2020");
        assertThat(DbDump.of(s)).isEqualTo(before);
    }

    private static Person rename(Person p, String name) {
        return new Person(p.id(), p.version(), p.nik(), name, p.sex(), p.birthDate(), p.birthPlace(), p.nkk(),
                p.phone(), p.employmentStatus(), p.homeVillageCode());
    }

    private static Post withSk(Post p, String sk) {
        return new Post(p.id(), p.version(), p.personId(), p.villageCode(), p.position(), p.unitLabel(), sk,
                p.skDate(), p.startDate(), p.plannedEndDate(), p.endDate(), p.endReason());
    }
}
