package id.lindungdesa.ui.setup;

import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.TaskExecutor;
import id.lindungdesa.ui.form.Forms;
import java.util.HashMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * First run: set up the office (with inline messages), or try with a demo district. Set-up imports the office's
 * regions from the list shipped with the program; only when that list lacks the office's code does the
 * regions-import step follow (which can be skipped and done later from the roster screen).
 */
public final class SetupView {
    private final StackPane root = new StackPane();
    private final Services services;
    private final TaskExecutor tasks;
    private final Runnable done;
    private final SetupViewModel vm;
    private javafx.collections.MapChangeListener<String, String> errorBinding;

    public SetupView(Services services, TaskExecutor tasks, Runnable done) {
        this.services = services;
        this.tasks = tasks;
        this.done = done;
        this.vm = new SetupViewModel(services.office(), services.bundles().keys(), services.regions(),
                services.demo(), tasks);
        root.setId("setupRoot");
        root.getChildren().setAll(officeStep());
    }

    private Parent officeStep() {
        Label title = new Label(Messages.tr("setup.title"));
        title.getStyleClass().add("h1");
        title.setId("setupTitle");
        // Issue 13: at 1366×768 the title wraps rather than end in "…", and the language box keeps its width.
        title.setWrapText(true);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label intro = new Label(Messages.tr("setup.intro"));
        intro.setWrapText(true);
        intro.setMaxWidth(620);
        ComboBox<OfficeLevel> level = new ComboBox<>();
        level.getItems().setAll(OfficeLevel.values());
        level.setId("setupLevel");
        level.setCellFactory(l -> levelCell());
        level.setButtonCell(levelCell());
        level.valueProperty().bindBidirectional(vm.level);
        TextField code = new TextField();
        code.setId("setupCode");
        code.setPromptText("36.04");
        code.textProperty().bindBidirectional(vm.code);
        TextField name = new TextField();
        name.setId("setupName");
        name.setPromptText("DPMD Kabupaten Serang");
        name.setPrefColumnCount(28);
        name.textProperty().bindBidirectional(vm.name);
        TextField clerk = new TextField();
        clerk.setId("setupClerk");
        clerk.textProperty().bindBidirectional(vm.clerk);
        Map<String, Label> errors = new HashMap<>();
        GridPane g = Forms.grid();
        Forms.row(g, 0, Messages.tr("setup.level"), level, err(errors, "level", "setupLevelError"));
        Forms.row(g, 1, Messages.tr("setup.code"), code, err(errors, "code", "setupCodeError"));
        Forms.row(g, 2, Messages.tr("setup.name"), name, err(errors, "name", "setupNameError"));
        Forms.row(g, 3, Messages.tr("setup.clerk"), clerk, err(errors, "clerk", "setupClerkError"));
        javafx.scene.control.PasswordField passphrase = new javafx.scene.control.PasswordField();
        passphrase.setId("setupPassphrase");
        passphrase.setPromptText(Messages.tr("bundle.setup.passphraseHint"));
        passphrase.textProperty().bindBidirectional(vm.passphrase);
        Forms.row(g, 4, Messages.tr("bundle.setup.passphrase"), passphrase,
                err(errors, "passphrase", "setupPassphraseError"));
        Label clerkHint = new Label(Messages.tr("setup.clerkHint"));
        clerkHint.getStyleClass().add("hint");
        Label error = Forms.errorLabel("setupError");
        if (errorBinding != null) vm.errors().removeListener(errorBinding);
        errorBinding = Forms.bind(vm.errors(), errors, error);
        Button save = new Button(Messages.tr("setup.save"));
        save.setId("setupSave");
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> vm.save(o -> {
            if (vm.regionsImported()) {
                done.run();
            } else {
                root.getChildren().setAll(importStep());
            }
        }));

        Label demoTitle = new Label(Messages.tr("setup.demoTitle"));
        demoTitle.getStyleClass().add("h2");
        Label demoExplain = new Label(Messages.tr("setup.demoExplain"));
        demoExplain.setWrapText(true);
        demoExplain.setMaxWidth(620);
        Button demo = new Button(Messages.tr("setup.demo"));
        demo.setId("setupDemo");
        demo.disableProperty().bind(vm.busyProperty());
        demo.setOnAction(e -> vm.demo(done));
        ProgressBar bar = new ProgressBar();
        bar.setId("demoProgress");
        bar.setPrefWidth(300);
        bar.progressProperty().bind(vm.demoProgressProperty());
        bar.visibleProperty().bind(vm.busyProperty().and(vm.demoStatusProperty().isNotEmpty()));
        Button cancelDemo = new Button(Messages.tr("action.cancel"));
        cancelDemo.setId("demoCancel");
        cancelDemo.visibleProperty().bind(bar.visibleProperty());
        cancelDemo.setOnAction(e -> vm.cancelDemo());
        Label demoStatus = new Label();
        demoStatus.setId("demoStatus");
        demoStatus.textProperty().bind(vm.demoStatusProperty());
        HBox demoRow = new HBox(8, demo, bar, cancelDemo);
        demoRow.setAlignment(Pos.CENTER_LEFT);

        ComboBox<String> language = new ComboBox<>();
        language.setId("setupLanguage");
        language.getItems().setAll("Bahasa Indonesia", "English");
        language.setValue(Messages.current().indonesian() ? "Bahasa Indonesia" : "English");
        language.valueProperty().addListener((o, a, b) -> {
            String lang = "English".equals(b) ? "en" : "id";
            Messages.setCurrent("en".equals(lang) ? Messages.ENGLISH : Messages.INDONESIAN);
            tasks.execute(id.lindungdesa.task.BackgroundTask.<Void>of("language", p -> {
                services.office().putSetting("ui.language", lang);
                return null;
            }));
            root.getChildren().setAll(officeStep());
        });
        language.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox head = new HBox(16, title, language);
        head.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(title, javafx.scene.layout.Priority.ALWAYS);
        VBox box = new VBox(12, head, intro, g, clerkHint, save, error, new Separator(), demoTitle, demoExplain,
                demoRow, demoStatus);
        box.setPadding(new Insets(32));
        box.setMaxWidth(720);
        code.requestFocus();
        return box;
    }

    private Parent importStep() {
        RegionImportView v = new RegionImportView(services, tasks, r -> { });
        Button skip = new Button(Messages.tr("import.skip"));
        skip.setId("importSkip");
        skip.disableProperty().bind(v.model().runningProperty());
        skip.setOnAction(e -> done.run());
        Button next = new Button(Messages.tr("import.continue"));
        next.setId("importDone");
        next.visibleProperty().bind(v.model().reportProperty().isNotNull());
        next.setOnAction(e -> done.run());
        v.buttons().getChildren().addAll(next, skip);
        return v.root();
    }

    private static Label err(Map<String, Label> m, String field, String id) {
        Label l = Forms.errorLabel(id);
        m.put(field, l);
        return l;
    }

    private static ListCell<OfficeLevel> levelCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(OfficeLevel item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label(Messages.current().indonesian()));
            }
        };
    }

    public Parent root() {
        return root;
    }
}
