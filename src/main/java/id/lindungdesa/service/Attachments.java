package id.lindungdesa.service;

import id.lindungdesa.domain.CleanText;
import java.util.Locale;

/**
 * Attachments are documents: PDF, JPEG or PNG, recognised by their first bytes (magic numbers), not by their
 * name; and the name they are stored and written under is a plain file name (issue 12 item 7, decision record
 * 0117: a magic-byte check rather than Apache Tika, which would add ~2 MB and hundreds of detectors for three
 * formats).
 */
public final class Attachments {
    /** Longest stored name (the column holds 400; names past 150 characters are not ones people typed). */
    static final int MAX_NAME = 150;

    private Attachments() {}

    /** "application/pdf", "image/jpeg" or "image/png" from the content; null for anything else. */
    public static String mediaType(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
                && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return "image/png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        // PDF readers accept the header anywhere in the first 1,024 bytes (some scanners put a preamble first).
        int limit = Math.min(b.length, 1024);
        for (int i = 0; i + 5 <= limit; i++) {
            if (b[i] == '%' && b[i + 1] == 'P' && b[i + 2] == 'D' && b[i + 3] == 'F' && b[i + 4] == '-') {
                return "application/pdf";
            }
        }
        return null;
    }

    /**
     * A name safe to store and to write a file under: no path (only the last part of any path), no control,
     * bidirectional-override or zero-width characters, no characters Windows refuses, no "..", no leading dot;
     * the extension of its real type when {@code mediaType} is given.
     */
    public static String storedName(String name, String mediaType) {
        String n = name == null ? "" : name;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        n = CleanText.of(n).text();
        n = n.replaceAll("[:*?\"<>|]", "_").replaceAll("\\.{2,}", ".").replaceAll("^[.\\s]+|[.\\s]+$", "");
        if (n.length() > MAX_NAME) n = n.substring(0, MAX_NAME).strip();
        String ext = mediaType == null ? null : switch (mediaType) {
            case "application/pdf" -> ".pdf";
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            default -> null;
        };
        if (n.isEmpty()) n = "dokumen";
        String lower = n.toLowerCase(Locale.ROOT);
        if (ext != null && !(lower.endsWith(ext) || ext.equals(".jpg") && lower.endsWith(".jpeg"))) n = n + ext;
        return n;
    }
}
