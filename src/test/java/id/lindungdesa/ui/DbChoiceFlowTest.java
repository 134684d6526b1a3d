package id.lindungdesa.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.i18n.Messages;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.ServerAddress;
import id.lindungdesa.testing.FxAppHarness;
import id.lindungdesa.testing.TestDb;
import id.lindungdesa.testing.TestPostgres;
import id.lindungdesa.wiring.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.LocalDate;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * "Pilih basis data" through the real window (issue 16, decision 0193): a fresh install started without --db
 * asks where the data is kept, tests a server connection with a clear message, remembers the choice without the
 * password, and goes on to the office set-up on the chosen database.
 */
class DbChoiceFlowTest extends FxRobot {
    @TempDir
    Path dir;
    DesktopApp app;
    Path choice;

    @BeforeEach
    void setUp() {
        Messages.setCurrent(Messages.INDONESIAN);
        System.setProperty("lindungdesa.home", dir.resolve("home").toString());
        choice = dir.resolve("home").resolve("database-choice.json");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) FxAppHarness.stop(app);
        System.clearProperty("lindungdesa.home");
    }

    /** Starts the desktop as with no --db: the default file is {@code dir/desk}, the choice is remembered in home. */
    private void startWithoutDb() throws Exception {
        FxToolkit.registerPrimaryStage();
        javafx.application.Platform.setImplicitExit(false);
        LocalDate today = LocalDate.of(2026, 2, 2);
        DesktopApp.Config cfg = new DesktopApp.Config(dir.resolve("desk"),
                p -> ServerAddress.isServer(p) ? Services.open(p, "desktop")
                        : new Services(Database.open(p, Database.Options.of("desktop")), TestDb.clockAt(today)),
                choice);
        app = (DesktopApp) FxToolkit.setupApplication(() -> new DesktopApp(cfg));
        FxAppHarness.waitUntil("the database choice", () -> lookup("#dbChoiceRoot").tryQuery().isPresent());
    }

    private void typeServer(String address, String user, String password) {
        clickOn("#dbChoiceServer");
        interact(() -> {
            lookup("#dbChoiceAddress").queryAs(TextField.class).setText(address);
            lookup("#dbChoiceUser").queryAs(TextField.class).setText(user);
            lookup("#dbChoicePassword").queryAs(TextField.class).setText(password);
        });
    }

    /** Presses "Uji sambungan" and returns what the screen says once the test is over. */
    private String testConnection() throws Exception {
        clickOn("#dbChoiceTest");
        FxAppHarness.waitUntil("the connection test", () -> {
            String s = lookup("#dbChoiceStatus").queryAs(Label.class).getText();
            return !s.isEmpty() && !s.startsWith("Menghubungi");
        });
        return lookup("#dbChoiceStatus").queryAs(Label.class).getText();
    }

    private static String addressOf(ServerAddress db, String database) {
        return "postgresql://" + db.host() + ":" + db.port() + "/" + database;
    }

    @Test
    void aServerThatAnswersIsTestedRememberedWithoutThePasswordAndSetUp() throws Exception {
        ServerAddress db = TestPostgres.freshDatabase();
        startWithoutDb();
        // the test server trusts this user: the typed password is not needed, but it must never be written
        typeServer(addressOf(db, db.database()), db.user(), "rahasia-sekali-42");
        String said = testConnection();
        assertThat(said).startsWith("Sambungan berhasil").contains(db.database(), "PostgreSQL");
        clickOn("#dbChoiceNext");
        FxAppHarness.waitUntil("the office set-up", () -> lookup("#setupCode").tryQuery().isPresent());
        assertThat(app.services().database().onServer()).isTrue();
        assertThat(app.services().database().server().database()).isEqualTo(db.database());
        String remembered = Files.readString(choice);
        assertThat(remembered).contains(addressOf(db, db.database()), "\"user\":\"" + db.user() + "\"", "server")
                .doesNotContain("rahasia").doesNotContainIgnoringCase("password");
        assertThat(Files.exists(dir.resolve("desk.mv.db"))).as("no local file made").isFalse();
    }

    @Test
    void aClosedPortSaysTheServerCannotBeReached() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        startWithoutDb();
        typeServer("postgresql://127.0.0.1:" + port + "/lindungdesa", "desa", "");
        assertThat(testConnection()).contains("tidak dapat dihubungi", "127.0.0.1:" + port);
        assertThat(Files.exists(choice)).as("a test remembers nothing").isFalse();
    }

    @Test
    void anUnknownDatabaseIsNamed() throws Exception {
        ServerAddress db = TestPostgres.freshDatabase();
        startWithoutDb();
        typeServer(addressOf(db, "kantor_belum_ada"), db.user(), "");
        assertThat(testConnection()).contains("Basis data kantor_belum_ada tidak ada di server", "createdb");
    }

    @Test
    void aWrongPasswordSaysSo() throws Exception {
        ServerAddress db = TestPostgres.freshDatabase();
        String role = TestPostgres.PASSWORD_ROLE;
        try (var c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()); var st = c.createStatement()) {
            try (var rs = st.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
                st.execute((rs.next() ? "ALTER" : "CREATE") + " ROLE " + role + " LOGIN PASSWORD 'benar-sekali'");
            }
            st.execute("ALTER DATABASE " + db.database() + " OWNER TO " + role);
        }
        startWithoutDb();
        typeServer(addressOf(db, db.database()), role, "salah");
        String said = testConnection();
        Assumptions.assumeFalse(said.startsWith("Sambungan berhasil"), "PostgreSQL wrong-password test skipped: "
                + "the test server trusts " + role + " (add 'host all " + role + " 127.0.0.1/32 scram-sha-256' first)");
        assertThat(said).contains("menolak pengguna " + role, "kata sandi salah").doesNotContain("salah@");
        interact(() -> lookup("#dbChoicePassword").queryAs(TextField.class).setText("benar-sekali"));
        assertThat(testConnection()).startsWith("Sambungan berhasil");
        // "Lanjut" opens the server with the typed password (held in memory only): the office set-up follows
        clickOn("#dbChoiceNext");
        FxAppHarness.waitUntil("the office set-up", () -> lookup("#setupCode").tryQuery().isPresent());
        assertThat(app.services().database().server().user()).isEqualTo(role);
        assertThat(Files.readString(choice)).contains(role).doesNotContain("benar-sekali");
    }

    @Test
    void theLaptopFileGoesOnToTheOfficeSetUpAndIsRemembered() throws Exception {
        startWithoutDb();
        // the screen fits a 1366×768 laptop: the window is 1200×760 and "Lanjut" is inside it
        javafx.geometry.Bounds next = lookup("#dbChoiceNext").query().localToScene(
                lookup("#dbChoiceNext").query().getBoundsInLocal());
        javafx.scene.Scene scene = lookup("#dbChoiceRoot").query().getScene();
        assertThat(next.getMaxY()).isLessThanOrEqualTo(scene.getHeight());
        assertThat(next.getMaxX()).isLessThanOrEqualTo(scene.getWidth());
        clickOn("#dbChoiceNext"); // "Basis data di laptop ini" is chosen at first
        FxAppHarness.waitUntil("the office set-up", () -> lookup("#setupCode").tryQuery().isPresent());
        assertThat(app.services().database().onServer()).isFalse();
        assertThat(Files.exists(dir.resolve("desk.mv.db"))).isTrue();
        assertThat(Files.readString(choice)).contains("\"kind\":\"file\"");
    }

    @Test
    void anExistingLaptopFileOpensWithoutAskingAsBefore() throws Exception {
        new Services(Database.open(dir.resolve("desk"), Database.Options.of("desktop")), TestDb.clockAt(
                LocalDate.of(2026, 2, 2))).close();
        FxToolkit.registerPrimaryStage();
        javafx.application.Platform.setImplicitExit(false);
        DesktopApp.Config cfg = new DesktopApp.Config(dir.resolve("desk"),
                p -> new Services(Database.open(p, Database.Options.of("desktop")),
                        TestDb.clockAt(LocalDate.of(2026, 2, 2))), choice);
        app = (DesktopApp) FxToolkit.setupApplication(() -> new DesktopApp(cfg));
        FxAppHarness.waitUntil("the office set-up", () -> lookup("#setupCode").tryQuery().isPresent());
        assertThat(lookup("#dbChoiceRoot").tryQuery()).isEmpty();
        assertThat(Files.exists(choice)).isFalse();
    }

    @Test
    void aRememberedServerThatFailsSaysWhyAndLeadsBackToTheChoice() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.createDirectories(choice.getParent());
        Files.writeString(choice, "{\"kind\":\"server\",\"address\":\"postgresql://127.0.0.1:" + port
                + "/lindungdesa\",\"user\":\"desa\"}");
        FxToolkit.registerPrimaryStage();
        javafx.application.Platform.setImplicitExit(false);
        DesktopApp.Config cfg = new DesktopApp.Config(dir.resolve("desk"), p -> Services.open(p, "desktop"), choice);
        app = (DesktopApp) FxToolkit.setupApplication(() -> new DesktopApp(cfg));
        FxAppHarness.waitUntil("the open failure", () -> lookup("#openError").tryQuery().isPresent());
        assertThat(lookup("#openError").queryAs(Label.class).getText()).contains("tidak dapat dihubungi");
        clickOn("#openChooseAgain");
        FxAppHarness.waitUntil("the database choice", () -> lookup("#dbChoiceRoot").tryQuery().isPresent());
        assertThat(lookup("#dbChoiceAddress").queryAs(TextField.class).getText())
                .isEqualTo("postgresql://127.0.0.1:" + port + "/lindungdesa");
        assertThat(lookup("#dbChoiceUser").queryAs(TextField.class).getText()).isEqualTo("desa");
    }
}
