package id.lindungdesa.imports;

import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.RegionLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Village names to region codes. Names are compared without case, spaces, punctuation and a leading
 * "Desa"/"Kelurahan"/"Ds."/"Kel." ("DESA  Suka Maju" = "Sukamaju"). A name found in several kecamatan needs the
 * kecamatan column. A name not found may have one close match (a typo): it is OFFERED to the user, never taken
 * silently; the user confirms it in the wizard or in the mapping file.
 */
public final class VillageMatcher {

    /** Outcome of a lookup: a code, or a reason with an optional suggestion. */
    public record Match(String code, String problemKey, Region suggestion, List<String> candidates) {
        public boolean found() {
            return code != null;
        }
    }

    private final Map<String, Region> byCode = new HashMap<>();
    private final Map<String, List<Region>> byName = new HashMap<>();
    private final Map<String, String> kecamatanNames = new HashMap<>();
    private final Map<String, String> confirmed = new HashMap<>();
    private final Map<String, Match> cache = new HashMap<>();

    /** @param regions active and retired regions (villages and kecamatan) the import may use */
    public VillageMatcher(List<Region> regions, Map<String, String> confirmedNames) {
        for (Region r : regions) {
            if (r.level() == RegionLevel.SUBDISTRICT) kecamatanNames.put(r.code(), key(r.name()));
        }
        for (Region r : regions) {
            if (r.level() != RegionLevel.VILLAGE || !r.active()) continue;
            byCode.put(r.code(), r);
            byName.computeIfAbsent(key(r.name()), k -> new ArrayList<>()).add(r);
        }
        confirmedNames.forEach((name, code) -> confirmed.put(key(name), code));
    }

    public boolean isEmpty() {
        return byCode.isEmpty();
    }

    public Region region(String code) {
        return byCode.get(code);
    }

    /** Normalised name: "Desa Suka-Maju " → "sukamaju". */
    public static String key(String name) {
        if (name == null) return "";
        String s = name.toLowerCase(Locale.ROOT).strip();
        s = s.replaceFirst("^(desa adat|desa|ds|kelurahan|kel|kampung|kecamatan|kec)(\\.|\\s)+", "");
        return s.replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    public Match find(String villageText, String kecamatanText, String codeText) {
        if (codeText != null && !codeText.isBlank()) {
            String c = codeText.strip();
            if (c.matches("\\d{10}")) {
                c = c.substring(0, 2) + "." + c.substring(2, 4) + "." + c.substring(4, 6) + "." + c.substring(6);
            }
            if (byCode.containsKey(c)) return new Match(c, null, null, List.of());
            if (villageText == null || villageText.isBlank()) {
                return new Match(null, "import.village.codeUnknown", null, List.of(c));
            }
        }
        String v = key(villageText);
        String k = key(kecamatanText);
        if (v.isEmpty()) return new Match(null, "import.village.empty", null, List.of());
        return cache.computeIfAbsent(v + "|" + k, x -> lookup(v, k, villageText.strip()));
    }

    private Match lookup(String v, String k, String raw) {
        String conf = confirmed.get(v);
        if (conf != null && byCode.containsKey(conf)) return new Match(conf, null, null, List.of());
        List<Region> exact = inKecamatan(byName.getOrDefault(v, List.of()), k);
        if (exact.size() == 1) return new Match(exact.getFirst().code(), null, null, List.of());
        if (exact.size() > 1) {
            return new Match(null, "import.village.ambiguous", null,
                    exact.stream().map(r -> r.name() + " (" + r.code() + ")").toList());
        }
        // Not found: look for one close match (edit distance ≤ 1, or ≤ 2 for longer names) to offer.
        int limit = v.length() >= 8 ? 2 : 1;
        List<Region> close = new ArrayList<>();
        for (var e : byName.entrySet()) {
            if (Math.abs(e.getKey().length() - v.length()) > limit) continue;
            if (distance(e.getKey(), v, limit) <= limit) close.addAll(inKecamatan(e.getValue(), k));
        }
        if (close.size() == 1) return new Match(null, "import.village.suggest", close.getFirst(), List.of(raw));
        return new Match(null, "import.village.unknown", null, List.of(raw));
    }

    private List<Region> inKecamatan(List<Region> rs, String k) {
        if (k.isEmpty() || rs.isEmpty()) return rs;
        List<Region> out = new ArrayList<>();
        for (Region r : rs) {
            String kn = kecamatanNames.get(r.parentCode());
            if (kn == null || kn.equals(k)) out.add(r);
        }
        return out.isEmpty() ? rs : out;
    }

    /** Levenshtein distance, stopping early once it exceeds {@code limit}. */
    static int distance(String a, String b, int limit) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > limit) return limit + 1;
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
