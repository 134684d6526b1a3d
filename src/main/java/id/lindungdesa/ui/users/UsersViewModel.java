package id.lindungdesa.ui.users;

import id.lindungdesa.domain.Role;
import id.lindungdesa.domain.User;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.UserService;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.TaskExecutor;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The users screen (issue 17): the list, adding a user, disabling and enabling, an admin's reset to a one-time
 * password, and one's own password. The services check the roles; a refusal is shown as its message.
 */
public final class UsersViewModel {
    private final UserService users;
    private final TaskExecutor tasks;
    private final ObservableList<User> rows = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    public UsersViewModel(UserService users, TaskExecutor tasks) {
        this.users = users;
        this.tasks = tasks;
    }

    public ObservableList<User> rows() {
        return rows;
    }

    public StringProperty message() {
        return message;
    }

    public StringProperty error() {
        return error;
    }

    /** Whether the signed-in user may manage users (the controls are shown; the service checks anyway). */
    public boolean admin() {
        return users.session().allows(Role.ADMIN);
    }

    public String signedIn() {
        return users.session().user().map(User::label).orElse("");
    }

    public void load() {
        tasks.execute(BackgroundTask.of("users", p -> users.list()).onSuccess(rows::setAll)
                .onFailure(e -> error.set(LoginViewModel.text(e))));
    }

    public void add(String login, String name, Set<Role> roles, char[] password, char[] repeat, Runnable added) {
        if (!Arrays.equals(password, repeat)) {
            error.set(Messages.tr("users.password.differ"));
            return;
        }
        run(() -> {
            User u = users.add(login, name, roles, password);
            return Messages.tr("users.added", u.login(), u.name());
        }, added);
    }

    public void disable(User u) {
        run(() -> {
            users.disable(u.login());
            return Messages.tr("cli.users.disabledNow", u.login());
        }, null);
    }

    public void enable(User u) {
        run(() -> {
            users.enable(u.login());
            return Messages.tr("cli.users.enabledNow", u.login());
        }, null);
    }

    /** Resets {@code u}'s password to a one-time password, shown once to hand over. */
    public void reset(User u) {
        run(() -> Messages.tr("users.resetDone", u.login(), new String(users.resetPassword(u.login()))), null);
    }

    public void changeOwn(char[] current, char[] next, char[] repeat) {
        if (!Arrays.equals(next, repeat)) {
            error.set(Messages.tr("users.password.differ"));
            return;
        }
        run(() -> {
            users.changeOwnPassword(current, next);
            return Messages.tr("users.password.changed");
        }, null);
    }

    private void run(Supplier<String> work, Runnable after) {
        error.set("");
        message.set("");
        tasks.execute(BackgroundTask.of("users", p -> {
                    String m = work.get();
                    return new Object[] {m, users.list()};
                })
                .onSuccess(r -> {
                    message.set((String) r[0]);
                    @SuppressWarnings("unchecked")
                    List<User> l = (List<User>) r[1];
                    rows.setAll(l);
                    if (after != null) after.run();
                })
                .onFailure(e -> error.set(LoginViewModel.text(e))));
    }
}
