package id.lindungdesa.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.bundle.BundleException.Reason;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.persistence.JsonMappers;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.CliRun;
import id.lindungdesa.testing.TestDb;
import id.lindungdesa.wiring.Services;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18, province side: the district's signed receipt and the pack number its bundles carry tell the province
 * which district runs which pack; a bundle made under an older pack imports with a warning.
 */
class RefPackReceiptTest {
    @TempDir
    Path dir;

    @Test
    void theProvinceSeesWhichPackEachDistrictRunsFromReceiptsAndBundles() throws Exception {
        String provWords;
        try (Services prov = BundleKit.province(dir, "36");
             Services kab = BundleKit.district(dir, "36.04", 7)) {
            provWords = prov.bundles().keys().activeKey().orElseThrow().fingerprint();
            BundleKit.enrol(kab, prov, dir);
            Path p1 = prov.bundles().refpacks().export(dir.resolve("p1.ldr"), BundleKit.PROV_PASS, "90d").file();
            // a bundle made before any pack: imported with a warning, never silently
            Path b0 = BundleKit.export(kab, dir, "b0.ldb");
            assertThat(prov.bundles().imports().apply(b0, BundleKit.PROV_PASS, null, Progress.NONE).warnings())
                    .anyMatch(w -> w.contains("dibuat tanpa paket data acuan provinsi; paket terbaru #1"));

            kab.bundles().refpacks().importPack(p1, provWords, false);
            Path b1 = BundleKit.export(kab, dir, "b1.ldb");
            Manifest m1 = prov.bundles().imports().verify(b1).manifest();
            assertThat(m1.formatVersion()).isEqualTo(3);
            assertThat(m1.referencePack().number()).isEqualTo(1);
            assertThat(prov.bundles().imports().apply(b1, BundleKit.PROV_PASS, null, Progress.NONE).warnings())
                    .noneMatch(w -> w.contains("paket data acuan"));
            Path r1 = kab.bundles().refpacks().writeReceipt(dir.resolve("r1.json"), BundleKit.PASS).file();

            prov.bundles().refpacks().export(dir.resolve("p2.ldr"), BundleKit.PROV_PASS, "90d");
            var d = prov.bundles().refpacks().districts();
            assertThat(d).hasSize(1);
            assertThat(d.get(0).code()).isEqualTo("36.04");
            assertThat(d.get(0).byBundle()).isEqualTo(1);
            assertThat(d.get(0).byReceipt()).isNull();
            assertThat(d.get(0).behind()).isTrue();

            // a receipt changed by one byte is refused, the province unchanged
            Path bad = dir.resolve("r1-changed.json");
            JsonNode env = JsonMappers.MAPPER.readTree(Files.readAllBytes(r1));
            String payload = new String(Base64.getDecoder().decode(env.path("payload").asString()),
                    StandardCharsets.UTF_8);
            String forged = Base64.getEncoder().encodeToString(payload.replace("\"number\":1", "\"number\":2")
                    .getBytes(StandardCharsets.UTF_8));
            Files.writeString(bad, Files.readString(r1).replace(env.path("payload").asString(), forged));
            String before = BundleKit.dump(prov);
            assertThatThrownBy(() -> prov.bundles().refpacks().importReceipt(bad))
                    .isInstanceOfSatisfying(BundleException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE);
                        assertThat(e.message(Messages.current())).contains("Tidak ada yang diubah");
                    });
            assertThat(BundleKit.dump(prov)).isEqualTo(before);

            var got = prov.bundles().refpacks().importReceipt(r1);
            assertThat(got.number()).isEqualTo(1);
            assertThat(got.behind()).isTrue();
            String after = BundleKit.dump(prov);
            assertThatThrownBy(() -> prov.bundles().refpacks().importReceipt(r1))
                    .isInstanceOfSatisfying(BundleException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.REPLAYED));
            assertThat(BundleKit.dump(prov)).isEqualTo(after);

            // the district still runs pack #1 when it sends its next bundle: a warning names both numbers
            Path b2 = BundleKit.export(kab, dir, "b2.ldb");
            assertThat(prov.bundles().imports().apply(b2, BundleKit.PROV_PASS, null, Progress.NONE).warnings())
                    .anyMatch(w -> w.contains("36.04 dibuat dengan paket data acuan #1, padahal paket terbaru #2"));
        }
        CliRun st = CliRun.of("--db", dir.resolve("prov-36").toString(), "refpack", "status", "--json");
        assertThat(st.exit).as(st.toString()).isZero();
        JsonNode s = JsonMappers.MAPPER.readTree(st.out);
        assertThat(s.path("number").asInt()).isEqualTo(2);
        JsonNode d0 = s.path("districts").get(0);
        assertThat(d0.path("code").asString()).isEqualTo("36.04");
        assertThat(d0.path("pack_by_receipt").asInt()).isEqualTo(1);
        assertThat(d0.path("running").asInt()).isEqualTo(1);
        assertThat(d0.path("behind").asBoolean()).isTrue();
        CliRun text = CliRun.of("--db", dir.resolve("prov-36").toString(), "refpack", "status");
        assertThat(text.out).contains("36.04").contains("paket #1, tertinggal dari paket terbaru #2");

        // the district catches up: its receipt for #2, through the CLI, puts it level
        try (Services kab = TestDb.open(dir, "kab-36.04", BundleKit.TODAY)) {
            kab.bundles().refpacks().importPack(dir.resolve("p2.ldr"), null, false);
            kab.bundles().refpacks().writeReceipt(dir.resolve("r2.json"), BundleKit.PASS);
        }
        CliRun imp = CliRun.of("--db", dir.resolve("prov-36").toString(), "refpack", "receipt", "import",
                dir.resolve("r2.json").toString(), "--json");
        assertThat(imp.exit).as(imp.toString()).isZero();
        assertThat(JsonMappers.MAPPER.readTree(imp.out).path("behind").asBoolean()).isFalse();
        try (Services prov = TestDb.open(dir, "prov-36", BundleKit.TODAY)) {
            var d = prov.bundles().refpacks().districts().get(0);
            assertThat(d.running()).isEqualTo(2);
            assertThat(d.behind()).isFalse();
        }
    }
}
