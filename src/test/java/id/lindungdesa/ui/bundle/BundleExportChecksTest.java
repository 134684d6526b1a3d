package id.lindungdesa.ui.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.bundle.Period;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.ReportFixture;
import id.lindungdesa.task.SyncTaskExecutor;
import id.lindungdesa.wiring.Services;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13 item 7: the passphrase is checked on its own (before any file dialog) and the period can be chosen. */
class BundleExportChecksTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @TempDir
    Path dir;
    Services s;
    BundleViewModel vm;

    @BeforeEach
    void setUp() {
        Messages.setCurrent(Messages.INDONESIAN);
        s = ReportFixture.sambas(dir, TODAY);
        if (s.bundles().keys().activeKey().isEmpty()) s.bundles().keys().init("kunci-kantor-sambas".toCharArray());
        vm = new BundleViewModel(s.bundles(), s::currentOffice, new SyncTaskExecutor());
    }

    @AfterEach
    void tearDown() {
        s.close();
    }

    @Test
    void aWrongPassphraseIsSaidByTheCheckAloneAndNothingIsExported() {
        List<String> failed = new ArrayList<>();
        new SyncTaskExecutor().execute(vm.checkPassphrase("salah-sekali".toCharArray())
                .onFailure(e -> failed.add(e.getMessage())));
        assertThat(failed).singleElement().asString().contains("Frasa sandi salah");
        assertThat(s.bundles().export().sent()).isEmpty();
        if (System.getenv("LINDUNGDESA_PASSPHRASE") == null) {
            AtomicReference<Integer> ok = new AtomicReference<>();
            new SyncTaskExecutor().execute(vm.checkPassphrase("kunci-kantor-sambas".toCharArray()).onSuccess(ok::set));
            assertThat(ok.get()).isEqualTo(1);
        }
    }

    @Test
    void theCurrentQuarterComesFirstThenTheQuartersBefore() {
        List<Period> p = BundleViewModel.periods(TODAY);
        assertThat(p).extracting(Period::label).containsExactly("2026-Q4", "2026-Q3", "2026-Q2", "2026-Q1", "2025-Q4");
        assertThat(BundleViewModel.periodLabel(p.getFirst())).isEqualTo("2026-Q4 (1 Oktober 2026 – 31 Desember 2026)");
    }

    @Test
    void theChosenPeriodIsTheBundlesPeriod() {
        if (System.getenv("LINDUNGDESA_PASSPHRASE") != null) return; // the key was made with another passphrase
        AtomicReference<String> period = new AtomicReference<>();
        new SyncTaskExecutor().execute(vm.export(dir.resolve("b.ldb"), "kunci-kantor-sambas".toCharArray(),
                Period.of(2026, 3)).onSuccess(r -> period.set(r.bundle().periodLabel())));
        assertThat(period.get()).isEqualTo("2026-Q3");
    }
}
