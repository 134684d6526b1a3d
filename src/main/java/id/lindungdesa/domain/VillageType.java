package id.lindungdesa.domain;

/** Stored by name in the database and bundles: never rename a constant, only add. */
public enum VillageType implements Labelled {
    KELURAHAN("Kelurahan", "Urban ward"), DESA("Desa", "Village"), DESA_ADAT("Desa Adat", "Customary village");

    private final String labelId;
    private final String labelEn;

    VillageType(String labelId, String labelEn) {
        this.labelId = labelId;
        this.labelEn = labelEn;
    }

    @Override
    public String labelId() { return labelId; }

    @Override
    public String labelEn() { return labelEn; }
}
