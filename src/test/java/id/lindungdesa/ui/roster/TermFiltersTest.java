package id.lindungdesa.ui.roster;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.RosterRow;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.service.RosterService;
import id.lindungdesa.task.Progress;
import id.lindungdesa.task.SyncTaskExecutor;
import id.lindungdesa.testing.TestDb;
import id.lindungdesa.wiring.Services;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 9: the roster filters "masa jabatan berakhir" and "berakhir ≤ 90 hari"; a village's warnings name
 * their person (item 8); "Tanggal berakhir" starts at the planned end.
 */
class TermFiltersTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final String LORONG = "61.01.01.2001";

    @TempDir
    Path dir;
    Services s;
    RosterViewModel vm;

    @BeforeEach
    void setUp() {
        s = TestDb.open(dir, TODAY);
        s.office().init(OfficeLevel.DISTRICT, "61.01", "DPMD Sambas", "Sri Wahyuni");
        s.regions().importCsv(new StringReader("kode,nama\n61,Kalimantan Barat\n61.01,Kabupaten Sambas\n"
                + "61.01.01,Sambas\n61.01.01.2001,Lorong\n"), "t.csv", null, Progress.NONE);
        vm = new RosterViewModel(s.roster(), s.regions(), s::currentOffice, new SyncTaskExecutor());
    }

    @AfterEach
    void tearDown() {
        s.close();
    }

    UUID bpd(String nik, String name, LocalDate plannedEnd) {
        return s.roster().addPersonAndAppoint(
                new RosterService.NewPerson(nik, name, Sex.L, LocalDate.of(1980, 1, 1), null, null, null, EmploymentStatus.NON_ASN, null),
                new RosterService.NewPost(null, LORONG, Position.BPD_ANGGOTA, null, null, null,
                        LocalDate.of(2018, 11, 1), plannedEnd)).id();
    }

    @Test
    void theTermFiltersKeepEndedAndEndingTermsAndWarningsNameThePerson() {
        bpd("6101010101800001", "Ahmad Yani", LocalDate.of(2026, 11, 1));
        bpd("6101010101800002", "Budi Santoso", LocalDate.of(2026, 11, 1));
        bpd("6101010101800003", "Citra Lestari", LocalDate.of(2027, 1, 15));
        bpd("6101010101800004", "Dedi Kurniawan", LocalDate.of(2030, 1, 1));
        vm.reload();
        assertThat(vm.rows()).hasSize(4);

        vm.termProperty().set(RosterViewModel.TermChoice.ENDED);
        assertThat(vm.rows()).extracting(RosterRow::fullName).containsExactlyInAnyOrder("Ahmad Yani", "Budi Santoso");
        vm.termProperty().set(RosterViewModel.TermChoice.ENDING_90);
        assertThat(vm.rows()).extracting(RosterRow::fullName).containsExactly("Citra Lestari");
        vm.termProperty().set(RosterViewModel.TermChoice.ALL);
        assertThat(vm.rows()).hasSize(4);

        vm.villageProperty().set(LORONG);
        // Before: three identical "Masa jabatan berakhir …" lines; now each names its person.
        assertThat(vm.visibleWarnings().stream().filter(w -> w.contains("Masa jabatan berakhir pada")))
                .hasSize(3).doesNotHaveDuplicates()
                .anyMatch(w -> w.startsWith("Ahmad Yani: Masa jabatan berakhir pada ") && w.contains("belum ditutup"))
                .anyMatch(w -> w.startsWith("Budi Santoso: Masa jabatan berakhir pada ") && w.contains("belum ditutup"))
                .anyMatch(w -> w.startsWith("Citra Lestari: Masa jabatan berakhir pada "));
    }

    @Test
    void theEndDateStartsAtThePlannedEndNotToday() {
        UUID ended = bpd("6101010101800001", "Ahmad Yani", LocalDate.of(2026, 11, 1));
        UUID ending = bpd("6101010101800003", "Citra Lestari", LocalDate.of(2027, 1, 15));
        UUID far = bpd("6101010101800004", "Dedi Kurniawan", LocalDate.of(2030, 1, 1));
        EndTermDialogModel a = new EndTermDialogModel(s.roster(), new SyncTaskExecutor(), ended);
        a.load(() -> { });
        assertThat(a.endDate.get()).isEqualTo("01-11-2026");
        EndTermDialogModel b = new EndTermDialogModel(s.roster(), new SyncTaskExecutor(), ending);
        b.load(() -> { });
        assertThat(b.endDate.get()).isEqualTo("15-01-2027");
        EndTermDialogModel c = new EndTermDialogModel(s.roster(), new SyncTaskExecutor(), far);
        c.load(() -> { });
        assertThat(c.endDate.get()).isEqualTo("25-11-2026");
    }

    @Test
    void theExpiredBpdTermsOfAVillageEndTogetherUnderOneSkWithSuccessors() {
        bpd("6101010101800001", "Ahmad Yani", LocalDate.of(2026, 11, 1));
        bpd("6101010101800002", "Budi Santoso", LocalDate.of(2026, 11, 1));
        bpd("6101010101800003", "Citra Lestari", LocalDate.of(2027, 1, 15));
        vm.reload();
        var rows = EndTogetherDialogModel.expired(vm.allRows(), LORONG, TODAY);
        assertThat(rows).extracting(RosterRow::fullName).containsExactlyInAnyOrder("Ahmad Yani", "Budi Santoso");
        EndTogetherDialogModel form = new EndTogetherDialogModel(s.roster(), new SyncTaskExecutor(), rows);
        form.skNumber.set("141/12/2026");
        form.skDate.set("20-11-2026");
        form.lines().get(0).nik().set("6101014404920003");
        form.lines().get(0).name().set("Rina Marlina");
        java.util.concurrent.atomic.AtomicReference<java.util.List<id.lindungdesa.domain.Post>> saved =
                new java.util.concurrent.atomic.AtomicReference<>();
        form.save(saved::set);
        assertThat(form.errors()).isEmpty();
        assertThat(saved.get()).hasSize(2);

        vm.reload();
        assertThat(vm.allRows()).extracting(RosterRow::fullName)
                .containsExactlyInAnyOrder("Rina Marlina", "Citra Lestari");
        RosterRow rina = vm.allRows().stream().filter(r -> r.fullName().equals("Rina Marlina")).findFirst()
                .orElseThrow();
        assertThat(rina.position()).isEqualTo(Position.BPD_ANGGOTA);
        assertThat(rina.startDate()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(s.roster().post(rina.postId()).orElseThrow().skNumber()).isEqualTo("141/12/2026");
        vm.termProperty().set(RosterViewModel.TermChoice.ENDED);
        assertThat(vm.rows()).isEmpty();
    }

    @Test
    void aBadSuccessorNikSavesNothing() {
        bpd("6101010101800001", "Ahmad Yani", LocalDate.of(2026, 11, 1));
        bpd("6101010101800002", "Budi Santoso", LocalDate.of(2026, 11, 1));
        vm.reload();
        EndTogetherDialogModel form = new EndTogetherDialogModel(s.roster(), new SyncTaskExecutor(),
                EndTogetherDialogModel.expired(vm.allRows(), LORONG, TODAY));
        form.lines().get(1).nik().set("3.60405E+15");
        form.save(p -> { throw new AssertionError("saved"); });
        assertThat(form.errors()).containsKey("nik1");
        vm.reload();
        assertThat(vm.allRows()).hasSize(2);
    }
}
