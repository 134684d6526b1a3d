package id.lindungdesa.ui.home;

import id.lindungdesa.domain.Alert;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.AlertService;
import id.lindungdesa.ui.shell.Screen;
import id.lindungdesa.ui.shell.ScreenContext;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The home screen: what needs attention today (agreements expiring or expired, monev due or overdue, overdue
 * follow-ups, terms ending, perangkat reaching 60, lapsed enrolments, categories without an agreement). Each item
 * opens the record that needs the action.
 */
public final class HomeView implements Screen {
    public static final String ID = "home";

    private final ScreenContext ctx;
    private final HomeViewModel vm;
    private final BorderPane root = new BorderPane();
    private final ListView<Alert> list = new ListView<>();
    private final Label heading = new Label();
    private final FlowPane summary = new FlowPane(8, 4);
    private final Label empty = new Label();

    public HomeView(ScreenContext ctx) {
        this.ctx = ctx;
        this.vm = new HomeViewModel(ctx.services().alerts(), ctx.services().clock(), ctx.tasks());
        heading.getStyleClass().add("h1");
        heading.setId("homeHeading");
        list.setId("alertList");
        list.setItems(vm.alerts());
        list.setCellFactory(lv -> wrapping(lv, new ListCell<>() {
            @Override
            protected void updateItem(Alert a, boolean isEmpty) {
                super.updateItem(a, isEmpty);
                getStyleClass().removeAll("alert-high", "alert-medium", "alert-low");
                if (isEmpty || a == null) {
                    setText(null);
                    return;
                }
                setText(marker(a) + AlertService.message(a));
                getStyleClass().add("alert-" + a.severity().name().toLowerCase(java.util.Locale.ROOT));
            }
        }));
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) openSelected();
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) openSelected();
        });
        Button open = new Button(Messages.tr("home.open"));
        open.setId("alertOpen");
        open.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> openSelected());
        Button refresh = new Button(Messages.tr("home.refresh"));
        refresh.setId("alertRefresh");
        refresh.setOnAction(e -> activate());
        empty.setId("alertEmpty");
        VBox top = new VBox(6, heading, summary, empty);
        top.setPadding(new Insets(10));
        HBox actions = new HBox(8, open, refresh);
        actions.setPadding(new Insets(8, 10, 8, 10));
        root.setTop(top);
        root.setCenter(list);
        root.setBottom(actions);
        BorderPane.setMargin(list, new Insets(0, 10, 0, 10));
    }

    private static ListCell<Alert> wrapping(ListView<Alert> lv, ListCell<Alert> cell) {
        cell.setWrapText(true);
        cell.prefWidthProperty().bind(lv.widthProperty().subtract(24));
        return cell;
    }

    private static String marker(Alert a) {
        return switch (a.severity()) {
            case HIGH -> "● ";
            case MEDIUM -> "◐ ";
            case LOW -> "○ ";
        };
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return Messages.tr("home.screen");
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void activate() {
        vm.refresh(() -> {
            heading.setText(Messages.tr("home.heading", Formats.date(vm.on().get())));
            summary.getChildren().clear();
            vm.counts().get().forEach((k, n) -> {
                Label l = new Label(Messages.tr("home.kind." + k.name()) + ": " + n);
                l.getStyleClass().add("home-count");
                summary.getChildren().add(l);
            });
            empty.setText(vm.alerts().isEmpty() ? Messages.tr("home.nothing") : "");
        });
    }

    /** Opens the record behind the selected item. */
    public void openSelected() {
        Alert a = list.getSelectionModel().getSelectedItem();
        if (a == null) return;
        switch (a.target().type()) {
            case "agreement", "coverage" -> ctx.window().navigate("agreements", a.target());
            case "monev", "follow_up" -> ctx.window().navigate("monev", a.target());
            // The roster screen opens a village by its code (the person's village, where the post is).
            case "person" -> ctx.window().navigate("roster", a.villageCode() != null ? a.villageCode()
                    : a.target().id());
            default -> { }
        }
    }
}
