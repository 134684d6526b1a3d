package id.lindungdesa.domain;

/** Stored by name in the database and bundles: never rename a constant, only add. */
public enum Sex implements Labelled {
    L("Laki-laki", "Male"), P("Perempuan", "Female");

    private final String labelId;
    private final String labelEn;

    Sex(String labelId, String labelEn) {
        this.labelId = labelId;
        this.labelEn = labelEn;
    }

    @Override
    public String labelId() { return labelId; }

    @Override
    public String labelEn() { return labelEn; }
}
