package id.lindungdesa.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message key the code names exists in both bundles (a missing key would show up as the raw key, in one
 * language or both), and each bundle names each key once.
 *
 * <p>Two scans of {@code src/main/java}: (1) string literals in the places that take a key ({@code Messages.tr},
 * {@code m.get}, {@code Text.of}, {@code RootCommand.t}, exceptions carrying a key, {@code ValidationException.of},
 * {@code RowProblem.of}); (2) every other literal that looks like a key of a known area ({@code "cli.…"},
 * {@code "backup.…"}) unless it is listed in {@link #NOT_KEYS}. Keys built at run time ({@code "alert." + kind})
 * are not seen; their parts are covered by the tests of those features.
 */
class MessageKeysTest {
    static final String KEY = "\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9_]+)+)\"(?!\\s*\\+)";

    /** Where a literal is a message key for sure. */
    static final List<Pattern> KEY_PLACES = List.of(
            Pattern.compile("(?:\\btr|\\bt|Text\\.of|(?:\\bm|messages|Messages\\.current\\(\\))\\.get)\\(\\s*" + KEY),
            Pattern.compile("new\\s+[\\w.]*Exception\\(\\s*(?:[\\w.]+\\s*,\\s*){0,2}" + KEY),
            Pattern.compile("\\.of\\(\\s*\"[^\"]*\"\\s*,\\s*" + KEY),
            Pattern.compile("RowProblem\\.of\\([^;\"]*?,\\s*" + KEY),
            Pattern.compile("\\?\\s*" + KEY + "\\s*:\\s*\"[^\"]*\""),
            Pattern.compile(":\\s*" + KEY + "\\s*[,)]"));

    static final Pattern ANY_KEY_LIKE = Pattern.compile(KEY);

    /** Literals that look like keys but are not messages: task titles, setting keys, file names. */
    static final Set<String> NOT_KEYS = Set.of(
            "agreement.create", "agreement.update", "addendum.create", "addendum.check", "agreement.attach", "agreement.open",
            "monev.reschedule", "monev.add", "monev.record", "monev.pdf", "roster.xlsx", "ledger.lapseMonths",
            "settings.json");

    static Set<String> keys(String name) throws IOException {
        Set<String> keys = new HashSet<>();
        for (String key : declared(name)) keys.add(key);
        return keys;
    }

    /** Keys in file order, duplicates kept. */
    static List<String> declared(String name) throws IOException {
        List<String> keys = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/main/resources/i18n", name), StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("!") || !l.contains("=")) continue;
            keys.add(l.substring(0, l.indexOf('=')).strip());
        }
        return keys;
    }

    record Use(Path file, int line, String key) {
        @Override
        public String toString() {
            return file + ":" + line + " \"" + key + "\"";
        }
    }

    /** Key literals in {@code source}: in key places always, elsewhere when their area is one of {@code areas}. */
    static List<Use> uses(Path file, String source, Set<String> areas) {
        List<Use> out = new ArrayList<>();
        String code = stripComments(source);
        Set<Integer> seen = new HashSet<>();
        for (Pattern p : KEY_PLACES) {
            Matcher m = p.matcher(code);
            while (m.find()) {
                if (seen.add(m.start(1))) out.add(new Use(file, lineOf(code, m.start(1)), m.group(1)));
            }
        }
        Matcher m = ANY_KEY_LIKE.matcher(code);
        while (m.find()) {
            String k = m.group(1);
            if (seen.contains(m.start(1)) || NOT_KEYS.contains(k)) continue;
            if (areas.contains(k.substring(0, k.indexOf('.')))) out.add(new Use(file, lineOf(code, m.start(1)), k));
        }
        return out;
    }

    /** Blanks comments (keeping line breaks) so that examples in Javadoc are not taken for uses. */
    static String stripComments(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        boolean inString = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (inString) {
                b.append(c);
                if (c == '\\' && i + 1 < s.length()) b.append(s.charAt(++i));
                else if (c == '"') inString = false;
                i++;
            } else if (c == '"') {
                inString = true;
                b.append(c);
                i++;
            } else if (s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') i++;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                for (int j = i; j < end; j++) if (s.charAt(j) == '\n') b.append('\n');
                i = end;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    static int lineOf(String s, int index) {
        int n = 1;
        for (int i = 0; i < index; i++) if (s.charAt(i) == '\n') n++;
        return n;
    }

    static List<Use> allUses(Set<String> areas) throws IOException {
        List<Use> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                out.addAll(uses(f, Files.readString(f, StandardCharsets.UTF_8), areas));
            }
        }
        return out;
    }

    @Test
    void everyKeyTheCodeNamesIsInBothBundles() throws Exception {
        Set<String> id = keys("messages.properties");
        Set<String> en = keys("messages_en.properties");
        Set<String> areas = new HashSet<>();
        for (String k : id) areas.add(k.contains(".") ? k.substring(0, k.indexOf('.')) : k);
        // "lindungdesa.<command>…" keys are picocli's help texts, looked up by command name, never named in code
        // (where "lindungdesa.debug" and the like are system properties)
        areas.remove("lindungdesa");
        List<Use> uses = allUses(areas);
        assertThat(uses).as("the scan finds the code's keys").hasSizeGreaterThan(500);
        assertThat(uses.stream().filter(u -> !id.contains(u.key())).map(Use::toString))
                .as("keys used in code but missing in messages.properties (Indonesian)").isEmpty();
        assertThat(uses.stream().filter(u -> !en.contains(u.key())).map(Use::toString))
                .as("keys used in code but missing in messages_en.properties (English)").isEmpty();
    }

    @Test
    void eachBundleNamesEachKeyOnceAndBothHaveTheSameKeys() throws Exception {
        for (String name : List.of("messages.properties", "messages_en.properties")) {
            Set<String> seen = new HashSet<>();
            Set<String> twice = new TreeSet<>();
            for (String k : declared(name)) if (!seen.add(k)) twice.add(k);
            assertThat(twice).as("keys declared twice in " + name + " (the second silently wins)").isEmpty();
        }
        assertThat(new TreeSet<>(keys("messages_en.properties"))).isEqualTo(new TreeSet<>(keys("messages.properties")));
    }

    @Test
    void theScanSeesKeysInEveryPlaceThatTakesOne() {
        String src = """
                class X {
                    void f() {
                        Messages.tr("cli.one", 1);
                        m.get("cli.two");
                        Text.of("cli.three");
                        RootCommand.t(ok ? "cli.four" : "cli.five", 2);
                        throw new BackupException(e, "backup.six", 3);
                        throw new BundleException(Reason.IO, e, "bundle.seven");
                        ValidationException.of("field", "form.eight");
                        String s = "cli.nine";
                        // Messages.tr("cli.comment") is not a use
                        String settingKey = "ledger.lapseMonths";
                        String built = "alert." + kind;
                    }
                }
                """;
        List<String> found = uses(Path.of("X.java"), src, Set.of("cli", "backup", "bundle", "form", "ledger", "alert"))
                .stream().map(Use::key).toList();
        assertThat(found).containsExactlyInAnyOrder("cli.one", "cli.two", "cli.three", "cli.four", "cli.five",
                "backup.six", "bundle.seven", "form.eight", "cli.nine");
    }
}
