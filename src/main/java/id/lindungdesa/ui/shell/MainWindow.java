package id.lindungdesa.ui.shell;

import id.lindungdesa.i18n.Messages;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.TaskExecutor;
import id.lindungdesa.task.TaskHandle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The main window: navigation on the left, the active screen in the middle, a status bar with the running
 * task's progress and a cancel button at the bottom.
 */
public final class MainWindow {
    /** Scene property holding a Runnable that rebuilds the main window (after a language switch). */
    public static final String RELOAD_KEY = "lindungdesa.reloadMain";
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final ListView<Screen> nav = new ListView<>();
    private final Map<String, Screen> screens = new LinkedHashMap<>();
    private final Label status = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button();
    private final Services services;
    private final TaskExecutor tasks;
    private Screen active;
    private TaskHandle current;

    public MainWindow(Services services, TaskExecutor tasks) {
        this.services = services;
        this.tasks = tasks;
        ScreenContext ctx = new ScreenContext(services, tasks, this);
        var level = services.currentOffice().map(o -> o.level()).orElse(null);
        for (Function<ScreenContext, Screen> f : Screens.factories()) {
            Screen s = f.apply(ctx);
            if (level == null || s.shownTo(level)) screens.put(s.id(), s);
        }
        nav.getItems().setAll(screens.values());
        nav.setId("navigation");
        nav.setCellFactory(lv -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Screen item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.title());
            }
        });
        nav.setPrefWidth(190);
        nav.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b != active) show(b, null);
        });

        progress.setVisible(false);
        progress.setPrefWidth(220);
        cancel.setText(Messages.tr("action.cancel"));
        cancel.setId("taskCancel");
        cancel.setVisible(false);
        cancel.setOnAction(e -> {
            if (current != null) current.cancel();
        });
        status.setId("statusText");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label office = new Label(services.currentOffice().map(o -> o.name() + " · " + services.session().user()
                .map(id.lindungdesa.domain.User::label).orElse(o.clerkName())).orElse("")); // issue 17: who is signed in
        office.setId("statusSignedIn");
        HBox bar = new HBox(10, status, spacer, progress, cancel, office,
                LanguageSwitch.create(ctx, "menuLanguage"));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getStyleClass().add("status-bar");

        root.setLeft(nav);
        root.setCenter(content);
        root.setBottom(bar);
        if (!screens.isEmpty()) nav.getSelectionModel().selectFirst();
    }

    public Node root() {
        return root;
    }

    public Services services() {
        return services;
    }

    public TaskExecutor tasks() {
        return tasks;
    }

    /** Shows a screen by id, optionally opening a record in it. */
    public void navigate(String screenId, Object target) {
        Screen s = screens.get(screenId);
        if (s == null) throw new IllegalArgumentException("No screen " + screenId);
        show(s, target);
    }

    /** The id of the screen showing now, or null. */
    public String activeScreenId() {
        return active == null ? null : active.id();
    }

    public Screen screen(String id) {
        return screens.get(id);
    }

    private void show(Screen s, Object target) {
        if (active != s) {
            if (active != null) active.deactivate();
            active = s;
            content.getChildren().setAll(s.view());
            id.lindungdesa.ui.form.Forms.placeholders(s.view());
            s.activate();
            if (nav.getSelectionModel().getSelectedItem() != s) nav.getSelectionModel().select(s);
        }
        if (target != null) s.open(target);
    }

    /** A message in the status bar. */
    public void say(String message) {
        status.setText(message);
    }

    public <T> TaskHandle runWithProgress(BackgroundTask<T> task) {
        progress.setVisible(true);
        progress.setProgress(-1);
        cancel.setVisible(true);
        status.setText(task.title());
        BackgroundTask.ProgressListener inner = task.progressListener();
        task.onProgress((f, m) -> {
            progress.setProgress(f);
            if (m != null) status.setText(m);
            inner.onProgress(f, m);
        });
        var success = task.successHandler();
        var failure = task.failureHandler();
        var cancelled = task.cancelledHandler();
        @SuppressWarnings("unchecked")
        BackgroundTask<T> wrapped = task
                .onSuccess(r -> {
                    done();
                    ((java.util.function.Consumer<Object>) (java.util.function.Consumer<?>) success).accept(r);
                })
                .onFailure(e -> {
                    done();
                    if (failure != null) failure.accept(e);
                    else tasks.reportFailure(task.title(), e);
                })
                .onCancelled(() -> {
                    done();
                    status.setText(Messages.tr("task.cancelled"));
                    cancelled.run();
                });
        current = tasks.execute(wrapped);
        return current;
    }

    private void done() {
        progress.setVisible(false);
        cancel.setVisible(false);
        current = null;
        status.setText("");
    }

    /** What each screen keeps over a rebuild (by screen id). */
    public Map<String, Object> kept() {
        Map<String, Object> m = new LinkedHashMap<>();
        screens.forEach((id, s) -> {
            Object k = s.keep();
            if (k != null) m.put(id, k);
        });
        return m;
    }

    /** Gives the screens back what {@link #kept()} returned from the window before. */
    public void restore(Map<String, Object> kept) {
        kept.forEach((id, k) -> {
            Screen s = screens.get(id);
            if (s != null) s.restore(k);
        });
    }

    /** Deactivates the active screen (window closing). */
    public void close() {
        if (active != null) active.deactivate();
        active = null;
    }
}
