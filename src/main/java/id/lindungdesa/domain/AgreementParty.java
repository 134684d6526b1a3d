package id.lindungdesa.domain;

/** A party to an agreement: its role ("Pihak Pertama"), name ("DPMD Kabupaten Serang") and who signed. */
public record AgreementParty(String role, String name, String signatory) {
}
