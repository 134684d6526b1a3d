package id.lindungdesa.imports;

import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.RegionLevel;
import id.lindungdesa.domain.VillageType;
import id.lindungdesa.wiring.Services;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Test spreadsheets, written with the fastexcel writer the way offices lay them out. */
public final class Sheets {
    private Sheets() {}

    /** A number Excel stored (e.g. a NIK that became 3.60405E+15). */
    public record Num(Number value) {
    }

    /** A date cell (Excel serial with a date format). */
    public record Day(LocalDate value) {
    }

    /**
     * Writes one sheet: {@code titles} rows (each merged over the header's width), an empty row, the header, then
     * the rows. Strings are written as text, {@link Num} as numbers, {@link Day} as date-formatted serials.
     */
    public static Path xlsx(Path file, String sheet, List<String> titles, List<String> header, List<List<Object>> rows)
            throws IOException {
        try (OutputStream os = Files.newOutputStream(file); Workbook wb = new Workbook(os, "test", "1.0")) {
            Worksheet s = wb.newWorksheet(sheet);
            int r = 0;
            for (String t : titles) {
                s.value(r, 0, t);
                s.range(r, 0, r, header.size() - 1).merge();
                r++;
            }
            if (!titles.isEmpty()) r++;
            for (int i = 0; i < header.size(); i++) s.value(r, i, header.get(i));
            r++;
            for (List<Object> row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    Object v = row.get(i);
                    switch (v) {
                        case null -> { }
                        case Num n -> s.value(r, i, n.value());
                        case Day d -> {
                            s.value(r, i, d.value());
                            s.style(r, i).format("dd/mm/yyyy").set();
                        }
                        default -> s.inlineString(r, i, v.toString());
                    }
                }
                r++;
            }
        }
        return file;
    }

    /** A small district: two kecamatan, a village name found in both, a kelurahan. */
    public static List<Region> regions() {
        return List.of(
                new Region("36", "Banten", RegionLevel.PROVINCE, null, null, true),
                new Region("36.04", "Kabupaten Serang", RegionLevel.REGENCY, null, "36", true),
                new Region("36.04.01", "Cikande", RegionLevel.SUBDISTRICT, null, "36.04", true),
                new Region("36.04.01.2001", "Sukamaju", RegionLevel.VILLAGE, VillageType.DESA, "36.04.01", true),
                new Region("36.04.01.2002", "Mekarsari", RegionLevel.VILLAGE, VillageType.DESA, "36.04.01", true),
                new Region("36.04.02", "Kibin", RegionLevel.SUBDISTRICT, null, "36.04", true),
                new Region("36.04.02.2001", "Sukamaju", RegionLevel.VILLAGE, VillageType.DESA, "36.04.02", true),
                new Region("36.04.02.2002", "Tegal Wangi", RegionLevel.VILLAGE, VillageType.DESA, "36.04.02", true),
                new Region("36.04.02.1001", "Kota Baru", RegionLevel.VILLAGE, VillageType.KELURAHAN, "36.04.02",
                        true));
    }

    /** Sets up the office (Kabupaten Serang) and the regions above. */
    public static void district(Services s) {
        s.office().init(OfficeLevel.DISTRICT, "36.04", "DPMD Kabupaten Serang", "Budi Santoso");
        s.regions().addSynthetic(regions(), "test");
    }
}
