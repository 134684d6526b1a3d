package id.lindungdesa.imports;

import id.lindungdesa.domain.Labelled;
import java.util.List;
import java.util.Locale;

/**
 * What a column of a roster spreadsheet can hold, with the header texts offices use (Indonesian and English,
 * compared after {@link #normalise}: lower case, punctuation as spaces). One file can carry a person, the post and
 * the enrolment. Names are stable: they are the keys of a saved mapping file.
 */
public enum Field implements Labelled {
    NIK("NIK", "NIK", "nik", "no ktp", "nomor ktp", "no nik", "nomor nik", "nik ktp", "nomor induk kependudukan",
            "no induk kependudukan", "ktp", "id number", "national id", "national id number"),
    NAME("Nama", "Name", "nama", "nama lengkap", "nama aparat", "nama pejabat", "nama perangkat", "nama peserta",
            "name", "full name"),
    SEX("Jenis kelamin", "Sex", "jenis kelamin", "jk", "l p", "lp", "kelamin", "sex", "gender"),
    BIRTH_PLACE("Tempat lahir", "Place of birth", "tempat lahir", "tmp lahir", "place of birth", "birth place",
            "birthplace"),
    BIRTH_DATE("Tanggal lahir", "Date of birth", "tanggal lahir", "tgl lahir", "tgl lhr", "tanggal lhr",
            "date of birth", "birth date", "birthdate", "dob"),
    BIRTH_PLACE_DATE("Tempat/Tgl lahir", "Place/date of birth", "tempat tgl lahir", "tempat tanggal lahir",
            "tempat dan tanggal lahir", "tempat tgl lhr", "tmp tgl lahir", "ttl", "place and date of birth",
            "place date of birth"),
    POSITION("Jabatan", "Post", "jabatan", "nama jabatan", "jabatan dalam pemerintahan desa", "jabatan di desa",
            "position", "post", "job title"),
    UNIT("Dusun / RT / unit", "Hamlet / RT / unit", "dusun", "nama dusun", "wilayah kerja", "unit", "rt rw",
            "unit wilayah", "dusun rt unit", "hamlet rt unit",
            "hamlet"),
    VILLAGE("Desa/Kelurahan", "Village", "desa", "kelurahan", "desa kelurahan", "desa kel", "nama desa",
            "nama desa kelurahan", "village", "village name"),
    VILLAGE_CODE("Kode desa", "Village code", "kode desa", "kode wilayah", "kode desa kelurahan",
            "kode kemendagri", "village code", "region code"),
    KECAMATAN("Kecamatan", "Subdistrict", "kecamatan", "kec", "nama kecamatan", "subdistrict", "sub district"),
    SK_NUMBER("No SK", "Decree number", "no sk", "nomor sk", "no sk pengangkatan", "nomor sk pengangkatan",
            "sk", "sk number", "decree number", "decree no"),
    SK_DATE("Tgl SK", "Decree date", "tgl sk", "tanggal sk", "tgl sk pengangkatan", "tanggal sk pengangkatan",
            "sk date", "decree date"),
    START_DATE("TMT jabatan", "Start date", "tmt", "tmt jabatan", "tanggal mulai", "tgl mulai", "mulai menjabat",
            "tanggal pelantikan", "tgl pelantikan", "tanggal dilantik", "start date", "in office since"),
    KPJ("No KPJ", "KPJ number", "no kpj", "kpj", "nomor kpj", "no peserta", "nomor peserta", "no kartu peserta",
            "nomor kartu peserta", "no kartu", "participant number", "kpj number"),
    SEGMENT("Segmen", "Segment", "segmen", "segmen peserta", "jenis kepesertaan", "segment", "pu bpu"),
    PROGRAMMES("Program", "Programmes", "program", "program bpjs", "program jaminan", "jenis program",
            "program kepesertaan", "programme", "programmes", "programs"),
    JKK("JKK", "JKK", "jkk"),
    JKM("JKM", "JKM", "jkm"),
    JHT("JHT", "JHT", "jht"),
    JP("JP", "JP", "jp"),
    WAGE("Upah / Siltap", "Wage base", "upah", "siltap", "dasar upah", "upah dilaporkan", "upah yang dilaporkan",
            "penghasilan", "penghasilan tetap", "gaji", "wage", "wage base", "income"),
    FUNDING("Sumber dana", "Funding source", "sumber dana", "sumber anggaran", "sumber pembiayaan", "dibayar oleh",
            "funding", "funding source", "paid by"),
    STATUS("Status kepesertaan", "Enrolment status", "status kepesertaan", "status peserta", "status bpjs",
            "status", "enrolment status", "enrollment status"),
    STATUS_DATE("Tgl kepesertaan", "Enrolment date", "tgl kepesertaan", "tanggal kepesertaan", "tmt kepesertaan",
            "tgl aktif", "tanggal aktif", "tgl terdaftar", "tanggal terdaftar", "enrolment date", "enrollment date"),
    PHONE("No HP", "Phone", "no hp", "nomor hp", "no telp", "no telepon", "telepon", "hp", "no wa", "phone"),
    NKK("No KK", "Family card", "no kk", "nomor kk", "nkk", "family card", "family card number"),
    EMPLOYMENT("Status kepegawaian", "Employment status", "status kepegawaian", "status pegawai", "asn non asn",
            "employment status");

    private final String labelId;
    private final String labelEn;
    private final List<String> aliases;

    Field(String labelId, String labelEn, String... aliases) {
        this.labelId = labelId;
        this.labelEn = labelEn;
        this.aliases = List.of(aliases);
    }

    @Override
    public String labelId() { return labelId; }

    @Override
    public String labelEn() { return labelEn; }

    public List<String> aliases() { return aliases; }

    /** Header text compared without case and punctuation: "Tempat/Tgl. Lahir" → "tempat tgl lahir". */
    public static String normalise(String header) {
        if (header == null) return "";
        String s = header.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        // "No. KTP" and "Nomor KTP" are common; so are trailing units like "(Rp)".
        s = s.replaceAll("\\brp\\b", "").replaceAll("\\s+", " ").strip();
        return s;
    }

    /** The field a header names, or null. */
    public static Field recognise(String header) {
        String n = normalise(header);
        if (n.isEmpty()) return null;
        for (Field f : values()) if (f.aliases.contains(n)) return f;
        return null;
    }
}
