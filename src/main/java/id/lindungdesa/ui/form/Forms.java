package id.lindungdesa.ui.form;

import java.util.Map;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Small helpers for forms: a label/field/error grid, error labels bound to a {@link FormModel}, dialogs. */
public final class Forms {
    private Forms() {}

    /** An (initially empty) inline error label with id {@code id}. */
    public static Label errorLabel(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("error");
        l.setWrapText(true);
        l.setMaxWidth(420);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        return l;
    }

    /**
     * Shows each error of {@code errors} in the label of its field; errors of a field without a label go to
     * {@code general}. Returns the listener (kept by the form for as long as it is open).
     */
    public static MapChangeListener<String, String> bind(ObservableMap<String, String> errors,
                                                         Map<String, Label> labels, Label general) {
        MapChangeListener<String, String> l = c -> {
            labels.values().forEach(x -> x.setText(""));
            general.setText("");
            StringBuilder rest = new StringBuilder();
            for (var e : errors.entrySet()) {
                Label target = labels.get(e.getKey());
                if (target != null) target.setText(e.getValue());
                else rest.append(rest.isEmpty() ? "" : "\n").append(e.getValue());
            }
            general.setText(rest.toString());
            fit(general);
        };
        message(general);
        errors.addListener(l);
        return l;
    }

    /**
     * Makes {@code n}, which just became visible (an error message, an optional section), visible in its dialog:
     * scrolls the dialog's content to it. The dialog never changes size after it opened, so its buttons stay
     * where the pointer is.
     */
    public static void fit(Node n) {
        DialogScaffold.reveal(n);
    }

    /**
     * Reserves room in the dialog for {@code optional}, a section that may become visible after the dialog opens
     * (the successor of an end of term): the dialog opens tall enough for it, so showing it moves nothing.
     */
    public static void roomFor(Node optional) {
        optional.getProperties().put(DialogScaffold.ROOM_FOR, Boolean.TRUE);
    }

    /**
     * Marks {@code n} as a message of its dialog (errors, warnings, a confirmation step): it is shown in the
     * dialog's message area just above the buttons, which has a bounded height and scrolls.
     */
    public static <N extends Node> N message(N n) {
        if (!n.getStyleClass().contains(DialogScaffold.MESSAGE)) n.getStyleClass().add(DialogScaffold.MESSAGE);
        return n;
    }

    /** Adds a row: label, field, and the field's error label under the field. */
    public static void row(GridPane grid, int row, String label, Node field, Label error) {
        Label l = new Label(label);
        l.setLabelFor(field);
        VBox box = new VBox(2, field);
        if (error != null) box.getChildren().add(error);
        grid.addRow(row, l, box);
    }

    public static GridPane grid() {
        GridPane g = new GridPane(10, 6);
        g.setPadding(new Insets(4));
        return wholeLabels(g);
    }

    /** The labels of {@code g} (now and later) are never cut off ("Tanggal tanda …"): the field gives way. */
    public static GridPane wholeLabels(GridPane g) {
        g.getChildren().forEach(Forms::whole);
        g.getChildren().addListener((javafx.collections.ListChangeListener<Node>) c -> {
            while (c.next()) c.getAddedSubList().forEach(Forms::whole);
        });
        return g;
    }

    private static void whole(Node n) {
        if (n instanceof Label l && !l.isWrapText()) l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    }

    /**
     * A modal window built on the shared {@link DialogScaffold}: the content scrolls, messages sit in a bounded
     * area above the buttons, and the buttons (the row holding {@code save}/{@code cancel}) are a fixed bar at the
     * bottom; the window fits the screen (at least 1366×768). Enter presses {@code save} (default button), Esc
     * presses {@code cancel} (cancel button, which closes the window).
     */
    public static Stage dialog(Window owner, String title, Parent content, Button save, Button cancel) {
        Stage st = new Stage();
        if (owner != null) {
            st.initOwner(owner);
            st.initModality(Modality.WINDOW_MODAL);
        }
        st.setTitle(title);
        if (save != null) save.setDefaultButton(true);
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> st.close());
        DialogScaffold scaffold = new DialogScaffold(content, save, cancel);
        Scene scene = new Scene(scaffold.root());
        var css = Forms.class.getResource("/ui/app.css");
        if (css != null) scene.getStylesheets().add(css.toExternalForm());
        st.setScene(scene);
        scaffold.attach(st);
        return st;
    }

    /**
     * The same rule for the toolkit's own dialogs ({@code Alert}, {@code Dialog}): their content scrolls and the
     * pane never grows past the screen, so their button bar stays visible (also when details are expanded).
     */
    public static <D extends javafx.scene.control.Dialog<?>> D fitScreen(D d) {
        javafx.scene.control.DialogPane pane = d.getDialogPane();
        Node content = pane.getContent();
        if (content != null && !(content instanceof javafx.scene.control.ScrollPane)) {
            javafx.scene.control.ScrollPane sp = new javafx.scene.control.ScrollPane(content);
            sp.setFitToWidth(true);
            sp.getStyleClass().add("dialog-content");
            pane.setContent(sp);
        }
        Window owner = d.getOwner();
        javafx.geometry.Rectangle2D screen = DialogScaffold.screenFor(owner);
        pane.setMaxHeight(screen.getHeight() - DialogScaffold.DECORATION);
        pane.setMaxWidth(screen.getWidth() - 16);
        d.setOnShown(e -> {
            if (pane.getScene() != null && pane.getScene().getWindow() instanceof Stage st) {
                if (st.getHeight() > screen.getHeight()) st.setHeight(screen.getHeight());
                if (st.getY() + st.getHeight() > screen.getMaxY()) {
                    st.setY(Math.max(screen.getMinY(), screen.getMaxY() - st.getHeight()));
                }
            }
        });
        return d;
    }

    /**
     * Gives every table under {@code n} without a placeholder one in the user's language (the toolkit's own is
     * "No content in table", in English whatever the language), also tables added later under a pane of
     * {@code n} (screens that build parts of themselves after loading).
     */
    public static void placeholders(Node n) {
        if (n instanceof javafx.scene.control.TableView<?> t) {
            if (t.getPlaceholder() == null) t.setPlaceholder(new Label(id.lindungdesa.i18n.Messages.tr("table.empty")));
            return;
        } else if (n instanceof javafx.scene.control.TreeTableView<?> t) {
            if (t.getPlaceholder() == null) t.setPlaceholder(new Label(id.lindungdesa.i18n.Messages.tr("table.empty")));
            return;
        }
        if (n instanceof javafx.scene.control.TabPane tabs) {
            tabs.getTabs().forEach(tab -> {
                if (tab.getContent() != null) placeholders(tab.getContent());
            });
        } else if (n instanceof javafx.scene.control.ScrollPane sp) {
            if (sp.getContent() != null) placeholders(sp.getContent());
        } else if (n instanceof javafx.scene.control.SplitPane sp) {
            sp.getItems().forEach(Forms::placeholders);
        } else if (n instanceof javafx.scene.control.TitledPane tp) {
            if (tp.getContent() != null) placeholders(tp.getContent());
        } else if (n instanceof javafx.scene.layout.Pane p) {
            p.getChildren().forEach(Forms::placeholders);
            if (p.getProperties().putIfAbsent(PLACEHOLDER_WATCH, Boolean.TRUE) == null) {
                p.getChildren().addListener((javafx.collections.ListChangeListener<Node>) c -> {
                    while (c.next()) c.getAddedSubList().forEach(Forms::placeholders);
                });
            }
        } else if (n instanceof javafx.scene.Group g) {
            g.getChildren().forEach(Forms::placeholders);
        }
    }

    private static final String PLACEHOLDER_WATCH = "lindungdesa.placeholders";
}
