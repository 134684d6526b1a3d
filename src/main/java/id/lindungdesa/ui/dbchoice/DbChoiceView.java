package id.lindungdesa.ui.dbchoice;

import id.lindungdesa.i18n.Messages;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** "Pilih basis data": the file on this laptop or a database server (decision 0193). No SQL here. */
public final class DbChoiceView {
    private final VBox root;

    public DbChoiceView(DbChoiceViewModel vm, Consumer<Path> open) {
        Label title = new Label(Messages.tr("dbchoice.title"));
        title.setId("dbChoiceTitle");
        title.getStyleClass().add("title");
        Label intro = new Label(Messages.tr("dbchoice.intro"));
        intro.setWrapText(true);

        ToggleGroup group = new ToggleGroup();
        RadioButton local = new RadioButton(Messages.tr("dbchoice.local"));
        local.setId("dbChoiceLocal");
        local.setMnemonicParsing(true);
        local.setToggleGroup(group);
        Label localHint = new Label(Messages.tr("dbchoice.localHint", vm.defaultFile()));
        localHint.setWrapText(true);
        localHint.setPadding(new Insets(0, 0, 0, 26));
        RadioButton remote = new RadioButton(Messages.tr("dbchoice.server"));
        remote.setId("dbChoiceServer");
        remote.setMnemonicParsing(true);
        remote.setToggleGroup(group);
        (vm.server.get() ? remote : local).setSelected(true);
        group.selectedToggleProperty().addListener((o, a, b) -> vm.server.set(b == remote));

        TextField address = new TextField();
        address.setId("dbChoiceAddress");
        address.setPromptText("postgresql://HOST[:PORT]/NAMA_BASIS_DATA");
        address.textProperty().bindBidirectional(vm.address);
        TextField user = new TextField();
        user.setId("dbChoiceUser");
        user.textProperty().bindBidirectional(vm.user);
        PasswordField password = new PasswordField();
        password.setId("dbChoicePassword");
        password.setPromptText(Messages.tr("dbchoice.passwordHint"));
        password.textProperty().bindBidirectional(vm.password);
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.setPadding(new Insets(0, 0, 0, 26));
        Label la = new Label(Messages.tr("dbchoice.address"));
        la.setLabelFor(address);
        Label lu = new Label(Messages.tr("dbchoice.user"));
        lu.setLabelFor(user);
        Label lp = new Label(Messages.tr("dbchoice.password"));
        lp.setLabelFor(password);
        for (Label l : new Label[] {la, lu, lp}) l.setMnemonicParsing(true);
        g.addRow(0, la, address);
        g.addRow(1, lu, user);
        g.addRow(2, lp, password);
        address.setPrefColumnCount(34);
        Label passwordNote = new Label(Messages.tr("dbchoice.passwordNote"));
        passwordNote.setWrapText(true);
        passwordNote.setMaxWidth(620);
        g.add(passwordNote, 1, 3);
        Button test = new Button(Messages.tr("dbchoice.test"));
        test.setId("dbChoiceTest");
        test.setMnemonicParsing(true);
        test.setOnAction(e -> vm.test());
        g.add(test, 1, 4);
        Label status = new Label();
        status.setId("dbChoiceStatus");
        status.setWrapText(true);
        status.setMaxWidth(620);
        status.textProperty().bind(vm.statusProperty());
        vm.outcomeProperty().addListener((o, a, b) -> {
            status.getStyleClass().removeAll("error", "ok");
            if (b == DbChoiceViewModel.Outcome.FAILED) status.getStyleClass().add("error");
            if (b == DbChoiceViewModel.Outcome.OK) status.getStyleClass().add("ok");
        });
        g.add(status, 1, 5);
        g.disableProperty().bind(vm.server.not());
        test.disableProperty().bind(vm.busyProperty());

        Button next = new Button(Messages.tr("dbchoice.next"));
        next.setId("dbChoiceNext");
        next.setMnemonicParsing(true);
        next.setDefaultButton(true);
        next.disableProperty().bind(vm.busyProperty());
        next.setOnAction(e -> vm.proceed(open));
        HBox buttons = new HBox(10, next);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        root = new VBox(12, title, intro, local, localHint, remote, g, buttons);
        root.setId("dbChoiceRoot");
        root.setPadding(new Insets(28));
        root.setMaxWidth(820);
        root.setFillWidth(true);
    }

    public Parent root() {
        return root;
    }
}
