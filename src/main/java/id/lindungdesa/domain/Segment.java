package id.lindungdesa.domain;

/** Stored by name in the database and bundles: never rename a constant, only add. */
public enum Segment implements Labelled {
    PU("Penerima Upah", "Wage earner"), BPU("Bukan Penerima Upah", "Non-wage earner");

    private final String labelId;
    private final String labelEn;

    Segment(String labelId, String labelEn) {
        this.labelId = labelId;
        this.labelEn = labelEn;
    }

    @Override
    public String labelId() { return labelId; }

    @Override
    public String labelEn() { return labelEn; }
}
