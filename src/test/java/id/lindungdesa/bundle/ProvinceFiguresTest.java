package id.lindungdesa.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.CoverageCount;
import id.lindungdesa.domain.EndReason;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.service.CoverageService;
import id.lindungdesa.service.CoverageService.Area;
import id.lindungdesa.service.RosterService;
import id.lindungdesa.service.StatsService;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.CliRun;
import id.lindungdesa.wiring.Services;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import id.lindungdesa.testing.Backend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Province figures from SQL equal the districts' own (issue 14 item 6): two and three districts export signed
 * bundles, the province imports them, and every figure of the province (stats, coverage per category, kecamatan and
 * village, the villages summary) is the district's own report, and the province's totals their sums. A second
 * bundle with changes (a removed person, an ended post, a new person, a lapsed enrolment) moves every figure
 * exactly. The reporting list shows the district that has not reported for the period.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class ProvinceFiguresTest {
    /** Issue 16: every case runs on the embedded H2 file and on a PostgreSQL server. */
    @Parameter
    Backend backend;

    private static final LocalDate ON = BundleKit.TODAY;

    @TempDir
    Path dir;

    @Test
    void twoDistrictsTotalsAreTheSumOfTheirOwnReports() {
        try (Services serang = BundleKit.district(dir, "36.04", 21);
             Services lebak = BundleKit.district(dir, "36.02", 22);
             Services prov = BundleKit.province(dir, "36", backend)) {
            List<Services> ds = List.of(serang, lebak);
            for (Services d : ds) {
                BundleKit.enrol(d, prov, dir);
                prov.bundles().imports().apply(BundleKit.export(d, dir, d.office().require().regionCode() + ".ldb"),
                        BundleKit.PROV_PASS, null, Progress.NONE);
            }
            assertEqualsDistricts(prov, ds, ON);
            assertEqualsDistricts(prov, ds, ON.minusMonths(7)); // another date: the status history counts
        }
    }

    @Test
    void threeDistrictsASecondBundleMovesEveryFigureAndOneHasNotReported() throws Exception {
        String provDb;
        try (Services serang = BundleKit.district(dir, "36.04", 31);
             Services lebak = BundleKit.district(dir, "36.02", 32);
             Services tangerang = BundleKit.district(dir, "36.03", 33);
             Services prov = BundleKit.province(dir, "36", backend)) {
            prov.regions().importBuiltin("36", Progress.NONE); // the province's kabupaten/kota (8 in Banten)
            List<Services> ds = List.of(serang, lebak, tangerang);
            for (Services d : ds) BundleKit.enrol(d, prov, dir);
            // Tangerang reported last quarter only.
            prov.bundles().imports().apply(tangerang.bundles().export().export(dir.resolve("tangerang.ldb"),
                    BundleKit.PASS, Period.parse("2025-Q4"), Progress.NONE).file(), BundleKit.PROV_PASS, null,
                    Progress.NONE);
            for (Services d : List.of(serang, lebak)) {
                prov.bundles().imports().apply(BundleKit.export(d, dir, d.office().require().regionCode() + ".ldb"),
                        BundleKit.PROV_PASS, null, Progress.NONE);
            }
            assertEqualsDistricts(prov, ds, ON);
            CoverageService.Report before = prov.bundles().province().coverage("36.04", ON).report();

            // Changes at Serang: one person removed, one term ended, one new person with a post, one enrolment
            // lapsed, one new enrolment.
            RosterService roster = serang.roster();
            var snap = roster.snapshot("", ON);
            List<Person> ps = snap.people().values().stream().sorted(Comparator.comparing(Person::id)).toList();
            Person removed = ps.stream().filter(p -> snap.posts().stream()
                    .anyMatch(x -> x.personId().equals(p.id()) && x.currentOn(ON))).findFirst().orElseThrow();
            roster.removePerson(removed.id(), removed.version(), "Salah input");
            Post ended = snap.posts().stream().filter(p -> p.currentOn(ON) && !p.personId().equals(removed.id()))
                    .min(Comparator.comparing(Post::id)).orElseThrow();
            roster.endTerm(ended.id(), ended.version(), ON.minusDays(3), EndReason.RESIGNED);
            Person added = roster.addPerson(new RosterService.NewPerson("3604015501900001", "Siti Aminah", Sex.P,
                    LocalDate.of(1990, 1, 15), "Serang", null, null, null, null));
            roster.appoint(new RosterService.NewPost(added.id(), ended.villageCode(), ended.position(), null,
                    "SK/1/2026", ON.minusDays(1), ON.minusDays(1), null));
            var active = snap.enrolments().stream().filter(e -> snap.stateOn(e.id(), ON) == EnrolmentState.ACTIVE
                    && !e.personId().equals(removed.id()) && !e.personId().equals(ended.personId()))
                    .min(Comparator.comparing(e -> e.id())).orElseThrow();
            serang.enrolments().changeStatus(active.id(), EnrolmentState.LAPSED, ON.minusDays(2), "menunggak");
            prov.bundles().imports().apply(BundleKit.export(serang, dir, "36.04-2.ldb"), BundleKit.PROV_PASS, null,
                    Progress.NONE);

            assertEqualsDistricts(prov, ds, ON);
            CoverageService.Report after = prov.bundles().province().coverage("36.04", ON).report();
            assertThat(after.region().total()).isNotEqualTo(before.region().total());

            // The reporting list: Tangerang has not reported for 2026-Q1; the five others of Banten never did.
            var rep = prov.bundles().province().reporting("36", Period.parse("2026-Q1"));
            assertThat(rep.districts()).hasSize(8);
            assertThat(rep.missing()).extracting(ProvinceService.ReportingRow::code)
                    .containsExactly("36.01", "36.03", "36.71", "36.72", "36.73", "36.74");
            var t = rep.districts().stream().filter(r -> r.code().equals("36.03")).findFirst().orElseThrow();
            assertThat(t.last().period()).isEqualTo("2025-Q4");
            var s = rep.districts().stream().filter(r -> r.code().equals("36.04")).findFirst().orElseThrow();
            assertThat(s.inPeriod().sequence()).isEqualTo(2);
            provDb = BundleKit.dbArgument(prov);
        }

        // The same through the CLI, as a script (and `bench national`) sees it.
        JsonMapper json = JsonMapper.builder().build();
        CliRun r = CliRun.of("--db", provDb, "report", "reporting", "--period", "2026-Q1", "--json");
        assertThat(r.exit).as(r.toString()).isZero();
        JsonNode rep = json.readTree(r.out);
        assertThat(rep.get("missing").asInt()).isEqualTo(6);
        assertThat(rep.get("kabupaten").asInt()).isEqualTo(8);
        JsonNode tang = find(rep.get("districts"), "36.03");
        assertThat(tang.get("status").asString()).isEqualTo("missing");
        assertThat(tang.get("bundle").isNull()).isTrue();
        assertThat(tang.get("last_bundle").get("period").asString()).isEqualTo("2025-Q4");
        assertThat(find(rep.get("districts"), "36.04").get("bundle").get("sequence").asInt()).isEqualTo(2);

        CliRun st = CliRun.of("--db", provDb, "stats", "--json", "--on", ON.toString());
        assertThat(st.exit).as(st.toString()).isZero();
        JsonNode stats = json.readTree(st.out);
        int people = 0;
        for (JsonNode d : stats.get("districts")) people += d.get("people").asInt();
        assertThat(stats.get("people").asInt()).isEqualTo(people).isGreaterThan(300);
        assertThat(find(stats.get("districts"), "36.04").get("last_bundle_sequence").asInt()).isEqualTo(2);
        assertThat(find(stats.get("districts"), "36.01").get("people").asInt()).isZero();
        assertThat(find(stats.get("districts"), "36.01").get("last_bundle_sequence").isNull()).isTrue();

        CliRun cv = CliRun.of("--db", provDb, "report", "coverage", "--json", "--on", ON.toString());
        assertThat(cv.exit).as(cv.toString()).isZero();
        JsonNode cov = json.readTree(cv.out);
        int covered = 0;
        for (JsonNode d : cov.get("districts")) covered += d.get("covered").asInt();
        assertThat(cov.get("total").get("covered").asInt()).isEqualTo(covered).isGreaterThan(0);
        assertThat(cov.get("districts")).hasSize(3);
        assertThat(cov.get("villages").size()).isEqualTo(cov.get("villages_summary").get("villages").asInt());
        CliRun one = CliRun.of("--db", provDb, "report", "coverage", "--json", "--district", "36.02",
                "--on", ON.toString());
        JsonNode lebak = json.readTree(one.out);
        assertThat(lebak.get("total").get("covered").asInt())
                .isEqualTo(find(cov.get("districts"), "36.02").get("covered").asInt());
        assertThat(lebak.get("kecamatan").size()).isPositive();
        assertThat(lebak.get("villages")).allMatch(v -> v.get("code").asString().startsWith("36.02."));

        // Bad input: a district outside the province, a malformed period.
        CliRun outside = CliRun.of("--db", provDb, "report", "coverage", "--json", "--district", "33.01");
        assertThat(outside.exit).isEqualTo(1);
        assertThat(outside.err).contains("33.01");
        CliRun badPeriod = CliRun.of("--db", provDb, "report", "reporting", "--period", "2026-Q5");
        assertThat(badPeriod.exit).isEqualTo(1);
        assertThat(badPeriod.err).contains("2026-Q5");

        // The provincial rekapitulasi.
        Path xlsx = dir.resolve("rekap.xlsx");
        Path pdf = dir.resolve("rekap.pdf");
        CliRun ex = CliRun.of("--db", provDb, "report", "coverage", "--xlsx", xlsx.toString(), "--pdf",
                pdf.toString());
        assertThat(ex.exit).as(ex.toString()).isZero();
        assertThat(xlsx).isNotEmptyFile();
        assertThat(java.nio.file.Files.readAllBytes(pdf)).startsWith("%PDF".getBytes());
    }

    private static JsonNode find(JsonNode list, String code) {
        for (JsonNode n : list) if (n.get("code").asString().equals(code)) return n;
        throw new AssertionError("no " + code + " in " + list);
    }

    /**
     * Every district's figures at the province equal the district's own report and stats on {@code on}, and the
     * province's totals are their sums.
     */
    static void assertEqualsDistricts(Services prov, List<Services> districts, LocalDate on) {
        ProvinceService p = prov.bundles().province();
        var whole = p.coverage("36", on);
        var stats = p.stats("36", on);
        List<CoverageService.Report> own = new ArrayList<>();
        int people = 0, holders = 0, enrolled = 0;
        for (Services d : districts) {
            String code = d.office().require().regionCode();
            CoverageService.Report mine = d.coverage().report(on);
            own.add(mine);
            CoverageService.Report there = p.coverage(code, on).report();
            assertSameArea(there.region(), mine.region());
            assertThat(there.kecamatan()).hasSameSizeAs(mine.kecamatan());
            for (int i = 0; i < mine.kecamatan().size(); i++) {
                assertSameArea(there.kecamatan().get(i), mine.kecamatan().get(i));
            }
            assertThat(there.villages()).hasSameSizeAs(mine.villages());
            for (int i = 0; i < mine.villages().size(); i++) {
                assertSameArea(there.villages().get(i), mine.villages().get(i));
            }
            Area inWhole = whole.report().districts().stream().filter(a -> a.code().equals(code)).findFirst()
                    .orElseThrow();
            assertSameArea(inWhole, mine.region());

            StatsService.Stats ds = d.stats().stats(on);
            var at = stats.districts().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
            assertThat(at.people()).as("people of " + code).isEqualTo(ds.people());
            assertThat(at.officeHolders()).as("office-holders of " + code).isEqualTo(ds.officeHolders());
            assertThat(at.enrolledActive()).as("enrolled of " + code).isEqualTo(ds.enrolledActive());
            assertThat(at.posts()).as("posts of " + code).isEqualTo(ds.posts());
            people += ds.people();
            holders += ds.officeHolders();
            enrolled += ds.enrolledActive();
        }
        Area total = whole.report().region();
        CoverageCount sum = own.stream().map(r -> r.region().total()).reduce(CoverageCount.ZERO, CoverageCount::plus);
        assertThat(total.total()).isEqualTo(sum);
        for (Category c : Category.values()) {
            assertThat(total.of(c)).as(c.key()).isEqualTo(own.stream().map(r -> r.region().of(c))
                    .reduce(CoverageCount.ZERO, CoverageCount::plus));
        }
        assertThat(total.villages()).isEqualTo(own.stream().mapToInt(r -> r.region().villages()).sum());
        assertThat(total.registeredNone()).isEqualTo(own.stream().mapToInt(r -> r.region().registeredNone()).sum());
        assertThat(total.fullyCovered()).isEqualTo(own.stream().mapToInt(r -> r.region().fullyCovered()).sum());
        assertThat(stats.totals().people()).isEqualTo(people);
        assertThat(stats.totals().officeHolders()).isEqualTo(holders);
        assertThat(stats.totals().enrolledActive()).isEqualTo(enrolled);
        assertThat(total.total().eligible()).isPositive();
    }

    private static void assertSameArea(Area there, Area mine) {
        String what = mine.code() + " " + mine.name();
        assertThat(there.code()).isEqualTo(mine.code());
        assertThat(there.total()).as("total of " + what).isEqualTo(mine.total());
        Map<Category, CoverageCount> a = new java.util.EnumMap<>(Category.class);
        Map<Category, CoverageCount> b = new java.util.EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            a.put(c, there.of(c));
            b.put(c, mine.of(c));
        }
        assertThat(a).as("categories of " + what).isEqualTo(b);
        assertThat(there.villages()).as("villages of " + what).isEqualTo(mine.villages());
        assertThat(there.registeredNone()).as("none of " + what).isEqualTo(mine.registeredNone());
        assertThat(there.registeredSome()).as("some of " + what).isEqualTo(mine.registeredSome());
        assertThat(there.fullyCovered()).as("full of " + what).isEqualTo(mine.fullyCovered());
        assertThat(there.holders()).as("holders of " + what).isEqualTo(mine.holders());
    }
}
