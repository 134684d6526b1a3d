package id.lindungdesa.ui.users;

import id.lindungdesa.domain.User;
import id.lindungdesa.i18n.Localized;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.UserService;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.TaskExecutor;
import java.util.Arrays;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The log-in at start and the "Kunci layar" unlock (issue 17): checks the password off the FX thread (Argon2id takes
 * a moment), shows the refusal as it is (wrong, disabled, waiting after five wrong ones), and after a one-time
 * password asks for a new one before going on.
 */
public final class LoginViewModel {
    private final UserService users;
    private final TaskExecutor tasks;
    private final boolean unlock;
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty mustChange = new SimpleBooleanProperty();
    private char[] oneTime;

    /** @param unlock true: the signed-in user unlocks the window; false: anyone signs in */
    public LoginViewModel(UserService users, TaskExecutor tasks, boolean unlock) {
        this.users = users;
        this.tasks = tasks;
        this.unlock = unlock;
    }

    public StringProperty error() {
        return error;
    }

    public BooleanProperty busy() {
        return busy;
    }

    /** True after signing in with a one-time password: a new password is asked before going on. */
    public BooleanProperty mustChange() {
        return mustChange;
    }

    public boolean unlocking() {
        return unlock;
    }

    /** The signed-in user's label when unlocking ("Budi Santoso (budi)"). */
    public String signedIn() {
        return users.session().user().map(User::label).orElse("");
    }

    public void signIn(String login, char[] password, Runnable done) {
        error.set("");
        if (!unlock && (login == null || login.isBlank())) {
            error.set(Messages.tr("users.login.needLogin"));
            return;
        }
        busy.set(true);
        tasks.execute(BackgroundTask.of("sign-in", p -> {
                    if (unlock) {
                        users.unlock(password);
                        return users.session().user().orElseThrow();
                    }
                    return users.signIn(login, password);
                })
                .onSuccess(u -> {
                    busy.set(false);
                    if (!unlock && u.mustChange()) {
                        oneTime = password.clone();
                        mustChange.set(true);
                        error.set(Messages.tr("users.login.oneTime"));
                    } else {
                        done.run();
                    }
                    Arrays.fill(password, '\0');
                })
                .onFailure(e -> {
                    busy.set(false);
                    Arrays.fill(password, '\0');
                    error.set(text(e));
                }));
    }

    /** After a one-time password: the new password, typed twice. */
    public void changeOneTime(char[] next, char[] repeat, Runnable done) {
        error.set("");
        if (!Arrays.equals(next, repeat)) {
            error.set(Messages.tr("users.password.differ"));
            return;
        }
        busy.set(true);
        tasks.execute(BackgroundTask.of("password", p -> {
                    users.changeOwnPassword(oneTime, next);
                    return Boolean.TRUE;
                })
                .onSuccess(x -> {
                    busy.set(false);
                    Arrays.fill(oneTime, '\0');
                    mustChange.set(false);
                    done.run();
                })
                .onFailure(e -> {
                    busy.set(false);
                    error.set(text(e));
                }));
    }

    static String text(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof Localized)) t = t.getCause();
        if (t instanceof Localized l) return l.text().in(Messages.current());
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
