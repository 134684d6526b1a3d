package id.lindungdesa.domain;

/** Categories of people protected, per village (domain.md "Who is protected"). */
public enum Category implements Labelled {
    KEPALA_DESA("kepala_desa", "Kepala Desa", "Village head"),
    PERANGKAT_DESA("perangkat_desa", "Perangkat Desa", "Village officials"),
    BPD("bpd", "BPD", "Village council (BPD)"),
    RT_RW("rt_rw", "Ketua RT/RW", "RT/RW heads"),
    LINMAS("linmas", "Linmas", "Community protection (Linmas)"),
    KADER_POSYANDU("kader_posyandu", "Kader Posyandu", "Posyandu cadres"),
    LPM("lpm", "LPM", "Community empowerment board (LPM)");

    private final String key;
    private final String labelId;
    private final String labelEn;

    Category(String key, String labelId, String labelEn) {
        this.key = key;
        this.labelId = labelId;
        this.labelEn = labelEn;
    }

    /** Stable JSON key (snake case), part of the CLI and bundle contract. */
    public String key() { return key; }

    @Override
    public String labelId() { return labelId; }

    @Override
    public String labelEn() { return labelEn; }

    public static Category fromKey(String key) {
        for (Category c : values()) {
            if (c.key.equalsIgnoreCase(key) || c.name().equalsIgnoreCase(key)) return c;
        }
        throw new IllegalArgumentException("Unknown category: " + key);
    }
}
