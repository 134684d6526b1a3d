package id.lindungdesa.service;

import id.lindungdesa.wiring.Services;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.Nik;
import id.lindungdesa.domain.RosterRow;
import id.lindungdesa.domain.Warning;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.TestDb;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoServiceTest {
    static final LocalDate TODAY = LocalDate.of(2026, 5, 4);

    @TempDir
    Path dir;

    @Test
    void serangDemoIsRealisticAndDeterministic() {
        try (Services s = TestDb.open(dir, "a", TODAY)) {
            var r = s.demo().generate(TestDb.wilayahCsv(), "36.04", 42, Progress.NONE);
            assertThat(r.villages()).isEqualTo(326);
            assertThat(s.currentOffice().orElseThrow().regionCode()).isEqualTo("36.04");
            assertThat(s.currentOffice().orElseThrow().name()).isEqualTo("Kabupaten Serang");
            var snap = s.roster().snapshot("", TODAY);
            List<RosterRow> rows = RosterReadModel.rows(snap, false);
            Map<Category, Long> perCat = rows.stream().collect(Collectors.groupingBy(RosterRow::category,
                    Collectors.counting()));
            assertThat(perCat.get(Category.KEPALA_DESA)).isEqualTo(326);
            assertThat(perCat.get(Category.PERANGKAT_DESA) / 326.0).isBetween(7.0, 12.0);
            assertThat(perCat.get(Category.BPD) / 326.0).isBetween(5.0, 9.0);
            assertThat(perCat.get(Category.RT_RW)).isPositive();
            assertThat(rows).allMatch(row -> Nik.check(row.nik(), TODAY).valid());
            double enrolled = rows.stream().filter(RosterRow::enrolledActive).count() / (double) rows.size();
            assertThat(enrolled).isBetween(0.5, 0.7);
            assertThat(RosterService.warnings(snap)).extracting(Warning::code)
                    .contains(Warning.Code.BPD_SIZE, Warning.Code.AGE_60_REACHED, Warning.Code.TERM_ENDED,
                            Warning.Code.NIK_BIRTHDATE_MISMATCH);
            var plt = rows.stream().filter(x -> x.position() == id.lindungdesa.domain.Position.PLT_KEPALA_DESA)
                    .toList();
            assertThat(plt).as("acting heads who are also village secretaries").isNotEmpty()
                    .allMatch(x -> rows.stream().anyMatch(o -> o.personId().equals(x.personId())
                            && o.position() == id.lindungdesa.domain.Position.SEKRETARIS_DESA));
        }
    }

    @Test
    void theSameSeedGivesTheSameDistrict() {
        List<String> first;
        try (Services s = TestDb.open(dir, "k1", TODAY)) {
            s.demo().generate(TestDb.wilayahCsv(), "36.04.05", 42, Progress.NONE);
            first = RosterReadModel.rows(s.roster().snapshot("", TODAY), false).stream()
                    .map(x -> x.nik() + x.fullName() + x.position() + x.enrolmentState()).sorted().toList();
        }
        try (Services s = TestDb.open(dir, "k2", TODAY)) {
            s.demo().generate(TestDb.wilayahCsv(), "36.04.05", 42, Progress.NONE);
            var again = RosterReadModel.rows(s.roster().snapshot("", TODAY), false).stream()
                    .map(x -> x.nik() + x.fullName() + x.position() + x.enrolmentState()).sorted().toList();
            assertThat(again).isNotEmpty().isEqualTo(first);
        }
        try (Services s = TestDb.open(dir, "k3", TODAY)) {
            s.demo().generate(TestDb.wilayahCsv(), "36.04.05", 43, Progress.NONE);
            var other = RosterReadModel.rows(s.roster().snapshot("", TODAY), false).stream()
                    .map(x -> x.nik() + x.fullName() + x.position() + x.enrolmentState()).sorted().toList();
            assertThat(other).isNotEqualTo(first);
        }
    }

    @Test
    void twoAreasWithTheSameSeedLiveInOneDatabase() {
        try (Services s = TestDb.open(dir, "two", TODAY)) {
            var a = s.demo().generate(null, "61.01", 1, Progress.NONE);
            var b = s.demo().generate(null, "61.02", 1, Progress.NONE);
            assertThat(s.stats().stats(TODAY).people()).isEqualTo(a.people() + b.people());
        }
    }

    @Test
    void worksWithoutARegionsFile() {
        try (Services s = TestDb.open(dir, "c", TODAY)) {
            var r = s.demo().generate(null, null, 1, Progress.NONE);
            assertThat(r.villages()).isEqualTo(48);
            assertThat(r.people()).isGreaterThan(48 * 14);
            assertThat(s.currentOffice()).isPresent();
        }
    }
}
