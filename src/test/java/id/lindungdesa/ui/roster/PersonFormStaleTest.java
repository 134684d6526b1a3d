package id.lindungdesa.ui.roster;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Role;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.RosterService;
import id.lindungdesa.task.Progress;
import id.lindungdesa.task.SyncTaskExecutor;
import id.lindungdesa.testing.TestDb;
import id.lindungdesa.ui.form.FormModel;
import id.lindungdesa.wiring.Services;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: the clerk's person form was opened, another clerk saved the person meanwhile; the save is refused
 * naming who saved first and when, and the form still holds what the clerk typed, to re-apply after a reload.
 */
class PersonFormStaleTest {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final char[] PW = "rahasia-desa-1".toCharArray();

    @TempDir
    Path dir;
    Services s;

    @BeforeEach
    void setUp() {
        Messages.setCurrent(Messages.INDONESIAN);
        s = TestDb.open(dir, TODAY);
        s.office().init(OfficeLevel.DISTRICT, "61.01", "DPMD Sambas", "Sri Wahyuni");
        s.regions().importCsv(new StringReader("kode,nama\n61,Kalimantan Barat\n61.01,Kabupaten Sambas\n"
                + "61.01.01,Sambas\n61.01.01.2001,Lorong\n"), "t.csv", null, Progress.NONE);
        s.users().setPassword(s.users().list().get(0).login(), PW);
        s.users().add("ani", "Ani Rahmawati", EnumSet.of(Role.CLERK), PW);
        s.users().add("dedi", "Dedi Kurnia", EnumSet.of(Role.CLERK), PW);
    }

    @AfterEach
    void tearDown() {
        s.close();
    }

    @Test
    void aStaleSaveNamesWhoSavedFirstAndWhenAndKeepsWhatTheClerkTyped() {
        s.users().signIn("dedi", PW);
        Person p = s.roster().addPerson(new RosterService.NewPerson("6101011203800001", "Ahmad", Sex.L,
                LocalDate.of(1980, 3, 12), "Sambas", null, null, EmploymentStatus.NON_ASN, "61.01.01.2001"));
        PersonDialogModel form = PersonDialogModel.edit(s.roster(), new SyncTaskExecutor(), p);
        form.fullName.set("Ahmad Fauzi");
        form.phone.set("081234567890");
        form.birthPlace.set("Singkawang");

        // meanwhile, at another desk, Ani saves the same person
        s.users().signIn("ani", PW);
        s.roster().updatePerson(new Person(p.id(), p.version(), p.nik(), "Achmad", p.sex(), p.birthDate(),
                p.birthPlace(), null, null, p.employmentStatus(), p.homeVillageCode()));
        var anis = s.audit().forPerson(p.id()).get(0);
        s.users().signIn("dedi", PW);

        UUID[] saved = new UUID[1];
        form.save(id -> saved[0] = id);

        assertThat(saved[0]).as("not saved").isNull();
        assertThat(form.busyProperty().get()).isFalse();
        assertThat(form.errors().get(FormModel.GENERAL))
                .contains("disimpan oleh Ani Rahmawati (ani) pada " + Formats.dateTime(anis.at(), Messages.current()))
                .contains("simpanan Anda ditolak").contains("Isian Anda masih di formulir");
        assertThat(form.fullName.get()).isEqualTo("Ahmad Fauzi");
        assertThat(form.phone.get()).isEqualTo("081234567890");
        assertThat(form.birthPlace.get()).isEqualTo("Singkawang");
        Person stored = s.roster().person(p.id()).orElseThrow();
        assertThat(stored.fullName()).isEqualTo("Achmad");
        assertThat(stored.phone()).isNull();
        assertThat(stored.version()).isEqualTo(p.version() + 1);
    }
}
