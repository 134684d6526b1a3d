package id.lindungdesa.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.bundle.BundleException.Reason;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.TrustedKey;
import id.lindungdesa.persistence.JsonMappers;
import id.lindungdesa.testing.CliRun;
import id.lindungdesa.testing.TestDb;
import id.lindungdesa.wiring.Services;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Issue 18: signed reference packs from the province down, on real H2 files. */
class RefPackTest {
    @TempDir
    Path dir;

    private Path passFile() throws Exception {
        Path p = dir.resolve("prov-pass.txt");
        Files.writeString(p, new String(BundleKit.PROV_PASS) + "\n");
        return p;
    }

    private Path exportPack(String prov, String name, String expires) throws Exception {
        Path out = dir.resolve(name);
        CliRun r = expires == null
                ? CliRun.of("--db", dir.resolve(prov).toString(), "refpack", "export", "--out", out.toString(),
                        "--passphrase-file", passFile().toString())
                : CliRun.of("--db", dir.resolve(prov).toString(), "refpack", "export", "--out", out.toString(),
                        "--expires", expires, "--passphrase-file", passFile().toString());
        assertThat(r.exit).as(r.toString()).isZero();
        return out;
    }

    private static String words(Services prov) {
        return prov.bundles().keys().activeKey().orElseThrow().fingerprint();
    }

    @Test
    void targetsSetAtTheProvinceAppearInTheDistrictsCoverageReport() throws Exception {
        String provWords;
        try (Services prov = BundleKit.province(dir, "36");
             Services kab = BundleKit.district(dir, "36.04", 7)) {
            provWords = words(prov);
        }
        String provDb = dir.resolve("prov-36").toString();
        CliRun t1 = CliRun.of("--db", provDb, "report", "target", "--year", "2026", "--percent", "60.80");
        assertThat(t1.exit).as(t1.toString()).isZero();
        assertThat(t1.out).contains("\"region\":\"36\"").contains("60.80");
        CliRun t2 = CliRun.of("--db", provDb, "report", "target", "--year", "2026", "--category", "bpd",
                "--percent", "55.5");
        assertThat(t2.exit).as(t2.toString()).isZero();
        Path pack = exportPack("prov-36", "pack1.ldr", "90d");

        String kabDb = dir.resolve("kab-36.04").toString();
        CliRun wrongWords = CliRun.of("--db", kabDb, "refpack", "import", pack.toString(), "--fingerprint",
                "salah kata");
        assertThat(wrongWords.exit).isEqualTo(1);
        assertThat(wrongWords.err).contains("UNCONFIRMED_KEY").contains("Bandingkan dulu kata sidik jari");

        CliRun imp = CliRun.of("--db", kabDb, "refpack", "import", pack.toString(), "--fingerprint", provWords);
        assertThat(imp.exit).as(imp.toString()).isZero();
        assertThat(imp.out).contains("Kunci provinsi disematkan").contains("Paket data acuan #1 diterapkan: 2 target");

        CliRun cov = CliRun.of("--db", kabDb, "report", "coverage", "--json", "--on", "2026-02-16");
        assertThat(cov.exit).as(cov.toString()).isZero();
        JsonNode n = JsonMappers.MAPPER.readTree(cov.out);
        assertThat(n.path("total").path("target_percent").decimalValue()).isEqualByComparingTo("60.80");
        assertThat(n.path("target_note").asString()).isEqualTo("dari provinsi, paket #1");
        for (JsonNode c : n.path("categories")) {
            BigDecimal expected = new BigDecimal(c.path("category").asString().equals("bpd") ? "55.5" : "60.80");
            assertThat(c.path("target_percent").decimalValue()).as(c.toString()).isEqualByComparingTo(expected);
        }
        // read-only at the district
        CliRun own = CliRun.of("--db", kabDb, "report", "target", "--year", "2026", "--percent", "40");
        assertThat(own.exit).isNotZero();
        assertThat(own.err).contains("ditetapkan provinsi lewat paket data acuan");
        try (Services kab = TestDb.open(dir, "kab-36.04", BundleKit.TODAY)) {
            assertThat(kab.targets().targetFor("36.04", 2026, Category.values()[0]).orElseThrow().source())
                    .isEqualTo("provinsi:paket:1");
            assertThat(kab.bundles().trust().list()).anyMatch(k -> k.officeCode().equals("36") && !k.revoked());
        }
    }

    /**
     * Packs are chained: pack #2 names the SHA-256 of the #1 it follows. A #2 that follows another #1 (here the
     * province's store was copied and both copies issued a #1) is refused at a district holding the first #1.
     */
    @Test
    void aPackNotChainedToThePackInForceIsRefused() throws Exception {
        String provWords;
        try (Services prov = BundleKit.province(dir, "36");
             Services kab = BundleKit.district(dir, "36.04", 7)) {
            provWords = words(prov);
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("prov-36.")).toList()) {
                Files.copy(f, dir.resolve(f.getFileName().toString().replace("prov-36.", "prov-36b.")));
            }
        }
        Path p1 = exportPack("prov-36", "p1.ldr", null);
        exportPack("prov-36b", "p1b.ldr", null);
        Path p2b = exportPack("prov-36b", "p2b.ldr", null);
        try (Services kab = TestDb.open(dir, "kab-36.04", BundleKit.TODAY)) {
            RefPackService rp = kab.bundles().refpacks();
            rp.importPack(p1, provWords, false);
            String before = BundleKit.dump(kab);
            assertThatThrownBy(() -> rp.importPack(p2b, null, false))
                    .isInstanceOfSatisfying(BundleException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.OLDER_SEQUENCE);
                        assertThat(e.message(id.lindungdesa.i18n.Messages.current()))
                                .contains("Paket #2 tidak bersambung dengan paket #1");
                    });
            assertThat(BundleKit.dump(kab)).isEqualTo(before);
        }
    }

    @Test
    void badPacksAreRefusedAndLeaveTheDistrictUnchanged() throws Exception {
        String provWords;
        try (Services prov = BundleKit.province(dir, "36");
             Services other = BundleKit.province(dir.resolve("o"), "32");
             Services kab = BundleKit.district(dir, "36.04", 7)) {
            provWords = words(prov);
        }
        Files.createDirectories(dir.resolve("o"));
        Path p1 = exportPack("prov-36", "p1.ldr", null);
        Path p2 = exportPack("prov-36", "p2.ldr", null);
        Path p3 = exportPack("prov-36", "p3.ldr", null);
        Path otherPack = dir.resolve("other.ldr");
        assertThat(CliRun.of("--db", dir.resolve("o").resolve("prov-32").toString(), "refpack", "export", "--out",
                otherPack.toString(), "--passphrase-file", passFile().toString()).exit).isZero();

        try (Services kab = TestDb.open(dir, "kab-36.04", BundleKit.TODAY)) {
            RefPackService rp = kab.bundles().refpacks();
            // another province, before anything is pinned: mix-and-match
            String before = BundleKit.dump(kab);
            assertThatThrownBy(() -> rp.importPack(otherPack, null, true))
                    .isInstanceOfSatisfying(BundleException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.WRONG_PROVINCE);
                        assertThat(e.message(id.lindungdesa.i18n.Messages.current()))
                                .contains("provinsi 32").contains("Tidak ada yang diubah");
                    });
            assertThat(BundleKit.dump(kab)).isEqualTo(before);

            // one byte changed (inside the signed payload)
            Path changed = dir.resolve("changed.ldr");
            byte[] b = Files.readAllBytes(p2);
            String s = new String(b, java.nio.charset.StandardCharsets.UTF_8);
            JsonNode env = JsonMappers.MAPPER.readTree(b);
            byte[] payload = java.util.Base64.getDecoder().decode(env.path("payload").asString());
            int i = new String(payload, java.nio.charset.StandardCharsets.UTF_8).indexOf("\"number\":2") + 9;
            payload[i] = (byte) '7';
            Files.writeString(changed, s.replace(env.path("payload").asString(),
                    java.util.Base64.getEncoder().encodeToString(payload)));
            assertThatThrownBy(() -> rp.importPack(changed, provWords, false))
                    .isInstanceOfSatisfying(BundleException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
            assertThat(BundleKit.dump(kab)).isEqualTo(before);

            assertThat(rp.importPack(p2, provWords, false).number()).isEqualTo(2);
            String after2 = BundleKit.dump(kab);
            // replayed
            assertThatThrownBy(() -> rp.importPack(p2, null, false))
                    .isInstanceOfSatisfying(BundleException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.REPLAYED));
            // older (rollback)
            assertThatThrownBy(() -> rp.importPack(p1, null, false))
                    .isInstanceOfSatisfying(BundleException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.OLDER_SEQUENCE);
                        assertThat(e.message(id.lindungdesa.i18n.Messages.current()))
                                .contains("Paket #1 lebih lama dari paket yang berlaku (#2)");
                    });
            // another province's pack, now that a key is pinned
            assertThatThrownBy(() -> rp.importPack(otherPack, null, true))
                    .isInstanceOfSatisfying(BundleException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PROVINCE));
            assertThat(BundleKit.dump(kab)).isEqualTo(after2);
            assertThat(rp.importPack(p3, null, false).number()).isEqualTo(3);
        }
    }

    @Test
    void aPackSignedByAnotherKeyThanThePinnedOneIsRefused() throws Exception {
        String provWords;
        try (Services prov = BundleKit.province(dir, "36");
             Services kab = BundleKit.district(dir, "36.04", 7)) {
            provWords = words(prov);
        }
        Path p1 = exportPack("prov-36", "p1.ldr", null);
        // an impostor office claiming to be province 36, with its own key
        Files.createDirectories(dir.resolve("x"));
        try (Services fake = BundleKit.province(dir.resolve("x"), "36")) {
            assertThat(words(fake)).isNotEqualTo(provWords);
        }
        Path fakePack = dir.resolve("fake.ldr");
        assertThat(CliRun.of("--db", dir.resolve("x").resolve("prov-36").toString(), "refpack", "export", "--out",
                fakePack.toString(), "--passphrase-file", passFile().toString()).exit).isZero();
        Path fake2 = dir.resolve("fake2.ldr");
        assertThat(CliRun.of("--db", dir.resolve("x").resolve("prov-36").toString(), "refpack", "export", "--out",
                fake2.toString(), "--passphrase-file", passFile().toString()).exit).isZero();
        try (Services kab = TestDb.open(dir, "kab-36.04", BundleKit.TODAY)) {
            kab.bundles().refpacks().importPack(p1, provWords, false);
            String before = BundleKit.dump(kab);
            assertThatThrownBy(() -> kab.bundles().refpacks().importPack(fake2, null, true))
                    .isInstanceOfSatisfying(BundleException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY);
                        assertThat(e.message(id.lindungdesa.i18n.Messages.current()))
                                .contains("bukan kunci provinsi yang disematkan");
                    });
            assertThat(BundleKit.dump(kab)).isEqualTo(before);
        }
    }

    @Test
    void aRevokedOfficerKeyIsRefusedByTheDistrictAfterThePack() throws Exception {
        String provWords;
        String officerKey;
        Path officerPub = dir.resolve("officer.json");
        try (Services prov = BundleKit.province(dir, "36");
             Services kab = BundleKit.district(dir, "36.04", 7);
             Services officer = TestDb.open(dir, "kec-36.04.01", BundleKit.TODAY)) {
            provWords = words(prov);
            officer.office().init(id.lindungdesa.domain.OfficeLevel.SUBDISTRICT, "36.04.01", "Kecamatan Satu",
                    "Budi");
            officer.bundles().keys().init(BundleKit.PASS);
            PublicKeyFile f = officer.bundles().keys().exportPublic(officerPub);
            officerKey = f.keyId();
            // the district enrolled its officer; the province learns of the stolen laptop and revokes the key
            kab.bundles().trust().add(officerPub, f.fingerprint());
            assertThat(kab.bundles().trust().find(officerKey).orElseThrow().revoked()).isFalse();
            BundleKit.enrol(kab, prov, dir);
            prov.database().writeVoid(tx -> new id.lindungdesa.persistence.KeyRepository().insertTrusted(tx,
                    new TrustedKey(f.keyId(), KeyCrypto.ALGORITHM, f.publicKey(), f.fingerprint(), f.officeCode(),
                            f.officeName(), f.officeLevel(), java.time.OffsetDateTime.now(prov.clock()), "test",
                            null, null, null, null)));
            prov.bundles().trust().revoke(officerKey, "laptop dicuri");
        }
        Path pack = exportPack("prov-36", "p1.ldr", null);
        try (Services kab = TestDb.open(dir, "kab-36.04", BundleKit.TODAY)) {
            var a = kab.bundles().refpacks().importPack(pack, provWords, false);
            assertThat(a.revoked()).containsExactly(officerKey);
            TrustedKey k = kab.bundles().trust().find(officerKey).orElseThrow();
            assertThat(k.revoked()).isTrue();
            assertThat(k.revokedReason()).contains("laptop dicuri").contains("paket #1");
            // enrolling it again is refused: the registry knows it is revoked
            assertThatThrownBy(() -> kab.bundles().trust().add(officerPub, k.fingerprint()))
                    .isInstanceOf(BundleException.class);
        }
    }

    @Test
    void anExpiredPackIsShownWithItsDateAndNothingStops() throws Exception {
        String provWords;
        try (Services prov = BundleKit.province(dir, "36");
             Services kab = BundleKit.district(dir, "36.04", 7)) {
            provWords = words(prov);
        }
        Path pack;
        try (Services prov = TestDb.open(dir, "prov-36", BundleKit.TODAY)) {
            pack = prov.bundles().refpacks().export(dir.resolve("p.ldr"), BundleKit.PROV_PASS, "30d").file();
        }
        try (Services kab = TestDb.open(dir, "kab-36.04", BundleKit.TODAY)) {
            kab.bundles().refpacks().importPack(pack, provWords, false);
            assertThat(kab.bundles().refpacks().inForce().orElseThrow().expired()).isFalse();
        }
        try (Services kab = TestDb.open(dir, "kab-36.04", LocalDate.of(2026, 4, 1))) {
            var f = kab.bundles().refpacks().inForce().orElseThrow();
            assertThat(f.expired()).isTrue();
            assertThat(f.expiredSince()).isEqualTo("18-03-2026");
            var alerts = kab.alerts().alerts();
            assertThat(alerts).anyMatch(a -> a.kind() == id.lindungdesa.domain.Alert.Kind.REFERENCE_PACK_EXPIRED
                    && id.lindungdesa.service.AlertService.message(a)
                    .startsWith("Data acuan provinsi kedaluwarsa sejak 18-03-2026, minta paket baru"));
            // nothing stops working: the coverage report is made, and carries the note
            assertThat(kab.bundles().refpacks().staleNote(LocalDate.of(2026, 4, 1)))
                    .contains("Data acuan provinsi kedaluwarsa sejak 18-03-2026, minta paket baru");
        }
        String kabDb = dir.resolve("kab-36.04").toString();
        CliRun cov = CliRun.of("--db", kabDb, "report", "coverage", "--json", "--on", "2026-04-01");
        assertThat(cov.exit).as(cov.toString()).isZero();
        assertThat(JsonMappers.MAPPER.readTree(cov.out).path("reference_note").asString())
                .isEqualTo("Data acuan provinsi kedaluwarsa sejak 18-03-2026, minta paket baru");
        CliRun inTime = CliRun.of("--db", kabDb, "report", "coverage", "--json", "--on", "2026-03-18");
        assertThat(JsonMappers.MAPPER.readTree(inTime.out).path("reference_note").isNull()).isTrue();
        CliRun al = CliRun.of("--db", kabDb, "--lang", "en", "alerts", "--on", "2026-04-01");
        assertThat(al.out).as(al.toString()).contains("Province reference data expired on 18-03-2026, ask for a new pack");
    }

    @Test
    void theProvinceKeyRotationIsAnnouncedByTheOldKeyAndAccepted() throws Exception {
        String provWords;
        try (Services prov = BundleKit.province(dir, "36");
             Services kab = BundleKit.district(dir, "36.04", 7)) {
            provWords = words(prov);
        }
        Path p1 = exportPack("prov-36", "p1.ldr", null);
        String newKey;
        try (Services prov = TestDb.open(dir, "prov-36", BundleKit.TODAY)) {
            newKey = prov.bundles().keys().rotate(BundleKit.PROV_PASS).keyId();
        }
        Path p2 = exportPack("prov-36", "p2.ldr", null);
        try (Services kab = TestDb.open(dir, "kab-36.04", BundleKit.TODAY)) {
            kab.bundles().refpacks().importPack(p1, provWords, false);
            var a = kab.bundles().refpacks().importPack(p2, null, false);
            assertThat(a.successorKeyId()).isEqualTo(newKey);
            TrustedKey k = kab.bundles().trust().find(newKey).orElseThrow();
            assertThat(k.revoked()).isFalse();
            assertThat(k.introducedByKey()).isNotNull();
        }
        // the province finishes the rotation: the next pack is signed by the new key alone and is accepted
        try (Services prov = TestDb.open(dir, "prov-36", BundleKit.TODAY)) {
            prov.database().writeVoid(tx -> prov.bundles().keys().finishRotation(tx));
        }
        Path p3 = exportPack("prov-36", "p3.ldr", null);
        JsonNode env = JsonMappers.MAPPER.readTree(Files.readAllBytes(p3));
        assertThat(env.path("signatures")).hasSize(1);
        assertThat(env.path("signatures").get(0).path("keyid").asString()).isEqualTo(newKey);
        try (Services kab = TestDb.open(dir, "kab-36.04", BundleKit.TODAY)) {
            assertThat(kab.bundles().refpacks().importPack(p3, null, false).number()).isEqualTo(3);
        }
    }
}
