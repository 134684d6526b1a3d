package id.lindungdesa.ui.users;

import id.lindungdesa.domain.Role;
import id.lindungdesa.domain.User;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.ui.shell.Screen;
import id.lindungdesa.ui.shell.ScreenContext;
import java.util.EnumSet;
import java.util.Set;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** "Pengguna": the office's users for admins, and everyone's own password, screen lock and sign-out (issue 17). */
public final class UsersView implements Screen {
    /** Scene properties holding Runnables set by the desktop: lock the window, sign out. */
    public static final String LOCK_KEY = "lindungdesa.lockScreen";
    public static final String SIGN_OUT_KEY = "lindungdesa.signOut";

    private final UsersViewModel vm;
    private final VBox root = new VBox(12);
    private final ScrollPane scroll = new ScrollPane(root);
    private final TableView<User> table = new TableView<>();
    private final VBox adminBox = new VBox(8);
    private final Label who = new Label();

    public UsersView(ScreenContext ctx) {
        this.vm = new UsersViewModel(ctx.services().users(), ctx.tasks());
        Label title = new Label(Messages.tr("screen.users"));
        title.getStyleClass().add("h1");
        who.setId("usersSignedIn");

        table.setId("usersTable");
        table.setItems(vm.rows());
        table.setPrefHeight(220);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(Messages.tr("users.field.login"), User::login));
        table.getColumns().add(column(Messages.tr("users.field.name"), User::name));
        table.getColumns().add(column(Messages.tr("users.field.roles"), u -> String.join(", ", u.roles().stream()
                .sorted().map(r -> Messages.tr("role." + r.code())).toList())));
        table.getColumns().add(column(Messages.tr("users.field.state"), u -> Messages.tr(u.active()
                ? "cli.users.active" : "cli.users.disabled") + (u.hasPassword() ? "" : " " + Messages.tr(
                "cli.users.noPasswordYet"))));

        // adding a user
        TextField login = new TextField();
        login.setId("newUserLogin");
        TextField name = new TextField();
        name.setId("newUserName");
        name.setPrefColumnCount(24);
        CheckBox viewer = roleBox(Role.VIEWER);
        CheckBox clerk = roleBox(Role.CLERK);
        CheckBox head = roleBox(Role.HEAD);
        CheckBox admin = roleBox(Role.ADMIN);
        PasswordField pw = new PasswordField();
        pw.setId("newUserPassword");
        PasswordField pw2 = new PasswordField();
        pw2.setId("newUserPassword2");
        Button add = new Button(Messages.tr("users.add"));
        add.setId("addUser");
        add.setOnAction(e -> {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (CheckBox c : java.util.List.of(viewer, clerk, head, admin)) {
                if (c.isSelected()) roles.add((Role) c.getUserData());
            }
            char[] a = pw.getText().toCharArray();
            char[] b = pw2.getText().toCharArray();
            vm.add(login.getText().strip(), name.getText(), roles, a, b, () -> {
                login.clear();
                name.clear();
                pw.clear();
                pw2.clear();
            });
        });
        GridPane form = new GridPane(8, 8);
        form.addRow(0, new Label(Messages.tr("users.field.login")), login);
        form.addRow(1, new Label(Messages.tr("users.field.name")), name);
        form.addRow(2, new Label(Messages.tr("users.field.roles")), new HBox(10, viewer, clerk, head, admin));
        form.addRow(3, new Label(Messages.tr("users.field.password")), pw);
        form.addRow(4, new Label(Messages.tr("users.field.repeatPassword")), pw2);
        Button disable = new Button(Messages.tr("users.disable"));
        disable.setId("disableUser");
        disable.setOnAction(e -> selected(vm::disable));
        Button enable = new Button(Messages.tr("users.enable"));
        enable.setId("enableUser");
        enable.setOnAction(e -> selected(vm::enable));
        Button reset = new Button(Messages.tr("users.reset"));
        reset.setId("resetPassword");
        reset.setOnAction(e -> selected(vm::reset));
        Label addTitle = new Label(Messages.tr("users.addTitle"));
        addTitle.getStyleClass().add("h2");
        adminBox.getChildren().setAll(new HBox(8, disable, enable, reset), addTitle, form, add);

        // one's own password
        PasswordField cur = new PasswordField();
        cur.setId("ownCurrentPassword");
        PasswordField next = new PasswordField();
        next.setId("ownNewPassword");
        PasswordField next2 = new PasswordField();
        next2.setId("ownNewPassword2");
        Button change = new Button(Messages.tr("users.password.change"));
        change.setId("changeOwnPassword");
        change.setOnAction(e -> {
            char[] c = cur.getText().toCharArray();
            char[] n = next.getText().toCharArray();
            char[] n2 = next2.getText().toCharArray();
            cur.clear();
            next.clear();
            next2.clear();
            vm.changeOwn(c, n, n2);
        });
        GridPane own = new GridPane(8, 8);
        own.addRow(0, new Label(Messages.tr("users.field.currentPassword")), cur);
        own.addRow(1, new Label(Messages.tr("users.field.newPassword")), next);
        own.addRow(2, new Label(Messages.tr("users.field.repeatPassword")), next2);
        Label ownTitle = new Label(Messages.tr("users.ownTitle"));
        ownTitle.getStyleClass().add("h2");

        Button lock = new Button(Messages.tr("users.lock.action"));
        lock.setId("lockScreenButton");
        lock.setOnAction(e -> sceneAction(LOCK_KEY));
        Button signOut = new Button(Messages.tr("users.signOut"));
        signOut.setId("signOutButton");
        signOut.setOnAction(e -> sceneAction(SIGN_OUT_KEY));

        Label message = new Label();
        message.setId("usersMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.message());
        Label error = new Label();
        error.setId("usersError");
        error.setWrapText(true);
        error.getStyleClass().add("field-error");
        error.textProperty().bind(vm.error());

        root.getChildren().setAll(title, new HBox(12, who, lock, signOut), message, error, table, adminBox,
                ownTitle, own, change);
        root.setPadding(new Insets(12));
        scroll.setFitToWidth(true);
    }

    private static CheckBox roleBox(Role r) {
        CheckBox c = new CheckBox(Messages.tr("role." + r.code()));
        c.setId("role-" + r.code());
        c.setUserData(r);
        return c;
    }

    private static TableColumn<User, String> column(String title, java.util.function.Function<User, String> f) {
        TableColumn<User, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        return c;
    }

    private void selected(java.util.function.Consumer<User> action) {
        User u = table.getSelectionModel().getSelectedItem();
        if (u == null) {
            vm.error().set(Messages.tr("users.selectFirst"));
            return;
        }
        action.accept(u);
    }

    private void sceneAction(String key) {
        if (root.getScene() != null && root.getScene().getProperties().get(key) instanceof Runnable r) r.run();
    }

    @Override
    public String id() {
        return "users";
    }

    @Override
    public String title() {
        return Messages.tr("screen.users");
    }

    @Override
    public Node view() {
        return scroll;
    }

    @Override
    public void activate() {
        who.setText(Messages.tr("users.signedInAs", vm.signedIn()));
        boolean a = vm.admin();
        adminBox.setVisible(a);
        adminBox.setManaged(a);
        vm.load();
    }
}
