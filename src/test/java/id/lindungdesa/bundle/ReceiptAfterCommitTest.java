package id.lindungdesa.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.CliRun;
import id.lindungdesa.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12.3: an import never says "refused" after saving. The receipt's place is chosen and checked before the
 * commit (default: beside the database), the signed receipt is committed with the data, and a receipt that could
 * not be written is made again with {@code bundle receipt --again BUNDLE_ID}.
 */
class ReceiptAfterCommitTest {
    /** Stands for the process being killed. */
    static final class Killed extends Error {
    }

    @TempDir
    Path dir;

    private static List<String> listing(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Path passFile(String name, char[] pass) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, new String(pass) + "\n");
        return p;
    }

    @Test
    void aBundleOnReadOnlyMediaIsImportedAndItsReceiptGoesBesideTheDatabase() throws Exception {
        Path media = Files.createDirectories(dir.resolve("flashdisk"));
        try (Services kab = BundleKit.district(dir, "36.04", 31);
             Services prov = BundleKit.province(dir, "36")) {
            BundleKit.enrol(kab, prov, dir);
            kab.bundles().trust().add(writeProvKey(prov), prov.bundles().keys().publicKeyFile().fingerprint());
            BundleKit.export(kab, media, "serang.ldb");
        }
        Files.setPosixFilePermissions(media, PosixFilePermissions.fromString("r-xr-xr-x"));
        List<String> before = listing(media);
        Path provPass = passFile("prov-pass.txt", BundleKit.PROV_PASS);
        try {
            CliRun r = CliRun.of("--db", dir.resolve("prov-36").toString(), "bundle", "import",
                    media.resolve("serang.ldb").toString(), "--passphrase-file", provPass.toString());
            assertThat(r.exit).as(r.toString()).isZero();
            Path receipt = dir.resolve("prov-36.receipts").resolve("serang.ldb.receipt.json");
            assertThat(r.out).contains("Tanda terima: " + receipt);
            assertThat(receipt).exists();
            assertThat(listing(media)).isEqualTo(before); // nothing was written on the media
            try (Services kab = TestDb.open(dir, "kab-36.04", BundleKit.TODAY)) {
                assertThat(kab.bundles().receipts().importReceipt(receipt).alreadyMarked()).isFalse();
            }
        } finally {
            Files.setPosixFilePermissions(media, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private Path writeProvKey(Services prov) {
        Path p = dir.resolve("prov.pub.json");
        prov.bundles().keys().exportPublic(p);
        return p;
    }

    @Test
    void anUnwritableReceiptPlaceIsRefusedBeforeAnythingIsSaved() throws Exception {
        Path bundle;
        try (Services kab = BundleKit.district(dir, "36.04", 32);
             Services prov = BundleKit.province(dir, "36")) {
            BundleKit.enrol(kab, prov, dir);
            bundle = BundleKit.export(kab, dir, "b1.ldb");
        }
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        String before;
        try (Services prov = TestDb.open(dir, "prov-36", BundleKit.TODAY)) {
            before = BundleKit.dump(prov);
        }
        CliRun r = CliRun.of("--db", dir.resolve("prov-36").toString(), "bundle", "import", bundle.toString(),
                "--receipt-out", notAFolder.resolve("r.json").toString(), "--passphrase-file",
                passFile("pp", BundleKit.PROV_PASS).toString());
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err).contains("DITOLAK [IO]", "tidak ada yang disimpan", "--receipt-out");
        try (Services prov = TestDb.open(dir, "prov-36", BundleKit.TODAY)) {
            assertThat(BundleKit.dump(prov)).isEqualTo(before);
        }
    }

    @Test
    void aReceiptFileThatFailsAfterTheCommitIsReportedAsSavedAndMadeAgain() throws Exception {
        Path bundle;
        Path provPub = dir.resolve("prov.pub.json");
        try (Services kab = BundleKit.district(dir, "36.04", 33);
             Services prov = BundleKit.province(dir, "36")) {
            BundleKit.enrol(kab, prov, dir);
            kab.bundles().trust().add(writeProvKey(prov), prov.bundles().keys().publicKeyFile().fingerprint());
            bundle = BundleKit.export(kab, dir, "b1.ldb");

            // the disk refuses the receipt file after the data was committed (a folder appears in its place)
            prov.bundles().imports().setAfterCommit(p -> {
                try {
                    Files.createDirectories(p);
                    Files.writeString(p.resolve("blocker"), "x");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            ImportReport r = prov.bundles().imports().apply(bundle, BundleKit.PROV_PASS, null, Progress.NONE);
            assertThat(r.savedWithoutReceiptFile()).isTrue();
            assertThat(r.receipt()).isNull();
            assertThat(r.receiptProblem()).startsWith("Data sudah disimpan; tanda terima tidak dapat ditulis ke")
                    .contains("bundle receipt --again " + r.bundleId());
            assertThat(prov.bundles().province().received()).extracting(b -> b.bundleId())
                    .containsExactly(r.bundleId());
            prov.bundles().imports().setAfterCommit(p -> { });
        }
        String prov = dir.resolve("prov-36").toString();
        Path pp = passFile("pp", BundleKit.PROV_PASS);
        // the retry says it was imported and how to get the receipt; nothing changes
        CliRun retry = CliRun.of("--db", prov, "bundle", "import", bundle.toString(), "--passphrase-file",
                pp.toString());
        assertThat(retry.exit).isEqualTo(1);
        assertThat(retry.err).contains("REPLAYED", "sudah diimpor oleh", "bundle receipt --again");
        String id = retry.err.replaceAll("(?s).*--again ([0-9a-f-]{36}).*", "$1");
        Path again = dir.resolve("again.receipt.json");
        CliRun made = CliRun.of("--db", prov, "bundle", "receipt", "--again", id, "--out", again.toString());
        assertThat(made.exit).as(made.toString()).isZero();
        assertThat(made.out).contains("ditulis lagi", again.toString()).doesNotContain("ditandatangani sekarang");
        // the district accepts it: the bundle is delivered
        CliRun delivered = CliRun.of("--db", dir.resolve("kab-36.04").toString(), "bundle", "receipt", "import",
                again.toString());
        assertThat(delivered.exit).as(delivered.toString()).isZero();
        assertThat(delivered.out).contains("Diterima: bundel #1");
        assertThat(Files.exists(provPub)).isTrue();
    }

    @Test
    void aKillBetweenCommitAndReceiptLeavesTheReceiptInTheDatabase() throws Exception {
        Path bundle;
        try (Services kab = BundleKit.district(dir, "36.04", 34);
             Services prov = BundleKit.province(dir, "36")) {
            BundleKit.enrol(kab, prov, dir);
            bundle = BundleKit.export(kab, dir, "b1.ldb");
            prov.bundles().imports().setAfterCommit(p -> {
                throw new Killed(); // the process dies here
            });
            assertThatThrownBy(() -> prov.bundles().imports().apply(bundle, BundleKit.PROV_PASS, null,
                    Progress.NONE)).isInstanceOf(Killed.class);
        }
        String prov = dir.resolve("prov-36").toString();
        String id;
        try (Services p = TestDb.open(dir, "prov-36", BundleKit.TODAY)) {
            var rec = p.bundles().province().received();
            assertThat(rec).hasSize(1);
            id = rec.getFirst().bundleId().toString();
            // as for an import made before receipts were kept as data: --again signs a new one (passphrase needed)
            p.database().writeVoid(tx -> tx.dsl().execute("UPDATE bundle_import SET receipt_json = NULL"));
        }
        CliRun made = CliRun.of("--db", prov, "bundle", "receipt", "--again", id, "--passphrase-file",
                passFile("pp", BundleKit.PROV_PASS).toString());
        assertThat(made.exit).as(made.toString()).isZero();
        assertThat(made.out).contains("ditandatangani sekarang");
        assertThat(dir.resolve("prov-36.receipts").resolve("b1.ldb.receipt.json")).exists();
        CliRun unknown = CliRun.of("--db", prov, "bundle", "receipt", "--again",
                "00000000-0000-0000-0000-000000000000");
        assertThat(unknown.exit).isEqualTo(1);
        assertThat(unknown.err).contains("belum pernah diimpor");
    }
}
