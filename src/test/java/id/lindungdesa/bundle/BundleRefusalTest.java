package id.lindungdesa.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.bundle.BundleException.Reason;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.TrustedKey;
import id.lindungdesa.persistence.KeyRepository;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.Progress;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import id.lindungdesa.testing.Backend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every refusal says why and leaves the province database exactly as it was (every row of every table).
 * Setup: district 36.04 exported bundles 1, 2 and 3; the province imported 1 and 3.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class BundleRefusalTest {
    @TempDir
    static Path tmp;
    /** This invocation's folder: the province runs on H2, then on PostgreSQL (issue 16). */
    Path dir;
    @org.junit.jupiter.params.Parameter
    Backend backend;
    Services district;
    Services prov;
    Path b1;
    Path b2;
    Path b3;
    List<KeyService.Signer> signers;

    @BeforeParameterizedClassInvocation
    void setUp(Backend on) throws java.io.IOException {
        dir = Files.createDirectories(tmp.resolve(on.name()));
        district = BundleKit.district(dir, "36.04", 7);
        prov = BundleKit.province(dir, "36", on);
        BundleKit.enrol(district, prov, dir);
        b1 = BundleKit.export(district, dir, "b1.ldb");
        b2 = BundleKit.export(district, dir, "b2.ldb");
        b3 = BundleKit.export(district, dir, "b3.ldb");
        prov.bundles().imports().apply(b1, BundleKit.PROV_PASS, null, Progress.NONE);
        ImportReport r3 = prov.bundles().imports().apply(b3, BundleKit.PROV_PASS, null, Progress.NONE);
        assertThat(r3.warnings()).singleElement().asString().contains("2");
        signers = district.bundles().keys().signers(BundleKit.PASS);
    }

    @AfterParameterizedClassInvocation
    void tearDown() {
        district.close();
        prov.close();
    }

    /** Imports (and dry-runs, and verifies) {@code file}: each must be refused for {@code reason}, nothing changed. */
    private void refused(Path file, Reason reason) throws Exception {
        String before = BundleKit.dump(prov);
        Path receipt = file.resolveSibling(file.getFileName() + ".receipt.json");
        byte[] receiptBefore = Files.exists(receipt) ? Files.readAllBytes(receipt) : null;
        assertThatThrownBy(() -> prov.bundles().imports().apply(file, BundleKit.PROV_PASS, null, Progress.NONE))
                .isInstanceOfSatisfying(BundleException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).doesNotStartWith("bundle.");
                });
        assertThatThrownBy(() -> prov.bundles().imports().dryRun(file, Progress.NONE))
                .isInstanceOfSatisfying(BundleException.class, e -> assertThat(e.reason()).isEqualTo(reason));
        assertThat(BundleKit.dump(prov)).isEqualTo(before);
        assertThat(Files.exists(receipt) ? Files.readAllBytes(receipt) : null).isEqualTo(receiptBefore);
    }

    private static byte[] payloadOf(Path bundle) throws Exception {
        byte[] all = Files.readAllBytes(bundle);
        int nl = 0;
        while (all[nl] != '\n') nl++;
        return Arrays.copyOfRange(all, nl + 1, all.length);
    }

    private static Manifest manifestOf(Path bundle) {
        return Manifest.parse(BundleFile.readHeader(bundle, BundleFile.maxBytes()).envelope().payload());
    }

    /** A validly signed bundle (by {@code signers}) around {@code payload}, with a new id and sequence 10. */
    private Path forge(String name, String payloadText, int formatVersion, String issuer,
                       List<KeyService.Signer> by) throws Exception {
        Manifest m = manifestOf(b1);
        UUID id = UUID.randomUUID();
        byte[] payload = payloadText.replace(m.bundleId().toString(), id.toString()).getBytes(StandardCharsets.UTF_8);
        Manifest f = new Manifest(formatVersion, id, m.kind(), new Manifest.Issuer(issuer, m.issuer().name(),
                OfficeLevel.DISTRICT), by.getFirst().keyId(), 10, null, m.createdAt(), m.period(), m.counts(),
                new Manifest.PayloadRef(m.payload().type(), Hashes.sha256Hex(payload), payload.length), null);
        byte[] st = f.toJson();
        byte[] pae = Dsse.pae(Manifest.PAYLOAD_TYPE, st);
        var sigs = by.stream().map(s -> new Dsse.Signature(s.keyId(), KeyCrypto.sign(s.key(), pae))).toList();
        Path out = dir.resolve(name);
        try (var o = Files.newOutputStream(out)) {
            o.write(new Dsse.Envelope(Manifest.PAYLOAD_TYPE, st, sigs).toJson());
            o.write('\n');
            o.write(payload);
        }
        return out;
    }

    private String payload1() throws Exception {
        return new String(payloadOf(b1), StandardCharsets.UTF_8);
    }

    @Test
    void aForgedCopyOfAGoodBundleIsAcceptedSoTheRefusalsBelowTestOneThingEach() throws Exception {
        Path ok = forge("ok.ldb", payload1(), 1, "36.04", signers);
        assertThat(prov.bundles().imports().dryRun(ok, Progress.NONE).counts().get("people").unchanged())
                .isGreaterThan(10);
    }

    @Test
    void truncatedFile() throws Exception {
        byte[] all = Files.readAllBytes(b2);
        Path f = dir.resolve("truncated.ldb");
        Files.write(f, Arrays.copyOf(all, all.length * 2 / 3));
        refused(f, Reason.TRUNCATED);
        Path g = dir.resolve("truncated-envelope.ldb");
        Files.write(g, Arrays.copyOf(all, 100));
        refused(g, Reason.TRUNCATED);
    }

    @Test
    void notJson() throws Exception {
        Path f = dir.resolve("not-json.ldb");
        Files.writeString(f, "PK\u0003\u0004 this is a zip, not a bundle\n{}");
        refused(f, Reason.MALFORMED);
    }

    @Test
    void duplicateJsonKeys() throws Exception {
        Path env = dir.resolve("dup-envelope.ldb");
        String text = Files.readString(b2);
        Files.writeString(env, text.replaceFirst("\\{\"payloadType\":", "{\"payloadType\":\"x\",\"payloadType\":"));
        refused(env, Reason.MALFORMED);
        Path pay = forge("dup-payload.ldb", payload1().replaceFirst("\"nik\":\"", "\"nik\":\"3604010101900001\",\"nik\":\""),
                1, "36.04", signers);
        refused(pay, Reason.MALFORMED);
    }

    @Test
    void wrongTypes() throws Exception {
        Path nikNumber = forge("nik-number.ldb", payload1().replaceFirst("\"nik\":\"(\\d{16})\"", "\"nik\":$1"), 1,
                "36.04", signers);
        refused(nikNumber, Reason.WRONG_TYPES);
        Path nikExp = forge("nik-exp.ldb", payload1().replaceFirst("\"nik\":\"(\\d{16})\"", "\"nik\":\"3.60405E+15\""),
                1, "36.04", signers);
        refused(nikExp, Reason.WRONG_TYPES);
        Path sigs = dir.resolve("sigs-string.ldb");
        Files.writeString(sigs, Files.readString(b2).replaceFirst("\"signatures\":\\[.*?\\]", "\"signatures\":\"x\""));
        refused(sigs, Reason.WRONG_TYPES);
    }

    @Test
    void unknownFormatVersion() throws Exception {
        refused(forge("v-next.ldb", payload1(), Manifest.FORMAT_VERSION + 1, "36.04", signers),
                Reason.UNSUPPORTED_VERSION);
    }

    @Test
    void payloadChangedByOneByte() throws Exception {
        byte[] all = Files.readAllBytes(b2);
        String s = new String(all, StandardCharsets.UTF_8);
        int at = s.indexOf("\"nik\":\"") + 8;
        all[at] = (byte) (all[at] == '1' ? '2' : '1');
        Path f = dir.resolve("one-byte.ldb");
        Files.write(f, all);
        refused(f, Reason.PAYLOAD_CHANGED);
    }

    @Test
    void manifestChanged() throws Exception {
        var h = BundleFile.readHeader(b2, BundleFile.maxBytes());
        String st = new String(h.envelope().payload(), StandardCharsets.UTF_8).replace("\"sequence\" : 2",
                "\"sequence\" : 9");
        assertThat(st).contains("\"sequence\" : 9");
        var env = new Dsse.Envelope(h.envelope().payloadType(), st.getBytes(StandardCharsets.UTF_8),
                h.envelope().signatures());
        Path f = dir.resolve("manifest-changed.ldb");
        try (var o = Files.newOutputStream(f)) {
            o.write(env.toJson());
            o.write('\n');
            o.write(payloadOf(b2));
        }
        refused(f, Reason.BAD_SIGNATURE);
    }

    @Test
    void signatureFromAnUnknownKey() throws Exception {
        KeyPair kp = KeyCrypto.generate();
        var stranger = List.of(new KeyService.Signer(KeyCrypto.keyId(kp.getPublic()), kp.getPrivate()));
        refused(forge("stranger.ldb", payload1(), 1, "36.04", stranger), Reason.UNKNOWN_KEY);
    }

    @Test
    void signatureFromARevokedKey() throws Exception {
        KeyPair kp = KeyCrypto.generate();
        Path pub = dir.resolve("revoked.pub.json");
        Files.write(pub, new PublicKeyFile(KeyCrypto.keyId(kp.getPublic()), KeyCrypto.encodePublic(kp.getPublic()),
                KeyCrypto.words(kp.getPublic()), "36.04", "DPMD Kabupaten Serang", OfficeLevel.DISTRICT,
                OffsetDateTime.now()).toJson());
        prov.bundles().trust().add(pub, KeyCrypto.words(kp.getPublic()).toUpperCase(java.util.Locale.ROOT));
        prov.bundles().trust().revoke(KeyCrypto.keyId(kp.getPublic()), "Laptop hilang");
        var revoked = List.of(new KeyService.Signer(KeyCrypto.keyId(kp.getPublic()), kp.getPrivate()));
        refused(forge("revoked.ldb", payload1(), 1, "36.04", revoked), Reason.REVOKED_KEY);
        assertThat(prov.bundles().trust().list()).anyMatch(TrustedKey::revoked);
    }

    @Test
    void replayedBundle() throws Exception {
        refused(b1, Reason.REPLAYED);
        refused(b3, Reason.REPLAYED);
    }

    @Test
    void olderSequence() throws Exception {
        refused(b2, Reason.OLDER_SEQUENCE);
    }

    @Test
    void bundleForAnotherProvince() throws Exception {
        KeyPair kp = KeyCrypto.generate();
        String keyId = KeyCrypto.keyId(kp.getPublic());
        // A key of Kalimantan Barat's district that somehow is in the registry (the registry refuses it: see below).
        prov.database().writeVoid(tx -> new KeyRepository().insertTrusted(tx, new TrustedKey(keyId, "Ed25519",
                KeyCrypto.encodePublic(kp.getPublic()), KeyCrypto.words(kp.getPublic()), "61.01", "DPMD Sambas",
                OfficeLevel.DISTRICT, OffsetDateTime.now(), "test", null, null, null, null)));
        String other = payload1().replace("36.04", "61.01");
        refused(forge("other-province.ldb", other, 1, "61.01", List.of(new KeyService.Signer(keyId,
                kp.getPrivate()))), Reason.WRONG_PROVINCE);
        Path pub = dir.resolve("kalbar.pub.json");
        KeyPair kp2 = KeyCrypto.generate();
        Files.write(pub, new PublicKeyFile(KeyCrypto.keyId(kp2.getPublic()), KeyCrypto.encodePublic(kp2.getPublic()),
                KeyCrypto.words(kp2.getPublic()), "61.01", "DPMD Sambas", OfficeLevel.DISTRICT,
                OffsetDateTime.now()).toJson());
        assertThatThrownBy(() -> prov.bundles().trust().add(pub, KeyCrypto.words(kp2.getPublic())))
                .isInstanceOfSatisfying(BundleException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PROVINCE));
    }

    @Test
    void fileFarLargerThanAnyRealBundleIsRefusedWithoutReadingIt() throws Exception {
        Path f = dir.resolve("huge.ldb");
        byte[] head = Files.readAllBytes(b2);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.write(head);
            raf.setLength(BundleFile.DEFAULT_MAX_BYTES + 1); // sparse: no real disk used
        }
        refused(f, Reason.TOO_LARGE);
        // Under the cap but longer than the signed payload: refused after reading only the signed length.
        Path g = dir.resolve("padded.ldb");
        try (RandomAccessFile raf = new RandomAccessFile(g.toFile(), "rw")) {
            raf.write(head);
            raf.setLength(head.length + 50L * 1024 * 1024);
        }
        refused(g, Reason.PAYLOAD_CHANGED);
    }

    @Test
    void wrongFingerprintWordsAreNotEnrolled() throws Exception {
        Path pub = dir.resolve("d.pub.json");
        district.bundles().keys().exportPublic(pub);
        String before = BundleKit.dump(prov);
        assertThatThrownBy(() -> prov.bundles().trust().add(pub, "abu adik air akar alam alis anak angin"))
                .isInstanceOf(BundleException.class);
        assertThat(BundleKit.dump(prov)).isEqualTo(before);
    }

    @Test
    void wrongPassphraseIsRefusedBeforeAnythingIsWritten() throws Exception {
        String before = BundleKit.dump(district);
        assertThatThrownBy(() -> district.bundles().export().export(dir.resolve("x.ldb"), "salah-sandi".toCharArray(),
                null, Progress.NONE)).isInstanceOfSatisfying(BundleException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSPHRASE));
        assertThat(BundleKit.dump(district)).isEqualTo(before);
        assertThat(dir.resolve("x.ldb")).doesNotExist();
        assertThat(Base64.getDecoder()).isNotNull();
    }
}
