package id.lindungdesa.bundle;

import id.lindungdesa.bundle.BundleException.Reason;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;

/**
 * The bundle file layout: line 1 is the DSSE envelope (one line of JSON, at most {@link #MAX_ENVELOPE} bytes),
 * then a newline, then the payload's exact bytes. The whole file is capped at {@link #maxBytes()} and is only ever
 * streamed.
 */
public final class BundleFile {
    public static final int MAX_ENVELOPE = 64 * 1024;
    /** Default cap: far above any real district bundle (a 10,000-person district is ~8 MB). */
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;

    private BundleFile() {}

    public static long maxBytes() {
        return Long.getLong("lindungdesa.bundle.maxBytes", DEFAULT_MAX_BYTES);
    }

    /** The envelope of a bundle file and where its payload starts. */
    public record Header(Dsse.Envelope envelope, long payloadOffset, long fileSize) {
    }

    public static Header readHeader(Path file, long maxBytes) {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new BundleException(Reason.NOT_FOUND, e, "bundle.error.notFound", file);
        } catch (IOException e) {
            throw new BundleException(Reason.IO, e, "bundle.error.io", file, e.getMessage());
        }
        if (size > maxBytes) {
            throw new BundleException(Reason.TOO_LARGE, "bundle.error.tooLarge", file.getFileName(), size / (1024 * 1024),
                    maxBytes / (1024 * 1024));
        }
        if (size == 0) throw new BundleException(Reason.TRUNCATED, "bundle.error.empty", file.getFileName());
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                line.write(b);
                if (line.size() > MAX_ENVELOPE) {
                    throw new BundleException(Reason.MALFORMED, "bundle.error.noEnvelope", file.getFileName());
                }
            }
            if (b == -1) throw new BundleException(Reason.TRUNCATED, "bundle.error.noPayload", file.getFileName());
        } catch (IOException e) {
            throw new BundleException(Reason.IO, e, "bundle.error.io", file, e.getMessage());
        }
        return new Header(Dsse.parse(line.toByteArray()), line.size() + 1L, size);
    }

    /**
     * Opens the payload, at most {@code limit} bytes of it (more are never read), feeding {@code digest}.
     */
    public static InputStream openPayload(Path file, Header h, long limit, MessageDigest digest) throws IOException {
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(h.payloadOffset());
        return new DigestInputStream(new Bounded(new BufferedInputStream(in, 64 * 1024), limit), digest);
    }

    /**
     * Streams the payload once, checking its size and SHA-256 against the manifest (the payload is never
     * re-serialised: these are the exact bytes the district wrote).
     */
    public static void checkPayload(Path file, Header h, Manifest m) {
        long actual = h.fileSize() - h.payloadOffset();
        if (actual < m.payload().size()) {
            throw new BundleException(Reason.TRUNCATED, "bundle.error.truncated", file.getFileName(),
                    m.payload().size(), actual);
        }
        if (actual > m.payload().size()) {
            throw new BundleException(Reason.PAYLOAD_CHANGED, "bundle.error.extraBytes", file.getFileName(),
                    actual - m.payload().size());
        }
        MessageDigest md = Hashes.sha256();
        try (InputStream in = openPayload(file, h, m.payload().size(), md)) {
            byte[] buf = new byte[64 * 1024];
            while (in.read(buf) != -1) {
                // digest only
            }
        } catch (IOException e) {
            throw new BundleException(Reason.IO, e, "bundle.error.io", file, e.getMessage());
        }
        if (!Hashes.hex(md.digest()).equals(m.payload().sha256())) {
            throw new BundleException(Reason.PAYLOAD_CHANGED, "bundle.error.payloadChanged", file.getFileName());
        }
    }

    /** Reads at most {@code limit} bytes. */
    static final class Bounded extends FilterInputStream {
        private long left;

        Bounded(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) return -1;
            int b = super.read();
            if (b >= 0) left--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) return -1;
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) left -= n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(Math.min(n, left));
            left -= s;
            return s;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
