package id.lindungdesa.bundle;

import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.Backend;
import id.lindungdesa.testing.DbDump;
import id.lindungdesa.testing.TestDb;
import id.lindungdesa.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** Builds districts and a province on real H2 files for bundle tests. */
public final class BundleKit {
    public static final char[] PASS = "rahasia-desa-2026".toCharArray();
    public static final char[] PROV_PASS = "rahasia-provinsi".toCharArray();
    public static final LocalDate TODAY = LocalDate.of(2026, 2, 16);

    static {
        // Tests use few PBKDF2 iterations (the count is stored with each key; real keys use 600,000).
        System.setProperty("lindungdesa.kdf.iterations", "1000");
    }

    private BundleKit() {}

    /** A demo district (synthetic regions) with its key. */
    public static Services district(Path dir, String code, long seed) {
        Services s = TestDb.open(dir, "kab-" + code, TODAY);
        s.demo().generate(null, code + ".01", seed, Progress.NONE);
        s.bundles().keys().init(PASS);
        return s;
    }

    public static Services province(Path dir, String code) {
        return province(dir, code, Backend.H2);
    }

    /** A province office on {@code backend} (issue 16: the same cases on H2 and PostgreSQL). */
    public static Services province(Path dir, String code, Backend backend) {
        Services s = backend.open(dir, "prov-" + code, TODAY);
        s.office().init(OfficeLevel.PROVINCE, code, "DPMD Provinsi Banten", "Sri Wahyuni");
        s.bundles().keys().init(PROV_PASS);
        return s;
    }

    /** The district's public key enrolled at the province (the clerk compared the words). */
    public static void enrol(Services district, Services province, Path dir) {
        try {
            Path pub = Files.createTempFile(dir, "pub", ".json");
            PublicKeyFile f = district.bundles().keys().exportPublic(pub);
            province.bundles().trust().add(pub, f.fingerprint());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Path export(Services district, Path dir, String name) {
        return district.bundles().export().export(dir.resolve(name), PASS, null, Progress.NONE).file();
    }

    /** Every row of every table, on H2 or PostgreSQL (the database "exactly as before"; {@link DbDump}). */
    public static String dump(Services s) {
        return DbDump.of(s);
    }

    /** What the CLI takes as {@code --db} for the database of {@code s} (a server URL, or the H2 file). */
    public static String dbArgument(Services s) {
        var server = s.database().server();
        return server != null ? TestPostgres.url(server) : s.database().base().toString();
    }
}
