package id.lindungdesa.domain;

/** Where an agreement stands on a date. Stored nowhere; part of the CLI JSON contract by name. */
public enum AgreementState implements Labelled {
    NOT_YET("Belum berlaku", "Not yet in force"), IN_FORCE("Berlaku", "In force"), EXPIRED("Berakhir", "Expired");

    private final String labelId;
    private final String labelEn;

    AgreementState(String labelId, String labelEn) {
        this.labelId = labelId;
        this.labelEn = labelEn;
    }

    @Override
    public String labelId() { return labelId; }

    @Override
    public String labelEn() { return labelEn; }
}
