package id.lindungdesa.bundle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * A key's fingerprint as words a person can read out over the phone: the first {@link #WORDS} bytes of the
 * SHA-256 of the public key (X.509 SubjectPublicKeyInfo DER), each byte picking one of 256 common Indonesian words
 * (a fixed list: never reorder or change it; see docs/decisions/0021-fingerprint-words.md).
 */
public final class FingerprintWords {
    /** Number of words (= bytes, 64 bits). */
    public static final int WORDS = 8;

    static final String[] LIST = {
        "abu", "adik", "air", "akar", "alam", "alis", "anak", "angin", "angsa", "anggur", "apel", "api",
        "arang", "arus", "asam", "atap", "awan", "ayam", "ayah", "bahu", "baju", "bambu", "bantal", "batu",
        "bawang", "bebek", "becak", "bedak", "bekal", "belut", "benang", "bening", "benih", "beras", "besi", "bibit",
        "bintang", "biru", "bola", "bubur", "buku", "bulan", "bulu", "bunga", "buruh", "busur", "cabai", "cacing",
        "camar", "candi", "cangkir", "capung", "cat", "cemara", "cendana", "cermin", "cicak", "cincin", "cokelat", "cuka",
        "cumi", "dada", "dadu", "dagu", "daun", "delima", "domba", "dompet", "duku", "durian", "elang", "embun",
        "emas", "es", "gajah", "galah", "gandum", "garam", "garpu", "gelas", "gembok", "gendang", "gerobak", "gigi",
        "gitar", "gula", "gunung", "guru", "hujan", "hutan", "ibu", "ikan", "ilalang", "intan", "itik", "jagung",
        "jahe", "jalan", "jambu", "jamur", "jangkar", "jarum", "jati", "jeruk", "jembatan", "jendela", "kabut", "kacang",
        "kadal", "kain", "kaki", "kambing", "kamar", "kancil", "kapal", "kapas", "karpet", "kasur", "katak", "kayu",
        "kecap", "kelapa", "kelinci", "kemiri", "kendi", "kepiting", "kerbau", "kereta", "kertas", "kijang", "kipas", "kopi",
        "kuda", "kuku", "kunci", "kunyit", "kupu", "kursi", "labu", "ladang", "laut", "layang", "lebah", "lemari",
        "lemon", "lilin", "limau", "lobak", "lumbung", "lumut", "madu", "mangga", "manggis", "marmut", "matahari", "meja",
        "melati", "merpati", "mobil", "monyet", "nanas", "nangka", "nasi", "nelayan", "nila", "obor", "ombak", "padi",
        "pagar", "pakis", "palu", "pantai", "paku", "paus", "payung", "pelangi", "pena", "penyu", "perahu", "perak",
        "pinang", "pintu", "pipi", "pisang", "pohon", "pulau", "pulpen", "rambutan", "rami", "rebana", "rimba", "roda",
        "roti", "rusa", "rumput", "sabun", "sagu", "salak", "sambal", "sampan", "sapi", "sawah", "sayap", "sayur",
        "sekolah", "selimut", "semangka", "semut", "sendok", "senja", "sepatu", "sepeda", "seruling", "singa", "sisir", "siput",
        "songket", "sumur", "sungai", "surat", "susu", "tahu", "tali", "taman", "tanah", "tangga", "tapir", "tebu",
        "teh", "teko", "telur", "tembaga", "tempe", "tenda", "terompet", "tikar", "tiram", "tomat", "topi", "tungku",
        "ubi", "udang", "ular", "ulat", "umbi", "unta", "wajan", "walet", "wayang", "wortel", "zaitun", "karet",
        "kelereng", "bakso", "lampu", "pasir"
    };

    static {
        if (LIST.length != 256 || new HashSet<>(List.of(LIST)).size() != 256) {
            throw new IllegalStateException("fingerprint word list must hold 256 distinct words");
        }
    }

    private FingerprintWords() {}

    /** The words of a SHA-256 digest of a public key, separated by single spaces. */
    public static String of(byte[] sha256OfPublicKey) {
        List<String> w = new ArrayList<>(WORDS);
        for (int i = 0; i < WORDS; i++) w.add(LIST[sha256OfPublicKey[i] & 0xff]);
        return String.join(" ", w);
    }

    /** Groups of four words, for display ("abu adik air akar · ..."). */
    public static String grouped(String words) {
        String[] w = words.split(" ");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            if (i > 0) sb.append(i % 4 == 0 ? " · " : " ");
            sb.append(w[i]);
        }
        return sb.toString();
    }

    /** Compares what a person typed with the fingerprint, ignoring case, dots and extra spaces. */
    public static boolean matches(String typed, String words) {
        return normalise(typed).equals(normalise(words));
    }

    static String normalise(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", " ").strip();
    }
}
