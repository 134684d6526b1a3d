package id.lindungdesa.domain;

/** Stored by name in the database and bundles: never rename a constant, only add. */
public enum FundingSource implements Labelled {
    APBD("APBD", "District budget (APBD)"), APBDES("APBDes", "Village budget (APBDes)"), DANA_DESA("Dana Desa", "Village fund"), SELF("Mandiri", "Self-paid");

    private final String labelId;
    private final String labelEn;

    FundingSource(String labelId, String labelEn) {
        this.labelId = labelId;
        this.labelEn = labelEn;
    }

    @Override
    public String labelId() { return labelId; }

    @Override
    public String labelEn() { return labelEn; }
}
