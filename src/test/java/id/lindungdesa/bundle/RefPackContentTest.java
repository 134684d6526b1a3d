package id.lindungdesa.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.bundle.BundleException.Reason;
import id.lindungdesa.domain.Alert;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.ContributionRate;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.RegionLevel;
import id.lindungdesa.domain.Segment;
import id.lindungdesa.domain.VillageType;
import id.lindungdesa.domain.WageBaseDefault;
import id.lindungdesa.persistence.JsonMappers;
import id.lindungdesa.service.AlertService;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.CliRun;
import id.lindungdesa.testing.TestDb;
import id.lindungdesa.wiring.Services;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Issue 18, second part: rates, wage bases and region changes travel in the pack and apply at the district. */
class RefPackContentTest {
    @TempDir
    Path dir;

    private static String words(Services prov) {
        return prov.bundles().keys().activeKey().orElseThrow().fingerprint();
    }

    @Test
    void ratesAndWageBasesSetAtTheProvinceApplyAtTheDistrictFromTheirDate() throws Exception {
        String provWords;
        try (Services prov = BundleKit.province(dir, "36");
             Services kab = BundleKit.district(dir, "36.04", 7)) {
            provWords = words(prov);
            // the province sets a new JP wage cap from 1 March 2026 and a flat wage base for perangkat from 2026
            prov.enrolments().addRate(new ContributionRate(UUID.randomUUID(), Segment.PU, Programme.JP, null,
                    LocalDate.of(2026, 3, 1), new BigDecimal("3.00"), null, null, 11_000_000L, "batas upah 2026"));
            prov.enrolments().addWageBase(new WageBaseDefault(UUID.randomUUID(), Category.PERANGKAT_DESA, null,
                    LocalDate.of(2026, 1, 1), 2_500_000L, "dasar upah perangkat 2026"));
            // the district had typed the same-dated cap by hand, wrongly
            kab.enrolments().addRate(new ContributionRate(UUID.randomUUID(), Segment.PU, Programme.JP, null,
                    LocalDate.of(2026, 3, 1), new BigDecimal("3.00"), null, null, 9_000_000L, "diketik sendiri"));
            assertThat(kab.enrolments().defaults(null, Position.KAUR_KEUANGAN, false).wageBase())
                    .isEqualTo(2_022_200L);
        }
        Path pack;
        try (Services prov = TestDb.open(dir, "prov-36", BundleKit.TODAY)) {
            var e = prov.bundles().refpacks().export(dir.resolve("p1.ldr"), BundleKit.PROV_PASS, "90d");
            assertThat(e.rates()).isEqualTo(12);
            assertThat(e.wageBases()).isEqualTo(4);
            pack = e.file();
        }
        JsonNode payload = payloadOf(pack);
        assertThat(payload.path("version").asInt()).isEqualTo(2);
        assertThat(payload.path("rates").toString()).contains("\"wageCap\":11000000");

        try (Services kab = TestDb.open(dir, "kab-36.04", BundleKit.TODAY)) {
            var a = kab.bundles().refpacks().importPack(pack, provWords, false);
            assertThat(a.rates()).isEqualTo(new RefPackService.Counted(0, 1, 11));
            assertThat(a.wageBases()).isEqualTo(new RefPackService.Counted(1, 0, 3));
            // JP on Rp12,000,000: capped at 10,547,400 before March, at the province's 11,000,000 from March
            assertThat(kab.enrolments().monthly(Segment.PU, EnumSet.of(Programme.JP), 1, 12_000_000L,
                    LocalDate.of(2026, 2, 16)).total()).isEqualTo(316_422L);
            assertThat(kab.enrolments().monthly(Segment.PU, EnumSet.of(Programme.JP), 1, 12_000_000L,
                    LocalDate.of(2026, 3, 16)).total()).isEqualTo(330_000L);
            // the enrolment defaults take the province's wage base (no PKS covers perangkat in the demo)
            var d = kab.enrolments().defaults(null, Position.KAUR_KEUANGAN, false);
            assertThat(d.fromAgreement()).isFalse();
            assertThat(d.wageBase()).isEqualTo(2_500_000L);
        }
    }

    @Test
    void regionChangesApplyWithHistoryAndAVillageWithPostHoldersIsKeptAndFlagged() throws Exception {
        String provWords;
        String held;
        String renamed;
        String empty = "36.04.01.2099";
        try (Services prov = BundleKit.province(dir, "36");
             Services kab = BundleKit.district(dir, "36.04", 7)) {
            provWords = words(prov);
            Region spare = new Region(empty, "Desa Tanpa Pengurus", RegionLevel.VILLAGE, VillageType.DESA,
                    "36.04.01", true);
            kab.regions().addSynthetic(List.of(spare), "test");
            List<Region> list = new ArrayList<>(kab.regions().within("36"));
            // the province holds the same list (both imported the Kemendagri list): pack #1 is the baseline
            prov.regions().addSynthetic(list, "test");
            List<Region> villages = list.stream().filter(r -> r.villageType() == VillageType.DESA
                    && !r.code().equals(empty)).toList();
            held = villages.get(0).code();
            renamed = villages.get(1).code();
        }
        Path p1;
        try (Services prov = TestDb.open(dir, "prov-36", BundleKit.TODAY)) {
            p1 = prov.bundles().refpacks().export(dir.resolve("p1.ldr"), BundleKit.PROV_PASS, "90d").file();
            assertThat(payloadOf(p1).path("regions").path("changes")).isEmpty();
            // a newer decree: one village renamed, one added, two removed (one of them still has post-holders)
            StringBuilder csv = new StringBuilder("kode,nama\n");
            for (Region r : prov.regions().within("36")) {
                if (r.code().equals(held) || r.code().equals(empty)) continue;
                csv.append(r.code()).append(',').append(r.code().equals(renamed) ? "Sukamaju Baru" : r.name())
                        .append('\n');
            }
            csv.append("36.04.01.2100,Desa Pemekaran\n");
            var rep = prov.regions().importCsv(new StringReader(csv.toString()), "kepmendagri-baru.csv", "36",
                    Progress.NONE);
            assertThat(rep.retired()).isEqualTo(2);
            prov.bundles().refpacks().export(dir.resolve("p2.ldr"), BundleKit.PROV_PASS, "90d");
        }
        JsonNode changes = payloadOf(dir.resolve("p2.ldr")).path("regions").path("changes");
        assertThat(changes).hasSize(4);
        assertThat(changes.toString()).contains("\"pack\":2").contains("\"change\":\"RETIRED\"")
                .contains("\"code\":\"36.04.01.2100\"");

        try (Services kab = TestDb.open(dir, "kab-36.04", BundleKit.TODAY)) {
            RefPackService rp = kab.bundles().refpacks();
            assertThat(rp.importPack(p1, provWords, false).regions())
                    .isEqualTo(new RefPackService.RegionsApplied(0, 0, 0, 0, List.of()));
            var a = rp.importPack(dir.resolve("p2.ldr"), null, false);
            assertThat(a.regions()).isEqualTo(new RefPackService.RegionsApplied(1, 1, 1, 0, List.of(held)));
            assertThat(kab.regions().find("36.04.01.2100").orElseThrow().active()).isTrue();
            assertThat(kab.regions().find(renamed).orElseThrow().name()).isEqualTo("Sukamaju Baru");
            assertThat(kab.regions().find(empty).orElseThrow().active()).isFalse();
            // the village with people holding posts stays in use, with its history untouched, and is flagged
            assertThat(kab.regions().find(held).orElseThrow().active()).isTrue();
            assertThat(kab.regions().history(renamed)).anyMatch(h -> h.changeType().equals("RENAMED")
                    && h.newName().equals("Sukamaju Baru"));
            assertThat(kab.regions().history(empty)).anyMatch(h -> h.changeType().equals("RETIRED"));
            assertThat(kab.regions().history(held)).noneMatch(h -> h.changeType().equals("RETIRED"));
            List<Alert> kept = kab.alerts().alerts().stream()
                    .filter(x -> x.kind() == Alert.Kind.REFERENCE_PACK_REGION_KEPT).toList();
            assertThat(kept).hasSize(1);
            assertThat(kept.get(0).villageCode()).isEqualTo(held);
            assertThat(AlertService.message(kept.get(0))).startsWith("Kode wilayah " + held)
                    .contains("dihapus oleh paket acuan provinsi #2").contains("masih memegang jabatan");
        }
        String kabDb = dir.resolve("kab-36.04").toString();
        CliRun st = CliRun.of("--db", kabDb, "refpack", "status", "--json");
        assertThat(st.exit).as(st.toString()).isZero();
        JsonNode s = JsonMappers.MAPPER.readTree(st.out);
        assertThat(s.path("number").asInt()).isEqualTo(2);
        assertThat(s.path("kept_regions").get(0).path("code").asString()).isEqualTo(held);
        assertThat(s.path("kept_regions").get(0).path("holders").asInt()).isPositive();
    }

    @Test
    void aPackWithABadRateIsRefusedAndLeavesTheDistrictUnchanged() throws Exception {
        String provWords;
        try (Services prov = BundleKit.province(dir, "36");
             Services kab = BundleKit.district(dir, "36.04", 7)) {
            provWords = words(prov);
        }
        try (Services prov = TestDb.open(dir, "prov-36", BundleKit.TODAY);
             Services kab = TestDb.open(dir, "kab-36.04", BundleKit.TODAY)) {
            Path good = prov.bundles().refpacks().export(dir.resolve("p1.ldr"), BundleKit.PROV_PASS, "90d").file();
            // properly signed by the province, but one rate names no segment the program knows
            ObjectNode p = (ObjectNode) payloadOf(good);
            ((ObjectNode) p.path("rates").get(0)).put("segment", "PNS");
            byte[] payload = JsonMappers.MAPPER.writeValueAsBytes(p);
            byte[] pae = Dsse.pae(RefPackService.PAYLOAD_TYPE, payload);
            List<Dsse.Signature> sigs = new ArrayList<>();
            for (KeyService.Signer sg : prov.bundles().keys().signers(BundleKit.PROV_PASS)) {
                sigs.add(new Dsse.Signature(sg.keyId(), KeyCrypto.sign(sg.key(), pae)));
            }
            Path bad = dir.resolve("bad.ldr");
            Files.write(bad, new Dsse.Envelope(RefPackService.PAYLOAD_TYPE, payload, sigs).toJson());
            String before = BundleKit.dump(kab);
            assertThatThrownBy(() -> kab.bundles().refpacks().importPack(bad, provWords, false))
                    .isInstanceOfSatisfying(BundleException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.WRONG_TYPES);
                        assertThat(e.message(id.lindungdesa.i18n.Messages.current()))
                                .contains("bukan paket data acuan yang utuh");
                    });
            assertThat(BundleKit.dump(kab)).isEqualTo(before);
        }
    }

    static JsonNode payloadOf(Path pack) throws Exception {
        JsonNode env = JsonMappers.MAPPER.readTree(Files.readAllBytes(pack));
        return JsonMappers.MAPPER.readTree(new String(java.util.Base64.getDecoder()
                .decode(env.path("payload").asString()), StandardCharsets.UTF_8));
    }
}
