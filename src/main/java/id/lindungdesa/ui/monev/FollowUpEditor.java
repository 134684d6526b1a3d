package id.lindungdesa.ui.monev;

import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.MonevService;
import id.lindungdesa.ui.form.DateField;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The follow-ups of a new evaluation, entered in fields (issue 13): the action, who does it and by when, added to a
 * small table with "Tambah" (or Enter in a field) and taken out with "Hapus". Replaces the old "a | b | c" lines.
 */
final class FollowUpEditor {
    private final TextField action = new TextField();
    private final TextField owner = new TextField();
    private final DateField due = new DateField();
    private final TableView<MonevService.NewFollowUp> lines = new TableView<>();
    private final Label error = new Label();
    private final VBox root;

    FollowUpEditor() {
        action.setId("fuAction");
        action.setPromptText(Messages.tr("monev.ui.action"));
        action.setPrefColumnCount(24);
        owner.setId("fuOwner");
        owner.setPromptText(Messages.tr("monev.ui.owner"));
        owner.setPrefColumnCount(14);
        due.setId("fuDue");
        Button add = new Button(Messages.tr("monev.ui.fuAdd"));
        add.setId("fuAdd");
        add.setOnAction(e -> add());
        action.setOnAction(e -> add());
        owner.setOnAction(e -> add());
        Button remove = new Button(Messages.tr("monev.ui.fuRemove"));
        remove.setId("fuRemove");
        remove.disableProperty().bind(lines.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            int i = lines.getSelectionModel().getSelectedIndex();
            if (i >= 0) lines.getItems().remove(i);
        });
        lines.setId("fuLines");
        lines.setPrefHeight(110);
        lines.setPlaceholder(new Label(Messages.tr("monev.ui.fuNone")));
        lines.getColumns().add(col(Messages.tr("monev.ui.action"), MonevService.NewFollowUp::action, 280));
        lines.getColumns().add(col(Messages.tr("monev.ui.owner"), MonevService.NewFollowUp::owner, 170));
        lines.getColumns().add(col(Messages.tr("monev.ui.due"), f -> Formats.date(f.dueDate()), 140));
        error.setId("fuError");
        error.getStyleClass().add("error");
        error.setWrapText(true);
        FlowPane fields = new FlowPane(6, 6, action, owner, due, add);
        root = new VBox(4, fields, lines, new HBox(6, remove, error));
    }

    private static TableColumn<MonevService.NewFollowUp, String> col(String title,
            java.util.function.Function<MonevService.NewFollowUp, String> f, double w) {
        TableColumn<MonevService.NewFollowUp, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        c.setPrefWidth(w);
        return c;
    }

    Node node() {
        return root;
    }

    /** Adds the line in the fields; false (with the reason shown) when it is incomplete or its date unreadable. */
    boolean add() {
        error.setText("");
        Optional<LocalDate> d = due.commitText();
        if (!due.errorProperty().get().isEmpty()) {
            error.setText(due.errorProperty().get());
            return false;
        }
        if (action.getText().isBlank() || owner.getText().isBlank() || d.isEmpty()) {
            error.setText(Messages.tr("monev.error.followUpIncomplete"));
            return false;
        }
        lines.getItems().add(new MonevService.NewFollowUp(action.getText().strip(), owner.getText().strip(), d.get()));
        action.clear();
        owner.clear();
        due.setValue(null);
        due.getEditor().clear();
        action.requestFocus();
        return true;
    }

    /** A line typed but not added is added first; false when it cannot be (its reason shown). */
    boolean addPending() {
        boolean typed = !action.getText().isBlank() || !owner.getText().isBlank()
                || !due.getEditor().getText().isBlank();
        return !typed || add();
    }

    List<MonevService.NewFollowUp> followUps() {
        return List.copyOf(lines.getItems());
    }

    void clear() {
        lines.getItems().clear();
        error.setText("");
    }
}
