package id.lindungdesa.imports;

import id.lindungdesa.domain.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Post names as offices type them ("Sekdes", "Kaur Keu", "Kasi Pem", "Kadus Sukamaju", "Ketua BPD",
 * "Anggota BPD", "Ketua RT 003", "Plt. Kades"…) to a {@link Position} and, where the post has one, a unit label
 * ("Dusun II", "RT 003 / RW 001"). Text that matches no rule is refused, never guessed.
 */
public final class Posts {

    /** A recognised post. */
    public record Parsed(Position position, String unitLabel) {
    }

    private record Rule(Pattern pattern, Position position) {
    }

    private static final List<Rule> RULES = new ArrayList<>();

    private static void rule(String regex, Position p) {
        RULES.add(new Rule(Pattern.compile("^(?:" + regex + ")$"), p));
    }

    static {
        String kades = "(?:kepala desa|kades|kuwu|kepala kampung|petinggi|kepala desa adat)";
        rule("(?:pj|penjabat|pejabat) " + kades, Position.PJ_KEPALA_DESA);
        rule("plt " + kades + "(?: .*)?", Position.PLT_KEPALA_DESA);
        rule(kades, Position.KEPALA_DESA);
        rule("(?:sekretaris desa|sekdes|sekertaris desa|carik|sekretaris)", Position.SEKRETARIS_DESA);
        rule("kaur (?:tu|tata usaha|tata usaha (?:dan )?umum|tu (?:dan )?umum|umum|tu umum|tuu|umum dan tata usaha)",
                Position.KAUR_TU_UMUM);
        rule("kaur (?:keu|keuangan|keuangan desa)|bendahara desa", Position.KAUR_KEUANGAN);
        rule("kaur (?:ren|perencanaan|perenc|renc|program|perencanaan desa)", Position.KAUR_PERENCANAAN);
        rule("kasi (?:pem|pemerintahan|pemerintah|pemdes|pemerintahan desa|pemtrantib)", Position.KASI_PEMERINTAHAN);
        rule("kasi (?:kesra|kesejahteraan|kesej|kesejahteraan rakyat|kesejahteraan masyarakat)",
                Position.KASI_KESEJAHTERAAN);
        rule("kasi (?:pel|pelayanan|yan|pelayanan masyarakat)", Position.KASI_PELAYANAN);
        rule("(?:ketua|kepala) bpd", Position.BPD_KETUA);
        rule("(?:wakil ketua|waka|wakil) bpd", Position.BPD_WAKIL_KETUA);
        rule("(?:sekretaris|sekertaris|sek) bpd", Position.BPD_SEKRETARIS);
        rule("(?:ketua bidang|kabid|ketua bid)(?: .*)? bpd|bpd ketua bidang(?: .*)?", Position.BPD_KETUA_BIDANG);
        rule("anggota bpd|bpd anggota|anggota badan permusyawaratan desa", Position.BPD_ANGGOTA);
        rule("(?:kepala satuan|kasatlinmas|kasat|ketua|komandan|danton) linmas|kasatlinmas", Position.LINMAS_KEPALA_SATUAN);
        rule("(?:anggota )?linmas|hansip", Position.LINMAS_ANGGOTA);
        rule("kader posyandu|kader|kader kesehatan", Position.KADER_POSYANDU);
        rule("ketua lpm|ketua lpmd", Position.LPM_KETUA);
        rule("sekretaris lpm|sekretaris lpmd", Position.LPM_SEKRETARIS);
        rule("bendahara lpm|bendahara lpmd", Position.LPM_BENDAHARA);
        rule("anggota lpm|anggota lpmd", Position.LPM_ANGGOTA);
    }

    private static final Pattern KADUS = Pattern.compile("^(?:kepala dusun|kadus|kepala kewilayahan|kawil|kolot|"
            + "kepala lingkungan|kaling|jaro|kepala jorong)(?: (.+))?$");
    private static final Pattern RT = Pattern.compile("^(?:ketua )?rt (\\d{1,3})(?: (?:rw )?(\\d{1,3}))?$");
    private static final Pattern RW = Pattern.compile("^(?:ketua )?rw (\\d{1,3})$");

    private Posts() {}

    /** The post named by {@code text}, or empty when nothing matches. {@code unit} comes from a separate column. */
    public static Optional<Parsed> parse(String text, String unit) {
        if (text == null || text.isBlank()) return Optional.empty();
        String n = normalise(text);
        String extraUnit = unit == null || unit.isBlank() ? null : unit.strip();
        Matcher m = KADUS.matcher(n);
        if (m.matches()) {
            String label = extraUnit;
            if (label == null && m.group(1) != null) {
                String rest = text.strip().replaceFirst("(?i)^\\s*(kepala\\s+dusun|kadus\\.?|kepala\\s+kewilayahan|"
                        + "kawil|kolot|kepala\\s+lingkungan|kaling|jaro|kepala\\s+jorong)\\s*", "").strip();
                label = rest.toLowerCase(Locale.ROOT).startsWith("dusun") ? capitalise(rest) : "Dusun " + rest;
            }
            return Optional.of(new Parsed(Position.KEPALA_DUSUN, label));
        }
        m = RT.matcher(n);
        if (m.matches()) {
            String label = String.format("RT %03d", Integer.parseInt(m.group(1)));
            if (m.group(2) != null) label += String.format(" / RW %03d", Integer.parseInt(m.group(2)));
            else if (extraUnit != null) label = extraUnit;
            return Optional.of(new Parsed(Position.KETUA_RT, label));
        }
        if (n.equals("ketua rt")) return Optional.of(new Parsed(Position.KETUA_RT, extraUnit));
        m = RW.matcher(n);
        if (m.matches()) {
            return Optional.of(new Parsed(Position.KETUA_RW, String.format("RW %03d", Integer.parseInt(m.group(1)))));
        }
        if (n.equals("ketua rw")) return Optional.of(new Parsed(Position.KETUA_RW, extraUnit));
        for (Rule r : RULES) {
            if (r.pattern().matcher(n).matches()) return Optional.of(new Parsed(r.position(), extraUnit));
        }
        for (Position p : Position.values()) {
            if (normalise(p.labelId()).equals(n) || normalise(p.labelEn()).equals(n)
                    || p.name().toLowerCase(Locale.ROOT).replace('_', ' ').equals(n)) {
                return Optional.of(new Parsed(p, extraUnit));
            }
        }
        return Optional.empty();
    }

    static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replace("&", " dan ").replaceAll("[^\\p{L}\\p{N}]+", " ")
                .replaceAll("\\s+", " ").strip();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
