package id.lindungdesa.ui.shell;

import id.lindungdesa.i18n.Messages;
import id.lindungdesa.task.BackgroundTask;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;

/**
 * The language chooser, the same wherever it is shown (the main window's bar, Settings, the roster's filters):
 * the choice is stored for the office and the main window is rebuilt in the new language, on the same screen and
 * with what the screens keep over a rebuild ({@link Screen#keep()}: the roster's search text).
 */
public final class LanguageSwitch {
    public static final String INDONESIAN = "Bahasa Indonesia";
    public static final String ENGLISH = "English";

    private LanguageSwitch() {}

    public static ComboBox<String> create(ScreenContext ctx, String id) {
        ComboBox<String> language = new ComboBox<>();
        language.setId(id);
        language.getItems().setAll(INDONESIAN, ENGLISH);
        language.setValue(Messages.current().indonesian() ? INDONESIAN : ENGLISH);
        language.setTooltip(new Tooltip(Messages.tr("roster.language")));
        language.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        language.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(a)) switchTo(ctx, language.getScene(), ENGLISH.equals(b) ? "en" : "id");
        });
        return language;
    }

    /** Switches to {@code lang} ("id" or "en"): stores it, then rebuilds the window in it. */
    public static void switchTo(ScreenContext ctx, Scene scene, String lang) {
        boolean english = "en".equals(lang);
        if (english == !Messages.current().indonesian()) return;
        Messages.setCurrent(english ? Messages.ENGLISH : Messages.INDONESIAN);
        ctx.tasks().execute(BackgroundTask.<Void>of("language", p -> {
            ctx.services().office().putSetting("ui.language", lang);
            return null;
        }).onSuccess(v -> {
            Object reload = scene == null ? null : scene.getProperties().get(MainWindow.RELOAD_KEY);
            if (reload instanceof Runnable run) run.run();
        }).onFailure(e -> ctx.window().say(String.valueOf(e.getMessage()))));
    }
}
