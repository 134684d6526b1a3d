package id.lindungdesa.domain;

/** A Kemendagri region code with its name; retired codes stay with active=false. */
public record Region(String code, String name, RegionLevel level, VillageType villageType, String parentCode,
                     boolean active) {

    /** Level from the number of dot-separated parts of a code (PP, PP.KK, PP.KK.CC, PP.KK.CC.NNNN). */
    public static RegionLevel levelOf(String code) {
        int parts = code.split("\\.").length;
        return switch (parts) {
            case 1 -> RegionLevel.PROVINCE;
            case 2 -> RegionLevel.REGENCY;
            case 3 -> RegionLevel.SUBDISTRICT;
            case 4 -> RegionLevel.VILLAGE;
            default -> throw new IllegalArgumentException("Not a region code: " + code);
        };
    }

    /** For a village code, its type from the first digit of NNNN; null otherwise. */
    public static VillageType villageTypeOf(String code) {
        if (levelOf(code) != RegionLevel.VILLAGE) return null;
        char d = code.charAt(code.lastIndexOf('.') + 1);
        return switch (d) {
            case '1' -> VillageType.KELURAHAN;
            case '2' -> VillageType.DESA;
            case '3' -> VillageType.DESA_ADAT;
            default -> VillageType.DESA;
        };
    }

    public static String parentOf(String code) {
        int i = code.lastIndexOf('.');
        return i < 0 ? null : code.substring(0, i);
    }

    /** True when {@code code} is {@code ancestor} itself or lies inside it. */
    public static boolean within(String code, String ancestor) {
        return ancestor == null || ancestor.isEmpty() || code.equals(ancestor) || code.startsWith(ancestor + ".");
    }

    private static final java.util.regex.Pattern CODE =
            java.util.regex.Pattern.compile("^\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?$");

    public static boolean isValidCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }
}
