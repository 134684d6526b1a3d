package id.lindungdesa.ui.setup;

import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.Services;
import id.lindungdesa.service.ValidationException;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.Progress;
import id.lindungdesa.task.TaskExecutor;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** First run: set up the office, or try with a demo district. */
public final class SetupView {
    private final VBox root = new VBox(12);

    public SetupView(Services services, TaskExecutor tasks, Runnable done) {
        Label title = new Label(Messages.tr("setup.title"));
        title.getStyleClass().add("h1");
        ComboBox<OfficeLevel> level = new ComboBox<>();
        level.getItems().setAll(OfficeLevel.values());
        level.setValue(OfficeLevel.DISTRICT);
        level.setId("setupLevel");
        TextField code = new TextField();
        code.setId("setupCode");
        code.setPromptText("36.04");
        TextField name = new TextField();
        name.setId("setupName");
        TextField clerk = new TextField();
        clerk.setId("setupClerk");
        Label error = new Label();
        error.setId("setupError");
        error.getStyleClass().add("error");
        GridPane g = new GridPane(8, 8);
        g.addRow(0, new Label(Messages.tr("setup.level")), level);
        g.addRow(1, new Label(Messages.tr("setup.code")), code);
        g.addRow(2, new Label(Messages.tr("setup.name")), name);
        g.addRow(3, new Label(Messages.tr("setup.clerk")), clerk);
        javafx.scene.control.PasswordField passphrase = new javafx.scene.control.PasswordField(); // signed bundles
        passphrase.setId("setupPassphrase");
        passphrase.setPromptText(Messages.tr("bundle.setup.passphraseHint"));
        g.addRow(4, new Label(Messages.tr("bundle.setup.passphrase")), passphrase);
        Button save = new Button(Messages.tr("setup.save"));
        save.setId("setupSave");
        save.setDefaultButton(true);
        Button demo = new Button(Messages.tr("setup.demo"));
        demo.setId("setupDemo");
        save.setOnAction(e -> tasks.execute(BackgroundTask.of("office",
                        p -> {
                            char[] pass = passphrase.getText().toCharArray();
                            if (pass.length > 0 && pass.length < id.lindungdesa.bundle.Passphrases.MIN_LENGTH) {
                                throw ValidationException.of("passphrase", "bundle.error.passphraseShort",
                                        id.lindungdesa.bundle.Passphrases.MIN_LENGTH);
                            }
                            var o = services.office().init(level.getValue(), code.getText().strip(), name.getText(), clerk.getText());
                            if (pass.length > 0 && services.bundles().keys().keys().isEmpty()) services.bundles().keys().init(pass);
                            return o;
                        })
                .onSuccess(o -> done.run())
                .onFailure(ex -> error.setText(ex instanceof ValidationException v ? v.getMessage() : String.valueOf(ex.getMessage())))));
        demo.setOnAction(e -> {
            demo.setDisable(true);
            tasks.execute(BackgroundTask.of("demo", p -> services.demo().generate(null, null, 1, Progress.NONE))
                    .onSuccess(r -> done.run())
                    .onFailure(ex -> {
                        demo.setDisable(false);
                        error.setText(String.valueOf(ex.getMessage()));
                    }));
        });
        root.getChildren().addAll(title, g, save, demo, error);
        root.setPadding(new Insets(32));
    }

    public Parent root() {
        return root;
    }
}
