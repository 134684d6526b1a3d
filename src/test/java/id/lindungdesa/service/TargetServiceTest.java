package id.lindungdesa.service;

import id.lindungdesa.wiring.Services;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.domain.Category;
import id.lindungdesa.testing.TestDb;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetServiceTest {
    @TempDir
    Path dir;

    @Test
    void aDistrictInheritsItsProvincesTargetAndACategoryTargetWins() {
        try (Services s = TestDb.open(dir, LocalDate.of(2026, 1, 1))) {
            s.targets().set("61", 2026, null, new BigDecimal("60.80"), "Provinsi Kalimantan Barat");
            s.targets().set("61.01", 2026, Category.BPD, new BigDecimal("50.00"), "DPMD");
            assertThat(s.targets().targetFor("61.01", 2026, Category.KEPALA_DESA)).get()
                    .extracting(t -> t.percent()).isEqualTo(new BigDecimal("60.80"));
            assertThat(s.targets().targetFor("61.01", 2026, Category.BPD)).get()
                    .extracting(t -> t.percent()).isEqualTo(new BigDecimal("50.00"));
            assertThat(s.targets().targetFor("61.01", 2025, Category.BPD)).isEmpty();
            s.targets().set("61", 2026, null, new BigDecimal("61.00"), "revisi");
            assertThat(s.targets().all()).hasSize(2);
        }
    }
}
