package id.lindungdesa.domain;

/** Stored by name in the database and bundles: never rename a constant, only add. */
public enum OfficeLevel implements Labelled {
    DISTRICT("Kabupaten/Kota", "District"), SUBDISTRICT("Kecamatan", "Sub-district"), PROVINCE("Provinsi", "Province");

    private final String labelId;
    private final String labelEn;

    OfficeLevel(String labelId, String labelEn) {
        this.labelId = labelId;
        this.labelEn = labelEn;
    }

    @Override
    public String labelId() { return labelId; }

    @Override
    public String labelEn() { return labelEn; }
}
