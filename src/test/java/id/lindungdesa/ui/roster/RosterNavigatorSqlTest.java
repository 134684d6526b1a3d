package id.lindungdesa.ui.roster;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.TestDb;
import id.lindungdesa.wiring.Services;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: the roster navigator's counts (district, kecamatan, desa: holders, covered, eligible, badge) read from
 * SQL aggregation equal what the in-memory snapshot computation gave, on the demo district.
 */
class RosterNavigatorSqlTest {
    static final LocalDate TODAY = LocalDate.of(2026, 5, 4);

    @TempDir
    Path dir;

    @Test
    void theNavigatorsCountsFromSqlEqualTheSnapshotsOnTheDemoDistrict() {
        try (Services s = TestDb.open(dir, "demo", TODAY)) {
            s.demo().generate(TestDb.wilayahCsv(), "36.04", 42, Progress.NONE);
            String scope = s.currentOffice().map(o -> o.regionCode()).orElse("");
            RosterViewModel.Loaded sql = RosterViewModel.load(s.roster(), s.regions(), s.figures(), scope);
            RosterViewModel.Loaded old = RosterViewModel.load(s.roster(), s.regions(), null, scope);
            assertThat(sql.tree().holders()).isGreaterThan(1000);
            assertThat(sql.tree().covered()).isGreaterThan(0);
            assertThat(sql.tree().children()).hasSizeGreaterThan(5);
            assertThat(sql.tree()).isEqualTo(old.tree());
            assertThat(sql.rows()).isEqualTo(old.rows());
        }
    }
}
