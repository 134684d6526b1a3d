package id.lindungdesa.report;

import id.lindungdesa.testing.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.cli.Cli;
import id.lindungdesa.service.ReportFixture;
import id.lindungdesa.wiring.Services;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code report coverage --json --on}, {@code report budget --year --json} with --xlsx and --pdf, via the CLI. */
class ReportCliTest {
    @TempDir
    Path dir;

    String run(String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.exit).as(r.err).isZero();
        return r.out;
    }

    @Test
    void coverageAndBudgetAsJsonAndFiles() throws Exception {
        Path db = dir.resolve("serang");
        try (Services s = id.lindungdesa.testing.TestDb.open(dir, "serang", LocalDate.of(2026, 5, 4))) {
            ReportFixture.serangRegions(s);
            ReportFixture.serangKepalaDesa(s, LocalDate.of(2025, 3, 1));
        }
        JsonNode cov = JsonMapper.builder().build().readTree(run("--db", db.toString(), "report", "coverage",
                "--json", "--on", "2025-02-28"));
        assertThat(cov.get("on").asString()).isEqualTo("2025-02-28");
        assertThat(cov.get("categories").get(0).get("category").asString()).isEqualTo("kepala_desa");
        assertThat(cov.get("categories").get(0).get("covered").asInt()).isZero();
        assertThat(cov.get("categories").get(0).get("eligible").asInt()).isEqualTo(326);
        assertThat(cov.get("villages_summary").get("registered_none").asInt()).isEqualTo(326);
        assertThat(cov.get("kecamatan")).hasSize(29);

        Path xlsx = dir.resolve("c.xlsx");
        Path pdf = dir.resolve("c.pdf");
        cov = JsonMapper.builder().build().readTree(run("--db", db.toString(), "report", "coverage", "--json",
                "--on", "2025-03-01", "--xlsx", xlsx.toString(), "--pdf", pdf.toString()));
        assertThat(cov.get("total").get("percent").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(cov.get("villages_summary").get("fully_covered").asInt()).isEqualTo(326);
        assertThat(Files.size(xlsx)).isPositive();
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");

        JsonNode budget = JsonMapper.builder().build().readTree(run("--db", db.toString(), "report", "budget",
                "--year", "2026", "--json", "--source", "APBD", "--xlsx", dir.resolve("b.xlsx").toString()));
        assertThat(budget.get("total").asLong()).isEqualTo(63_374_400L);
        assertThat(budget.get("lines").get(0).get("headcount").asInt()).isEqualTo(326);
        assertThat(budget.get("lines").get(0).get("monthly").asLong()).isEqualTo(16_200L);
        assertThat(budget.get("lines").get(0).get("months").asInt()).isEqualTo(12);
        assertThat(budget.get("by_funding_source").get("APBD").asLong()).isEqualTo(63_374_400L);
        assertThat(Files.size(dir.resolve("b.xlsx"))).isPositive();
    }
}
