package id.lindungdesa.ui.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.domain.AgreementParty;
import id.lindungdesa.i18n.Messages;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agreement and addendum forms are read by the view-model (no toolkit): dates, rupiah and parties. */
class AgreementsViewModelTest {

    @BeforeEach
    void indonesian() {
        Messages.setCurrent(Messages.INDONESIAN);
    }

    private static AgreementsViewModel.AgreementForm form(String signing, String from, String to, String budget,
                                                          String months) {
        return new AgreementsViewModel.AgreementForm("445/001/PKS-DPMD/2026", "PKS BPJS Ketenagakerjaan", signing,
                from, to, "Pihak Pertama | DPMD Kabupaten Serang | Drs. H. Ahmad\nBPJS Ketenagakerjaan Cabang Serang",
                "Perpres 109/2013\n\n  Permendagri 18/2022  ", budget, months, "catatan");
    }

    @Test
    void aFilledFormIsReadIntoTheNewAgreement() {
        var read = AgreementsViewModel.readAgreement(form("14-12-2025", "", "31/12/2026", "Rp 1.500.000", "6"),
                List.of());
        assertThat(read.ok()).isTrue();
        var a = read.value();
        assertThat(a.signingDate()).isEqualTo(LocalDate.of(2025, 12, 14));
        assertThat(a.validFrom()).as("empty 'valid from' is the signing date").isEqualTo(a.signingDate());
        assertThat(a.validTo()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(a.budgetCeiling()).isEqualTo(1_500_000L);
        assertThat(a.monevIntervalMonths()).isEqualTo(6);
        assertThat(a.legalBases()).containsExactly("Perpres 109/2013", "Permendagri 18/2022");
        assertThat(a.parties()).containsExactly(
                new AgreementParty("Pihak Pertama", "DPMD Kabupaten Serang", "Drs. H. Ahmad"),
                new AgreementParty("Pihak 2", "BPJS Ketenagakerjaan Cabang Serang", null));
    }

    @Test
    void badDatesAreAllNamedAndABadAmountIsRefusedWithAnExample() {
        var dates = AgreementsViewModel.readAgreement(form("31-02-2026", "", "kemarin", "", ""), List.of());
        assertThat(dates.ok()).isFalse();
        assertThat(dates.errors()).containsExactly(
                "Tanggal \"31-02-2026\" tidak dikenali. Tulis seperti 14-12-2025.",
                "Tanggal \"kemarin\" tidak dikenali. Tulis seperti 14-12-2025.");

        var amount = AgreementsViewModel.readAgreement(form("14-12-2025", "", "31-12-2026", "2,5 juta", ""),
                List.of());
        // issue 11: one Money refuses words with its own message, which shows how to write the amount
        assertThat(amount.errorText()).isEqualTo("Jumlah \"2,5 juta\" tidak dapat dibaca: tulis angka lengkap tanpa kata"
                + " seperti juta atau ribu (contoh: 2,5 juta ditulis 2.500.000).");
    }

    @Test
    void anExistingAgreementFillsTheFormAndReadsBackUnchanged() {
        var first = AgreementsViewModel.readAgreement(form("14-12-2025", "01-01-2026", "31-12-2026", "Rp16.200", "3"),
                List.of()).value();
        var existing = new id.lindungdesa.domain.Agreement(UUID.randomUUID(), 4, first.number(), first.title(),
                first.parties(), first.signingDate(), first.validFrom(), first.validTo(), first.legalBases(),
                first.terms(), first.budgetCeiling(), first.notes(), 3, null, null);
        var again = AgreementsViewModel.readAgreement(AgreementsViewModel.AgreementForm.of(existing), List.of());
        var changed = AgreementsViewModel.changed(existing, again.value());
        assertThat(changed).isEqualTo(existing);
    }

    @Test
    void anAddendumKeepsBlankFieldsUnchanged() {
        UUID id = UUID.randomUUID();
        var read = AgreementsViewModel.readAddendum(id, new AgreementsViewModel.AddendumForm("ADD-1", "01-03-2026",
                "01-04-2026", "", "", "perpanjangan"), List.of());
        assertThat(read.ok()).isTrue();
        assertThat(read.value().agreementId()).isEqualTo(id);
        assertThat(read.value().effectiveDate()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(read.value().newValidTo()).isNull();
        assertThat(read.value().newBudgetCeiling()).isNull();

        var bad = AgreementsViewModel.readAddendum(id, new AgreementsViewModel.AddendumForm("ADD-1", "01-03-2026",
                "", "", "Rp 2.000.000", ""), List.of());
        assertThat(bad.ok()).isTrue();
        assertThat(bad.value().effectiveDate()).as("a blank effective date is the signing date (issue 13)")
                .isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(bad.value().newBudgetCeiling()).isEqualTo(2_000_000L);
    }
}
