package id.lindungdesa.domain;

/** Stored by name in the database and bundles: never rename a constant, only add. */
public enum EnrolmentState implements Labelled {
    REGISTERED("Terdaftar", "Registered"), ACTIVE("Aktif", "Active"), LAPSED("Menunggak/Nonaktif", "Lapsed"), ENDED("Berhenti", "Ended");

    private final String labelId;
    private final String labelEn;

    EnrolmentState(String labelId, String labelEn) {
        this.labelId = labelId;
        this.labelEn = labelEn;
    }

    @Override
    public String labelId() { return labelId; }

    @Override
    public String labelEn() { return labelEn; }
}
