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
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
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
    private final ListView<HomeViewModel.Row> list = new ListView<>();
    private final ToggleGroup counters = new ToggleGroup();
    private final Label heading = new Label();
    private final FlowPane summary = new FlowPane(8, 4);
    private final Label empty = new Label();

    public HomeView(ScreenContext ctx) {
        this.ctx = ctx;
        this.vm = new HomeViewModel(ctx.services().alerts(), ctx.services().clock(), ctx.tasks())
                .offerFieldPackage(() -> ctx.services().office().office()
                        .filter(o -> o.level() == id.lindungdesa.domain.OfficeLevel.SUBDISTRICT).isPresent()
                        && ctx.services().field().visits().current().isEmpty());
        heading.getStyleClass().add("h1");
        heading.setId("homeHeading");
        list.setId("alertList");
        list.setItems(vm.rows());
        list.setCellFactory(lv -> wrapping(lv, new ListCell<>() {
            @Override
            protected void updateItem(HomeViewModel.Row r, boolean isEmpty) {
                super.updateItem(r, isEmpty);
                getStyleClass().removeAll("alert-high", "alert-medium", "alert-low", "alert-group");
                setId(null);
                setStyle(null);
                if (isEmpty || r == null) {
                    setText(null);
                    return;
                }
                if (r.heading()) {
                    setText(Messages.tr("home.kind." + r.kind().name()) + " (" + r.count() + ")");
                    getStyleClass().add("alert-group");
                    setId("alertGroup-" + r.kind().name());
                    setStyle("-fx-font-weight: bold;");
                    return;
                }
                Alert a = r.alert();
                setText(marker(a) + AlertService.message(a));
                getStyleClass().add("alert-" + a.severity().name().toLowerCase(java.util.Locale.ROOT));
            }
        }));
        // A kind's heading line is not an item: selection moves past it.
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b.heading()) {
                int i = list.getSelectionModel().getSelectedIndex();
                boolean down = a == null || list.getItems().indexOf(a) < i;
                int next = down ? i + 1 : i - 1;
                if (next < 0 || next >= list.getItems().size() || list.getItems().get(next).heading()) next = i + 1;
                int target = next;
                javafx.application.Platform.runLater(() -> {
                    if (target < list.getItems().size()) list.getSelectionModel().select(target);
                });
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) openSelected();
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) openSelected();
        });
        Button open = new Button(Messages.tr("home.open"));
        open.setId("alertOpen");
        open.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            HomeViewModel.Row r = list.getSelectionModel().getSelectedItem();
            return r == null || r.heading();
        }, list.getSelectionModel().selectedItemProperty()));
        open.setOnAction(e -> openSelected());
        Button refresh = new Button(Messages.tr("home.refresh"));
        refresh.setId("alertRefresh");
        refresh.setOnAction(e -> activate());
        empty.setId("alertEmpty");
        // Issue 15: the first-run choice of a kecamatan officer's desk.
        Label fieldIntro = new Label(Messages.tr("home.fieldFirstRun"));
        fieldIntro.setWrapText(true);
        Button fieldOpen = new Button(Messages.tr("home.fieldOpen"));
        fieldOpen.setId("homeFieldOpen");
        fieldOpen.setDefaultButton(true);
        fieldOpen.setOnAction(e -> ctx.window().navigate("field", null));
        VBox fieldFirst = new VBox(6, fieldIntro, fieldOpen);
        fieldFirst.setId("homeFieldFirstRun");
        fieldFirst.visibleProperty().bind(vm.fieldFirstRun());
        fieldFirst.managedProperty().bind(vm.fieldFirstRun());
        VBox top = new VBox(6, heading, fieldFirst, summary, empty);
        top.setPadding(new Insets(10));
        HBox actions = new HBox(8, open, refresh);
        actions.setPadding(new Insets(8, 10, 8, 10));
        root.setTop(top);
        root.setCenter(list);
        root.setBottom(actions);
        BorderPane.setMargin(list, new Insets(0, 10, 0, 10));
    }

    private static <T> ListCell<T> wrapping(ListView<T> lv, ListCell<T> cell) {
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
            counters.getToggles().clear();
            int all = vm.alerts().size();
            if (all > 0) summary.getChildren().add(counter(null, Messages.tr("home.s6.all") + ": " + all));
            vm.counts().get().forEach((k, n) -> summary.getChildren().add(counter(k,
                    Messages.tr("home.kind." + k.name()) + ": " + n)));
            empty.setText(vm.alerts().isEmpty() ? Messages.tr("home.nothing") : "");
        });
    }

    /** A counter: a toggle that keeps only its kind in the list (the "all" counter shows every kind). */
    private ToggleButton counter(Alert.Kind k, String text) {
        ToggleButton b = new ToggleButton(text);
        b.setId("count-" + (k == null ? "ALL" : k.name()));
        b.getStyleClass().add("home-count");
        b.setToggleGroup(counters);
        b.setSelected(vm.kind().get() == k);
        b.setOnAction(e -> {
            vm.kind().set(b.isSelected() ? k : null);
            for (var t : counters.getToggles()) {
                ToggleButton tb = (ToggleButton) t;
                tb.setSelected(tb.getId().equals("count-" + (vm.kind().get() == null ? "ALL" : vm.kind().get().name())));
            }
        });
        return b;
    }

    /** Opens the record behind the selected item. */
    public void openSelected() {
        HomeViewModel.Row row = list.getSelectionModel().getSelectedItem();
        if (row == null || row.heading()) return;
        Alert a = row.alert();
        switch (a.target().type()) {
            case "agreement", "coverage" -> ctx.window().navigate("agreements", a.target());
            case "monev", "follow_up" -> ctx.window().navigate("monev", a.target());
            // The roster screen opens the person's village and selects the person's post in it.
            case "person" -> ctx.window().navigate("roster", a);
            default -> { }
        }
    }
}
