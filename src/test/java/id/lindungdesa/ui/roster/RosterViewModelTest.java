package id.lindungdesa.ui.roster;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.RosterRow;
import id.lindungdesa.domain.Segment;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.service.EnrolmentService;
import id.lindungdesa.service.RosterService;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.Progress;
import id.lindungdesa.task.SyncTaskExecutor;
import id.lindungdesa.testing.TestDb;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The roster view-model without the toolkit: navigator, badges, search and filters, warnings of the selection. */
class RosterViewModelTest {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final String LORONG = "61.01.01.2001";
    static final String DURIAN = "61.01.01.2002";
    static final String PARIT = "61.01.02.2001";

    @TempDir
    Path dir;
    Services s;
    RosterViewModel vm;

    @BeforeEach
    void setUp() {
        s = TestDb.open(dir, TODAY);
        s.office().init(OfficeLevel.DISTRICT, "61.01", "DPMD Sambas", "Sri Wahyuni");
        s.regions().importCsv(new StringReader("kode,nama\n61,Kalimantan Barat\n61.01,Kabupaten Sambas\n"
                + "61.01.01,Sambas\n61.01.01.2001,Lorong\n61.01.01.2002,Durian\n61.01.02,Teluk Keramat\n"
                + "61.01.02.2001,Parit Baru\n"), "t.csv", null, Progress.NONE);
        vm = new RosterViewModel(s.roster(), s.regions(), s::currentOffice, new SyncTaskExecutor());
    }

    @AfterEach
    void tearDown() {
        s.close();
    }

    UUID appoint(String nik, String name, Sex sex, LocalDate birth, String village, Position pos) {
        return s.roster().addPersonAndAppoint(
                new RosterService.NewPerson(nik, name, sex, birth, null, null, null, EmploymentStatus.NON_ASN, null),
                new RosterService.NewPost(null, village, pos, null, null, null, LocalDate.of(2024, 1, 1), null))
                .personId();
    }

    void enrol(UUID person) {
        s.enrolments().enrol(new EnrolmentService.NewEnrolment(person, null, null, Segment.PU,
                EnumSet.of(Programme.JKK, Programme.JKM), 1, 3_000_000, FundingSource.APBD, EnrolmentState.ACTIVE,
                LocalDate.of(2025, 1, 1)));
    }

    @Test
    void theNavigatorShowsKecamatanThenDesaWithHeadCountsAndBadges() {
        UUID a = appoint("6101011203800001", "Ahmad Yani", Sex.L, LocalDate.of(1980, 3, 12), LORONG, Position.KEPALA_DESA);
        appoint("6101015505900002", "Siti Aminah", Sex.P, LocalDate.of(1990, 5, 15), LORONG, Position.SEKRETARIS_DESA);
        UUID c = appoint("6101020101850003", "Budi Santoso", Sex.L, LocalDate.of(1985, 1, 1), PARIT, Position.KEPALA_DESA);
        enrol(a);
        enrol(c);
        vm.reload();

        RosterViewModel.NavNode root = vm.treeProperty().get();
        assertThat(root.name()).isEqualTo("Kabupaten Sambas");
        assertThat(root.children()).extracting(RosterViewModel.NavNode::name).containsExactly("Sambas", "Teluk Keramat");
        RosterViewModel.NavNode sambas = root.children().getFirst();
        assertThat(sambas.children()).extracting(RosterViewModel.NavNode::label)
                .containsExactly("Lorong (2)", "Durian (0)");
        assertThat(vm.node(LORONG).badge()).isEqualTo(RosterViewModel.Badge.SOME);
        assertThat(vm.node(DURIAN).badge()).isEqualTo(RosterViewModel.Badge.EMPTY);
        assertThat(vm.node(PARIT).badge()).isEqualTo(RosterViewModel.Badge.FULL);
        assertThat(sambas.badge()).isEqualTo(RosterViewModel.Badge.SOME);
        assertThat(root.holders()).isEqualTo(3);
    }

    @Test
    void searchByNameOrNikAndFiltersNarrowTheTable() {
        UUID a = appoint("6101011203800001", "Ahmad Yani", Sex.L, LocalDate.of(1980, 3, 12), LORONG, Position.KEPALA_DESA);
        appoint("6101015505900002", "Siti Aminah", Sex.P, LocalDate.of(1990, 5, 15), LORONG, Position.SEKRETARIS_DESA);
        appoint("6101020101850003", "Budi Santoso", Sex.L, LocalDate.of(1985, 1, 1), PARIT, Position.BPD_KETUA);
        enrol(a);
        vm.reload();
        assertThat(vm.rows()).hasSize(3);

        vm.searchProperty().set("amin");
        assertThat(vm.rows()).extracting(RosterRow::fullName).containsExactly("Siti Aminah");
        vm.searchProperty().set("610102");
        assertThat(vm.rows()).extracting(RosterRow::fullName).containsExactly("Budi Santoso");
        vm.searchProperty().set("");

        vm.categoryProperty().set(Category.PERANGKAT_DESA);
        assertThat(vm.rows()).extracting(RosterRow::fullName).containsExactly("Siti Aminah");
        vm.categoryProperty().set(null);

        vm.statusProperty().set(RosterViewModel.StatusChoice.ACTIVE);
        assertThat(vm.rows()).extracting(RosterRow::fullName).containsExactly("Ahmad Yani");
        assertThat(vm.rows().getFirst().monthlyContribution()).isEqualTo(16_200);
        vm.statusProperty().set(RosterViewModel.StatusChoice.NOT_ENROLLED);
        assertThat(vm.rows()).extracting(RosterRow::fullName).containsExactlyInAnyOrder("Siti Aminah", "Budi Santoso");
        vm.statusProperty().set(RosterViewModel.StatusChoice.ALL);

        vm.villageProperty().set("61.01.02");
        assertThat(vm.rows()).extracting(RosterRow::fullName).containsExactly("Budi Santoso");
        assertThat(vm.filterProperty().get().villagePrefix()).isEqualTo("61.01.02");
    }

    @Test
    void warningsFollowTheSelectedVillageAndPerson() {
        // Birth date disagrees with the NIK: a warning on that person.
        s.roster().addPersonAndAppoint(new RosterService.NewPerson("6101011203800001", "Ahmad Yani", Sex.L,
                        LocalDate.of(1980, 3, 13), null, null, null, EmploymentStatus.NON_ASN, null),
                new RosterService.NewPost(null, LORONG, Position.KEPALA_DESA, null, null, null,
                        LocalDate.of(2024, 1, 1), null));
        appoint("6101020101850003", "Budi Santoso", Sex.L, LocalDate.of(1985, 1, 1), PARIT, Position.KEPALA_DESA);
        vm.reload();

        vm.villageProperty().set(PARIT);
        assertThat(vm.visibleWarnings()).noneMatch(w -> w.contains("Tanggal lahir"));
        vm.villageProperty().set(LORONG);
        assertThat(vm.visibleWarnings()).anyMatch(w -> w.contains("Tanggal lahir"));
        assertThat(vm.selectedVillage()).isEqualTo(LORONG);

        RosterRow budi = vm.allRows().stream().filter(r -> r.fullName().startsWith("Budi")).findFirst().orElseThrow();
        vm.selectedProperty().set(budi);
        assertThat(vm.visibleWarnings()).noneMatch(w -> w.contains("Tanggal lahir"));
    }

    @Test
    void theSelectionSurvivesAReload() {
        appoint("6101011203800001", "Ahmad Yani", Sex.L, LocalDate.of(1980, 3, 12), LORONG, Position.KEPALA_DESA);
        vm.reload();
        vm.selectedProperty().set(vm.allRows().getFirst());
        int[] loads = new int[1];
        vm.onLoadedOnce(() -> loads[0]++);
        vm.reload();
        vm.reload();
        assertThat(loads[0]).isEqualTo(1);
        assertThat(vm.selectedProperty().get().fullName()).isEqualTo("Ahmad Yani");
    }
}
