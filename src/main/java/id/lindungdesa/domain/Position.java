package id.lindungdesa.domain;

/**
 * Posts per category (UU 3/2024, Permendagri 84/2015 SOTK, Permendagri 110/2016 BPD, lembaga kemasyarakatan).
 * The enum names are stored in the database and bundles: never rename, only add.
 */
public enum Position implements Labelled {
    KEPALA_DESA(Category.KEPALA_DESA, "Kepala Desa", "Village head", false),
    PJ_KEPALA_DESA(Category.KEPALA_DESA, "Pj. Kepala Desa", "Acting village head (Pj)", true),
    PLT_KEPALA_DESA(Category.KEPALA_DESA, "Plt. Kepala Desa", "Temporary village head (Plt)", true),

    SEKRETARIS_DESA(Category.PERANGKAT_DESA, "Sekretaris Desa", "Village secretary", false),
    KAUR_TU_UMUM(Category.PERANGKAT_DESA, "Kaur Tata Usaha dan Umum", "Head of administration", false),
    KAUR_KEUANGAN(Category.PERANGKAT_DESA, "Kaur Keuangan", "Head of finance", false),
    KAUR_PERENCANAAN(Category.PERANGKAT_DESA, "Kaur Perencanaan", "Head of planning", false),
    KASI_PEMERINTAHAN(Category.PERANGKAT_DESA, "Kasi Pemerintahan", "Head of government section", false),
    KASI_KESEJAHTERAAN(Category.PERANGKAT_DESA, "Kasi Kesejahteraan", "Head of welfare section", false),
    KASI_PELAYANAN(Category.PERANGKAT_DESA, "Kasi Pelayanan", "Head of services section", false),
    KEPALA_DUSUN(Category.PERANGKAT_DESA, "Kepala Dusun", "Hamlet head", false),

    BPD_KETUA(Category.BPD, "Ketua BPD", "BPD chair", false),
    BPD_WAKIL_KETUA(Category.BPD, "Wakil Ketua BPD", "BPD vice chair", false),
    BPD_SEKRETARIS(Category.BPD, "Sekretaris BPD", "BPD secretary", false),
    BPD_KETUA_BIDANG(Category.BPD, "Ketua Bidang BPD", "BPD division head", false),
    BPD_ANGGOTA(Category.BPD, "Anggota BPD", "BPD member", false),

    KETUA_RT(Category.RT_RW, "Ketua RT", "RT head", false),
    KETUA_RW(Category.RT_RW, "Ketua RW", "RW head", false),

    LINMAS_KEPALA_SATUAN(Category.LINMAS, "Kepala Satuan Linmas", "Linmas unit head", false),
    LINMAS_ANGGOTA(Category.LINMAS, "Anggota Linmas", "Linmas member", false),

    KADER_POSYANDU(Category.KADER_POSYANDU, "Kader Posyandu", "Posyandu cadre", false),

    LPM_KETUA(Category.LPM, "Ketua LPM", "LPM chair", false),
    LPM_SEKRETARIS(Category.LPM, "Sekretaris LPM", "LPM secretary", false),
    LPM_BENDAHARA(Category.LPM, "Bendahara LPM", "LPM treasurer", false),
    LPM_ANGGOTA(Category.LPM, "Anggota LPM", "LPM member", false);

    private final Category category;
    private final String labelId;
    private final String labelEn;
    private final boolean acting;

    Position(Category category, String labelId, String labelEn, boolean acting) {
        this.category = category;
        this.labelId = labelId;
        this.labelEn = labelEn;
        this.acting = acting;
    }

    public Category category() { return category; }

    @Override
    public String labelId() { return labelId; }

    @Override
    public String labelEn() { return labelEn; }

    /** Pj / Plt: an acting or temporary post, often held next to another post. */
    public boolean acting() { return acting; }

    /** Usual term in years, or 0 when the term is set by the decree (perangkat serve until 60). */
    public int usualTermYears() {
        return switch (category) {
            case KEPALA_DESA -> acting ? 0 : 8;
            case BPD -> 8;
            case RT_RW -> 5;
            case LPM -> 5;
            default -> 0;
        };
    }

    public static Position parse(String s) {
        return Position.valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
