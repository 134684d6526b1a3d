package id.lindungdesa.service;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.domain.AddendumChange;
import id.lindungdesa.domain.AgreementParty;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.CoverageTerm;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.testing.TestDb;
import id.lindungdesa.wiring.Services;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13 item 10: which addenda change nothing in force (the desk then warns before saving). */
class AddendumChangesNothingTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final CoverageTerm KADES = new CoverageTerm(Category.KEPALA_DESA, FundingSource.APBD,
            EnumSet.of(Programme.JKK, Programme.JKM), null, 16_200L);

    @TempDir
    Path dir;
    Services s;
    UUID id;

    @BeforeEach
    void setUp() {
        s = TestDb.open(dir, TODAY);
        s.office().init(OfficeLevel.DISTRICT, "61.01", "DPMD Sambas", "Sri Wahyuni");
        id = s.agreements().create(new AgreementService.NewAgreement("445/001/PKS-DPMD/2025", "PKS Kepala Desa",
                List.of(new AgreementParty("Pihak Pertama", "DPMD Kabupaten Sambas", null)),
                LocalDate.of(2025, 3, 14), LocalDate.of(2025, 3, 14), LocalDate.of(2027, 12, 31), List.of(),
                List.of(KADES), 50_000_000L, null, null, null), null).id();
    }

    @AfterEach
    void tearDown() {
        s.close();
    }

    AgreementService.NewAddendum ad(LocalDate validTo, Long budget, AddendumChange... changes) {
        return new AgreementService.NewAddendum(id, "ADD/1", LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 20),
                validTo, budget, List.of(changes), null);
    }

    @Test
    void restatingWhatIsInForceChangesNothing() {
        assertThat(s.agreements().changesNothing(ad(null, null, new AddendumChange(AddendumChange.Kind.CHANGE, KADES))))
                .isTrue();
        assertThat(s.agreements().changesNothing(ad(null, null, new AddendumChange(AddendumChange.Kind.ADD, KADES))))
                .isTrue();
        assertThat(s.agreements().changesNothing(ad(LocalDate.of(2027, 12, 31), 50_000_000L))).isTrue();
    }

    @Test
    void anyRealChangeIsAChange() {
        CoverageTerm bpd = new CoverageTerm(Category.BPD, FundingSource.APBD, EnumSet.of(Programme.JKK,
                Programme.JKM), null, null);
        assertThat(s.agreements().changesNothing(ad(null, null, new AddendumChange(AddendumChange.Kind.ADD, bpd))))
                .isFalse();
        CoverageTerm dearer = new CoverageTerm(Category.KEPALA_DESA, FundingSource.APBD,
                EnumSet.of(Programme.JKK, Programme.JKM), null, 17_000L);
        assertThat(s.agreements().changesNothing(ad(null, null,
                new AddendumChange(AddendumChange.Kind.CHANGE, dearer)))).isFalse();
        assertThat(s.agreements().changesNothing(ad(LocalDate.of(2028, 12, 31), null))).isFalse();
        assertThat(s.agreements().changesNothing(ad(null, 60_000_000L))).isFalse();
        // Asking saves nothing.
        assertThat(s.agreements().addenda()).isEmpty();
    }
}
