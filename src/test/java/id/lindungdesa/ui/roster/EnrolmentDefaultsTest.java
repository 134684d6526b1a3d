package id.lindungdesa.ui.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.domain.AgreementParty;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.CoverageTerm;
import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Segment;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.service.AgreementService;
import id.lindungdesa.service.EnrolmentService;
import id.lindungdesa.service.RosterService;
import id.lindungdesa.task.Progress;
import id.lindungdesa.task.SyncTaskExecutor;
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

/**
 * Issue 13 item 2: a new enrolment takes its defaults from the PKS in force for the category on the start date;
 * saving one no PKS covers asks first and says why; a successor is offered the predecessor's terms.
 */
class EnrolmentDefaultsTest {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final String DESA = "61.01.01.2001";

    @TempDir
    Path dir;
    Services s;
    Post kades;

    @BeforeEach
    void setUp() {
        s = TestDb.open(dir, TODAY);
        s.office().init(OfficeLevel.DISTRICT, "61.01", "DPMD Sambas", "Sri Wahyuni");
        s.regions().importCsv(new StringReader("kode,nama\n61,Kalimantan Barat\n61.01,Kabupaten Sambas\n"
                + "61.01.01,Sambas\n61.01.01.2001,Lorong\n"), "t.csv", null, Progress.NONE);
        kades = s.roster().addPersonAndAppoint(new RosterService.NewPerson("6101011203700001", "Nana", Sex.L,
                        LocalDate.of(1970, 3, 12), null, null, null, EmploymentStatus.NON_ASN, null),
                new RosterService.NewPost(null, DESA, Position.KEPALA_DESA, null, "141/1/2018", null,
                        LocalDate.of(2018, 1, 10), null));
    }

    @AfterEach
    void tearDown() {
        s.close();
    }

    void pksFromApbdes() {
        s.agreements().create(new AgreementService.NewAgreement("445/7/2025", "PKS Jamsos Kepala Desa",
                List.of(new AgreementParty("Pihak Pertama", "DPMD Kabupaten Sambas", "Kepala DPMD"),
                        new AgreementParty("Pihak Kedua", "BPJS Ketenagakerjaan KC Singkawang", "Kepala KC")),
                LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 2), LocalDate.of(2027, 12, 31),
                List.of("UU 6/2014 Pasal 66"), List.of(new CoverageTerm(Category.KEPALA_DESA, FundingSource.APBDES,
                EnumSet.of(Programme.JKK, Programme.JKM, Programme.JHT), 3_500_000L, 18_900L)),
                null, null, null, null), null);
    }

    EnrolmentDialogModel form(Post p) {
        EnrolmentDialogModel f = new EnrolmentDialogModel(s.roster(), s.enrolments(), s.clock(),
                new SyncTaskExecutor(), p.personId(), p.id(), p.position(), EmploymentStatus.NON_ASN);
        f.load();
        return f;
    }

    @Test
    void aNewEnrolmentTakesFundingProgrammesAndWageFromThePksInForce() {
        pksFromApbdes();
        EnrolmentDialogModel f = form(kades);
        assertThat(f.funding.get()).isEqualTo(FundingSource.APBDES);
        assertThat(f.chosen()).containsExactlyInAnyOrder(Programme.JKK, Programme.JKM, Programme.JHT);
        assertThat(f.wage.get()).isEqualTo("3500000");
        assertThat(f.segment.get()).isEqualTo(Segment.PU);
        assertThat(f.effectiveDate.get()).isEqualTo("02-03-2026");
        assertThat(f.defaultsNoteProperty().get()).contains("445/7/2025").contains("APBDes").contains("JKK+JKM+JHT")
                .contains("3.500.000").contains("18.900");

        f.save(e -> { });
        assertThat(f.confirmationProperty().get()).isEmpty();
        Enrolment saved = s.enrolments().enrolmentsOf(kades.personId()).getFirst();
        assertThat(saved.fundingSource()).isEqualTo(FundingSource.APBDES);
        // The home screen's rule agrees: the enrolment is covered by the PKS.
        assertThat(s.agreements().links(TODAY).uncovered()).isEmpty();
    }

    /**
     * A PKS that states a monthly amount and no wage (Rp16.200 for perangkat): the form computes the contribution
     * from the perangkat's wage and says plainly when the two differ, so a wrong wage is not saved unnoticed.
     */
    @Test
    void aPksAmountTheWageDoesNotGiveIsPointedOut() {
        s.agreements().create(new AgreementService.NewAgreement("445/9/2025", "PKS Jamsos Perangkat",
                List.of(new AgreementParty("Pihak Pertama", "DPMD Kabupaten Sambas", "Kepala DPMD")),
                LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 2), LocalDate.of(2027, 12, 31), List.of(),
                List.of(new CoverageTerm(Category.PERANGKAT_DESA, FundingSource.APBD,
                        EnumSet.of(Programme.JKK, Programme.JKM), null, 16_200L)), null, null, null, null), null);
        Post sekdes = s.roster().addPersonAndAppoint(new RosterService.NewPerson("6101015505850002", "Siti", Sex.P,
                        LocalDate.of(1985, 5, 15), null, null, null, EmploymentStatus.NON_ASN, null),
                new RosterService.NewPost(null, DESA, Position.SEKRETARIS_DESA, null, "141/2/2020", null,
                        LocalDate.of(2020, 2, 1), null));
        EnrolmentDialogModel f = form(sekdes);
        String computed = f.monthlyProperty().get();
        assertThat(computed).startsWith("Rp").isNotEqualTo("Rp16.200");
        assertThat(f.contributionNoteProperty().get()).contains(computed).contains("445/9/2025").contains("Rp16.200")
                .contains("Periksa upah");
        // A wage that gives the PKS amount (3.000.000 x 0,54 %) clears the note.
        f.wage.set("3000000");
        assertThat(f.monthlyProperty().get()).isEqualTo("Rp16.200");
        assertThat(f.contributionNoteProperty().get()).isEmpty();
    }

    @Test
    void savingAnEnrolmentNoPksCoversAsksFirstAndSaysWhy() {
        pksFromApbdes();
        EnrolmentDialogModel f = form(kades);
        f.funding.set(FundingSource.APBD);
        Enrolment[] done = {null};
        f.save(e -> done[0] = e);
        assertThat(f.confirmationProperty().get()).contains("445/7/2025").contains("APBDes").contains("APBD")
                .contains("Tetap simpan?");
        assertThat(done[0]).isNull();
        assertThat(s.enrolments().enrolmentsOf(kades.personId())).isEmpty();

        f.cancelUncovered();
        assertThat(f.confirmationProperty().get()).isEmpty();
        assertThat(s.enrolments().enrolmentsOf(kades.personId())).isEmpty();

        f.save(e -> done[0] = e);
        f.confirmUncovered();
        assertThat(done[0]).isNotNull();
        assertThat(s.enrolments().enrolmentsOf(kades.personId())).singleElement()
                .extracting(Enrolment::fundingSource).isEqualTo(FundingSource.APBD);
    }

    @Test
    void withoutAnyPksTheServiceRefusesUntilConfirmed() {
        var in = new EnrolmentService.NewEnrolment(kades.personId(), kades.id(), null, Segment.PU,
                EnumSet.of(Programme.JKK, Programme.JKM), 1, 3_000_000, FundingSource.APBD, EnrolmentState.ACTIVE,
                TODAY);
        assertThatThrownBy(() -> s.enrolments().enrol(in, false))
                .isInstanceOf(EnrolmentService.NotCoveredException.class)
                .hasMessageContaining("Tidak ada PKS yang berlaku pada 2 Maret 2026");
        assertThat(s.enrolments().enrolmentsOf(kades.personId())).isEmpty();
        assertThat(s.enrolments().enrol(in, true)).isNotNull();
        EnrolmentDialogModel f = form(kades);
        assertThat(f.defaultsNoteProperty().get()).contains("Tidak ada PKS");
    }

    @Test
    void aSuccessorIsOfferedThePredecessorsTermsFromThePostsStartDate() {
        pksFromApbdes();
        EnrolmentDialogModel first = form(kades);
        first.wage.set("4000000");
        first.save(e -> { });
        Post current = s.roster().post(kades.id()).orElseThrow();

        EndTermDialogModel end = new EndTermDialogModel(s.roster(), new SyncTaskExecutor(), kades.id())
                .offeringEnrolment(s.enrolments());
        end.load(() -> { });
        end.endDate.set("31-01-2026");
        end.appointSuccessor.set(true);
        end.successorNik.set("6101014404920003");
        end.successorName.set("Rina Marlina");
        end.startDate.set("01-02-2026");
        Post[] next = {null};
        end.save(p -> next[0] = p);
        assertThat(end.errors()).isEmpty();
        assertThat(current.endDate()).isNull();
        var offer = end.successorOffer().orElseThrow();
        assertThat(offer.successorName()).isEqualTo("Rina Marlina");
        assertThat(offer.postId()).isEqualTo(next[0].id());
        assertThat(offer.predecessor().wageBase()).isEqualTo(4_000_000L);

        EnrolmentDialogModel f = EnrolmentDialogModel.forSuccessor(s.roster(), s.enrolments(), s.clock(),
                new SyncTaskExecutor(), offer.personId(), offer.postId(), offer.position(), offer.predecessor());
        f.load();
        assertThat(f.effectiveDate.get()).isEqualTo("01-02-2026");
        assertThat(f.wage.get()).isEqualTo("4000000");
        assertThat(f.funding.get()).isEqualTo(FundingSource.APBDES);
        f.save(e -> { });
        assertThat(f.confirmationProperty().get()).isEmpty();
        assertThat(s.enrolments().enrolmentsOf(offer.personId())).singleElement()
                .satisfies(e -> assertThat(s.enrolments().stateOn(e.id(), LocalDate.of(2026, 2, 1)))
                        .contains(EnrolmentState.ACTIVE));
    }
}
