package id.lindungdesa.domain;

/** Stored by name in the database and bundles: never rename a constant, only add. */
public enum OfficeLevel implements Labelled {
    DISTRICT("Kabupaten/Kota", "District"), SUBDISTRICT("Kecamatan", "Sub-district"), PROVINCE("Provinsi", "Province"),
    /** Kemendagri: trusts district keys of every province (issue 14); its region code is {@link #NATIONAL_CODE}. */
    NATIONAL("Nasional", "National");

    /** The region code of the national office. */
    public static final String NATIONAL_CODE = "00";

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

    /** A province or the national office: holds other offices' data, imported from their bundles. */
    public boolean receivesBundles() {
        return this == PROVINCE || this == NATIONAL;
    }

    /** Whether a district (or other office) with region {@code code} lies within an office of this level and code. */
    public boolean covers(String officeCode, String code) {
        return this == NATIONAL || Region.within(code, officeCode);
    }
}
