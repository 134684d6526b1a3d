package id.lindungdesa.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * The official region list shipped inside the program (resource {@value #RESOURCE}): Kemendagri codes of every
 * level, following {@value #DECREE}. See {@code regions/README.md} and the MIT notice
 * {@code regions/LICENSE.cahyadsn-wilayah} beside it.
 */
public final class BuiltinRegions {
    /** Classpath resource of the compressed {@code kode,nama} CSV. */
    public static final String RESOURCE = "/regions/wilayah-2025-2430.csv.gz";
    /** The name recorded as the import source (region history, audit). */
    public static final String SOURCE_NAME = "wilayah-2025-2430.csv.gz";
    /** The decree the list follows. */
    public static final String DECREE = "Kepmendagri 300.2.2-2138/2025 as amended by 300.2.2-2430/2025";

    private BuiltinRegions() {}

    /** Writes the shipped list, uncompressed, to {@code file} (benchmarks and tests that read "a file"). */
    public static java.nio.file.Path copyTo(java.nio.file.Path file) {
        try (Reader in = open()) {
            id.lindungdesa.persistence.DurableFiles.write(file, out -> {
                java.io.Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
                in.transferTo(w);
                w.flush();
            });
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens the shipped list as UTF-8 text; the caller closes it. */
    public static Reader open() {
        InputStream in = BuiltinRegions.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("The program is incomplete: resource " + RESOURCE + " is missing."
                    + " Reinstall LindungDesa.");
        }
        try {
            return new BufferedReader(new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8),
                    1 << 16);
        } catch (IOException e) {
            try {
                in.close();
            } catch (IOException ignored) {
                e.addSuppressed(ignored);
            }
            throw new UncheckedIOException(e);
        }
    }
}
