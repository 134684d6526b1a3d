package id.lindungdesa.bench;

import id.lindungdesa.imports.Dates;
import id.lindungdesa.domain.Nik;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.RegionLevel;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.domain.VillageType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Generates a roster spreadsheet the way offices make them (a title block with merged cells above an Indonesian
 * header, abbreviated post names, "Desa " prefixes, mixed date forms, programme lists, rupiah wages), for the
 * import benchmark and tests. Deterministic for a seed.
 */
public final class SampleRoster {
    private static final String[] POSTS = {"Kepala Desa", "Sekdes", "Kaur TU dan Umum", "Kaur Keu", "Kaur Ren",
        "Kasi Pem", "Kasi Kesra", "Kasi Pelayanan", "Kadus I", "Kadus II", "Ketua BPD", "Wakil Ketua BPD",
        "Sekretaris BPD", "Anggota BPD", "Ketua RT 001", "Ketua RT 002", "Ketua RW 001", "Linmas", "Kader Posyandu"};
    private static final String[] NAMES = {"Ahmad", "Budi", "Dedi", "Eko", "Siti", "Nur", "Dewi", "Asep", "Ujang",
        "Lilis", "Euis", "Rina", "Hendra", "Iwan", "Joko", "Yayan", "Rudi", "Tati", "Imas", "Cecep"};
    private static final String[] FAMILY = {"Hidayat", "Saputra", "Setiawan", "Gunawan", "Permana", "Kurniawan",
        "Suryana", "Nugraha", "Rahayu", "Susanti", "Wijaya", "Maulana"};
    private static final String[] MONTHS = {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
        "Agustus", "September", "Oktober", "November", "Desember"};

    private SampleRoster() {}

    /** A synthetic district {@code district} (PP.KK): {@code kecamatan} subdistricts of {@code villages} desa each. */
    public static List<Region> regions(String district, int kecamatan, int villages) {
        List<Region> out = new ArrayList<>();
        String province = district.substring(0, 2);
        out.add(new Region(province, "Provinsi Contoh", RegionLevel.PROVINCE, null, null, true));
        out.add(new Region(district, "Kabupaten Contoh", RegionLevel.REGENCY, null, province, true));
        for (int k = 1; k <= kecamatan; k++) {
            String kc = district + String.format(".%02d", k);
            out.add(new Region(kc, "Kecamatan" + k, RegionLevel.SUBDISTRICT, null, district, true));
            for (int v = 1; v <= villages; v++) {
                out.add(new Region(kc + String.format(".2%03d", v), villageName(k, v), RegionLevel.VILLAGE,
                        VillageType.DESA, kc, true));
            }
        }
        return out;
    }

    static String villageName(int k, int v) {
        String[] a = {"Suka", "Mekar", "Sinar", "Tegal", "Karang", "Bojong", "Pasir", "Cipta", "Sindang", "Tanjung"};
        String[] b = {"maju", "jaya", "sari", "mulya", "asih", "wangi", "harja", "makmur", "indah", "rahayu"};
        return a[(k + v) % a.length] + b[(v / a.length + k) % b.length] + " " + toRoman(k) + "-" + v;
    }

    private static String toRoman(int n) {
        String[] r = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};
        return n < r.length ? r[n] : String.valueOf(n);
    }

    /** Writes {@code rows} data rows for the villages in {@code regions}. */
    public static void writeXlsx(Path file, List<Region> regions, int rows, long seed) throws IOException {
        Random rnd = new Random(seed);
        List<Region> villages = regions.stream().filter(r -> r.level() == RegionLevel.VILLAGE).toList();
        java.util.Map<String, String> kecNames = new java.util.HashMap<>();
        for (Region r : regions) if (r.level() == RegionLevel.SUBDISTRICT) kecNames.put(r.code(), r.name());
        try (OutputStream os = Files.newOutputStream(file); Workbook wb = new Workbook(os, "LindungDesa", "1.0")) {
            Worksheet s = wb.newWorksheet("Aparat Desa");
            s.value(0, 0, "DAFTAR APARAT DESA PESERTA BPJS KETENAGAKERJAAN");
            s.range(0, 0, 0, 12).merge();
            s.value(1, 0, "KABUPATEN CONTOH TAHUN 2025");
            s.range(1, 0, 1, 12).merge();
            String[] head = {"No", "Nama Lengkap", "No. KTP", "L/P", "Tempat/Tgl Lahir", "Jabatan", "Desa",
                "Kecamatan", "No SK", "Tgl SK", "No KPJ", "Program", "Upah (Rp)", "Sumber Dana", "Status Kepesertaan"};
            for (int i = 0; i < head.length; i++) s.value(3, i, head[i]);
            for (int i = 0; i < rows; i++) {
                int r = 4 + i;
                Region v = villages.get(i % villages.size());
                Sex sex = rnd.nextInt(4) == 0 ? Sex.P : Sex.L;
                // Birth date and serial from the row number: every NIK of the file is different.
                LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(i % 14_600);
                String prefix = v.parentCode().replace(".", "");
                String nik = Nik.compose(prefix, birth, sex, i / 14_600 + 1);
                String name = NAMES[rnd.nextInt(NAMES.length)] + " " + FAMILY[rnd.nextInt(FAMILY.length)] + " " + i;
                String post = POSTS[(i / villages.size()) % POSTS.length];
                LocalDate sk = LocalDate.of(2018 + rnd.nextInt(7), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
                s.value(r, 0, i + 1);
                s.value(r, 1, name);
                s.inlineString(r, 2, nik);
                s.value(r, 3, sex.name());
                s.value(r, 4, "Serang, " + birth.getDayOfMonth() + " " + MONTHS[birth.getMonthValue() - 1] + " "
                        + birth.getYear());
                s.value(r, 5, post);
                s.value(r, 6, (i % 3 == 0 ? "Desa " : "") + (i % 5 == 0 ? v.name().toUpperCase() : v.name()));
                s.value(r, 7, kecNames.get(v.parentCode()));
                s.value(r, 8, "141/" + (100 + i % 900) + "/Kep.Des/" + sk.getYear());
                switch (i % 3) {
                    case 0 -> s.value(r, 9, Dates.toSerial(sk));
                    case 1 -> s.value(r, 9, String.format("%02d-%02d-%d", sk.getDayOfMonth(), sk.getMonthValue(),
                            sk.getYear()));
                    default -> s.value(r, 9, String.format("%02d/%02d/%d", sk.getDayOfMonth(), sk.getMonthValue(),
                            sk.getYear()));
                }
                if (i % 4 != 3) {
                    s.inlineString(r, 10, String.format("%011d", 10_000_000_000L + i));
                    s.value(r, 11, i % 10 == 0 ? "JKK, JKM, JHT" : "JKK, JKM");
                    s.value(r, 12, post.contains("BPD") || post.contains("RT") || post.contains("RW")
                            || post.contains("Linmas") || post.contains("Kader") ? 1_000_000 : 2_022_200);
                    s.value(r, 13, i % 2 == 0 ? "APBD" : "APBDes");
                    s.value(r, 14, "Aktif");
                }
            }
        }
    }
}
