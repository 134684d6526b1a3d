package id.lindungdesa.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.security.KeyFile;
import id.lindungdesa.wiring.SecureOpener;
import id.lindungdesa.testing.FxAppHarness;
import id.lindungdesa.testing.TestDb;
import id.lindungdesa.ui.DesktopApp;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.application.Platform;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The desktop asks for a passphrase on first run, shows the recovery code, and asks again (and refuses) later. */
class PassphraseFlowTest extends FxRobot {
    @TempDir
    Path dir;
    DesktopApp app;

    @org.junit.jupiter.api.BeforeEach
    void indonesian() {
        id.lindungdesa.i18n.Messages.setCurrent(id.lindungdesa.i18n.Messages.INDONESIAN);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) FxAppHarness.stop(app);
    }

    private DesktopApp start(Path db) throws Exception {
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
        DesktopApp.Config cfg = new DesktopApp.Config(db, p -> SecureOpener.open(p, "desktop",
                new FxPassphrasePrompt(), TestDb.clockAt(LocalDate.of(2026, 3, 10))));
        return (DesktopApp) FxToolkit.setupApplication(() -> new DesktopApp(cfg));
    }

    @Test
    void firstRunEncryptsWithTheChosenPassphraseAndAWrongOneIsRefusedLater() throws Exception {
        Path db = dir.resolve("desk");
        app = start(db);
        FxAppHarness.waitUntil(() -> lookup("#newPassphrase1").tryQuery().isPresent());
        clickOn("#newPassphrase1").write("sandi-kantor-1");
        clickOn("#newPassphrase2").write("sandi-kantor-1");
        clickOn("#newPassphraseOk");
        FxAppHarness.waitUntil(() -> lookup("#shownRecoveryCode").tryQuery().isPresent());
        String code = lookup("#shownRecoveryCode").queryAs(TextField.class).getText();
        assertThat(code).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){7}");
        clickOn("#recoveryDone");
        FxAppHarness.waitUntil(() -> lookup("#setupCode").tryQuery().isPresent());
        assertThat(KeyFile.exists(db)).isTrue();
        assertThat(app.services().database().encrypted()).isTrue();
        FxAppHarness.stop(app);
        app = null;

        app = start(db);
        FxAppHarness.waitUntil(() -> lookup("#unlockPassphrase").tryQuery().isPresent());
        clickOn("#unlockPassphrase").write("salah-sandi");
        clickOn("#unlockOpen");
        FxAppHarness.waitUntil(() -> lookup(".error").queryAll().stream()
                .anyMatch(n -> n instanceof javafx.scene.control.Label l && l.getText().contains("salah")));
        clickOn("#unlockPassphrase").write("sandi-kantor-1");
        clickOn("#unlockOpen");
        FxAppHarness.waitUntil(() -> lookup("#setupCode").tryQuery().isPresent());
        assertThat(app.services().database().encrypted()).isTrue();
    }
}
