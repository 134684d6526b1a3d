package id.lindungdesa.domain;

/** One change an addendum makes to what an agreement covers. */
public record AddendumChange(Kind kind, CoverageTerm term) {

    /** Stored by name: never rename, only add. */
    public enum Kind implements Labelled {
        ADD("Menambah", "Adds"), CHANGE("Mengubah", "Changes"), REMOVE("Mencabut", "Removes");

        private final String labelId;
        private final String labelEn;

        Kind(String labelId, String labelEn) {
            this.labelId = labelId;
            this.labelEn = labelEn;
        }

        @Override
        public String labelId() { return labelId; }

        @Override
        public String labelEn() { return labelEn; }
    }
}
