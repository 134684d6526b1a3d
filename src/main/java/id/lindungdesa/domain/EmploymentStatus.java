package id.lindungdesa.domain;

/** Stored by name in the database and bundles: never rename a constant, only add. */
public enum EmploymentStatus implements Labelled {
    NON_ASN("Non-ASN", "Not a civil servant"), ASN("ASN (PNS)", "Civil servant (ASN)"), PPPK("PPPK", "Contract civil servant (PPPK)");

    private final String labelId;
    private final String labelEn;

    EmploymentStatus(String labelId, String labelEn) {
        this.labelId = labelId;
        this.labelEn = labelEn;
    }

    @Override
    public String labelId() { return labelId; }

    @Override
    public String labelEn() { return labelEn; }
}
