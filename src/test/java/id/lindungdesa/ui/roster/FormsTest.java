package id.lindungdesa.ui.roster;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.EndReason;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.RosterRow;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.service.RosterService;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.Progress;
import id.lindungdesa.task.SyncTaskExecutor;
import id.lindungdesa.testing.TestDb;
import id.lindungdesa.ui.form.FormModel;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editors' view-models without the toolkit: inline errors, duplicate NIK, live contribution, end of term. */
class FormsTest {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final String LORONG = "61.01.01.2001";
    static final String DURIAN = "61.01.01.2002";

    @TempDir
    Path dir;
    Services s;
    final SyncTaskExecutor sync = new SyncTaskExecutor();

    @BeforeEach
    void setUp() {
        s = TestDb.open(dir, TODAY);
        s.office().init(OfficeLevel.DISTRICT, "61.01", "DPMD Sambas", "Sri Wahyuni");
        s.regions().importCsv(new StringReader("kode,nama\n61,Kalimantan Barat\n61.01,Kabupaten Sambas\n"
                + "61.01.01,Sambas\n61.01.01.2001,Lorong\n61.01.01.2002,Durian\n"), "t.csv", null, Progress.NONE);
    }

    @AfterEach
    void tearDown() {
        s.close();
    }

    PersonDialogModel newPerson(String nik, String name, String village, Position pos) {
        PersonDialogModel f = PersonDialogModel.create(s.roster(), sync, village);
        f.nik.set(nik);
        f.fullName.set(name);
        f.post.position.set(pos);
        f.post.startDate.set("01-01-2024");
        return f;
    }

    @Test
    void aValidNikFillsBirthDateAndSexAndSavesPersonAndPostTogether() {
        PersonDialogModel f = newPerson("6101015505900002", "Siti Aminah", LORONG, Position.SEKRETARIS_DESA);
        assertThat(f.birthDate.get()).isEqualTo("15-05-1990");
        assertThat(f.sex.get()).isEqualTo(Sex.P);
        List<UUID> saved = new ArrayList<>();
        f.save(saved::add);
        assertThat(f.errors()).isEmpty();
        assertThat(saved).hasSize(1);
        assertThat(s.roster().postsOf(saved.getFirst())).extracting(p -> p.position())
                .containsExactly(Position.SEKRETARIS_DESA);
    }

    @Test
    void anInvalidNikShowsItsMessageByTheFieldAndSavesNothing() {
        long audit = s.audit().count();
        PersonDialogModel f = newPerson("3.60405E+15", "Ahmad", LORONG, Position.KASI_PELAYANAN);
        f.sex.set(Sex.L);
        f.save(id -> { throw new AssertionError("saved"); });
        assertThat(f.errors().get("nik")).contains("angka ilmiah");
        assertThat(s.audit().count()).isEqualTo(audit);
        assertThat(s.stats().stats(TODAY).people()).isEqualTo(0);
    }

    @Test
    void aBadDateAndAMissingPositionAreShownBeforeAnythingIsWritten() {
        PersonDialogModel f = newPerson("6101011203800001", " ", LORONG, null);
        f.post.startDate.set("31-02-2025");
        f.save(id -> { throw new AssertionError("saved"); });
        assertThat(f.errors()).containsKeys("startDate", "position", "fullName");
        assertThat(f.errors().get("startDate")).contains("31-02-2025");
    }

    @Test
    void aDuplicateNikShowsTheHolderAndTheirVillagesAndCanAddThePostToThem() {
        PersonDialogModel first = newPerson("6101011203800001", "Ahmad Yani", DURIAN, Position.KEPALA_DUSUN);
        first.save(id -> { });
        PersonDialogModel f = newPerson("6101011203800001", "Ahmad Y.", LORONG, Position.PLT_KEPALA_DESA);
        f.save(id -> { throw new AssertionError("saved a duplicate"); });
        assertThat(f.duplicateProperty().get()).isNotNull();
        assertThat(f.errors().get("nik")).contains("Ahmad Yani").contains("Durian");

        List<UUID> saved = new ArrayList<>();
        f.addPostToExisting(saved::add);
        assertThat(s.roster().findByNik("6101011203800001")).hasSize(1);
        assertThat(s.roster().postsOf(saved.getFirst())).extracting(p -> p.position())
                .containsExactlyInAnyOrder(Position.KEPALA_DUSUN, Position.PLT_KEPALA_DESA);
    }

    @Test
    void theEnrolmentFormComputesTheContributionLiveAndRefusesAsn() {
        PersonDialogModel p = newPerson("6101011203800001", "Ahmad Yani", LORONG, Position.KASI_PELAYANAN);
        List<UUID> ids = new ArrayList<>();
        p.save(ids::add);
        UUID postId = s.roster().postsOf(ids.getFirst()).getFirst().id();
        EnrolmentDialogModel f = new EnrolmentDialogModel(s.roster(), s.enrolments(), s.clock(), sync,
                ids.getFirst(), postId, Position.KASI_PELAYANAN,
                EmploymentStatus.NON_ASN);
        f.load();
        assertThat(f.wage.get()).isNotBlank(); // default wage base of the category
        f.wage.set("3.000.000");
        assertThat(f.monthlyProperty().get()).isEqualTo("Rp16.200");
        f.programmes.get(id.lindungdesa.domain.Programme.JHT).set(true);
        assertThat(f.monthlyProperty().get()).isEqualTo("Rp187.200");
        f.programmes.get(id.lindungdesa.domain.Programme.JHT).set(false);
        f.save(e -> { });
        assertThat(f.errors()).isEmpty();
        // no PKS is in force in this district: the form asks first, saying why, and saves only when confirmed
        assertThat(f.confirmationProperty().get()).isNotBlank();
        assertThat(s.enrolments().enrolmentsOf(ids.getFirst())).isEmpty();
        f.confirmUncovered();
        assertThat(s.enrolments().enrolmentsOf(ids.getFirst())).hasSize(1);

        var saved = s.enrolments().enrolmentsOf(ids.getFirst()).getFirst();
        EnrolmentDialogModel edit = EnrolmentDialogModel.edit(s.roster(), s.enrolments(), s.clock(), sync,
                saved, Position.KASI_PELAYANAN, EmploymentStatus.NON_ASN);
        edit.load();
        assertThat(edit.monthlyProperty().get()).isEqualTo("Rp16.200");
        edit.wage.set("2022200");
        edit.kpj.set("12345678901");
        edit.save(e -> { });
        assertThat(edit.errors()).isEmpty();
        assertThat(s.enrolments().enrolmentsOf(ids.getFirst())).singleElement()
                .satisfies(e -> {
                    assertThat(e.wageBase()).isEqualTo(2_022_200);
                    assertThat(e.kpj()).isEqualTo("12345678901");
                    assertThat(e.version()).isEqualTo(2);
                });

        EnrolmentDialogModel asn = new EnrolmentDialogModel(s.roster(), s.enrolments(), s.clock(), sync,
                ids.getFirst(), postId, Position.KASI_PELAYANAN,
                EmploymentStatus.PPPK);
        asn.load();
        assertThat(asn.refusalProperty().get()).contains("Taspen");
        asn.save(e -> { throw new AssertionError("saved"); });
        assertThat(asn.errors().get(FormModel.GENERAL)).contains("Taspen");
    }

    @Test
    void endingATermWithANewSuccessorIsOneStep() {
        PersonDialogModel p = newPerson("6101011203800001", "Ahmad Yani", LORONG, Position.KEPALA_DESA);
        List<UUID> ids = new ArrayList<>();
        p.save(ids::add);
        UUID postId = s.roster().postsOf(ids.getFirst()).getFirst().id();
        EndTermDialogModel f = new EndTermDialogModel(s.roster(), sync, postId);
        f.load(() -> { });
        f.endDate.set("01-03-2026");
        f.reason.set(EndReason.RESIGNED);
        f.appointSuccessor.set(true);
        f.successorNik.set("6101014404920003");
        assertThat(f.successorSex.get()).isEqualTo(Sex.P);
        f.successorName.set("Rina Marlina");
        f.save(x -> { });
        assertThat(f.errors()).isEmpty();
        List<RosterRow> rows = id.lindungdesa.service.RosterReadModel.rows(s.roster().snapshot("", TODAY), false);
        assertThat(rows).extracting(RosterRow::fullName).containsExactly("Rina Marlina");
        assertThat(s.roster().post(postId).orElseThrow().endReason()).isEqualTo(EndReason.RESIGNED);
    }

    @Test
    void aSuccessorWithAnInvalidNikIsRefusedAndTheTermStaysOpen() {
        PersonDialogModel p = newPerson("6101011203800001", "Ahmad Yani", LORONG, Position.KEPALA_DESA);
        List<UUID> ids = new ArrayList<>();
        p.save(ids::add);
        UUID postId = s.roster().postsOf(ids.getFirst()).getFirst().id();
        EndTermDialogModel f = new EndTermDialogModel(s.roster(), sync, postId);
        f.load(() -> { });
        f.appointSuccessor.set(true);
        f.successorNik.set("12345");
        f.save(x -> { throw new AssertionError("saved"); });
        assertThat(f.errors().get("nik")).contains("16 angka");
        assertThat(s.roster().post(postId).orElseThrow().endDate()).isNull();
    }

    @Test
    void aSuccessorAlreadyOnARosterIsAppointedAsTheyAreNotDuplicated() {
        List<UUID> ids = new ArrayList<>();
        newPerson("6101011203800001", "Ahmad Yani", LORONG, Position.KEPALA_DESA).save(ids::add);
        newPerson("6101014404920003", "Rina Marlina", DURIAN, Position.SEKRETARIS_DESA).save(ids::add);
        UUID postId = s.roster().postsOf(ids.getFirst()).getFirst().id();
        EndTermDialogModel f = new EndTermDialogModel(s.roster(), sync, postId);
        f.load(() -> { });
        f.appointSuccessor.set(true);
        f.successorNik.set("6101014404920003");
        f.save(x -> { });
        assertThat(f.errors()).isEmpty();
        assertThat(s.roster().findByNik("6101014404920003")).hasSize(1);
        assertThat(s.roster().postsOf(ids.get(1))).extracting(p -> p.position())
                .containsExactlyInAnyOrder(Position.SEKRETARIS_DESA, Position.KEPALA_DESA);
    }
}
