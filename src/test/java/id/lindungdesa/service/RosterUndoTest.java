package id.lindungdesa.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.domain.AuditEntry;
import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.EndReason;
import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Segment;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.i18n.Text;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.TestDb;
import id.lindungdesa.wiring.Services;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13 item 12: undo restores the database as it was, redo does the change again, both audited. */
class RosterUndoTest {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final String DESA = "61.01.01.2001";

    @TempDir
    Path dir;
    Services s;
    Post nanaPost;
    Enrolment nanaEnrolment;

    @BeforeEach
    void setUp() {
        s = TestDb.open(dir, TODAY);
        s.office().init(OfficeLevel.DISTRICT, "61.01", "DPMD Sambas", "Sri Wahyuni");
        s.regions().importCsv(new StringReader("kode,nama\n61,Kalimantan Barat\n61.01,Kabupaten Sambas\n"
                + "61.01.01,Sambas\n61.01.01.2001,Lorong\n"), "t.csv", null, Progress.NONE);
        nanaPost = s.roster().addPersonAndAppoint(new RosterService.NewPerson("6101011203700001", "Nana", Sex.L,
                        LocalDate.of(1970, 3, 12), null, null, null, EmploymentStatus.NON_ASN, null),
                new RosterService.NewPost(null, DESA, Position.KEPALA_DESA, null, "141/1/2018", null,
                        LocalDate.of(2018, 1, 10), null));
        nanaEnrolment = s.enrolments().enrol(new EnrolmentService.NewEnrolment(nanaPost.personId(), nanaPost.id(),
                "12345678901", Segment.PU, EnumSet.of(Programme.JKK, Programme.JKM), 1, 3_000_000,
                FundingSource.APBD, EnrolmentState.ACTIVE, LocalDate.of(2018, 2, 1)));
    }

    @AfterEach
    void tearDown() {
        s.close();
    }

    Post post(java.util.UUID id) {
        return s.roster().postsOf(nanaPost.personId()).stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow();
    }

    EnrolmentState state(LocalDate on) {
        return s.enrolments().stateOn(nanaEnrolment.id(), on).orElse(null);
    }

    List<String> undoAudit() {
        return s.audit().forPerson(nanaPost.personId()).stream().map(AuditEntry::summary)
                .filter(x -> x.startsWith("Batalkan:") || x.startsWith("Ulangi:")).toList();
    }

    @Test
    void undoingAnEndOfTermRestoresThePostAndTheEnrolmentAndIsAudited() {
        RosterUndo undo = s.undo();
        long audited = s.audit().count();
        undo.record(Text.of("undo.what.endTerm", "Nana"),
                () -> s.roster().endTerm(nanaPost.id(), nanaPost.version(), TODAY, EndReason.TERM_ENDED));
        assertThat(post(nanaPost.id()).endDate()).isEqualTo(TODAY);
        assertThat(state(TODAY)).isEqualTo(EnrolmentState.ENDED);
        assertThat(undo.nextUndo()).map(Text::toString).contains("Batalkan: akhiri masa jabatan Nana");

        assertThat(undo.undo()).map(Text::toString).contains("Dibatalkan: akhiri masa jabatan Nana");
        Post back = post(nanaPost.id());
        assertThat(back.endDate()).isNull();
        assertThat(back.endReason()).isNull();
        assertThat(back).usingRecursiveComparison().ignoringFields("version").isEqualTo(nanaPost);
        assertThat(state(TODAY)).isEqualTo(EnrolmentState.ACTIVE);
        assertThat(state(TODAY.plusDays(30))).isEqualTo(EnrolmentState.ACTIVE);
        assertThat(s.roster().snapshot("61.01", TODAY).posts()).filteredOn(p -> p.currentOn(TODAY)).hasSize(1);
        assertThat(undoAudit()).containsExactly("Batalkan: akhiri masa jabatan Nana");
        assertThat(s.audit().count()).isEqualTo(audited + 2);
        assertThat(s.audit().check().intact()).isTrue();
        assertThat(undo.nextUndo()).isEmpty();
        assertThat(undo.nextRedo()).map(Text::toString).contains("Ulangi: akhiri masa jabatan Nana");

        assertThat(undo.redo()).map(Text::toString).contains("Diulangi: akhiri masa jabatan Nana");
        assertThat(post(nanaPost.id()).endDate()).isEqualTo(TODAY);
        assertThat(post(nanaPost.id()).endReason()).isEqualTo(EndReason.TERM_ENDED);
        assertThat(state(TODAY)).isEqualTo(EnrolmentState.ENDED);
        assertThat(undoAudit()).containsExactlyInAnyOrder("Batalkan: akhiri masa jabatan Nana",
                "Ulangi: akhiri masa jabatan Nana");
    }

    @Test
    void undoingAnEndOfTermWithANewSuccessorRemovesTheSuccessor() {
        RosterUndo undo = s.undo();
        Post rina = undo.record(Text.of("undo.what.endTerm", "Nana"), () -> s.roster().endAndAppointNew(nanaPost.id(),
                nanaPost.version(), TODAY, EndReason.TERM_ENDED, new RosterService.NewPerson("6101014404920003",
                        "Rina Marlina", Sex.P, LocalDate.of(1992, 4, 4), null, null, null,
                        EmploymentStatus.NON_ASN, DESA), "141/7/2026", null, TODAY));
        assertThat(s.roster().findByNik("6101014404920003")).hasSize(1);

        undo.undo();
        assertThat(s.roster().findByNik("6101014404920003")).isEmpty();
        assertThat(s.roster().post(rina.id())).isEmpty();
        assertThat(post(nanaPost.id()).endDate()).isNull();
        assertThat(state(TODAY)).isEqualTo(EnrolmentState.ACTIVE);

        undo.redo();
        assertThat(s.roster().findByNik("6101014404920003")).hasSize(1);
        assertThat(s.roster().post(rina.id())).isPresent();
        assertThat(post(nanaPost.id()).endDate()).isEqualTo(TODAY);
    }

    @Test
    void undoingANewPersonAndAnEditRestoresWhatWasThere() {
        RosterUndo undo = s.undo();
        Person nana = s.roster().person(nanaPost.personId()).orElseThrow();
        undo.record(Text.of("undo.what.editPerson", "Nana"), () -> s.roster().updatePerson(new Person(nana.id(),
                nana.version(), nana.nik(), "Nana Suryana", nana.sex(), nana.birthDate(), "Sambas", null,
                "0812345678", nana.employmentStatus(), nana.homeVillageCode())));
        Post siti = undo.record(Text.of("undo.what.newPerson", "Siti"), () -> s.roster().addPersonAndAppoint(
                new RosterService.NewPerson("6101015505900002", "Siti", Sex.P, LocalDate.of(1990, 5, 15), null, null,
                        null, EmploymentStatus.NON_ASN, null),
                new RosterService.NewPost(null, DESA, Position.SEKRETARIS_DESA, null, null, null, TODAY, null)));

        assertThat(undo.undo()).map(Text::toString).contains("Dibatalkan: tambah Siti");
        assertThat(s.roster().findByNik("6101015505900002")).isEmpty();
        assertThat(s.roster().post(siti.id())).isEmpty();
        undo.undo();
        assertThat(s.roster().person(nana.id()).orElseThrow()).usingRecursiveComparison().ignoringFields("version")
                .isEqualTo(nana);
        undo.redo();
        assertThat(s.roster().person(nana.id()).orElseThrow().fullName()).isEqualTo("Nana Suryana");
    }

    @Test
    void aRecordChangedSinceIsNotOverwritten() {
        RosterUndo undo = s.undo();
        Post ended = undo.record(Text.of("undo.what.endTerm", "Nana"),
                () -> s.roster().endTerm(nanaPost.id(), nanaPost.version(), TODAY, EndReason.TERM_ENDED));
        s.roster().updatePost(new Post(ended.id(), ended.version(), ended.personId(), ended.villageCode(),
                ended.position(), ended.unitLabel(), "141/2/2018", ended.skDate(), ended.startDate(),
                ended.plannedEndDate(), ended.endDate(), ended.endReason()));
        long audited = s.audit().count();

        assertThatThrownBy(undo::undo).isInstanceOf(RosterUndo.ChangedSinceException.class)
                .hasMessageContaining("akhiri masa jabatan Nana").hasMessageContaining("sudah diubah");
        assertThat(post(nanaPost.id()).endDate()).isEqualTo(TODAY);
        assertThat(post(nanaPost.id()).skNumber()).isEqualTo("141/2/2018");
        assertThat(s.audit().count()).isEqualTo(audited);
        assertThat(undo.nextUndo()).isEmpty();
    }
}
