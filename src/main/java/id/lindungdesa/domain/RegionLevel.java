package id.lindungdesa.domain;

/** Stored by name in the database and bundles: never rename a constant, only add. */
public enum RegionLevel implements Labelled {
    PROVINCE("Provinsi", "Province"), REGENCY("Kabupaten/Kota", "Regency/City"), SUBDISTRICT("Kecamatan", "Sub-district"), VILLAGE("Desa/Kelurahan", "Village");

    private final String labelId;
    private final String labelEn;

    RegionLevel(String labelId, String labelEn) {
        this.labelId = labelId;
        this.labelEn = labelEn;
    }

    @Override
    public String labelId() { return labelId; }

    @Override
    public String labelEn() { return labelEn; }
}
