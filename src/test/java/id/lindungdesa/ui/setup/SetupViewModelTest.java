package id.lindungdesa.ui.setup;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.SyncTaskExecutor;
import id.lindungdesa.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** First run without the toolkit: inline messages per field, then the region import and its report. */
class SetupViewModelTest {
    @TempDir
    Path dir;
    Services s;

    @BeforeEach
    void setUp() {
        s = TestDb.open(dir, LocalDate.of(2026, 2, 2));
    }

    @AfterEach
    void tearDown() {
        s.close();
    }

    @Test
    void wrongInputIsShownNextToEachFieldAndNothingIsSetUp() {
        SetupViewModel vm = new SetupViewModel(s.office(), s.bundles().keys(), s.regions(),
                s.demo(), new SyncTaskExecutor());
        vm.level.set(OfficeLevel.DISTRICT);
        vm.code.set("36.04.01");
        vm.save(o -> { throw new AssertionError("saved"); });
        assertThat(vm.errors().get("code")).contains("36.04.01");
        assertThat(vm.errors()).containsKeys("name", "clerk");
        assertThat(s.currentOffice()).isEmpty();
        vm.code.set("36.04");
        assertThat(vm.errors()).doesNotContainKey("code");
    }

    @Test
    void theOfficeIsSetUpThenRegionsAreImportedWithinItAndReported() throws Exception {
        SetupViewModel vm = new SetupViewModel(s.office(), s.bundles().keys(), s.regions(),
                s.demo(), new SyncTaskExecutor());
        vm.code.set("36.04");
        vm.name.set("DPMD Kabupaten Serang");
        vm.clerk.set("Budi");
        AtomicBoolean done = new AtomicBoolean();
        vm.save(o -> done.set(true));
        assertThat(done).isTrue();

        Path csv = dir.resolve("wilayah.csv");
        Files.writeString(csv, "kode,nama\n36,BANTEN\n36.04,KABUPATEN SERANG\n36.04.01,Cinangka\n"
                + "36.04.01.2001,\"Kamasan, Lama\"\n36.04.01.2002,Cinangka\n36.73,KOTA SERANG\n36.73.01,Serang\n");
        RegionImportViewModel m = new RegionImportViewModel(s.regions(), new SyncTaskExecutor(), "36.04");
        m.file.set(csv.toString());
        m.start(r -> { });
        assertThat(m.errorProperty().get()).isEmpty();
        assertThat(m.reportProperty().get().kecamatan()).isEqualTo(1);
        assertThat(m.reportProperty().get().desa()).isEqualTo(2);
        assertThat(RegionImportViewModel.describe(m.reportProperty().get())).contains("1 kecamatan, 2 desa")
                .contains("baru");

        m.file.set(dir.resolve("missing.csv").toString());
        m.start(r -> { throw new AssertionError("imported"); });
        assertThat(m.errorProperty().get()).contains("tidak ditemukan");
    }

    @Test
    void theDemoChoiceBuildsADistrictWithProgressAndSetsUpTheOffice() {
        SetupViewModel vm = new SetupViewModel(s.office(), s.bundles().keys(), s.regions(),
                s.demo(), new SyncTaskExecutor());
        java.util.List<Double> seen = new java.util.ArrayList<>();
        vm.demoProgressProperty().addListener((o, a, b) -> seen.add(b.doubleValue()));
        AtomicBoolean done = new AtomicBoolean();
        vm.demo(() -> done.set(true));
        assertThat(done).isTrue();
        assertThat(vm.errors()).isEmpty();
        assertThat(seen).anyMatch(f -> f > 0 && f < 1);
        assertThat(vm.demoStatusProperty().get()).startsWith("Kabupaten demo siap");
        assertThat(s.currentOffice()).isPresent();
        assertThat((Integer) s.stats().stats(LocalDate.of(2026, 2, 2)).people()).isGreaterThan(100);

        SetupViewModel again = new SetupViewModel(s.office(), s.bundles().keys(), s.regions(),
                s.demo(), new SyncTaskExecutor());
        again.demo(() -> { throw new AssertionError("twice"); });
        assertThat(again.errors().get(SetupViewModel.GENERAL)).contains("kosong");
    }
}
