package id.lindungdesa.ui.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.ReportFixture;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.SyncTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundle screen without the toolkit: key, export, and the import wizard's pending file. */
class BundleViewModelTest {
    @TempDir
    Path dir;
    Services s;
    BundleViewModel vm;
    final List<String> failures = new ArrayList<>();

    @BeforeEach
    void setUp() {
        Messages.setCurrent(Messages.INDONESIAN);
        s = ReportFixture.sambas(dir, LocalDate.of(2026, 5, 4));
        vm = new BundleViewModel(s.bundles(), s::currentOffice, new SyncTaskExecutor());
    }

    @AfterEach
    void tearDown() {
        s.close();
    }

    private BundleViewModel.State state() {
        AtomicReference<BundleViewModel.State> st = new AtomicReference<>();
        vm.refresh(st::set);
        return st.get();
    }

    @Test
    void aDistrictMakesItsKeyThenExportsABundleThatIsListedAsSent() {
        BundleViewModel.State before = state();
        assertThat(before.level()).isEqualTo(OfficeLevel.DISTRICT);
        assertThat(before.bundleFileName()).isEqualTo("bundel-61.01.ldb");
        // With LINDUNGDESA_PASSPHRASE set, office set-up already made the key with it.
        String pass = before.key().isPresent() ? System.getenv("LINDUNGDESA_PASSPHRASE") : "kunci-kantor-sambas";
        if (before.key().isEmpty()) vm.createKey(pass.toCharArray(), k -> { }, e -> failures.add(e.getMessage()));
        assertThat(failures).isEmpty();
        assertThat(state().key()).isPresent();

        Path out = dir.resolve(before.bundleFileName());
        AtomicReference<Path> written = new AtomicReference<>();
        new SyncTaskExecutor().execute(vm.export(out, pass.toCharArray())
                .onSuccess(r -> written.set(r.file())));
        assertThat(written.get()).exists();
        assertThat(state().sent()).singleElement().satisfies(b -> assertThat(b.sequence()).isEqualTo(1));
    }

    @Test
    void aFileThatFailsTheDryRunIsNotPendingAndApplyHasNothingToDo() throws Exception {
        Path junk = Files.writeString(dir.resolve("bukan-bundel.ldb"), "bukan bundel");
        List<String> seen = new ArrayList<>();
        new SyncTaskExecutor().execute(vm.dryRun(junk).onFailure(e -> seen.add(e.getMessage())));
        assertThat(seen).hasSize(1);
        assertThat(vm.pending()).isNull();
        assertThat(vm.applyPending("x".toCharArray())).isNull();
    }
}
