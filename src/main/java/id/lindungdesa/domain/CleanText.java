package id.lindungdesa.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names as people mean them: control characters, bidirectional overrides/embeddings/isolates and zero-width
 * characters are removed (they hide or reorder text: "Budi\u202Eotnas" shows as "Budisanto"), runs of spaces become one.
 * What was removed is returned, so an import report or a form can show it (issue 12 item 6).
 */
public record CleanText(String text, List<String> removed) {

    public CleanText {
        removed = List.copyOf(removed);
    }

    public boolean changed() {
        return !removed.isEmpty();
    }

    /** "U+202E RIGHT-TO-LEFT OVERRIDE, U+200B ZERO WIDTH SPACE". */
    public String removedText() {
        return String.join(", ", removed);
    }

    public static CleanText of(String s) {
        if (s == null) return new CleanText(null, List.of());
        StringBuilder out = new StringBuilder(s.length());
        Set<String> removed = new LinkedHashSet<>();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x00A0) {
                out.append(' ');
            } else if (hidden(cp)) {
                String name = Character.getName(cp);
                removed.add(String.format(Locale.ROOT, "U+%04X", cp) + (name == null ? "" : " " + name));
            } else {
                out.appendCodePoint(cp);
            }
        }
        String t = out.toString().replaceAll(" {2,}", " ").strip();
        return new CleanText(t, List.copyOf(removed));
    }

    /** Control, format (bidi, zero-width, BOM…), line/paragraph separators, private use and unassigned. */
    static boolean hidden(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE
                || type == Character.SURROGATE || type == Character.UNASSIGNED;
    }
}
