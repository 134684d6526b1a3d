package id.lindungdesa.imports;

import id.lindungdesa.domain.Labelled;

/** How a row of the file compares with the database. */
public enum RowClass implements Labelled {
    NEW("Baru", "New"), CHANGED("Berubah", "Changed"), UNCHANGED("Tidak berubah", "Unchanged"),
    REFUSED("Ditolak", "Refused");

    private final String labelId;
    private final String labelEn;

    RowClass(String labelId, String labelEn) {
        this.labelId = labelId;
        this.labelEn = labelEn;
    }

    @Override
    public String labelId() { return labelId; }

    @Override
    public String labelEn() { return labelEn; }
}
