package id.lindungdesa.ui;

import id.lindungdesa.i18n.Messages;
import id.lindungdesa.persistence.DatabaseLockedException;
import id.lindungdesa.service.AppPaths;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.ui.dbchoice.DatabaseChoice;
import id.lindungdesa.ui.dbchoice.DbChoiceView;
import id.lindungdesa.ui.dbchoice.DbChoiceViewModel;
import id.lindungdesa.ui.shell.MainWindow;
import java.nio.file.Path;
import java.util.function.Function;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The desktop. The window appears at once with a "opening" message; the database is opened behind it on a
 * worker thread, then the first-run set-up or the main window replaces the message.
 */
public class DesktopApp extends Application {
    /**
     * How the desktop is started: which database, how to open it (tests pass their own clock). {@code choiceFile}
     * is where the "Pilih basis data" choice is remembered when no {@code --db} was given (decision 0193); null
     * when the database was given, so that it is opened as is and no choice is offered.
     */
    public record Config(Path database, Function<Path, Services> opener, Path choiceFile) {
        public Config(Path database, Function<Path, Services> opener) {
            this(database, opener, null);
        }

        public static Config defaults(Path db) {
            return new Config(db != null ? db : AppPaths.defaultDatabase(),
                    p -> id.lindungdesa.wiring.SecureOpener.open(p, "desktop",
                            new id.lindungdesa.ui.settings.FxPassphrasePrompt(), java.time.Clock.systemDefaultZone()),
                    db != null ? null : AppPaths.dataFolder().resolve(DatabaseChoice.FILE_NAME));
        }
    }

    private static volatile Config launchConfig;
    /** Start-up probe: JVM start → window shown / roster ready (used by the bench command). */
    public static final String PROBE_PROPERTY = "lindungdesa.startupProbe";
    /** Scene property holding a Runnable that rebuilds the main window (after a language switch). */
    public static final String RELOAD_KEY = MainWindow.RELOAD_KEY;

    private final Config config;
    /** The database this run opens: the given one, or the one chosen in "Pilih basis data". */
    private volatile Path target;
    private final FxTaskExecutor tasks = new FxTaskExecutor();
    private Stage stage;
    private Services services;
    private MainWindow main;
    private Thread.UncaughtExceptionHandler fxThreadHandler;

    public DesktopApp() {
        this(launchConfig != null ? launchConfig : Config.defaults(null));
    }

    public DesktopApp(Config config) {
        this.config = config;
        this.target = config.database();
    }

    /** Starts the desktop and blocks until its window closes. */
    public static int launchDesktop(Path db, String lang) {
        if (lang != null) Messages.setCurrent(lang.startsWith("en") ? Messages.ENGLISH : Messages.INDONESIAN);
        launchConfig = Config.defaults(db);
        Application.launch(DesktopApp.class);
        return 0;
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        // Failures are seen: a task without its own handler, and anything thrown on the FX thread, show a dialog
        // (and are in the log file).
        tasks.setDefaultFailureReporter(new FailureDialog(() -> this.stage));
        fxThreadHandler = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> {
            id.lindungdesa.task.TaskFailures.logUncaught(t, e);
            try {
                FailureDialog.show(this.stage, Messages.tr("failure.uncaught"), e);
            } catch (RuntimeException again) {
                id.lindungdesa.task.TaskFailures.logUncaught(t, again);
            }
        });
        stage.setTitle("LindungDesa");
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        Scene scene = new Scene(openingBox(), 1200, 760);
        scene.getStylesheets().add(DesktopApp.class.getResource("/ui/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        Probe.mark("window");
        // issue 17: "Kunci layar" (Ctrl+L) locks the window until the password is typed again
        scene.getAccelerators().put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.L,
                javafx.scene.input.KeyCombination.SHORTCUT_DOWN), this::lock);
        scene.getProperties().put(id.lindungdesa.ui.users.UsersView.LOCK_KEY, (Runnable) this::lock);
        scene.getProperties().put(id.lindungdesa.ui.users.UsersView.SIGN_OUT_KEY, (Runnable) this::signOut);
        stage.setOnCloseRequest(e -> {
            if (main != null) main.close();
        });
        if (config.choiceFile() == null) {
            reopen();
            return;
        }
        // no --db (decision 0193): the remembered choice; on a fresh install (no choice, no default file) ask
        Path defaultFile = config.database();
        tasks.execute(BackgroundTask.of("choose", p -> {
                    var remembered = DatabaseChoice.read(config.choiceFile());
                    if (remembered.isPresent()) return remembered.get().target(defaultFile);
                    boolean exists = java.nio.file.Files.exists(Path.of(defaultFile + ".mv.db"))
                            || java.nio.file.Files.isRegularFile(defaultFile);
                    return exists ? defaultFile : null;
                })
                .onSuccess(t -> {
                    if (t == null) showChoice();
                    else openTarget(t);
                })
                .onFailure(e -> showChoice()));
    }

    private Parent openingBox() {
        ProgressIndicator spin = new ProgressIndicator();
        Label msg = new Label(Messages.tr("app.opening", target));
        msg.setId("openingMessage");
        VBox box = new VBox(16, spin, msg);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(40));
        return box;
    }

    /** "Pilih basis data" (decision 0193): the file on this laptop or a server; "Lanjut" opens it. */
    public void showChoice() {
        Path settings = config.choiceFile();
        DatabaseChoice shown = null; // back from a failed open: the server fields as they were (no file read here)
        if (id.lindungdesa.persistence.ServerAddress.isServer(target)) {
            try {
                shown = DatabaseChoice.server(id.lindungdesa.persistence.ServerAddress.parse(target.toString(),
                        k -> null, null));
            } catch (IllegalArgumentException e) {
                shown = null;
            }
        }
        var vm = new DbChoiceViewModel(tasks, settings, config.database(), shown);
        setRoot(new DbChoiceView(vm, this::openTarget).root());
        stage.setTitle("LindungDesa");
    }

    private void openTarget(Path chosen) {
        this.target = chosen;
        setRoot(openingBox());
        reopen();
    }

    private void opened(Services s) {
        this.services = s;
        tasks.execute(BackgroundTask.of("daily backup", p -> s.backups().dailyIfDue())
                .onFailure(e -> {
                    if (main != null) main.say(Messages.tr("backup.failed", e.getMessage()));
                }));
        if (s.currentOffice().isEmpty()) {
            setRoot(new id.lindungdesa.ui.setup.SetupView(s, tasks, this::showMain).root());
        } else if (s.users().loginOn() && s.session().user().isEmpty()) {
            showLogin(); // issue 17: the login is on (more than one user)
        } else {
            showMain();
        }
    }

    /** The log-in screen (issue 17): the main window once someone has signed in. */
    public void showLogin() {
        String office = services.currentOffice().map(o -> o.name()).orElse("");
        var vm = new id.lindungdesa.ui.users.LoginViewModel(services.users(), tasks, false);
        setRoot(new id.lindungdesa.ui.users.LoginView(vm, office, this::showMain).root());
        stage.setTitle("LindungDesa — " + office);
    }

    /** "Kunci layar": the window shows nothing but the password prompt of the signed-in user until it is typed. */
    public void lock() {
        if (main == null || services == null || services.session().user().isEmpty()) return;
        if (!services.session().user().get().hasPassword()) {
            main.say(Messages.tr("users.lock.noPassword"));
            return;
        }
        Parent showing = stage.getScene().getRoot();
        String office = services.currentOffice().map(o -> o.name()).orElse("");
        var vm = new id.lindungdesa.ui.users.LoginViewModel(services.users(), tasks, true);
        setRoot(new id.lindungdesa.ui.users.LoginView(vm, office, () -> setRoot(showing)).root());
    }

    /** Signs out and shows the log-in screen (only when the login is on). */
    public void signOut() {
        if (services == null || !services.users().loginOn()) return;
        services.session().signOut();
        if (main != null) main.close();
        main = null;
        showLogin();
    }

    /** Replaces the window content with the main window. */
    public void showMain() {
        String showing = main == null ? null : main.activeScreenId();
        java.util.Map<String, Object> kept = main == null ? java.util.Map.of() : main.kept();
        if (main != null) main.close();
        main = new MainWindow(services, tasks);
        main.restore(kept);
        if (showing != null && main.screen(showing) != null) {
            main.navigate(showing, null);
        } else if (Boolean.getBoolean(PROBE_PROPERTY) && main.screen("roster") != null) {
            // The start-up probe (bench startup, the AOT training run) measures launch -> usable roster.
            main.navigate("roster", null);
        }
        stage.getScene().getProperties().put(RELOAD_KEY, (Runnable) this::showMain);
        setRoot((Parent) main.root());
        stage.setTitle("LindungDesa — " + services.currentOffice().map(o -> o.name()).orElse("")
                + services.session().user().map(u -> " — " + u.label()).orElse("")); // issue 17: who is signed in
    }

    private void setRoot(Parent p) {
        stage.getScene().setRoot(p);
    }

    private void failedToOpen(Throwable e) {
        String text;
        if (e instanceof DatabaseLockedException l) {
            text = Messages.tr("app.locked", l.file(), l.holder() == null
                    ? Messages.tr("app.lockedUnreadable", l.unreadable()) : l.holder());
        } else {
            text = Messages.tr("app.openFailed", target, String.valueOf(e.getMessage()));
        }
        Label msg = new Label(text);
        msg.setId("openError");
        msg.setWrapText(true);
        msg.setMaxWidth(700);
        Button close = new Button(Messages.tr("action.close"));
        close.setOnAction(ev -> Platform.exit());
        VBox box = new VBox(16, msg);
        if (e instanceof id.lindungdesa.persistence.DatabaseUnreadableException) {
            msg.setText(Messages.tr("backup.damaged", target));
            offerNewestBackup(box);
        } else if (e instanceof id.lindungdesa.security.AccessRefusedException) {
            msg.setText(e.getMessage());
            Button retry = new Button(Messages.tr("security.retry"));
            retry.setId("openRetry");
            retry.setOnAction(ev -> reopen());
            box.getChildren().add(retry);
        }
        if (config.choiceFile() != null) { // no --db: back to "Pilih basis data" (decision 0193)
            Button choose = new Button(Messages.tr("dbchoice.back"));
            choose.setId("openChooseAgain");
            choose.setMnemonicParsing(true);
            choose.setOnAction(ev -> showChoice());
            box.getChildren().add(choose);
        }
        box.getChildren().add(close);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(40));
        setRoot(box);
    }

    private void reopen() {
        tasks.execute(BackgroundTask.of("open", p -> {
                    Services opened = config.opener().apply(target);
                    opened.office().setting("ui.language").ifPresent(l -> Messages.setCurrent(
                            l.startsWith("en") ? Messages.ENGLISH : Messages.INDONESIAN));
                    return opened;
                })
                .onSuccess(this::opened)
                .onFailure(this::failedToOpen));
    }

    /** A damaged database: offer the newest verified backup; the damaged file is moved aside, never overwritten. */
    private void offerNewestBackup(VBox box) {
        var newest = id.lindungdesa.backup.BackupService.newestVerified(target);
        if (newest.isEmpty()) {
            box.getChildren().add(new Label(Messages.tr("backup.noneVerified")));
            return;
        }
        var entry = newest.get();
        Label which = new Label(Messages.tr("backup.newest", entry.info().createdAt().replace('T', ' '),
                entry.info().count("PERSON"), entry.file()));
        which.setWrapText(true);
        which.setMaxWidth(700);
        Button restore = new Button(Messages.tr("backup.restoreNewest"));
        restore.setId("restoreNewest");
        restore.setOnAction(ev -> {
            restore.setDisable(true);
            tasks.execute(BackgroundTask.of("restore", p -> {
                java.nio.file.Path base = id.lindungdesa.persistence.Database.basePath(target);
                String pw = id.lindungdesa.wiring.SecureOpener.filePassword(base,
                        new id.lindungdesa.ui.settings.FxPassphrasePrompt(), false);
                java.nio.file.Path aside = id.lindungdesa.backup.BackupService.restoreDamaged(base, entry.file(), pw,
                        null, java.time.Clock.systemDefaultZone(), id.lindungdesa.wiring.FileKeys.INSTANCE);
                Services s = config.opener().apply(target);
                return java.util.Map.entry(s, aside);
            }).onSuccess(r -> {
                opened(r.getKey());
                if (main != null) main.say(Messages.tr("backup.damagedKept", r.getValue()));
            }).onFailure(this::failedToOpen));
        });
        box.getChildren().addAll(which, restore);
    }

    public Services services() {
        return services;
    }

    public MainWindow mainWindow() {
        return main;
    }

    public FxTaskExecutor tasks() {
        return tasks;
    }

    @Override
    public void stop() {
        if (fxThreadHandler != null) Thread.currentThread().setUncaughtExceptionHandler(fxThreadHandler);
        if (main != null) main.close();
        tasks.shutdown();
        if (services != null) services.close();
    }

    /** Start-up timing printed for the bench command when -Dlindungdesa.startupProbe=true. */
    public static final class Probe {
        private Probe() {}

        public static void mark(String what) {
            if (!Boolean.getBoolean(PROBE_PROPERTY)) return;
            long ms = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("probe " + what + " " + ms);
            System.out.flush();
            if (what.equals("roster")) Platform.exit();
        }
    }
}
