package id.lindungdesa.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.domain.EndReason;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.service.RosterService;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import id.lindungdesa.testing.Backend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** Two districts export, the province imports both, its dashboard shows both; a third export is a small diff. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class BundleHappyPathTest {
    /** Issue 16: every case runs on the embedded H2 file and on a PostgreSQL server. */
    @Parameter
    Backend backend;

    @TempDir
    Path dir;

    @Test
    void twoDistrictsReportAndAThirdExportImportsAsASmallDiff() throws Exception {
        try (Services serang = BundleKit.district(dir, "36.04", 1);
             Services lebak = BundleKit.district(dir, "36.02", 2);
             Services prov = BundleKit.province(dir, "36", backend)) {
            BundleKit.enrol(serang, prov, dir);
            BundleKit.enrol(lebak, prov, dir);
            Path a1 = BundleKit.export(serang, dir, "serang-1.ldb");
            Path b1 = BundleKit.export(lebak, dir, "lebak-1.ldb");
            Manifest ma = prov.bundles().imports().verify(a1).manifest();
            long people = ma.counts().get("people");
            long posts = ma.counts().get("posts");
            assertThat(people).isGreaterThan(100);
            assertThat(ma.sequence()).isEqualTo(1);
            assertThat(ma.previousBundleSha256()).isNull();

            // The payload is human-readable JSON with NIKs as strings.
            String text = Files.readString(a1);
            assertThat(text.lines().skip(1).findFirst().orElseThrow()).isEqualTo("{");
            assertThat(text).containsPattern("\"nik\":\"\\d{16}\"");

            // Dry run: exact counts, nothing stored.
            String before = BundleKit.dump(prov);
            ImportReport dry = prov.bundles().imports().dryRun(a1, Progress.NONE);
            assertThat(dry.dryRun()).isTrue();
            assertThat(dry.counts().get("people")).isEqualTo(new ImportReport.Counts(people, 0, 0, 0));
            assertThat(dry.counts().get("posts").added()).isEqualTo(posts);
            assertThat(BundleKit.dump(prov)).isEqualTo(before);

            ImportReport ra = prov.bundles().imports().apply(a1, BundleKit.PROV_PASS, null, Progress.NONE);
            ImportReport rb = prov.bundles().imports().apply(b1, BundleKit.PROV_PASS, null, Progress.NONE);
            assertThat(ra.counts()).isEqualTo(dry.counts());
            assertThat(rb.counts().get("people").added()).isGreaterThan(100);
            assertThat(ra.receipt()).exists();

            // Every provincial record knows its bundle.
            Person any = serang.roster().snapshot("", BundleKit.TODAY).people().values().iterator().next();
            assertThat(prov.bundles().province().sourceOf("36.04", "person", any.id())).contains(ma.bundleId());

            // The district imports the receipt: the bundle is marked delivered.
            Path provPub = dir.resolve("prov.pub.json");
            var pf = prov.bundles().keys().exportPublic(provPub);
            serang.bundles().trust().add(provPub, pf.fingerprint());
            var delivered = serang.bundles().receipts().importReceipt(ra.receipt());
            assertThat(delivered.sequence()).isEqualTo(1);
            assertThat(serang.bundles().export().sent().getFirst().delivered()).isTrue();

            // The dashboard shows both districts with the districts' own coverage figures.
            var dash = prov.bundles().province().dashboard(BundleKit.TODAY);
            assertThat(dash.districts()).extracting(ProvinceService.DistrictRow::code)
                    .containsExactly("36.02", "36.04");
            // (the district's own report: every village, kelurahan included, as `report coverage` counts them)
            var serangCoverage = serang.coverage().report(BundleKit.TODAY).region().total();
            var row = dash.districts().get(1);
            assertThat(row.total()).isEqualTo(serangCoverage);
            assertThat(row.reportedThisPeriod()).isTrue();
            assertThat(dash.districts().get(0).total().eligible()).isGreaterThan(0);

            // Changes at the district: one renamed, one removed, one new with a post, one term ended.
            RosterService roster = serang.roster();
            List<Person> ps = roster.snapshot("", BundleKit.TODAY).people().values().stream()
                    .sorted(Comparator.comparing(Person::id)).toList();
            Person renamed = ps.get(0);
            roster.updatePerson(new Person(renamed.id(), renamed.version(), renamed.nik(), renamed.fullName() + " Baru",
                    renamed.sex(), renamed.birthDate(), renamed.birthPlace(), renamed.nkk(), renamed.phone(),
                    renamed.employmentStatus(), renamed.homeVillageCode()));
            Person removed = ps.get(1);
            roster.removePerson(removed.id(), removed.version(), "Salah input");
            Post ended = roster.snapshot("", BundleKit.TODAY).posts().stream()
                    .filter(p -> p.endDate() == null && !p.personId().equals(renamed.id())
                            && !p.personId().equals(removed.id()))
                    .min(Comparator.comparing(Post::id)).orElseThrow();
            roster.endTerm(ended.id(), ended.version(), BundleKit.TODAY.minusDays(3), EndReason.RESIGNED);
            Person added = roster.addPerson(new RosterService.NewPerson("3604015501900001", "Siti Aminah", Sex.P,
                    java.time.LocalDate.of(1990, 1, 15), "Serang", null, null, null, null));
            roster.appoint(new RosterService.NewPost(added.id(), ended.villageCode(), ended.position(), null,
                    "SK/1/2026", BundleKit.TODAY, BundleKit.TODAY, null));

            Path a2 = BundleKit.export(serang, dir, "serang-2.ldb");
            Manifest m2 = prov.bundles().imports().verify(a2).manifest();
            assertThat(m2.sequence()).isEqualTo(2);
            assertThat(m2.previousBundleSha256()).isEqualTo(Hashes.sha256Hex(
                    BundleFile.readHeader(a1, BundleFile.maxBytes()).envelope().payload()));
            ImportReport diff = prov.bundles().imports().dryRun(a2, Progress.NONE);
            assertThat(diff.warnings()).isEmpty();
            assertThat(diff.counts().get("people")).isEqualTo(new ImportReport.Counts(1, 1, 1, people - 2));
            assertThat(diff.counts().get("posts")).isEqualTo(new ImportReport.Counts(1, 0, 1, posts - 1));
            assertThat(diff.counts().get("villages").changed()).isZero();
            assertThat(diff.counts().get("villages").added()).isZero();
            ImportReport applied = prov.bundles().imports().apply(a2, BundleKit.PROV_PASS, null, Progress.NONE);
            assertThat(applied.counts()).isEqualTo(diff.counts());
            assertThat(prov.bundles().province().sourceOf("36.04", "person", renamed.id())).contains(m2.bundleId());
            assertThat(prov.bundles().province().sourceOf("36.04", "person", ps.get(2).id()))
                    .contains(ma.bundleId());
            assertThat(Position.values()).isNotEmpty();
        }
    }
}
