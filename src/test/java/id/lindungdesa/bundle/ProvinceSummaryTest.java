package id.lindungdesa.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.domain.EndReason;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Post;
import id.lindungdesa.persistence.ProvinceFiguresRepository;
import id.lindungdesa.service.RosterService;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.TestDb;
import id.lindungdesa.wiring.Services;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-district summary kept by the import (decision 0126) gives exactly the figures computed on the fly from
 * the {@code prov_*} rows: stats and coverage of the province and of each district, after a first import of three
 * districts, after a second bundle with a removed person, an ended post, a new person and a lapsed enrolment, on
 * a date the summary does not cover, with one district's summary missing (an older database), and after the
 * database is opened again (the summary is filled on open).
 */
class ProvinceSummaryTest {
    private static final LocalDate ON = BundleKit.TODAY;

    @TempDir
    Path dir;

    @Test
    void theSummaryGivesExactlyTheFiguresComputedOnTheFly() {
        try (Services serang = BundleKit.district(dir, "36.04", 41);
             Services lebak = BundleKit.district(dir, "36.02", 42);
             Services tangerang = BundleKit.district(dir, "36.03", 43)) {
            try (Services prov = BundleKit.province(dir, "36")) {
                List<Services> ds = List.of(serang, lebak, tangerang);
                for (Services d : ds) {
                    BundleKit.enrol(d, prov, dir);
                    prov.bundles().imports().apply(BundleKit.export(d, dir, d.office().require().regionCode()
                            + ".ldb"), BundleKit.PROV_PASS, null, Progress.NONE);
                }
                // every district's figures come from its summary today
                assertThat(summarised(prov, ON)).containsExactlyInAnyOrder("36.02", "36.03", "36.04");
                assertSame(prov, ON);
                var before = prov.bundles().province().coverage("36.04", ON).report().region();
                var statsBefore = prov.bundles().province().stats("36.04", ON).totals();

                // A second bundle from Serang: one person removed, one term ended, a new person with a post, an
                // enrolment lapsed.
                RosterService roster = serang.roster();
                var snap = roster.snapshot("", ON);
                List<Person> ps = snap.people().values().stream().sorted(Comparator.comparing(Person::id)).toList();
                Person removed = ps.stream().filter(p -> snap.posts().stream()
                        .anyMatch(x -> x.personId().equals(p.id()) && x.currentOn(ON))).findFirst().orElseThrow();
                roster.removePerson(removed.id(), removed.version(), "Salah input");
                Post ended = snap.posts().stream().filter(p -> p.currentOn(ON) && !p.personId().equals(removed.id()))
                        .min(Comparator.comparing(Post::id)).orElseThrow();
                roster.endTerm(ended.id(), ended.version(), ON.minusDays(3), EndReason.RESIGNED);
                Person added = roster.addPerson(new RosterService.NewPerson("3604015501900001", "Siti Aminah",
                        id.lindungdesa.domain.Sex.P, LocalDate.of(1990, 1, 15), "Serang", null, null, null, null));
                roster.appoint(new RosterService.NewPost(added.id(), ended.villageCode(), ended.position(), null,
                        "SK/1/2026", ON.minusDays(1), ON.minusDays(1), null));
                var active = snap.enrolments().stream().filter(e -> snap.stateOn(e.id(), ON) == EnrolmentState.ACTIVE
                        && !e.personId().equals(removed.id()) && !e.personId().equals(ended.personId()))
                        .min(Comparator.comparing(e -> e.id())).orElseThrow();
                serang.enrolments().changeStatus(active.id(), EnrolmentState.LAPSED, ON.minusDays(2), "menunggak");
                prov.bundles().imports().apply(BundleKit.export(serang, dir, "36.04-2.ldb"), BundleKit.PROV_PASS,
                        null, Progress.NONE);

                assertThat(summarised(prov, ON)).contains("36.04");
                assertSame(prov, ON);
                var after = prov.bundles().province().coverage("36.04", ON).report().region();
                assertThat(after.total()).isNotEqualTo(before.total());
                var statsAfter = prov.bundles().province().stats("36.04", ON).totals();
                assertThat(statsAfter.people()).isEqualTo(statsBefore.people()); // one removed, one added
                assertThat(statsAfter.enrolledActive()).isLessThan(statsBefore.enrolledActive());
                // and the province's figures equal the districts' own reports
                ProvinceFiguresTest.assertEqualsDistricts(prov, ds, ON);

                // A date before the latest change is not covered by Serang's summary: computed on the fly.
                LocalDate earlier = ON.minusDays(2);
                assertThat(summarised(prov, earlier)).doesNotContain("36.04");
                assertSame(prov, earlier);
                assertSame(prov, ON.minusMonths(7));

                // An older database: one district has no summary (the others still have theirs).
                prov.database().writeVoid(tx -> {
                    for (String t : List.of("prov_fig_village_cat", "prov_fig_village", "prov_fig_posts",
                            "prov_fig_district")) {
                        tx.dsl().execute("DELETE FROM " + t + " WHERE district_code = ?", "36.02");
                    }
                });
                assertThat(summarised(prov, ON)).containsExactlyInAnyOrder("36.03", "36.04");
                assertSame(prov, ON);
            }
            // opened again: the missing summary is computed on open, and gives the same figures
            try (Services prov = TestDb.open(dir, "prov-36", ON)) {
                assertThat(summarised(prov, ON)).containsExactlyInAnyOrder("36.02", "36.03", "36.04");
                assertSame(prov, ON);
                assertThat(prov.bundles().province().refreshSummaries()).isZero(); // nothing left to do
                ProvinceFiguresTest.assertEqualsDistricts(prov, List.of(serang, lebak, tangerang), ON);
            }
        }
    }

    private static Set<String> summarised(Services prov, LocalDate on) {
        return prov.database().read(tx -> new ProvinceFiguresRepository().summarised(tx, "36", on));
    }

    /** Stats and coverage of the province and each district equal the figures computed on the fly. */
    private static void assertSame(Services prov, LocalDate on) {
        ProvinceService fast = prov.bundles().province();
        ProvinceService live = fast.computedOnTheFly();
        for (String scope : List.of("36", "36.02", "36.03", "36.04")) {
            assertThat(fast.stats(scope, on)).as("stats of " + scope + " on " + on).isEqualTo(live.stats(scope, on));
            assertThat(fast.coverage(scope, on)).as("coverage of " + scope + " on " + on)
                    .isEqualTo(live.coverage(scope, on));
        }
        assertThat(fast.dashboard(on)).isEqualTo(live.dashboard(on));
        // the dashboard's per-district aggregates equal the dashboard built from every village's coverage
        assertThat(fast.dashboard(on)).as("dashboard on " + on).isEqualTo(fast.dashboardFromCoverage(on));
        assertThat(live.dashboard(on)).as("dashboard on the fly on " + on).isEqualTo(live.dashboardFromCoverage(on));
        assertThat(fast.dashboard(on).villages()).isPositive();
        assertThat(fast.stats("36", on).totals().people()).isPositive();
    }
}
