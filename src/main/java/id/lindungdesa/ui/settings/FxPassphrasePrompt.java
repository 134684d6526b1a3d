package id.lindungdesa.ui.settings;

import id.lindungdesa.i18n.Messages;
import id.lindungdesa.security.PassphrasePrompt;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * Asks for passphrases with dialogs on the desktop. Called from the worker thread that opens the database: each
 * question is shown on the JavaFX thread and the worker waits for the answer (the FX thread never waits).
 */
public final class FxPassphrasePrompt implements PassphrasePrompt {

    private static <T> T onFx(Supplier<T> dialog) {
        if (Platform.isFxApplicationThread()) return dialog.get();
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(dialog.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f.join();
    }

    @Override
    public char[] existing(Path database, int attempt, String problem) {
        return onFx(() -> {
            Dialog<String> d = new Dialog<>();
            d.setTitle("LindungDesa");
            d.setHeaderText(Messages.tr("security.askPass", database.getFileName()));
            PasswordField pass = new PasswordField();
            pass.setId("unlockPassphrase");
            Label err = new Label(problem == null ? "" : problem);
            err.getStyleClass().add("error");
            VBox box = new VBox(8, pass, err);
            box.setPadding(new Insets(12));
            d.getDialogPane().setContent(box);
            ButtonType open = new ButtonType(Messages.tr("security.open"), ButtonBar.ButtonData.OK_DONE);
            d.getDialogPane().getButtonTypes().addAll(open, ButtonType.CANCEL);
            d.getDialogPane().lookupButton(open).setId("unlockOpen");
            d.setResultConverter(b -> b == open ? pass.getText() : null);
            Platform.runLater(pass::requestFocus);
            Optional<String> r = d.showAndWait();
            return r.map(String::toCharArray).orElse(null);
        });
    }

    @Override
    public char[] chooseNew(Path database) {
        return onFx(() -> {
            Dialog<String> d = new Dialog<>();
            d.setTitle("LindungDesa");
            d.setHeaderText(Messages.tr("security.chooseNew"));
            PasswordField p1 = new PasswordField();
            p1.setId("newPassphrase1");
            p1.setPromptText(Messages.tr("security.newPass"));
            PasswordField p2 = new PasswordField();
            p2.setId("newPassphrase2");
            p2.setPromptText(Messages.tr("security.repeat"));
            Label hint = new Label(Messages.tr("security.chooseHint"));
            hint.setWrapText(true);
            hint.setMaxWidth(460);
            VBox box = new VBox(8, hint, p1, p2);
            box.setPadding(new Insets(12));
            d.getDialogPane().setContent(box);
            ButtonType ok = new ButtonType(Messages.tr("security.encrypt"), ButtonBar.ButtonData.OK_DONE);
            ButtonType none = new ButtonType(Messages.tr("security.noEncryption"), ButtonBar.ButtonData.OTHER);
            d.getDialogPane().getButtonTypes().addAll(ok, none);
            var okButton = d.getDialogPane().lookupButton(ok);
            okButton.setId("newPassphraseOk");
            okButton.disableProperty().bind(p1.textProperty().length().lessThan(8)
                    .or(p1.textProperty().isNotEqualTo(p2.textProperty())));
            d.setResultConverter(b -> b == ok ? p1.getText() : null);
            return d.showAndWait().map(String::toCharArray).orElse(null);
        });
    }

    @Override
    public void showRecoveryCode(Path database, String code) {
        onFx(() -> {
            Dialog<Void> d = new Dialog<>();
            d.setTitle("LindungDesa");
            d.setHeaderText(Messages.tr("security.recoveryTitle"));
            TextField f = new TextField(code);
            f.setId("shownRecoveryCode");
            f.setEditable(false);
            f.setPrefColumnCount(42);
            Label hint = new Label(Messages.tr("security.recoveryHint"));
            hint.setWrapText(true);
            hint.setMaxWidth(460);
            VBox box = new VBox(8, f, hint);
            box.setPadding(new Insets(12));
            d.getDialogPane().setContent(box);
            ButtonType done = new ButtonType(Messages.tr("security.written"), ButtonBar.ButtonData.OK_DONE);
            d.getDialogPane().getButtonTypes().add(done);
            d.getDialogPane().lookupButton(done).setId("recoveryDone");
            d.showAndWait();
            return null;
        });
    }

    @Override
    public void warn(String message) {
        // the desktop shows the encryption state on the settings screen; nothing to interrupt here
    }
}
