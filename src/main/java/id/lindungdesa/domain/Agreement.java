package id.lindungdesa.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A cooperation agreement (PKS) between the district and a BPJS Ketenagakerjaan branch, as originally signed.
 * What is in force on a date also depends on its addenda: see {@link AgreementInForce}.
 */
public record Agreement(UUID id, int version, String number, String title, List<AgreementParty> parties,
                        LocalDate signingDate, LocalDate validFrom, LocalDate validTo, List<String> legalBases,
                        List<CoverageTerm> terms, Long budgetCeiling, String notes, int monevIntervalMonths,
                        UUID renewsId, AttachmentInfo attachment) {

    public static final int DEFAULT_MONEV_MONTHS = 6;

    public Agreement {
        parties = List.copyOf(parties);
        legalBases = List.copyOf(legalBases);
        terms = List.copyOf(terms);
    }

    public Agreement withAttachment(AttachmentInfo a) {
        return new Agreement(id, version, number, title, parties, signingDate, validFrom, validTo, legalBases, terms,
                budgetCeiling, notes, monevIntervalMonths, renewsId, a);
    }

    public Agreement withVersion(int v) {
        return new Agreement(id, v, number, title, parties, signingDate, validFrom, validTo, legalBases, terms,
                budgetCeiling, notes, monevIntervalMonths, renewsId, attachment);
    }
}
