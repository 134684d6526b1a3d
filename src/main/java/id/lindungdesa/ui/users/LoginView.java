package id.lindungdesa.ui.users;

import id.lindungdesa.i18n.Messages;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The log-in screen at start (when the office's login is on) and the locked window ("Kunci layar"). */
public final class LoginView {
    private final VBox root = new VBox(14);
    private final LoginViewModel vm;

    public LoginView(LoginViewModel vm, String officeName, Runnable done) {
        this.vm = vm;
        Label title = new Label(vm.unlocking() ? Messages.tr("users.lock.title") : Messages.tr("users.login.title"));
        title.getStyleClass().add("h1");
        title.setId("loginTitle");
        Label office = new Label(vm.unlocking() ? Messages.tr("users.lock.who", vm.signedIn(), officeName)
                : officeName);
        office.setWrapText(true);
        TextField login = new TextField();
        login.setId("loginName");
        login.setPrefColumnCount(20);
        PasswordField password = new PasswordField();
        password.setId("loginPassword");
        Button go = new Button(vm.unlocking() ? Messages.tr("users.lock.unlock") : Messages.tr("users.login.signIn"));
        go.setId("loginButton");
        go.setDefaultButton(true);
        go.disableProperty().bind(vm.busy());
        Label error = new Label();
        error.setId("loginError");
        error.setWrapText(true);
        error.getStyleClass().add("field-error");
        error.textProperty().bind(vm.error());
        GridPane g = new GridPane(8, 8);
        int row = 0;
        if (!vm.unlocking()) {
            Label l = new Label(Messages.tr("users.field.login"));
            l.setLabelFor(login);
            g.addRow(row++, l, login);
        }
        Label p = new Label(Messages.tr("users.field.password"));
        p.setLabelFor(password);
        g.addRow(row, p, password);
        go.setOnAction(e -> {
            char[] pw = password.getText().toCharArray();
            password.clear();
            vm.signIn(login.getText().strip(), pw, done);
        });

        // after a one-time password: a new one, typed twice
        PasswordField next = new PasswordField();
        next.setId("loginNewPassword");
        PasswordField repeat = new PasswordField();
        repeat.setId("loginNewPassword2");
        Button change = new Button(Messages.tr("users.password.change"));
        change.setId("loginChangePassword");
        change.setDefaultButton(true);
        GridPane g2 = new GridPane(8, 8);
        g2.addRow(0, new Label(Messages.tr("users.field.newPassword")), next);
        g2.addRow(1, new Label(Messages.tr("users.field.repeatPassword")), repeat);
        VBox changeBox = new VBox(8, g2, change);
        changeBox.visibleProperty().bind(vm.mustChange());
        changeBox.managedProperty().bind(vm.mustChange());
        VBox signInBox = new VBox(8, g, go);
        signInBox.visibleProperty().bind(vm.mustChange().not());
        signInBox.managedProperty().bind(vm.mustChange().not());
        change.setOnAction(e -> {
            char[] a = next.getText().toCharArray();
            char[] b = repeat.getText().toCharArray();
            next.clear();
            repeat.clear();
            vm.changeOneTime(a, b, done);
        });

        root.getChildren().setAll(title, office, signInBox, changeBox, error);
        root.setAlignment(Pos.CENTER);
        root.setMaxWidth(460);
        root.setPadding(new Insets(40));
        root.setId(vm.unlocking() ? "lockScreen" : "loginScreen");
        javafx.application.Platform.runLater(() -> (vm.unlocking() ? password : login).requestFocus());
    }

    public Parent root() {
        VBox outer = new VBox(root);
        outer.setAlignment(Pos.CENTER);
        return outer;
    }
}
