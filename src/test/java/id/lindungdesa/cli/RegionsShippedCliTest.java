package id.lindungdesa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.service.BuiltinRegions;
import id.lindungdesa.testing.CliRun;
import java.io.BufferedReader;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The region list ships with the program: set-up, re-import and the demo need no file. */
class RegionsShippedCliTest {
    @TempDir
    Path dir;

    @Test
    void officeInitImportsTheOfficesSliceWithNoFileToFind() {
        String db = dir.resolve("kab").toString();
        CliRun init = CliRun.of("--db", db, "office", "init", "--level", "district", "--code", "36.04", "--name",
                "DPMD Kabupaten Serang", "--clerk", "Budi");
        assertThat(init.exit).as(init.toString()).isZero();
        assertThat(init.out).contains("Wilayah 36.04 dari daftar bawaan")
                .contains("Kepmendagri 300.2.2-2138/2025").contains("29 kecamatan, 326 desa");

        // again without a file: the shipped list, nothing changes
        CliRun again = CliRun.of("--db", db, "regions", "import", "--json");
        assertThat(again.exit).as(again.toString()).isZero();
        assertThat(again.out).contains("\"added\":0").contains("\"retired\":0").contains("\"desa\":326");
    }

    @Test
    void anOfficeOutsideTheShippedListIsSetUpAndToldToImportANewerList() {
        CliRun init = CliRun.of("--db", dir.resolve("baru").toString(), "--lang", "en", "office", "init", "--level",
                "district", "--code", "36.99", "--name", "DPMD Kabupaten Baru", "--clerk", "Budi");
        assertThat(init.exit).as(init.toString()).isZero();
        assertThat(init.err).contains("36.99 is not in the region list shipped").contains("regions import FILE");
    }

    @Test
    void aNewerFileStillImportsAndTheDemoNeedsNoRegionsOption() throws Exception {
        String db = dir.resolve("demo").toString();
        CliRun demo = CliRun.of("--db", db, "demo", "--within", "36.04", "--seed", "1");
        assertThat(demo.exit).as(demo.toString()).isZero();
        assertThat(demo.out).contains("Demo 36.04: 326 desa");

        Path newer = dir.resolve("wilayah-baru.csv");
        Files.writeString(newer, Files.readString(BuiltinRegions.copyTo(dir.resolve("w.csv")))
                + "36.04.05.2099,Desa Pemekaran\r\n");
        CliRun imp = CliRun.of("--db", db, "regions", "import", newer.toString(), "--json");
        assertThat(imp.exit).as(imp.toString()).isZero();
        assertThat(imp.out).contains("\"added\":1").contains("\"desa\":327");
    }

    @Test
    void theShippedListCarriesItsLicenceAndDecree() throws Exception {
        try (InputStream lic = BuiltinRegions.class.getResourceAsStream("/regions/LICENSE.cahyadsn-wilayah");
             InputStream readme = BuiltinRegions.class.getResourceAsStream("/regions/README.md")) {
            assertThat(lic).isNotNull();
            assertThat(new String(lic.readAllBytes())).contains("MIT License").contains("Cahya DSN");
            assertThat(readme).isNotNull();
            assertThat(new String(readme.readAllBytes())).contains("300.2.2-2138/2025").contains("300.2.2-2430/2025");
        }
        try (BufferedReader r = new BufferedReader(BuiltinRegions.open())) {
            assertThat(r.readLine()).isEqualTo("kode,nama");
            assertThat(r.lines().count()).isEqualTo(91_599);
        }
    }
}
