package id.lindungdesa.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.testing.CliRun;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.TypeConversionException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shared option converters and the JSON the CLI writes from the services' typed records. */
class CliOptionsTest {
    @TempDir
    Path dir;

    @Test
    void datesAreTakenAsIsoOrAsTheOfficeWritesThem() {
        LocalDate d = LocalDate.of(2026, 3, 31);
        assertThat(Converters.Date.parse("2026-03-31")).isEqualTo(d);
        assertThat(Converters.Date.parse("31-03-2026")).isEqualTo(d);
        assertThat(Converters.Date.parse("31/03/2026")).isEqualTo(d);
        assertThatThrownBy(() -> Converters.Date.parse("31-02-2026")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("31-02-2026");
    }

    @Test
    void rupiahAndRegionCodes() {
        assertThat(Converters.Rupiah.parse("5281200")).isEqualTo(5_281_200L);
        assertThat(Converters.Rupiah.parse("5.281.200")).isEqualTo(5_281_200L);
        assertThat(Converters.Rupiah.parse("Rp5.281.200")).isEqualTo(5_281_200L);
        assertThat(Converters.Rupiah.parse("5.281.200,00")).isEqualTo(5_281_200L);
        assertThatThrownBy(() -> Converters.Rupiah.parse("2,5 juta")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("2,5 juta");
        assertThat(new Converters.RegionCode().convert(" 36.04 ")).isEqualTo("36.04");
        assertThatThrownBy(() -> new Converters.RegionCode().convert("36-04"))
                .isInstanceOf(Converters.Refused.class);
    }

    @Test
    void aBadRegionCodeIsRefusedWithExit1AndABadDateIsAUsageError() {
        CliRun code = CliRun.of("--db", dir.resolve("x").toString(), "regions", "import", "w.csv", "--within", "abc");
        assertThat(code.exit).isEqualTo(1);
        assertThat(code.err).contains("Gagal: Kode wilayah tidak sah: 'abc'");
        CliRun date = CliRun.of("--lang", "en", "--db", dir.resolve("x").toString(), "stats", "--on", "31-02-2026");
        assertThat(date.exit).isEqualTo(2);
        assertThat(date.err).contains("Not a date: '31-02-2026'");
    }

    @Test
    void statsJsonKeepsItsKeysAndOrder() throws Exception {
        CliRun r = CliRun.of("--db", dir.resolve("s").toString(), "stats", "--json", "--on", "01-06-2026");
        assertThat(r.exit).as(r.toString()).isZero();
        JsonNode j = JsonMapper.builder().build().readTree(r.out);
        List<String> keys = new ArrayList<>(j.propertyNames());
        assertThat(keys).containsExactly("villages", "people", "office_holders", "posts", "enrolled_active", "on");
        assertThat(new ArrayList<>(j.get("villages").propertyNames()))
                .containsExactly("kecamatan", "desa", "desa_adat", "kelurahan");
        assertThat(new ArrayList<>(j.get("posts").propertyNames())).first().isEqualTo("kepala_desa");
        assertThat(j.get("posts").size()).isEqualTo(id.lindungdesa.domain.Category.values().length);
        assertThat(j.get("people").asInt()).isZero();
        assertThat(j.get("on").asString()).isEqualTo("2026-06-01");
    }
}
