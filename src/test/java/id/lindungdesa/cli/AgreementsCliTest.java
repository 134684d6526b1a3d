package id.lindungdesa.cli;

import id.lindungdesa.testing.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.domain.AddendumChange;
import id.lindungdesa.domain.AgreementParty;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.CoverageTerm;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.service.AgreementService;
import id.lindungdesa.service.Json;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.testing.TestDb;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/** The JSON contract of {@code agreements list --json --on} and {@code alerts --json --on}. */
class AgreementsCliTest {
    @TempDir
    Path dir;

    @Test
    void agreementsListAndAlertsPrintTheInForceStateAndTheExpiryAlert() throws Exception {
        try (Services s = TestDb.open(dir, "cli", LocalDate.of(2024, 1, 1))) {
            s.office().init(OfficeLevel.DISTRICT, "61.01", "DPMD Sambas", "Sri");
            var a = s.agreements().create(new AgreementService.NewAgreement("445/1/2023", "PKS Kepala Desa",
                    List.of(new AgreementParty("Pihak Pertama", "DPMD Kabupaten Sambas", "Kepala DPMD")),
                    LocalDate.of(2023, 3, 14), LocalDate.of(2023, 3, 14), LocalDate.of(2025, 12, 14),
                    List.of("UU 6/2014 Pasal 66"), List.of(new CoverageTerm(Category.KEPALA_DESA, FundingSource.APBD,
                    EnumSet.of(Programme.JKK, Programme.JKM), 3_000_000L, 16_200L)), 63_374_400L, null, null, null),
                    null);
            s.agreements().addAddendum(new AgreementService.NewAddendum(a.id(), "ADD-1", LocalDate.of(2024, 6, 20),
                    LocalDate.of(2024, 7, 1), null, null, List.of(new AddendumChange(AddendumChange.Kind.ADD,
                    new CoverageTerm(Category.BPD, FundingSource.DANA_DESA, EnumSet.of(Programme.JKK, Programme.JKM),
                            null, 16_800L))), null));
        }
        String db = dir.resolve("cli").toString();

        JsonNode before = json("--db", db, "agreements", "list", "--json", "--on", "2024-06-30");
        JsonNode ag = before.get("agreements").get(0);
        assertThat(ag.get("number").asString()).isEqualTo("445/1/2023");
        assertThat(ag.get("state").asString()).isEqualTo("IN_FORCE");
        assertThat(ag.get("in_force_on").get("terms")).hasSize(1);
        assertThat(ag.get("terms").get(0).get("category").asString()).isEqualTo("kepala_desa");
        JsonNode after = json("--db", db, "agreements", "list", "--json", "--on", "2024-07-01");
        assertThat(after.get("agreements").get(0).get("in_force_on").get("terms")).hasSize(2);
        assertThat(after.get("agreements").get(0).get("in_force_on").get("addenda_applied").get(0).asString())
                .isEqualTo("ADD-1");

        JsonNode alerts = json("--db", db, "alerts", "--json", "--on", "2025-12-01");
        assertThat(alerts.get("on").asString()).isEqualTo("2025-12-01");
        JsonNode expiry = null;
        for (JsonNode n : alerts.get("alerts")) if (n.get("kind").asString().equals("AGREEMENT_EXPIRES_30")) expiry = n;
        assertThat(expiry).isNotNull();
        assertThat(expiry.get("days").asInt()).isEqualTo(13);
        assertThat(expiry.get("target").get("type").asString()).isEqualTo("agreement");
        assertThat(expiry.get("message").asString()).contains("14 Desember 2025");
    }

    private static JsonNode json(String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.exit).as(r.err).isZero();
        return Json.MAPPER.readTree(r.out);
    }
}
