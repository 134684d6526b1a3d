package id.lindungdesa.ui.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.bundle.BundleKit;
import id.lindungdesa.domain.AuditEntry;
import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.RosterRow;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.RoleRefusedException;
import id.lindungdesa.service.RosterService;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.FxAppHarness;
import id.lindungdesa.testing.TestDb;
import id.lindungdesa.ui.DesktopApp;
import id.lindungdesa.ui.report.SaveDialog;
import id.lindungdesa.wiring.Services;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Issue 17 through the real window: the admin adds a clerk; the clerk signs in, edits a person and cannot export a
 * bundle; the head exports; the history shows two different names. Also the screen lock (Ctrl+L).
 */
class UsersFlowTest extends FxRobot {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final String LORONG = "61.01.01.2001";
    static final String HEAD_PW = "sandi-kepala-2026";
    static final String CLERK_PW = "sandi-petugas-2026";

    @TempDir
    Path dir;
    DesktopApp app;

    @AfterEach
    void tearDown() throws Exception {
        SaveDialog.setChooser(null);
        if (app != null) FxAppHarness.stop(app);
        Messages.setCurrent(Messages.INDONESIAN);
    }

    /** A district whose set-up person (admin + head) has set a password and made the office key. */
    Path district() {
        try (Services s = TestDb.open(dir, "desk", TODAY)) {
            s.office().init(OfficeLevel.DISTRICT, "61.01", "DPMD Sambas", "Sri Wahyuni");
            s.regions().importCsv(new StringReader("kode,nama\n61,Kalimantan Barat\n61.01,Kabupaten Sambas\n"
                    + "61.01.01,Sambas\n61.01.01.2001,Lorong\n61.01.01.2002,Durian\n"), "t.csv", null, Progress.NONE);
            s.roster().addPersonAndAppoint(new RosterService.NewPerson("6101011203800001", "Ahmad Yani", Sex.L,
                            LocalDate.of(1980, 3, 12), null, null, null, EmploymentStatus.NON_ASN, null),
                    new RosterService.NewPost(null, LORONG, Position.KEPALA_DESA, null, "141/1/2020",
                            LocalDate.of(2020, 1, 5), LocalDate.of(2020, 1, 10), null));
            s.users().setPassword("sri.wahyuni", HEAD_PW.toCharArray());
            if (s.bundles().keys().activeKey().isEmpty()) s.bundles().keys().init(BundleKit.PASS);
        }
        return dir.resolve("desk");
    }

    void shortcut(KeyCode key) {
        press(KeyCode.CONTROL, key);
        release(key, KeyCode.CONTROL);
    }

    void signIn(String login, String password) throws Exception {
        FxAppHarness.waitUntil(() -> lookup("#loginScreen").tryQuery().isPresent());
        clickOn("#loginName").write(login);
        clickOn("#loginPassword").write(password);
        clickOn("#loginButton");
        FxAppHarness.waitUntil(() -> app.mainWindow() != null && lookup("#navigation").tryQuery().isPresent());
    }

    String status() {
        return lookup("#statusSignedIn").queryAs(Label.class).getText();
    }

    /** On "Bundel & Kunci": types the office key's passphrase and presses Enter (export is the default button). */
    void exportOnScreen() throws Exception {
        interact(() -> app.mainWindow().navigate("bundle", null));
        FxAppHarness.waitUntil(() -> lookup("#bundleExport").tryQuery().map(n -> n.isVisible() && !n.isDisabled())
                .orElse(false) && lookup("#bundlePassphrase").tryQuery().map(n -> n.getScene() != null).orElse(false));
        clickOn("#bundlePassphrase").write(new String(BundleKit.PASS));
        press(KeyCode.ENTER).release(KeyCode.ENTER);
    }

    @Test
    void theAdminAddsAClerkWhoEditsButCannotExportTheHeadExports() throws Exception {
        Path db = district();
        app = FxAppHarness.start(db, TODAY);
        // one user: no log-in asked
        FxAppHarness.waitUntil(() -> app.mainWindow() != null);
        assertThat(status()).contains("Sri Wahyuni (sri.wahyuni)");
        assertThat(app.mainWindow().root().getScene().getWindow()).isNotNull();
        interact(() -> app.mainWindow().navigate("users", null));
        FxAppHarness.waitUntil(() -> lookup("#usersTable").queryAs(TableView.class).getItems().size() == 1);

        // the admin adds a clerk
        clickOn("#newUserLogin").write("dedi");
        clickOn("#newUserName").write("Dedi Kurniawan");
        clickOn("#role-clerk");
        clickOn("#newUserPassword").write(CLERK_PW);
        clickOn("#newUserPassword2").write(CLERK_PW);
        clickOn("#addUser");
        FxAppHarness.waitUntil(() -> lookup("#usersTable").queryAs(TableView.class).getItems().size() == 2);
        assertThat(lookup("#usersMessage").queryAs(Label.class).getText()).contains("dedi");

        // the clerk signs in (the login is on now) and edits a person
        clickOn("#signOutButton");
        FxAppHarness.waitUntil(() -> lookup("#loginScreen").tryQuery().isPresent());
        clickOn("#loginName").write("dedi");
        clickOn("#loginPassword").write("salah-sandi-1");
        clickOn("#loginButton");
        FxAppHarness.waitUntil(() -> !lookup("#loginError").queryAs(Label.class).getText().isEmpty());
        assertThat(lookup("#loginError").queryAs(Label.class).getText()).contains("salah");
        interact(() -> lookup("#loginPassword").queryAs(TextField.class).clear());
        clickOn("#loginPassword").write(CLERK_PW);
        clickOn("#loginButton");
        FxAppHarness.waitUntil(() -> app.mainWindow() != null && lookup("#statusSignedIn").tryQuery().isPresent());
        assertThat(status()).contains("Dedi Kurniawan (dedi)");
        assertThat(((javafx.stage.Stage) lookup("#navigation").query().getScene().getWindow()).getTitle())
                .contains("Dedi Kurniawan (dedi)");
        interact(() -> app.mainWindow().navigate("roster", null));
        FxAppHarness.waitUntil(() -> lookup("#rosterTable").tryQuery()
                .map(n -> !((TableView<?>) n).getItems().isEmpty()).orElse(false));
        TableView<RosterRow> table = lookup("#rosterTable").queryAs(TableView.class);
        interact(() -> table.getSelectionModel().select(0));
        clickOn("#rosterTable");
        shortcut(KeyCode.E);
        FxAppHarness.waitUntil(() -> lookup("#personName").tryQuery().isPresent());
        TextField name = lookup("#personName").queryAs(TextField.class);
        interact(name::clear);
        clickOn("#personName").write("Ahmad Yani Saputra");
        clickOn("#personSave");
        FxAppHarness.waitUntil(() -> table.getItems().stream()
                .anyMatch(r -> r.fullName().equals("Ahmad Yani Saputra")));
        // the person's history shows who did what: the set-up head created, the clerk edited
        interact(() -> table.getSelectionModel().select(0));
        clickOn("#rosterTable");
        shortcut(KeyCode.E);
        FxAppHarness.waitUntil(() -> lookup("#personAuditTable").tryQuery()
                .map(n -> ((TableView<?>) n).getItems().size() >= 2).orElse(false));
        TableView<AuditEntry> history = lookup("#personAuditTable").queryAs(TableView.class);
        assertThat(history.getItems().stream().map(AuditEntry::actorLabel).distinct().toList())
                .contains("Dedi Kurniawan (dedi)", "Sri Wahyuni (sri.wahyuni)");
        press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        FxAppHarness.waitUntil(() -> lookup("#personAuditTable").tryQuery().isEmpty());

        // the clerk cannot export a bundle: the screen refuses before any file dialog, naming the head
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        SaveDialog.setChooser((owner, title, folder, suggested) -> {
            asked.incrementAndGet();
            return java.util.Optional.of(dir.resolve(suggested));
        });
        exportOnScreen();
        FxAppHarness.waitUntil("the refusal", () -> lookup("#bundleMessage").queryAs(Label.class).getText()
                .contains("Hanya kepala bidang yang dapat menandatangani bundel"));
        assertThat(asked).hasValue(0);
        assertThat(app.services().bundles().export().sent()).isEmpty();
        // and the service refuses too, whatever the screen shows
        Path bundle = dir.resolve("sambas.ldb");
        assertThatThrownBy(() -> app.services().bundles().export().export(bundle, BundleKit.PASS, null,
                Progress.NONE)).isInstanceOf(RoleRefusedException.class);
        assertThat(bundle).doesNotExist();

        // Ctrl+L locks the window until the clerk's password is typed again
        shortcut(KeyCode.L);
        FxAppHarness.waitUntil(() -> lookup("#lockScreen").tryQuery().isPresent());
        assertThat(lookup("#bundleExport").tryQuery()).isEmpty();
        clickOn("#loginPassword").write(CLERK_PW);
        clickOn("#loginButton");
        FxAppHarness.waitUntil("the screen back after unlocking", () -> lookup("#bundleExport").tryQuery().isPresent());

        // the head signs in and exports
        interact(() -> app.mainWindow().navigate("users", null));
        clickOn("#signOutButton");
        signIn("sri.wahyuni", HEAD_PW);
        assertThat(status()).contains("Sri Wahyuni (sri.wahyuni)");
        exportOnScreen();
        FxAppHarness.waitUntil("the exported message", () -> lookup("#bundleMessage").queryAs(Label.class).getText()
                .startsWith("Bundel #1 disimpan"));
        assertThat(asked).hasValue(1);
        assertThat(app.services().bundles().export().sent()).hasSize(1);

        // the trail names two different people, and stays verifiable
        var person = app.services().roster().findByNik("6101011203800001").getFirst();
        var names = app.services().audit().forPerson(person.id()).stream().map(AuditEntry::actorLabel)
                .distinct().toList();
        assertThat(names).contains("Dedi Kurniawan (dedi)", "Sri Wahyuni (sri.wahyuni)");
        assertThat(app.services().audit().check().intact()).isTrue();
    }
}
