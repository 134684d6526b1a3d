package id.lindungdesa.ui.roster;

import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Post;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.ui.form.Forms;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Editor of one post (a new post of an existing person, or an existing post's details). */
final class PostDialog {
    private final PostDialogModel form;
    private final RosterViewModel vm;
    private final Window owner;
    private final Consumer<Post> saved;
    private final Map<String, Label> errors = new HashMap<>();

    PostDialog(PostDialogModel form, RosterViewModel vm, Window owner, Consumer<Post> saved) {
        this.form = form;
        this.vm = vm;
        this.owner = owner;
        this.saved = saved;
    }

    /** Adds the post fields to {@code grid} from {@code row}; error labels come from {@code error(field, id)}. */
    static int fields(GridPane grid, int row, PostDialogModel form, RosterViewModel vm,
                      BiFunction<String, String, Label> error) {
        // A searchable chooser (ControlsFX): type part of a desa's or kecamatan's name or its code; the desa are
        // listed by kecamatan, each line naming its kecamatan.
        Map<String, String> kecamatanOf = new HashMap<>();
        // Issue 13: each kecamatan is a header line (not selectable) above its desa, so 326 desa read by kecamatan.
        java.util.Set<String> headers = new java.util.HashSet<>();
        java.util.List<RosterViewModel.NavNode> choices = new java.util.ArrayList<>();
        if (vm.treeProperty().get() != null) {
            vm.treeProperty().get().children().stream()
                    .sorted(java.util.Comparator.comparing(RosterViewModel.NavNode::name))
                    .forEach(k -> {
                        if (!k.children().isEmpty()) {
                            headers.add(k.code());
                            choices.add(k);
                        }
                        k.children().stream()
                                .sorted(java.util.Comparator.comparing(RosterViewModel.NavNode::name))
                                .forEach(d -> {
                                    kecamatanOf.put(d.code(), k.name());
                                    choices.add(d);
                                });
                    });
        } else {
            choices.addAll(vm.villages());
        }
        ComboBox<RosterViewModel.NavNode> village = new org.controlsfx.control.SearchableComboBox<>();
        village.setId("postVillage");
        village.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(RosterViewModel.NavNode n) {
                if (n == null) return "";
                if (headers.contains(n.code())) return Messages.tr("post.villageGroup", n.name(), n.code());
                String k = kecamatanOf.get(n.code());
                return n.name() + (k == null ? "" : " — " + Messages.tr("post.villageIn", k)) + " (" + n.code() + ")";
            }

            @Override
            public RosterViewModel.NavNode fromString(String s) {
                return null;
            }
        });
        village.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(RosterViewModel.NavNode n, boolean empty) {
                super.updateItem(n, empty);
                boolean header = !empty && n != null && headers.contains(n.code());
                setText(empty || n == null ? null : village.getConverter().toString(n));
                setDisable(header); // a disabled cell takes no click
                getStyleClass().remove("village-group");
                if (header) getStyleClass().add("village-group");
            }
        });
        village.getItems().setAll(choices);
        village.setVisibleRowCount(14);
        village.setPromptText(Messages.tr("post.villageSearch"));
        village.getItems().stream().filter(n -> n.code().equals(form.village.get())).findFirst()
                .ifPresent(village::setValue);
        village.valueProperty().addListener((o, a, b) -> {
            if (b != null && headers.contains(b.code())) {
                // Reached with the keyboard: a kecamatan is not a village; keep the village chosen before.
                javafx.application.Platform.runLater(() -> village.setValue(a));
                return;
            }
            form.village.set(b == null ? null : b.code());
        });
        ComboBox<Position> position = PersonDialog.combo("postPosition", Position.values());
        position.setVisibleRowCount(14);
        position.valueProperty().bindBidirectional(form.position);
        TextField unit = PersonDialog.field("postUnit", form.unit);
        unit.setPromptText(Messages.tr("post.unitPrompt"));
        TextField sk = PersonDialog.field("postSkNumber", form.skNumber);
        TextField skDate = PersonDialog.field("postSkDate", form.skDate);
        skDate.setPromptText("dd-mm-yyyy");
        TextField start = PersonDialog.field("postStart", form.startDate);
        TextField end = PersonDialog.field("postPlannedEnd", form.plannedEnd);
        end.setPromptText(Messages.tr("post.plannedEndPrompt"));
        Forms.row(grid, row++, Messages.tr("post.village"), village, error.apply("village", "villageError"));
        Forms.row(grid, row++, Messages.tr("post.position"), position, error.apply("position", "positionError"));
        Forms.row(grid, row++, Messages.tr("post.unit"), unit, null);
        Forms.row(grid, row++, Messages.tr("post.skNumber"), sk, null);
        Forms.row(grid, row++, Messages.tr("post.skDate"), skDate, error.apply("skDate", "skDateError"));
        Forms.row(grid, row++, Messages.tr("post.start"), start, error.apply("startDate", "startDateError"));
        Forms.row(grid, row++, Messages.tr("post.plannedEnd"), end, error.apply("plannedEndDate", "plannedEndError"));
        return row;
    }

    void show() {
        GridPane grid = Forms.grid();
        fields(grid, 0, form, vm, (field, id) -> {
            Label l = Forms.errorLabel(id);
            errors.put(field, l);
            return l;
        });
        Label general = Forms.errorLabel("postError");
        Button save = new Button(Messages.tr("action.save"));
        save.setId("postSave");
        save.disableProperty().bind(form.busyProperty());
        Button cancel = new Button(Messages.tr("action.cancel"));
        HBox buttons = new HBox(8, save, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox box = new VBox(8, grid, general, buttons);
        box.setPadding(new Insets(12));
        Stage st = Forms.dialog(owner, Messages.tr(form.isNew() ? "post.add" : "post.edit"), box, save, cancel);
        MapChangeListener<String, String> l = Forms.bind(form.errors(), errors, general);
        st.setOnHidden(e -> form.errors().removeListener(l));
        save.setOnAction(e -> form.save(p -> {
            st.close();
            saved.accept(p);
        }));
        st.show();
    }
}
