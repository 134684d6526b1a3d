package id.lindungdesa.domain;

/** Stored by name in the database and bundles: never rename a constant, only add. */
public enum Programme implements Labelled {
    JKK("Jaminan Kecelakaan Kerja", "Work accident"), JKM("Jaminan Kematian", "Death"), JHT("Jaminan Hari Tua", "Old-age savings"), JP("Jaminan Pensiun", "Pension");

    private final String labelId;
    private final String labelEn;

    Programme(String labelId, String labelEn) {
        this.labelId = labelId;
        this.labelEn = labelEn;
    }

    @Override
    public String labelId() { return labelId; }

    @Override
    public String labelEn() { return labelEn; }
}
