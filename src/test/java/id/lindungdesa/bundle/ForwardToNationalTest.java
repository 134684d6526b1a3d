package id.lindungdesa.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.persistence.ProvinceRepository;
import id.lindungdesa.service.ValidationException;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.CliRun;
import id.lindungdesa.testing.TestDb;
import id.lindungdesa.wiring.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 3: a province forwards the district bundles it received, byte for byte; the national office
 * (which trusts district keys of every province) verifies the districts' own signatures and imports them, and
 * ends up holding exactly what the province holds.
 */
class ForwardToNationalTest {
    @TempDir
    Path dir;

    @Test
    void aProvinceForwardsItsDistrictsUntouchedAndTheNationalOfficeImportsThem() throws Exception {
        try (Services serang = BundleKit.district(dir, "36.04", 1);
             Services lebak = BundleKit.district(dir, "36.02", 2);
             Services bandung = BundleKit.district(dir, "32.04", 3);
             Services prov = BundleKit.province(dir, "36");
             Services nas = TestDb.open(dir, "nasional", BundleKit.TODAY)) {
            nas.office().init(OfficeLevel.NATIONAL, "00", "Kemendagri Ditjen Bina Pemdes", "Andi");
            nas.bundles().keys().init(BundleKit.PROV_PASS);
            BundleKit.enrol(serang, prov, dir);
            BundleKit.enrol(lebak, prov, dir);
            // the national office trusts districts of any province, never a province's own key
            for (Services d : List.of(serang, lebak, bandung)) BundleKit.enrol(d, nas, dir);
            assertThatThrownBy(() -> BundleKit.enrol(prov, nas, dir)).isInstanceOf(BundleException.class);

            Path s1 = BundleKit.export(serang, dir, "serang-1.ldb");
            Path l1 = BundleKit.export(lebak, dir, "lebak-1.ldb");
            Path b1 = BundleKit.export(bandung, dir, "bandung-1.ldb");
            prov.bundles().imports().apply(s1, BundleKit.PROV_PASS, null, Progress.NONE);
            prov.bundles().imports().apply(l1, BundleKit.PROV_PASS, null, Progress.NONE);
            // a province still trusts only its own districts
            assertThatThrownBy(() -> BundleKit.enrol(bandung, prov, dir)).isInstanceOf(BundleException.class);

            Path out = dir.resolve("ke-nasional");
            var forwarded = prov.bundles().imports().forward(out, null);
            assertThat(forwarded).allSatisfy(f -> assertThat(f.problem()).isNull());
            List<Path> files;
            try (Stream<Path> l = Files.list(out)) {
                files = l.sorted().toList();
            }
            assertThat(files).extracting(p -> p.getFileName().toString())
                    .containsExactly("bundle-36.02-000001.ldb", "bundle-36.04-000001.ldb");
            // untouched: the districts' own signed bytes
            assertThat(Files.readAllBytes(files.get(0))).isEqualTo(Files.readAllBytes(l1));
            assertThat(Files.readAllBytes(files.get(1))).isEqualTo(Files.readAllBytes(s1));
            // a period with nothing received forwards nothing
            assertThat(prov.bundles().imports().forward(dir.resolve("kosong"), "2001-Q1")).isEmpty();

            for (Path f : files) nas.bundles().imports().apply(f, BundleKit.PROV_PASS, null, Progress.NONE);
            nas.bundles().imports().apply(b1, BundleKit.PROV_PASS, null, Progress.NONE);
            ProvinceRepository repo = new ProvinceRepository();
            for (var k : ProvinceRepository.Kind.values()) {
                long atProvince = prov.database().read(tx -> repo.count(tx, k));
                long atNation = nas.database().read(tx -> repo.count(tx, k));
                assertThat(atNation).as(k.name()).isGreaterThan(atProvince);
            }
            for (String d : List.of("36.02", "36.04")) {
                List<id.lindungdesa.domain.Person> np = nas.database().read(tx -> repo.people(tx, d));
                List<id.lindungdesa.domain.Person> pp = prov.database().read(tx -> repo.people(tx, d));
                assertThat(np).isNotEmpty().containsExactlyInAnyOrderElementsOf(pp);
                List<id.lindungdesa.domain.Post> nq = nas.database().read(tx -> repo.posts(tx, d));
                List<id.lindungdesa.domain.Post> pq = prov.database().read(tx -> repo.posts(tx, d));
                assertThat(nq).containsExactlyInAnyOrderElementsOf(pq);
            }
            List<id.lindungdesa.domain.Person> other = nas.database().read(tx -> repo.people(tx, "32.04"));
            assertThat(other).isNotEmpty();
            // the same bundle forwarded twice is a replay at the national office
            assertThatThrownBy(() -> nas.bundles().imports().apply(files.get(0), BundleKit.PROV_PASS, null,
                    Progress.NONE)).isInstanceOf(BundleException.class)
                    .extracting(e -> ((BundleException) e).reason()).isEqualTo(BundleException.Reason.REPLAYED);

            // a district cannot forward
            assertThatThrownBy(() -> serang.bundles().imports().forward(dir.resolve("x"), null))
                    .isInstanceOf(BundleException.class);
        }
    }

    @Test
    void aBundleWhoseOriginalWasNotKeptIsReportedAndTheCommandFails() throws Exception {
        Path provDb;
        try (Services serang = BundleKit.district(dir, "36.04", 1);
             Services prov = BundleKit.province(dir, "36")) {
            BundleKit.enrol(serang, prov, dir);
            Path s1 = BundleKit.export(serang, dir, "serang-1.ldb");
            var r = prov.bundles().imports().apply(s1, BundleKit.PROV_PASS, null, Progress.NONE);
            Path kept = BundleArchive.of(prov.database()).fileOf(r.bundleId());
            assertThat(kept).exists();
            // as if imported by an older version, which kept no copy
            Files.delete(kept);
            provDb = prov.database().base();
        }
        CliRun run = CliRun.of("--db", provDb.toString(), "bundle", "forward", "--out", dir.resolve("out").toString());
        assertThat(run.exit).as(run.toString()).isEqualTo(1);
        assertThat(run.err).contains("36.04").contains("#1");
        try (Stream<Path> l = Files.list(dir.resolve("out"))) {
            assertThat(l.toList()).isEmpty();
        }
    }

    @Test
    void theNationalOfficeIsSetUpWithCode00AndEveryRegion() {
        CliRun run = CliRun.of("--db", dir.resolve("nas").toString(), "office", "init", "--level", "national",
                "--code", "00", "--name", "Kemendagri", "--clerk", "Andi");
        assertThat(run.exit).as(run.toString()).isZero();
        try (Services s = TestDb.open(dir, "nas", BundleKit.TODAY)) {
            assertThat(s.office().require().level()).isEqualTo(OfficeLevel.NATIONAL);
            assertThat(s.regions().find("36.04")).isPresent();
            assertThat(s.regions().find("32.04")).isPresent();
        }
        try (Services s = TestDb.open(dir, "nas2", BundleKit.TODAY)) {
            assertThatThrownBy(() -> s.office().init(OfficeLevel.NATIONAL, "36", "X", "Y"))
                    .isInstanceOf(ValidationException.class);
        }
    }
}
