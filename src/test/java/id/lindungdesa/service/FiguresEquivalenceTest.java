package id.lindungdesa.service;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.domain.Alert;
import id.lindungdesa.domain.AgreementInForce;
import id.lindungdesa.domain.EndReason;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.RosterRow;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.TestDb;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.persistence.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: every district figure computed by the database equals what the whole-roster snapshot gave, on the
 * demo district (Kabupaten Serang, ~5,800 people) after ended terms, lapsed and re-activated enrolments and a
 * removed person, on dates before, between and after those changes. The snapshot computation lives on only in
 * {@link SnapshotOracle}.
 */
class FiguresEquivalenceTest {
    static final LocalDate TODAY = LocalDate.of(2026, 5, 4);
    static final String DISTRICT = "36.04";
    static final List<LocalDate> DATES = List.of(TODAY, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 28),
            LocalDate.of(2025, 12, 31), LocalDate.of(2025, 11, 1), LocalDate.of(2025, 6, 30),
            LocalDate.of(2024, 1, 1), LocalDate.of(2026, 10, 31));
    static final Set<Alert.Kind> ROSTER_KINDS = EnumSet.of(Alert.Kind.TERM_ENDED, Alert.Kind.TERM_ENDING,
            Alert.Kind.AGE_60, Alert.Kind.ENROLMENT_LAPSED);

    @TempDir
    Path dir;

    @Test
    void everyDistrictFigureEqualsTheSnapshotsOnTheDemoDistrict() {
        try (Services s = new Services(Database.open(dir.resolve("demo"), Database.Options.of("test")),
                ticking(TODAY))) {
            s.demo().generate(TestDb.wilayahCsv(), DISTRICT, 42, Progress.NONE);
            changeTheRoster(s);
            RosterService.Snapshot snap = s.roster().snapshot(DISTRICT, TODAY);
            RosterService.Snapshot all = s.roster().snapshot("", TODAY);
            // The comparison means something: ended terms, lapsed enrolments and a removed person are in it.
            assertThat(snap.posts().stream().filter(p -> p.endDate() != null).count()).isGreaterThan(20);
            assertThat(snap.enrolments().stream().filter(e -> snap.stateOn(e.id(), TODAY) == EnrolmentState.LAPSED)
                    .count()).isGreaterThan(5);

            for (LocalDate d : DATES) {
                // Coverage by category and region, villages with none registered.
                CoverageService.Report sql = s.coverage().report(DISTRICT, d);
                CoverageService.Report old = SnapshotOracle.report(s.coverage(), DISTRICT, snap, d);
                assertThat(sql.region()).as("district on %s", d).isEqualTo(old.region());
                assertThat(sql.kecamatan()).as("kecamatan on %s", d).isEqualTo(old.kecamatan());
                assertThat(sql.villages()).as("villages on %s", d).isEqualTo(old.villages());
                assertThat(sql).isEqualTo(old);
                // Monev's capture is the same sum.
                var monev = s.monev().coverageOn(d);
                assertThat(monev).allSatisfy(c -> assertThat(c.eligible())
                        .isEqualTo(old.region().of(c.category()).eligible()));

                // Stats (the whole database).
                var st = s.stats().stats(d);
                var ost = SnapshotOracle.stats(all, d);
                assertThat(List.of(st.people(), st.officeHolders(), st.enrolledActive())).as("stats on %s", d)
                        .isEqualTo(List.of(ost.people(), ost.officeHolders(), ost.enrolledActive()));
                assertThat(st.posts()).isEqualTo(ost.posts());

                // Alerts from the roster.
                List<String> alerts = s.alerts().alerts(d).stream().filter(a -> ROSTER_KINDS.contains(a.kind()))
                        .map(FiguresEquivalenceTest::shown).sorted().toList();
                List<String> oldAlerts = SnapshotOracle.rosterAlerts(snap, d).stream()
                        .map(FiguresEquivalenceTest::shown).sorted().toList();
                assertThat(alerts).as("roster alerts on %s", d).isEqualTo(oldAlerts);

                // Enrolment–agreement links, and the counts alerts use.
                List<AgreementInForce> inForce = s.agreements().inForce(d);
                var links = s.agreements().links(d);
                var oldLinks = SnapshotOracle.links(snap, inForce, d);
                assertThat(links.covered()).as("covered on %s", d)
                        .containsExactlyInAnyOrderElementsOf(oldLinks.covered());
                assertThat(links.uncovered()).as("uncovered on %s", d)
                        .containsExactlyInAnyOrderElementsOf(oldLinks.uncovered());
                assertThat(links.terms()).isEqualTo(oldLinks.terms());
                var counts = s.agreements().linkCounts(d, inForce);
                assertThat(counts.uncoveredCounts()).isEqualTo(oldLinks.uncoveredCounts());
                assertThat(counts.terms()).isEqualTo(oldLinks.terms());

                // Who a what-if "all eligible" adds.
                Map<id.lindungdesa.domain.Category, Integer> uninsured = s.figures().read(tx -> s.figures()
                        .repository().uninsuredHolders(tx, DISTRICT, d));
                assertThat(uninsured).as("uninsured on %s", d).isEqualTo(SnapshotOracle.uninsuredHolders(snap, d));
            }

            // The trend over 24 months.
            assertThat(s.coverage().trend(DISTRICT, TODAY, 24)).isEqualTo(SnapshotOracle.trend(snap, TODAY, 24));

            // Budgets of last year, this year (months begun from the history, the rest projected) and next year.
            for (int year : new int[] {2025, 2026, 2027}) {
                var sql = s.budget().budget(year, null, BudgetService.Scenario.NONE).current();
                assertThat(sql).as("budget %d", year).isEqualTo(SnapshotOracle.budget(snap, year, TODAY));
                assertThat(sql.total()).isPositive();
            }

            // The ledger's billing per village, month and source.
            for (YearMonth m = YearMonth.of(2025, 4); !m.isAfter(YearMonth.of(2026, 8)); m = m.plusMonths(1)) {
                for (FundingSource src : FundingSource.values()) {
                    Map<String, Long> sql = new HashMap<>();
                    for (var v : s.ledger().villages(m, src)) sql.put(v.villageCode(), v.billed());
                    assertThat(sql).as("billed %s %s", m, src).isEqualTo(SnapshotOracle.billed(snap, m, src));
                }
            }
            var year = s.ledger().ledger(2026, null);
            long billed = year.stream().mapToLong(LedgerService.Month::billed).sum();
            long oldBilled = 0;
            for (var row : year) {
                oldBilled += SnapshotOracle.billed(snap, row.month(), row.fundingSource()).values().stream()
                        .mapToLong(Long::longValue).sum();
            }
            assertThat(billed).isEqualTo(oldBilled).isPositive();
        }
    }

    /** Ends terms, lapses and re-activates enrolments, removes a person: history for the dates above. */
    static void changeTheRoster(Services s) {
        // The ledger's lapse candidates (villages that stopped paying) lapse.
        var candidates = s.ledger().lapseCandidates();
        assertThat(candidates).isNotEmpty();
        s.ledger().applyLapses(candidates.stream().map(LedgerService.LapseCandidate::enrolmentId).toList());
        List<RosterRow> rows = RosterReadModel.rows(s.roster().snapshot(DISTRICT, TODAY), false);
        int ended = 0;
        int lapsed = 0;
        for (int i = 0; i < rows.size(); i += 97) {
            RosterRow r = rows.get(i);
            Post p = s.roster().post(r.postId()).orElseThrow();
            if (p.endDate() == null && !p.startDate().isAfter(LocalDate.of(2026, 3, 1)) && ended < 30) {
                s.roster().endTerm(p.id(), p.version(), LocalDate.of(2026, 3, 1), EndReason.RESIGNED);
                ended++;
            }
        }
        for (int i = 5; i < rows.size(); i += 211) {
            RosterRow r = rows.get(i);
            if (r.enrolmentId() == null || r.enrolmentState() != EnrolmentState.ACTIVE) continue;
            s.enrolments().changeStatus(r.enrolmentId(), EnrolmentState.LAPSED, LocalDate.of(2025, 11, 1), "tunggakan");
            if (lapsed++ % 2 == 0) {
                s.enrolments().changeStatus(r.enrolmentId(), EnrolmentState.ACTIVE, LocalDate.of(2026, 2, 28),
                        "dibayar");
            }
        }
        RosterRow gone = rows.get(rows.size() / 2);
        var person = s.roster().person(gone.personId()).orElseThrow();
        s.roster().removePerson(person.id(), person.version(), "pindah domisili");
    }

    /**
     * A clock on {@code today} that moves a millisecond at each reading: two statuses recorded one after the other
     * are ordered by their recording time, as on a real desk (a fixed clock would make ties the old code broke by
     * the order rows happened to be read).
     */
    static Clock ticking(LocalDate today) {
        Instant start = today.atTime(9, 0).atZone(TestDb.ZONE).toInstant();
        AtomicLong ticks = new AtomicLong();
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return TestDb.ZONE;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return start.plusMillis(ticks.incrementAndGet());
            }
        };
    }

    private static String shown(Alert a) {
        return a.kind() + "|" + a.severity() + "|" + a.date() + "|" + a.days() + "|" + a.target() + "|"
                + a.villageCode() + "|" + a.args();
    }
}
