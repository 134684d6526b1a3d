package id.lindungdesa.imports;

import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.Labelled;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Segment;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.domain.Money;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The small normalisers: sex, money, programmes, funding, status, segment, employment, yes/no. */
public final class Values {
    private Values() {}

    static String key(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    public static Optional<Sex> sex(String s) {
        Optional<Sex> labelled = byLabel(Sex.values(), s);
        if (labelled.isPresent()) return labelled;
        return switch (key(s)) {
            case "l", "lk", "laki laki", "laki", "pria", "male", "m" -> Optional.of(Sex.L);
            case "p", "pr", "perempuan", "wanita", "female", "f", "w" -> Optional.of(Sex.P);
            default -> Optional.empty();
        };
    }

    /**
     * Whole rupiah from "Rp 2.022.200", "2,022,200", "2022200" or a numeric cell, read by {@link Money}; empty when
     * not money.
     */
    public static Optional<Long> rupiah(RawCell cell) {
        if (cell.blank()) return Optional.empty();
        String s = cell.text().strip();
        try {
            if (cell.numeric()) return Optional.of(Money.of(new BigDecimal(s)).rupiah());
            return Optional.of(Money.parse(s).rupiah());
        } catch (NumberFormatException e) { // Money.NotMoneyException too
            return Optional.empty();
        }
    }

    /** "JKK, JKM", "JKK+JKM+JHT", "JKK/JKM", "2 program" (= JKK and JKM); empty when no programme is named. */
    public static Optional<Set<Programme>> programmes(String s) {
        String k = key(s);
        if (k.isEmpty()) return Optional.empty();
        EnumSet<Programme> out = EnumSet.noneOf(Programme.class);
        for (String t : k.split(" ")) {
            switch (t) {
                case "jkk" -> out.add(Programme.JKK);
                case "jkm" -> out.add(Programme.JKM);
                case "jht" -> out.add(Programme.JHT);
                case "jp", "jpn" -> out.add(Programme.JP);
                default -> { }
            }
        }
        if (out.isEmpty() && k.matches("2 program(me)?")) out.addAll(EnumSet.of(Programme.JKK, Programme.JKM));
        if (out.isEmpty() && k.matches("3 program(me)?")) out.addAll(EnumSet.of(Programme.JKK, Programme.JKM, Programme.JHT));
        if (out.isEmpty() && k.matches("4 program(me)?")) out.addAll(EnumSet.allOf(Programme.class));
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    /** A yes/no cell (separate programme columns): empty when neither. */
    public static Optional<Boolean> yes(String s) {
        if (s != null && (s.strip().equals("\u2713") || s.strip().equals("\u2714"))) return Optional.of(true);
        return switch (key(s)) {
            case "ya", "y", "yes", "v", "x", "1", "ada", "true", "benar", "iya", "ikut", "aktif" -> Optional.of(true);
            case "tidak", "t", "n", "no", "0", "false", "tdk", "-", "" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    public static Optional<FundingSource> funding(String s) {
        Optional<FundingSource> labelled = byLabel(FundingSource.values(), s);
        if (labelled.isPresent()) return labelled;
        return switch (key(s)) {
            case "apbd", "apbd kabupaten", "apbd kab", "apbd kota", "district budget" -> Optional.of(FundingSource.APBD);
            case "apbdes", "apb desa", "apbdesa", "add", "alokasi dana desa", "village budget" ->
                    Optional.of(FundingSource.APBDES);
            case "dana desa", "dd", "village fund" -> Optional.of(FundingSource.DANA_DESA);
            case "mandiri", "sendiri", "pribadi", "self", "self paid", "bayar sendiri" -> Optional.of(FundingSource.SELF);
            default -> Optional.empty();
        };
    }

    /**
     * The texts the roster export writes for a post with no enrolment ("Belum terdaftar", "Not registered", from
     * {@code report.state.none}): the row says nothing about an enrolment.
     */
    public static boolean notEnrolled(String s) {
        return switch (key(s)) {
            case "belum terdaftar", "not registered", "belum", "tidak terdaftar", "belum didaftarkan" -> true;
            default -> false;
        };
    }

    /** A constant named by its Indonesian or English label or its name ("Menunggak/Nonaktif", "NON_ASN"). */
    static <E extends Enum<E> & Labelled> Optional<E> byLabel(E[] values, String s) {
        String k = key(s);
        if (k.isEmpty()) return Optional.empty();
        for (E e : values) {
            if (k.equals(key(e.labelId())) || k.equals(key(e.labelEn())) || k.equals(key(e.name()))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public static Optional<EnrolmentState> status(String s) {
        Optional<EnrolmentState> labelled = byLabel(EnrolmentState.values(), s);
        if (labelled.isPresent()) return labelled;
        return switch (key(s)) {
            case "aktif", "active", "ya" -> Optional.of(EnrolmentState.ACTIVE);
            case "terdaftar", "registered", "proses", "didaftarkan", "baru" -> Optional.of(EnrolmentState.REGISTERED);
            case "nonaktif", "non aktif", "tidak aktif", "menunggak", "lapsed", "inactive" ->
                    Optional.of(EnrolmentState.LAPSED);
            case "berhenti", "keluar", "ended", "stopped", "selesai" -> Optional.of(EnrolmentState.ENDED);
            default -> Optional.empty();
        };
    }

    public static Optional<Segment> segment(String s) {
        if (s != null && !s.isBlank()) {
            Optional<Segment> labelled = byLabel(Segment.values(), s);
            if (labelled.isPresent()) return labelled;
        }
        return switch (key(s)) {
            case "pu", "penerima upah", "wage earner" -> Optional.of(Segment.PU);
            case "bpu", "bukan penerima upah", "non wage earner", "non wage" -> Optional.of(Segment.BPU);
            default -> Optional.empty();
        };
    }

    public static Optional<EmploymentStatus> employment(String s) {
        Optional<EmploymentStatus> labelled = byLabel(EmploymentStatus.values(), s);
        if (labelled.isPresent()) return labelled;
        return switch (key(s)) {
            case "asn", "pns", "asn pns", "civil servant" -> Optional.of(EmploymentStatus.ASN);
            case "pppk", "p3k" -> Optional.of(EmploymentStatus.PPPK);
            case "non asn", "nonasn", "non pns", "honorer", "bukan asn", "" -> Optional.of(EmploymentStatus.NON_ASN);
            default -> Optional.empty();
        };
    }
}
