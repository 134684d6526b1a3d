package id.lindungdesa.ui.roster;

import id.lindungdesa.domain.Alert;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.RosterRow;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.ui.DesktopApp;
import id.lindungdesa.ui.shell.Screen;
import id.lindungdesa.ui.shell.ScreenContext;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;

/**
 * Villages and rosters: the navigator (kecamatan → desa with head-counts and coverage badges) on the left, the
 * roster table with search and filters in the middle, the warnings for the selection below it, and the actions
 * (new person, edit, enrol, end term, remove, village history, import regions) with keyboard shortcuts.
 */
public final class RosterView implements Screen {
    static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination EDIT = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination ENROL = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination END_TERM = new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination HISTORY = new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination RELOAD = new KeyCodeCombination(KeyCode.F5);
    static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination REDO = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);

    private final ScreenContext ctx;
    private final RosterViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TreeView<RosterViewModel.NavNode> tree = new TreeView<>();
    private final TableView<RosterRow> table = new TableView<>();
    private final TextField search = TextFields.createClearableTextField();
    private final Map<KeyCombination, Runnable> shortcuts = new LinkedHashMap<>();
    private final ChangeListener<Scene> sceneListener = (o, a, b) -> {
        if (a != null) uninstall(a);
        if (b != null) install(b);
    };
    private final ChangeListener<RosterViewModel.NavNode> treeListener = (o, a, b) -> rebuildTree(b);
    private boolean marked;
    private boolean active;

    public RosterView(ScreenContext ctx) {
        this.ctx = ctx;
        this.vm = new RosterViewModel(ctx.services().roster(), ctx.services().regions(),
                ctx.services().figures(), ctx.services()::currentOffice, ctx.tasks());
        root.setId("rosterScreen");

        // Navigator
        tree.setId("villageTree");
        tree.setShowRoot(true);
        tree.setPrefWidth(300);
        tree.setCellFactory(t -> new NavCell());
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            String code = b == null || b.getValue() == null || b.getValue().level() == 0 ? null : b.getValue().code();
            vm.villageProperty().set(code);
        });

        // Filters
        search.setId("rosterSearch");
        search.setPromptText(Messages.tr("roster.searchPrompt"));
        search.setPrefColumnCount(18);
        search.textProperty().bindBidirectional(vm.searchProperty());
        ComboBox<Category> category = new ComboBox<>();
        category.setId("rosterCategory");
        category.getItems().add(null);
        category.getItems().addAll(Category.values());
        category.setButtonCell(labelCell(c -> c == null ? Messages.tr("roster.allCategories") : label(c)));
        category.setCellFactory(l -> labelCell(c -> c == null ? Messages.tr("roster.allCategories") : label(c)));
        category.valueProperty().bindBidirectional(vm.categoryProperty());
        ComboBox<RosterViewModel.StatusChoice> status = new ComboBox<>();
        status.setId("rosterStatus");
        status.getItems().setAll(RosterViewModel.StatusChoice.values());
        status.setButtonCell(labelCell(RosterViewModel.StatusChoice::label));
        status.setCellFactory(l -> labelCell(RosterViewModel.StatusChoice::label));
        status.valueProperty().bindBidirectional(vm.statusProperty());
        ComboBox<RosterViewModel.TermChoice> term = new ComboBox<>();
        term.setId("rosterTerm");
        term.getItems().setAll(RosterViewModel.TermChoice.values());
        term.setButtonCell(labelCell(RosterViewModel.TermChoice::label));
        term.setCellFactory(l -> labelCell(RosterViewModel.TermChoice::label));
        term.valueProperty().bindBidirectional(vm.termProperty());
        term.setAccessibleText(Messages.tr("roster.s6.term.label"));

        Button add = button("rosterNew", "roster.new", NEW, this::newPerson);
        Button edit = button("rosterEdit", "roster.edit", EDIT, this::editSelected);
        Button enrol = button("rosterEnrol", "roster.enrol", ENROL, this::enrolSelected);
        Button end = button("rosterEndTerm", "roster.endTerm", END_TERM, this::endTermSelected);
        Button remove = button("rosterRemove", "roster.removePost", null, this::removeSelected);
        Button together = button("rosterEndTogether", "roster.s6.together.button", null, this::endTogether);
        together.setTooltip(new Tooltip(Messages.tr("roster.s6.together.tooltip")));
        Button history = button("rosterVillageAudit", "roster.villageHistory", HISTORY, this::villageHistory);
        Button regions = button("rosterImportRegions", "roster.importRegions", null, this::importRegions);
        edit.disableProperty().bind(vm.selectedProperty().isNull());
        enrol.disableProperty().bind(vm.selectedProperty().isNull());
        end.disableProperty().bind(vm.selectedProperty().isNull());
        remove.disableProperty().bind(vm.selectedProperty().isNull());
        ComboBox<String> language = id.lindungdesa.ui.shell.LanguageSwitch.create(ctx, "languageSwitch");

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox filters = new HBox(8, search, category, status, term, spacer, language);
        filters.setAlignment(Pos.CENTER_LEFT);
        HBox actions = new HBox(6, add, edit, enrol, end, together, remove, history, regions);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, filters, actions);
        top.setPadding(new Insets(8));

        // Table
        table.setId("rosterTable");
        table.setPlaceholder(new Label(Messages.tr("roster.empty")));
        table.getColumns().add(text("colName", "roster.name", RosterRow::fullName, 150));
        // The NIK, dates and status are never cut: their columns are at least as wide as their longest value.
        TableColumn<RosterRow, String> nikCol = text("colNik", "roster.nik", RosterRow::nik, 0);
        whole(nikCol, java.util.List.of("0000000000000000", Messages.tr("roster.nik")));
        table.getColumns().add(nikCol);
        table.getColumns().add(text("colPosition", "roster.position", r -> label(r.position()), 135));
        table.getColumns().add(text("colUnit", "roster.unit", r -> r.unitLabel() == null ? "" : r.unitLabel(), 60));
        table.getColumns().add(text("colVillage", "roster.village", RosterRow::villageName, 100));
        table.getColumns().add(date("colStart", "roster.start", RosterRow::startDate));
        table.getColumns().add(date("colEnd", "roster.plannedEnd", RosterRow::plannedEndDate));
        TableColumn<RosterRow, String> stateCol = text("colEnrolment", "roster.enrolment", RosterView::stateText, 0);
        java.util.List<String> states = new java.util.ArrayList<>();
        states.add(Messages.tr("roster.notEnrolled"));
        states.add(Messages.tr("roster.enrolment"));
        for (EnrolmentState st : EnrolmentState.values()) states.add(label(st));
        whole(stateCol, states);
        table.getColumns().add(stateCol);
        TableColumn<RosterRow, Long> monthly = new TableColumn<>(Messages.tr("roster.monthly"));
        monthly.setId("colMonthly");
        monthly.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().monthlyContribution()));
        monthly.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null || v == 0 ? null : Formats.rupiah(v));
            }
        });
        monthly.setStyle("-fx-alignment: CENTER-RIGHT;");
        monthly.setPrefWidth(90);
        table.getColumns().add(monthly);
        table.getColumns().forEach(c -> c.setReorderable(true));
        id.lindungdesa.ui.form.TableLayouts.remember(table, ctx.tasks(),
                () -> ctx.services().office().setting(COLUMNS_SETTING),
                v -> ctx.services().office().putSetting(COLUMNS_SETTING, v));
        SortedList<RosterRow> sorted = new SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) editSelected();
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) editSelected();
            if (e.getCode() == KeyCode.DELETE) removeSelected();
        });

        Label count = new Label();
        count.setId("rosterCount");
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> Messages.tr("roster.count", vm.rows().size(), vm.allRows().size()), vm.rows(), vm.allRows()));

        // Warnings
        ListView<String> warnings = new ListView<>(vm.visibleWarnings());
        warnings.setId("rosterWarnings");
        warnings.setPrefHeight(80);
        warnings.setMaxHeight(140);
        warnings.setPlaceholder(new Label(Messages.tr("roster.noWarnings")));
        Label warnTitle = new Label();
        warnTitle.getStyleClass().add("warning");
        warnTitle.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> Messages.tr("roster.warnings", vm.visibleWarnings().size()), vm.visibleWarnings()));
        Label hint = new Label(Messages.tr("roster.shortcuts"));
        hint.setId("shortcutHint");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        VBox bottom = new VBox(4, warnTitle, warnings, hint);
        bottom.setPadding(new Insets(4, 8, 8, 8));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox center = new VBox(4, table, count, bottom);
        center.setPadding(new Insets(0, 8, 0, 0));

        SplitPane split = new SplitPane(tree, center);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.22);
        SplitPane.setResizableWithParent(tree, false);
        root.setTop(top);
        root.setCenter(split);

        vm.onLoaded(() -> {
            if (!marked) {
                marked = true;
                DesktopApp.Probe.mark("roster");
            }
        });
        vm.loadErrorProperty().addListener((o, a, b) -> {
            if (b != null) ctx.window().say(Messages.tr("roster.loadFailed", String.valueOf(b.getMessage())));
        });
        // Tab order: search, filters, table, navigator.
        search.setFocusTraversable(true);
    }

    public RosterViewModel viewModel() {
        return vm;
    }

    @Override
    public String id() {
        return "roster";
    }

    @Override
    public String title() {
        return Messages.tr("screen.roster");
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void activate() {
        active = true;
        vm.treeProperty().addListener(treeListener);
        root.sceneProperty().addListener(sceneListener);
        if (root.getScene() != null) install(root.getScene());
        vm.reload();
    }

    @Override
    public void deactivate() {
        active = false;
        vm.treeProperty().removeListener(treeListener);
        root.sceneProperty().removeListener(sceneListener);
        if (root.getScene() != null) uninstall(root.getScene());
    }

    @Override
    public void open(Object target) {
        if (target instanceof String code) selectCode(code);
        if (target instanceof Alert a && "person".equals(a.target().type())) {
            // From "needs attention": the person's village, with their post selected (filters that would hide it
            // are cleared). The roster reloads on activation, so the selection waits for that load.
            UUID post = a.target().key() == null ? null : UUID.fromString(a.target().key());
            UUID person = a.target().id();
            vm.searchProperty().set("");
            vm.categoryProperty().set(null);
            vm.statusProperty().set(RosterViewModel.StatusChoice.ALL);
            vm.termProperty().set(RosterViewModel.TermChoice.ALL);
            Runnable select = () -> {
                if (a.villageCode() != null) selectCode(a.villageCode());
                table.getItems().stream().filter(r -> r.postId().equals(post)).findFirst()
                        .or(() -> table.getItems().stream().filter(r -> r.personId().equals(person)).findFirst())
                        .ifPresent(r -> {
                            table.getSelectionModel().select(r);
                            table.scrollTo(r);
                            table.requestFocus();
                        });
            };
            if (vm.loadingProperty().get() || vm.allRows().isEmpty()) vm.onLoadedOnce(select);
            else select.run();
        }
    }

    // ------------------------------------------------------------------ shortcuts

    private void install(Scene scene) {
        shortcuts.forEach((k, r) -> scene.getAccelerators().put(k, r));
        scene.getAccelerators().put(FIND, () -> {
            search.requestFocus();
            search.selectAll();
        });
        scene.getAccelerators().put(RELOAD, vm::reload);
        scene.getAccelerators().put(UNDO, () -> undoRedo(true));
        scene.getAccelerators().put(REDO, () -> undoRedo(false));
    }

    /**
     * Ctrl+Z / Ctrl+Y: undoes or redoes the last roster change (issue 13) in the background, says what was done
     * and reloads. Inside a text field the field's own undo wins (the field consumes the keys first).
     */
    private void undoRedo(boolean undo) {
        var history = ctx.services().undo();
        ctx.tasks().execute(BackgroundTask.<java.util.Optional<id.lindungdesa.i18n.Text>>of(
                        Messages.tr(undo ? "undo.undo" : "undo.redo", ""),
                        p -> undo ? history.undo() : history.redo())
                .onSuccess(done -> {
                    if (done.isEmpty()) {
                        ctx.window().say(Messages.tr(undo ? "undo.nothing" : "undo.nothingRedo"));
                        return;
                    }
                    String said = done.get().toString();
                    ctx.window().say(said);
                    vm.onLoadedOnce(() -> ctx.window().say(said)); // still shown once the roster has reloaded
                    vm.reload();
                })
                .onFailure(e -> {
                    ctx.window().say(String.valueOf(e.getMessage()));
                    vm.reload();
                }));
    }

    private void uninstall(Scene scene) {
        shortcuts.keySet().forEach(k -> scene.getAccelerators().remove(k));
        scene.getAccelerators().remove(FIND);
        scene.getAccelerators().remove(RELOAD);
        scene.getAccelerators().remove(UNDO);
        scene.getAccelerators().remove(REDO);
    }

    private Button button(String id, String key, KeyCombination shortcut, Runnable action) {
        Button b = new Button(Messages.tr(key));
        b.setId(id);
        b.setOnAction(e -> action.run());
        if (shortcut != null) {
            b.setTooltip(new Tooltip(shortcut.getDisplayText()));
            shortcuts.put(shortcut, () -> {
                if (!b.isDisabled()) action.run();
            });
        }
        return b;
    }

    // ------------------------------------------------------------------ navigator

    private void rebuildTree(RosterViewModel.NavNode rootNode) {
        String keep = vm.villageProperty().get();
        if (rootNode == null) {
            tree.setRoot(null);
            return;
        }
        TreeItem<RosterViewModel.NavNode> r = new TreeItem<>(rootNode);
        r.setExpanded(true);
        for (RosterViewModel.NavNode k : rootNode.children()) {
            TreeItem<RosterViewModel.NavNode> ki = new TreeItem<>(k);
            for (RosterViewModel.NavNode d : k.children()) ki.getChildren().add(new TreeItem<>(d));
            ki.setExpanded(keep != null && keep.startsWith(k.code()));
            r.getChildren().add(ki);
        }
        tree.setRoot(r);
        if (keep != null) selectCode(keep);
        else tree.getSelectionModel().select(r);
    }

    private void selectCode(String code) {
        if (tree.getRoot() == null) return;
        TreeItem<RosterViewModel.NavNode> found = find(tree.getRoot(), code);
        if (found != null) {
            if (found.getParent() != null) found.getParent().setExpanded(true);
            tree.getSelectionModel().select(found);
            int row = tree.getRow(found);
            if (row >= 0) tree.scrollTo(Math.max(0, row - 3));
        }
    }

    private static TreeItem<RosterViewModel.NavNode> find(TreeItem<RosterViewModel.NavNode> item, String code) {
        if (item.getValue() != null && item.getValue().code().equals(code)) return item;
        for (TreeItem<RosterViewModel.NavNode> c : item.getChildren()) {
            TreeItem<RosterViewModel.NavNode> f = find(c, code);
            if (f != null) return f;
        }
        return null;
    }

    /** A navigator line: name (head-count) and a coverage badge. */
    static final class NavCell extends TreeCell<RosterViewModel.NavNode> {
        private final Label badge = new Label();

        NavCell() {
            badge.getStyleClass().add("badge");
            setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            setGraphicTextGap(8);
        }

        @Override
        protected void updateItem(RosterViewModel.NavNode n, boolean empty) {
            super.updateItem(n, empty);
            if (empty || n == null) {
                setText(null);
                setGraphic(null);
                setId(null);
                return;
            }
            setId("nav-" + n.code().replace('.', '_'));
            setText(n.label());
            badge.getStyleClass().removeIf(s -> s.startsWith("badge-"));
            badge.getStyleClass().add("badge-" + n.badge().name().toLowerCase(java.util.Locale.ROOT));
            badge.setText(badgeText(n));
            setGraphic(badge);
            setTooltip(new Tooltip(Messages.tr("roster.badge." + n.badge().name()) + " — "
                    + Messages.tr("roster.coverage", n.covered(), n.eligible())));
        }
    }

    /** What a badge says: "none", "some 3/8", "full", or "—" when nobody may be enrolled. */
    static String badgeText(RosterViewModel.NavNode n) {
        return switch (n.badge()) {
            case EMPTY -> Messages.tr("roster.badge.EMPTY");
            case NONE -> Messages.tr("roster.badge.NONE");
            case FULL -> Messages.tr("roster.badge.FULL");
            case SOME -> Messages.tr("roster.badge.SOME") + " " + n.covered() + "/" + n.eligible();
        };
    }

    // ------------------------------------------------------------------ table

    private static String label(id.lindungdesa.domain.Labelled l) {
        return l == null ? "" : l.label(Messages.current().indonesian());
    }

    static String stateText(RosterRow r) {
        EnrolmentState s = r.enrolmentState();
        return s == null ? Messages.tr("roster.notEnrolled") : label(s);
    }

    private static <T> ListCell<T> labelCell(Function<T, String> f) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : f.apply(item));
            }
        };
    }

    private static TableColumn<RosterRow, String> text(String id, String key, Function<RosterRow, String> f,
                                                       double width) {
        TableColumn<RosterRow, String> c = new TableColumn<>(Messages.tr(key));
        c.setId(id);
        c.setCellValueFactory(x -> new SimpleStringProperty(f.apply(x.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<RosterRow, LocalDate> date(String id, String key, Function<RosterRow, LocalDate> f) {
        TableColumn<RosterRow, LocalDate> c = new TableColumn<>(Messages.tr(key));
        c.setId(id);
        c.setCellValueFactory(x -> new SimpleObjectProperty<>(f.apply(x.getValue())));
        c.setCellFactory(x -> new TableCell<>() {
            @Override
            protected void updateItem(LocalDate d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty ? null : Formats.shortDate(d));
            }
        });
        c.setComparator(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
        whole(c, java.util.List.of(Formats.shortDate(LocalDate.of(2026, 9, 28)), Formats.shortDate(
                LocalDate.of(2026, 12, 28)), Formats.shortDate(LocalDate.of(2026, 8, 28)), Messages.tr(key)));
        return c;
    }

    /** Stored layout of the roster table (column order and widths). */
    static final String COLUMNS_SETTING = "ui.roster.columns";

    /** Makes {@code c} at least as wide as the widest of {@code texts}, so they are never cut off. */
    private static void whole(TableColumn<RosterRow, ?> c, java.util.List<String> texts) {
        double w = id.lindungdesa.ui.form.TableLayouts.widthFor(texts);
        c.setMinWidth(w);
        c.setPrefWidth(Math.max(c.getPrefWidth(), w));
    }

    // ------------------------------------------------------------------ actions

    private javafx.stage.Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void afterSave(UUID personId, String message) {
        ctx.window().say(message);
        vm.onLoadedOnce(() -> {
            for (RosterRow r : table.getItems()) {
                if (r.personId().equals(personId)) {
                    table.getSelectionModel().select(r);
                    table.scrollTo(r);
                    break;
                }
            }
        });
        vm.refreshPerson(personId); // only the villages this person is in (issue 14)
    }

    private void newPerson() {
        PersonDialogModel form = PersonDialogModel.create(ctx.services().roster(), ctx.tasks(), vm.selectedVillage())
                .recordingIn(ctx.services().undo(), null);
        new PersonDialog(ctx, vm, form, window(), id -> afterSave(id, Messages.tr("person.saved")))
                .thenEnrol(id -> vm.onLoadedOnce(() -> table.getItems().stream()
                        .filter(r -> r.personId().equals(id)).findFirst().ifPresent(this::enrol))).show();
    }

    private void editSelected() {
        RosterRow r = vm.selectedProperty().get();
        if (r == null) return;
        ctx.tasks().execute(BackgroundTask.of(Messages.tr("roster.loading"), p -> ctx.services().roster().person(r.personId()))
                .onSuccess(p -> p.ifPresent(person -> new PersonDialog(ctx, vm,
                        PersonDialogModel.edit(ctx.services().roster(), ctx.tasks(), person)
                                .recordingIn(ctx.services().undo(), person.fullName()), window(),
                        id -> afterSave(id, Messages.tr("person.saved"))).show())));
    }

    private void enrolSelected() {
        RosterRow r = vm.selectedProperty().get();
        if (r != null) enrol(r);
    }

    private void enrol(RosterRow r) {
        EnrolmentDialogModel form = new EnrolmentDialogModel(ctx.services().roster(),
                ctx.services().enrolments(), ctx.services().clock(), ctx.tasks(), r.personId(), r.postId(), r.position(),
                r.employmentStatus()).recordingIn(ctx.services().undo(), r.fullName());
        new EnrolmentDialog(form, r.fullName() + " — " + label(r.position()) + ", " + r.villageName(), window(),
                e -> afterSave(r.personId(), Messages.tr("enrolment.saved"))).show();
    }

    private void endTermSelected() {
        RosterRow r = vm.selectedProperty().get();
        if (r == null) return;
        EndTermDialogModel form = new EndTermDialogModel(ctx.services().roster(), ctx.tasks(), r.postId())
                .offeringEnrolment(ctx.services().enrolments()).recordingIn(ctx.services().undo(), r.fullName());
        new EndTermDialog(form, r.fullName() + " — " + label(r.position()) + ", " + r.villageName(), window(), p -> {
            afterSave(p.personId(), Messages.tr("endTerm.saved"));
            form.successorOffer().ifPresent(o -> javafx.application.Platform.runLater(() -> offerEnrolment(o, r)));
        }).show();
    }

    /** After a successor is appointed: offers to enrol them on the predecessor's terms (issue 13). */
    private void offerEnrolment(EndTermDialogModel.SuccessorOffer o, RosterRow was) {
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                Messages.tr("endTerm.offerEnrol", o.successorName()), javafx.scene.control.ButtonType.YES,
                javafx.scene.control.ButtonType.NO);
        ask.initOwner(window());
        ask.setHeaderText(null);
        ask.getDialogPane().setId("endTermOfferEnrol");
        if (ask.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.YES).isEmpty()) return;
        EnrolmentDialogModel form = EnrolmentDialogModel.forSuccessor(ctx.services().roster(),
                ctx.services().enrolments(), ctx.services().clock(), ctx.tasks(), o.personId(), o.postId(),
                o.position(), o.predecessor()).recordingIn(ctx.services().undo(), o.successorName());
        new EnrolmentDialog(form, o.successorName() + " — " + label(o.position()) + ", " + was.villageName(),
                window(), e -> afterSave(o.personId(), Messages.tr("enrolment.saved"))).show();
    }

    /** Ends the expired terms of the selected village together (one SK, successors); BPD first when there is any. */
    private void endTogether() {
        String village = vm.selectedVillage();
        if (village == null) {
            ctx.window().say(Messages.tr("roster.s6.together.pickVillage"));
            return;
        }
        LocalDate on = vm.on() == null ? LocalDate.now(ctx.services().clock()) : vm.on();
        List<RosterRow> expired = EndTogetherDialogModel.expired(vm.allRows(), village, on);
        List<RosterRow> bpd = expired.stream().filter(r -> r.category() == Category.BPD).toList();
        List<RosterRow> rows = bpd.isEmpty() ? expired : bpd;
        if (rows.isEmpty()) {
            ctx.window().say(Messages.tr("roster.s6.together.nothing", vm.node(village).name()));
            return;
        }
        EndTogetherDialogModel form = new EndTogetherDialogModel(ctx.services().roster(), ctx.tasks(), rows);
        new EndTogetherDialog(form, vm.node(village).name(), window(), posts -> {
            ctx.window().say(Messages.tr("roster.s6.together.done", posts.size()));
            vm.reload();
        }).show();
    }

    private void removeSelected() {
        RosterRow r = vm.selectedProperty().get();
        if (r == null) return;
        RemoveDialog.post(ctx, r.postId(), r.fullName() + " — " + label(r.position()) + ", " + r.villageName(),
                window(), () -> {
                    ctx.window().say(Messages.tr("remove.done"));
                    vm.refreshPerson(r.personId());
                });
    }

    private void villageHistory() {
        String code = vm.villageProperty().get();
        RosterRow r = vm.selectedProperty().get();
        if (code == null && r != null) code = r.villageCode();
        RosterViewModel.NavNode n = code == null ? null : vm.node(code);
        if (n == null || n.level() != 2) {
            ctx.window().say(Messages.tr("audit.chooseVillage"));
            return;
        }
        VillageHistory.show(ctx, n.code(), n.name(), window());
    }

    private void importRegions() {
        id.lindungdesa.ui.setup.RegionImportView.openDialog(ctx, window(), report -> vm.reload());
    }

    /** The search text, category and status survive a language switch. */
    @Override
    public Object keep() {
        return new Object[] {vm.searchProperty().get(), vm.categoryProperty().get(), vm.statusProperty().get()};
    }

    @Override
    public void restore(Object kept) {
        if (kept instanceof Object[] k && k.length == 3) {
            if (k[0] instanceof String q) vm.searchProperty().set(q);
            if (k[1] instanceof Category c) vm.categoryProperty().set(c);
            if (k[2] instanceof RosterViewModel.StatusChoice st) vm.statusProperty().set(st);
        }
    }
}
