package id.lindungdesa.ui.setup;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.i18n.Messages;
import id.lindungdesa.testing.FxAppHarness;
import id.lindungdesa.ui.DesktopApp;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Issue 13 item 4: on the first-run set-up screen at 1366×768, the title, the language box and every label show
 * their whole text, in Indonesian and in English; checked one by one (the text drawn equals the label's text, so
 * no "…", and the label is as wide as it needs).
 */
class SetupLabelsFitTest extends FxRobot {
    @TempDir
    Path dir;
    DesktopApp app;

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) FxAppHarness.stop(app);
        Messages.setCurrent(Messages.INDONESIAN);
    }

    @Test
    void everyLabelOfTheSetUpScreenShowsItsWholeTextAt1366x768InBothLanguages() throws Exception {
        app = FxAppHarness.start(dir.resolve("desk"), LocalDate.of(2026, 2, 2));
        FxAppHarness.waitUntil(() -> lookup("#setupCode").tryQuery().isPresent());
        Window w = lookup("#setupCode").query().getScene().getWindow();
        interact(() -> {
            w.setX(0);
            w.setY(0);
            w.setWidth(1366);
            w.setHeight(768);
        });
        checkAll("Selamat datang di LindungDesa — atur kantor Anda", "Bahasa Indonesia", "Frasa sandi kunci kantor");
        @SuppressWarnings("unchecked")
        ComboBox<String> language = lookup("#setupLanguage").queryAs(ComboBox.class);
        interact(() -> language.setValue("English"));
        FxAppHarness.waitUntil(() -> lookup("#setupLanguage").tryQuery()
                .map(n -> "English".equals(((ComboBox<?>) n).getValue())).orElse(false));
        checkAll("Welcome to LindungDesa — set up your office", "English", "Office key passphrase");
    }

    private void checkAll(String title, String languageShown, String aLabel) throws Exception {
        interact(() -> { });
        try {
            FxAppHarness.waitUntil(() -> lookup("#setupTitle").tryQuery()
                    .map(n -> title.equals(((Labeled) n).getText())).orElse(false));
        } catch (AssertionError e) {
            throw new AssertionError("shown: " + shown(), e);
        }
        List<String> cut = new ArrayList<>();
        int[] checked = {0};
        interact(() -> {
            Node root = lookup("#setupRoot").query();
            root.applyCss();
            root.getScene().getRoot().layout();
            for (Node n : all(root)) {
                if (!(n instanceof Labeled l) || !n.isVisible() || l.getText() == null || l.getText().isEmpty()) continue;
                if (!visibleUpTo(n)) continue;
                checked[0]++;
                String drawn = drawn(l);
                if (!l.getText().equals(drawn)) cut.add("«" + l.getText() + "» drawn as «" + drawn + "»");
                if (!l.isWrapText() && l.getWidth() + 0.5 < l.prefWidth(-1)) {
                    cut.add("«" + l.getText() + "» " + l.getWidth() + " px wide of " + l.prefWidth(-1));
                }
            }
        });
        assertThat(cut).as("labels cut off on the set-up screen").isEmpty();
        assertThat(checked[0]).as("labels checked").isGreaterThanOrEqualTo(8);
        assertThat(shown()).contains(title, languageShown, aLabel);
        // The title and the language box lie inside the window.
        for (String id : new String[] {"#setupTitle", "#setupLanguage"}) {
            Node n = lookup(id).query();
            var b = n.localToScene(n.getBoundsInLocal());
            assertThat(b.getMaxX()).as(id + " right edge").isLessThanOrEqualTo(n.getScene().getWidth());
        }
    }

    /** Every node under {@code n}, {@code n} included (the skins' children too). */
    private static List<Node> all(Node n) {
        List<Node> out = new ArrayList<>();
        out.add(n);
        if (n instanceof javafx.scene.Parent p) for (Node c : p.getChildrenUnmodifiable()) out.addAll(all(c));
        return out;
    }

    private static boolean visibleUpTo(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }

    /** The text the label draws (its skin's Text, which holds "…" when cut). */
    private static String drawn(Labeled l) {
        return l.getChildrenUnmodifiable().stream().filter(t -> t instanceof Text)
                .map(t -> ((Text) t).getText()).findFirst().orElse(l.getText());
    }

    private List<String> shown() {
        List<String> out = new ArrayList<>();
        all(lookup("#setupRoot").query()).forEach(n -> {
            if (n instanceof Labeled l && l.getText() != null) out.add(drawn(l));
        });
        return out;
    }
}
