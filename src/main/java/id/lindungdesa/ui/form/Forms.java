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
        errors.addListener(l);
        return l;
    }

    /** Grows the dialog holding {@code n} to fit what became visible (error messages, optional sections). */
    public static void fit(Node n) {
        if (n.getScene() != null && n.getScene().getWindow() instanceof Stage st && st.getOwner() != null) {
            st.sizeToScene();
        }
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
        return g;
    }

    /**
     * A modal window: Enter presses {@code save} (default button), Esc presses {@code cancel} (cancel button,
     * which closes the window).
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
        Scene scene = new Scene(content);
        var css = Forms.class.getResource("/ui/app.css");
        if (css != null) scene.getStylesheets().add(css.toExternalForm());
        st.setScene(scene);
        return st;
    }
}
