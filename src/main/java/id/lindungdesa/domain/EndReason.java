package id.lindungdesa.domain;

/** Stored by name in the database and bundles: never rename a constant, only add. */
public enum EndReason implements Labelled {
    TERM_ENDED("Masa jabatan berakhir", "Term ended"), RESIGNED("Mengundurkan diri", "Resigned"), DIED("Meninggal dunia", "Died"), DISMISSED("Diberhentikan", "Dismissed"), AGE_60("Usia 60 tahun", "Reached age 60"), OTHER("Lainnya", "Other");

    private final String labelId;
    private final String labelEn;

    EndReason(String labelId, String labelEn) {
        this.labelId = labelId;
        this.labelEn = labelEn;
    }

    @Override
    public String labelId() { return labelId; }

    @Override
    public String labelEn() { return labelEn; }
}
