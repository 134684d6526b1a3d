package id.lindungdesa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.testing.CliRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One language at a time: the same commands (a refusal, a failure, a success, progress lines, text reports) print
 * Indonesian only by default and English only with {@code --lang en}.
 */
class CliLanguageTest {
    /** Indonesian words of our messages (not region or category names, which are the same in both). */
    static final Pattern INDONESIAN = Pattern.compile("(?i)\\b(dan|tidak|belum|sudah|gagal|berkas|orang|jabatan|"
            + "kepesertaan|jejak|menyimpan|membuat|menyiapkan|ditemukan|kantor|selesai|pada|wilayah|petugas|jumlah|"
            + "seluruhnya|sebagian|entri|utuh|diatur|aktif|pemegang|terdaftar|siapa)\\b");
    /** English words of our messages. */
    static final Pattern ENGLISH = Pattern.compile("(?i)\\b(the|and|not|no|failed|file|found|people|posts|"
            + "enrolments|office|set|saving|making|preparing|done|intact|entries|audit trail|regions|villages|"
            + "clerk|total|active|nobody|some|all|on)\\b");

    @TempDir
    Path dir;

    /** Runs the representative commands on a fresh database; returns everything printed, per command. */
    List<String> session(String db, String... lang) {
        List<String> printed = new ArrayList<>();
        CliRun none = run(printed, lang, "--db", db, "office", "show");
        assertThat(none.exit).as("refused: no office yet").isEqualTo(1);
        CliRun missing = run(printed, lang, "--db", db, "regions", "import", dir.resolve("nope.csv").toString());
        assertThat(missing.exit).as("failed: no such file").isEqualTo(1);
        CliRun init = run(printed, lang, "--db", db, "office", "init", "--level", "district", "--code", "36.04",
                "--name", "DPMD Serang", "--clerk", "Budi");
        assertThat(init.exit).as(init.toString()).isZero();
        CliRun demo = run(printed, lang, "--db", db, "demo", "--seed", "3");
        assertThat(demo.exit).as(demo.toString()).isZero();
        assertThat(demo.err).as("progress lines on stderr").contains("… 100% ");
        for (String[] cmd : List.of(new String[] {"stats", "--on", "01-06-2026"}, new String[] {"audit", "verify"},
                new String[] {"report", "coverage", "--on", "2026-06-01"}, new String[] {"alerts", "--on", "2026-06-01"},
                new String[] {"office", "show"})) {
            String[] args = new String[cmd.length + 2];
            args[0] = "--db";
            args[1] = db;
            System.arraycopy(cmd, 0, args, 2, cmd.length);
            CliRun r = run(printed, lang, args);
            assertThat(r.exit).as(r.toString()).isZero();
        }
        return printed;
    }

    static CliRun run(List<String> printed, String[] lang, String... args) {
        String[] all = new String[lang.length + args.length];
        System.arraycopy(lang, 0, all, 0, lang.length);
        System.arraycopy(args, 0, all, lang.length, args.length);
        CliRun r = CliRun.of(all);
        printed.add(String.join(" ", args) + "\n" + r.out + r.err);
        return r;
    }

    static List<String> words(Pattern p, List<String> printed) {
        List<String> found = new ArrayList<>();
        for (String s : printed) {
            // the command line itself and names from the data are not messages
            String text = s.substring(s.indexOf('\n') + 1).replace("DPMD Serang", "").replace(" Budi", "");
            Matcher m = p.matcher(text);
            while (m.find()) found.add(m.group() + "  in: " + text.lines().filter(l -> p.matcher(l).find())
                    .findFirst().orElse(""));
        }
        return found;
    }

    @Test
    void theDefaultIsIndonesianOnly() {
        List<String> printed = session(dir.resolve("id").toString());
        String all = String.join("\n", printed);
        assertThat(all).contains("Kantor belum diatur").contains("Gagal: Berkas tidak ditemukan")
                .contains("Kantor diatur: DPMD Serang").contains("Membuat desa demo").contains("Jejak audit utuh");
        assertThat(words(ENGLISH, printed)).as("English words in the default (Indonesian) output").isEmpty();
        assertThat(all).as("no \"Indonesian / English\" pairs").doesNotContainPattern("[a-z] / [A-Za-z]");
    }

    @Test
    void langEnIsEnglishOnly() {
        List<String> printed = session(dir.resolve("en").toString(), "--lang", "en");
        String all = String.join("\n", printed);
        assertThat(all).contains("No office set up").contains("Failed: File not found")
                .contains("Office set up: DPMD Serang").contains("Making demo villages").contains("Audit trail intact");
        assertThat(words(INDONESIAN, printed)).as("Indonesian words in --lang en output").isEmpty();
        assertThat(all).as("no \"Indonesian / English\" pairs").doesNotContainPattern("[a-z] / [A-Za-z]");
    }
}
