package id.lindungdesa.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Segment;
import id.lindungdesa.testing.CliRun;
import id.lindungdesa.testing.TestDb;
import id.lindungdesa.wiring.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: the province sets dated contribution rates, wage caps and wage bases on the command line
 * ({@code refpack rate set}, {@code refpack wage-base set}); bad values are refused with the province database
 * unchanged; the next pack carries them and the district computes with them from their date.
 */
class RefPackRatesCliTest {
    @TempDir
    Path dir;

    private String dump(String name) {
        try (Services s = TestDb.open(dir, name, BundleKit.TODAY)) {
            return BundleKit.dump(s);
        }
    }

    @Test
    void theProvinceSetsRatesAndWageBasesThatTheNextPackCarries() throws Exception {
        String words;
        try (Services prov = BundleKit.province(dir, "36");
             Services kab = BundleKit.district(dir, "36.04", 7)) {
            words = prov.bundles().keys().activeKey().orElseThrow().fingerprint();
        }
        String prov = dir.resolve("prov-36").toString();
        String kab = dir.resolve("kab-36.04").toString();
        String before = dump("prov-36");
        String[][] bad = {
            {"rate", "set", "--segment", "PU", "--programme", "JP", "--from", "2026-03-01", "--percent", "150"},
            {"rate", "set", "--segment", "PU", "--programme", "JP", "--from", "2026-03-01", "--percent", "0"},
            {"rate", "set", "--segment", "BPU", "--programme", "JKM", "--from", "2026-03-01", "--percent", "1",
                "--flat", "6800"},
            {"rate", "set", "--segment", "PU", "--programme", "JP", "--from", "2026-03-01", "--percent", "3",
                "--risk-class", "2"},
            {"rate", "set", "--segment", "PU", "--programme", "JP", "--from", "2026-03-01", "--percent", "3",
                "--wage-cap", "-5"},
            {"wage-base", "set", "--category", "perangkat_desa", "--from", "2026-01-01", "--amount", "0"},
            {"wage-base", "set", "--category", "perangkat_desa", "--position", "BPD_KETUA", "--from",
                "2026-01-01", "--amount", "2500000"},
            {"wage-base", "set", "--category", "lurah", "--from", "2026-01-01", "--amount", "2500000"},
        };
        String[] expected = {"Persen 150 tidak masuk akal", "Persen 0 tidak masuk akal", "tepat satu",
            "Kelas risiko 2 tidak dikenal", "--wage-cap -5 tidak masuk akal", "tidak masuk akal",
            "bukan jabatan kategori perangkat_desa", "Kategori lurah tidak dikenal"};
        for (int i = 0; i < bad.length; i++) {
            String[] args = new String[bad[i].length + 3];
            args[0] = "--db";
            args[1] = prov;
            args[2] = "refpack";
            System.arraycopy(bad[i], 0, args, 3, bad[i].length);
            CliRun r = CliRun.of(args);
            assertThat(r.exit).as(r.toString()).isEqualTo(1);
            assertThat(r.err).as(String.join(" ", bad[i])).contains(expected[i]);
        }
        assertThat(dump("prov-36")).isEqualTo(before);
        // the district does not set the province's rates
        String kabBefore = dump("kab-36.04");
        CliRun atDistrict = CliRun.of("--db", kab, "refpack", "rate", "set", "--segment", "PU", "--programme",
                "JP", "--from", "2026-03-01", "--percent", "3", "--wage-cap", "11000000");
        assertThat(atDistrict.exit).isEqualTo(1);
        assertThat(atDistrict.err).contains("ditetapkan di kantor provinsi");
        assertThat(dump("kab-36.04")).isEqualTo(kabBefore);

        CliRun cap = CliRun.of("--db", prov, "refpack", "rate", "set", "--segment", "PU", "--programme", "JP",
                "--from", "2026-03-01", "--percent", "3.00", "--wage-cap", "11000000", "--note", "batas upah 2026");
        assertThat(cap.exit).as(cap.toString()).isZero();
        assertThat(cap.out).contains("\"wage_cap\":11000000");
        CliRun wage = CliRun.of("--db", prov, "refpack", "wage-base", "set", "--category", "perangkat_desa",
                "--from", "2026-01-01", "--amount", "2500000");
        assertThat(wage.exit).as(wage.toString()).isZero();
        // the same date again changes the row rather than adding one
        CliRun again = CliRun.of("--db", prov, "refpack", "wage-base", "set", "--category", "perangkat_desa",
                "--from", "2026-01-01", "--amount", "2600000");
        assertThat(again.exit).as(again.toString()).isZero();

        Path pass = dir.resolve("pass.txt");
        Files.writeString(pass, new String(BundleKit.PROV_PASS) + "\n");
        Path pack = dir.resolve("p1.ldr");
        CliRun exp = CliRun.of("--db", prov, "refpack", "export", "--out", pack.toString(), "--passphrase-file",
                pass.toString());
        assertThat(exp.exit).as(exp.toString()).isZero();
        assertThat(exp.out).contains("Tarif iuran: 12, dasar upah: 4");
        CliRun imp = CliRun.of("--db", kab, "refpack", "import", pack.toString(), "--fingerprint", words);
        assertThat(imp.exit).as(imp.toString()).isZero();
        assertThat(imp.out).contains("Tarif iuran: 1 baru").contains("dasar upah: 1 baru");
        try (Services k = TestDb.open(dir, "kab-36.04", BundleKit.TODAY)) {
            assertThat(k.enrolments().monthly(Segment.PU, EnumSet.of(Programme.JP), 1, 12_000_000L,
                    LocalDate.of(2026, 2, 16)).total()).isEqualTo(316_422L);
            assertThat(k.enrolments().monthly(Segment.PU, EnumSet.of(Programme.JP), 1, 12_000_000L,
                    LocalDate.of(2026, 3, 16)).total()).isEqualTo(330_000L);
            assertThat(k.enrolments().defaults(null, Position.KAUR_KEUANGAN, false).wageBase())
                    .isEqualTo(2_600_000L);
        }
    }
}
