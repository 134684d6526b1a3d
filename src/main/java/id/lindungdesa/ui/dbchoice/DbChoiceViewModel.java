package id.lindungdesa.ui.dbchoice;

import id.lindungdesa.i18n.Messages;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.ServerAddress;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.TaskExecutor;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Pilih basis data" (issue 16, decision 0193): the file on this laptop, or a PostgreSQL server whose connection can
 * be tested ("Uji sambungan") in the background before the desktop opens it. The choice is remembered without
 * the password; a typed password is held in memory for this run only.
 */
public final class DbChoiceViewModel {
    /** What the last connection test said. */
    public enum Outcome { NONE, TESTING, OK, FAILED }

    private final TaskExecutor tasks;
    private final Path settings;
    private final Path defaultFile;
    public final BooleanProperty server = new SimpleBooleanProperty(false);
    public final StringProperty address = new SimpleStringProperty("");
    public final StringProperty user = new SimpleStringProperty("");
    public final StringProperty password = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>(Outcome.NONE);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    /**
     * @param settings where the choice is remembered
     * @param defaultFile the database file on this laptop
     * @param remembered the previous choice (prefills the server fields), or null
     */
    public DbChoiceViewModel(TaskExecutor tasks, Path settings, Path defaultFile, DatabaseChoice remembered) {
        this.tasks = tasks;
        this.settings = settings;
        this.defaultFile = defaultFile;
        String pgUser = System.getenv("PGUSER");
        user.set(pgUser != null && !pgUser.isBlank() ? pgUser : System.getProperty("user.name", ""));
        if (remembered != null && remembered.pointsToServer()) {
            server.set(true);
            address.set(remembered.address());
            if (remembered.user() != null) user.set(remembered.user());
        }
        Runnable changed = () -> {
            if (!busy.get()) {
                outcome.set(Outcome.NONE);
                status.set("");
            }
        };
        address.addListener((o, a, b) -> changed.run());
        user.addListener((o, a, b) -> changed.run());
        password.addListener((o, a, b) -> changed.run());
        server.addListener((o, a, b) -> changed.run());
    }

    public StringProperty statusProperty() { return status; }

    public ObjectProperty<Outcome> outcomeProperty() { return outcome; }

    public BooleanProperty busyProperty() { return busy; }

    public Path defaultFile() { return defaultFile; }

    /** The server as typed (user and typed password applied); throws with the badUrl message when malformed. */
    private ServerAddress typed() {
        String a = address.get() == null ? "" : address.get().strip();
        if (!a.contains("://")) a = ServerAddress.SCHEME + a;
        if (!ServerAddress.isServer(a)) {
            throw new IllegalArgumentException(Messages.tr("database.server.badUrl", a));
        }
        String u = user.get() == null ? "" : user.get().strip();
        String rest = a.substring(a.indexOf("://") + 3);
        int at = rest.lastIndexOf('@', rest.indexOf('/') < 0 ? rest.length() : rest.indexOf('/'));
        if (at >= 0) rest = rest.substring(at + 1); // the user field wins over a user in the address
        String url = ServerAddress.SCHEME + (u.isEmpty() ? ""
                : java.net.URLEncoder.encode(u, java.nio.charset.StandardCharsets.UTF_8) + "@") + rest;
        ServerAddress s;
        try {
            s = ServerAddress.parse(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Messages.tr("database.server.badUrl", e.getMessage()), e);
        }
        String pw = password.get();
        if (pw != null && !pw.isEmpty()) return s.withPassword(pw);
        // the field is empty: a password typed earlier in this run no longer counts (PGPASSWORD / ~/.pgpass do)
        ServerAddress.useTypedPassword(s.host(), s.port(), s.database(), s.user(), null);
        return ServerAddress.parse(url);
    }

    /** "Uji sambungan": connects once in the background and says what it found. */
    public void test() {
        ServerAddress s;
        try {
            s = typed();
        } catch (IllegalArgumentException e) {
            outcome.set(Outcome.FAILED);
            status.set(e.getMessage());
            return;
        }
        busy.set(true);
        outcome.set(Outcome.TESTING);
        status.set(Messages.tr("dbchoice.testing", s.display()));
        tasks.execute(BackgroundTask.of(Messages.tr("dbchoice.test"), p -> Database.checkServer(s))
                .onSuccess(r -> {
                    busy.set(false);
                    if (r.ok()) {
                        outcome.set(Outcome.OK);
                        status.set(Messages.tr("dbchoice.ok", s.database(), s.host() + ":" + s.port(),
                                r.version()));
                    } else {
                        outcome.set(Outcome.FAILED);
                        status.set(r.failure().getMessage());
                    }
                })
                .onFailure(e -> {
                    busy.set(false);
                    outcome.set(Outcome.FAILED);
                    status.set(String.valueOf(e.getMessage()));
                }));
    }

    /**
     * "Lanjut": remembers the choice (in the background) and hands the database to open to {@code open}: the file
     * on this laptop, or the server (a typed password is held in memory for this run, never written).
     */
    public void proceed(Consumer<Path> open) {
        DatabaseChoice choice;
        Path target;
        if (!server.get()) {
            choice = DatabaseChoice.file();
            target = defaultFile;
        } else {
            ServerAddress s;
            try {
                s = typed();
            } catch (IllegalArgumentException e) {
                outcome.set(Outcome.FAILED);
                status.set(e.getMessage());
                return;
            }
            ServerAddress.useTypedPassword(s.host(), s.port(), s.database(), s.user(), password.get());
            choice = DatabaseChoice.server(s);
            target = choice.target(defaultFile);
        }
        busy.set(true);
        tasks.execute(BackgroundTask.of(Messages.tr("dbchoice.remember"), p -> {
                    choice.write(settings);
                    return target;
                })
                .onSuccess(t -> {
                    busy.set(false);
                    open.accept(t);
                })
                .onFailure(e -> { // not remembered: still open it, the next start asks again
                    busy.set(false);
                    open.accept(target);
                }));
    }
}
