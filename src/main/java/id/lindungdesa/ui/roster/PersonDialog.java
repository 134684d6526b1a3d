package id.lindungdesa.ui.roster;

import id.lindungdesa.domain.AuditEntry;
import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.EnrolmentStatus;
import id.lindungdesa.domain.Labelled;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.ui.form.Forms;
import id.lindungdesa.ui.shell.ScreenContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The person editor. For a new person: personal details and the post they are appointed to; a duplicate NIK shows
 * the existing holder and offers to add the post to them. For an existing person: details, posts (edit, end term,
 * remove), enrolments (add, change status) and the person's audit trail.
 */
final class PersonDialog {
    private final ScreenContext ctx;
    private final RosterViewModel vm;
    private final PersonDialogModel form;
    private final Window owner;
    private final Consumer<UUID> saved;
    private final Map<String, Label> errorLabels = new HashMap<>();
    private final Label general = Forms.errorLabel("personError");
    private final List<Runnable> cleanup = new ArrayList<>();
    private Stage stage;
    // existing person panels
    private final ListView<Post> posts = new ListView<>();
    private final ListView<String> enrolments = new ListView<>();
    private final TableView<AuditEntry> audit = AuditTable.create("personAuditTable");
    private List<Enrolment> enrolmentList = List.of();

    /** For a new person: "Simpan & daftarkan" saves, then this opens the enrolment of the new post (issue 13). */
    private Consumer<UUID> savedThenEnrol;

    /** Offers "Simpan & daftarkan" (Ctrl+Enter) on a new person's dialog; {@code then} gets the new person's id. */
    PersonDialog thenEnrol(Consumer<UUID> then) {
        this.savedThenEnrol = then;
        return this;
    }

    PersonDialog(ScreenContext ctx, RosterViewModel vm, PersonDialogModel form, Window owner, Consumer<UUID> saved) {
        this.ctx = ctx;
        this.vm = vm;
        this.form = form;
        this.owner = owner;
        this.saved = saved;
    }

    void show() {
        GridPane personGrid = Forms.grid();
        TextField nik = field("personNik", form.nik);
        nik.setPromptText("3604011203800001");
        nik.setPrefColumnCount(18);
        TextField name = field("personName", form.fullName);
        ComboBox<Sex> sex = combo("personSex", Sex.values());
        sex.valueProperty().bindBidirectional(form.sex);
        TextField birth = field("personBirthDate", form.birthDate);
        birth.setPromptText("dd-mm-yyyy");
        TextField place = field("personBirthPlace", form.birthPlace);
        TextField nkk = field("personNkk", form.nkk);
        TextField phone = field("personPhone", form.phone);
        ComboBox<EmploymentStatus> emp = combo("personEmployment", EmploymentStatus.values());
        emp.valueProperty().bindBidirectional(form.employment);
        int row = 0;
        Forms.row(personGrid, row++, Messages.tr("person.nik"), nik, error("nik", "nikError"));
        Forms.row(personGrid, row++, Messages.tr("person.name"), name, error("fullName", "fullNameError"));
        Forms.row(personGrid, row++, Messages.tr("person.sex"), sex, error("sex", "sexError"));
        Forms.row(personGrid, row++, Messages.tr("person.birthDate"), birth, error("birthDate", "birthDateError"));
        Forms.row(personGrid, row++, Messages.tr("person.birthPlace"), place, null);
        Forms.row(personGrid, row++, Messages.tr("person.nkk"), nkk, error("nkk", "nkkError"));
        Forms.row(personGrid, row++, Messages.tr("person.phone"), phone, null);
        Forms.row(personGrid, row++, Messages.tr("person.employment"), emp, error("employmentStatus", "employmentError"));

        Button save = new Button(Messages.tr("action.save"));
        save.setId("personSave");
        save.disableProperty().bind(form.busyProperty());
        Button cancel = new Button(Messages.tr("action.cancel"));
        cancel.setId("personCancel");
        save.setOnAction(e -> form.save(id -> {
            stage.close();
            saved.accept(id);
        }));
        HBox buttons = new HBox(8, save, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        Button saveEnrol = null;
        if (form.isNew() && savedThenEnrol != null) {
            // One step for the usual case: the person, the post, then straight into the enrolment form with the
            // defaults of the PKS in force (issue 13). The enrolment is still seen and saved by the clerk.
            saveEnrol = new Button(Messages.tr("person.saveEnrol"));
            saveEnrol.setId("personSaveEnrol");
            saveEnrol.disableProperty().bind(form.busyProperty());
            saveEnrol.setOnAction(e -> form.save(id -> {
                stage.close();
                saved.accept(id);
                savedThenEnrol.accept(id);
            }));
            buttons.getChildren().add(1, saveEnrol);
        }
        Label hint = new Label(Messages.tr("form.hint"));
        hint.getStyleClass().add("hint");

        VBox content;
        String title;
        if (form.isNew()) {
            title = Messages.tr("person.new");
            GridPane postGrid = Forms.grid();
            PostDialog.fields(postGrid, 0, form.post, vm, this::error);
            VBox duplicate = duplicatePanel();
            Label h1 = new Label(Messages.tr("person.section"));
            h1.getStyleClass().add("h2");
            Label h2 = new Label(Messages.tr("post.section"));
            h2.getStyleClass().add("h2");
            content = new VBox(8, h1, personGrid, h2, postGrid, duplicate, general, hint, buttons);
        } else {
            title = Messages.tr("person.edit", form.editing().fullName());
            Button remove = new Button(Messages.tr("person.remove"));
            remove.setId("personRemove");
            remove.setOnAction(e -> RemoveDialog.person(ctx, form.editing().id(), form.editing().fullName(), stage,
                    () -> {
                        stage.close();
                        saved.accept(form.editing().id());
                    }));
            buttons.getChildren().addFirst(remove);
            Label warnings = new Label(vm.warnings().stream()
                    .filter(w -> form.editing().id().equals(w.personId()))
                    .map(w -> "⚠ " + RosterViewModel.text(w)).distinct()
                    .collect(java.util.stream.Collectors.joining("\n")));
            warnings.setId("personWarnings");
            warnings.getStyleClass().add("warning");
            warnings.setWrapText(true);
            warnings.managedProperty().bind(warnings.textProperty().isNotEmpty());
            VBox data = new VBox(8, warnings, personGrid, general, hint, buttons);
            data.setPadding(new Insets(8));
            TabPane tabs = new TabPane(new Tab(Messages.tr("person.tab.data"), data),
                    new Tab(Messages.tr("person.tab.posts"), postsPanel()),
                    new Tab(Messages.tr("person.tab.enrolments"), enrolmentsPanel()),
                    new Tab(Messages.tr("person.tab.history"), audit));
            tabs.setId("personTabs");
            tabs.getTabs().forEach(t -> t.setClosable(false));
            content = new VBox(tabs);
            reloadDetails();
        }
        content.setPadding(new Insets(12));
        MapChangeListener<String, String> l = Forms.bind(form.errors(), errorLabels, general);
        cleanup.add(() -> form.errors().removeListener(l));
        stage = Forms.dialog(owner, title, content, save, cancel);
        if (saveEnrol != null) {
            Button se = saveEnrol;
            stage.getScene().getAccelerators().put(new javafx.scene.input.KeyCodeCombination(
                    javafx.scene.input.KeyCode.ENTER, javafx.scene.input.KeyCombination.SHORTCUT_DOWN), () -> {
                if (!se.isDisabled()) se.fire();
            });
        }
        stage.setOnHidden(e -> cleanup.forEach(Runnable::run));
        stage.show();
        nik.requestFocus();
    }

    private VBox duplicatePanel() {
        Label text = new Label();
        text.setId("duplicateText");
        text.setWrapText(true);
        text.setMaxWidth(460);
        text.getStyleClass().add("warning");
        Button addHere = new Button(Messages.tr("person.addToExisting"));
        addHere.setId("addToExisting");
        addHere.setOnAction(e -> form.addPostToExisting(id -> {
            stage.close();
            saved.accept(id);
        }));
        VBox box = new VBox(6, text, addHere);
        box.setId("duplicatePanel");
        Forms.message(box);
        box.getStyleClass().add("panel");
        box.visibleProperty().bind(form.duplicateProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        form.duplicateProperty().addListener((o, a, b) -> {
            text.setText(b == null ? "" : form.duplicateText());
            Forms.fit(box);
        });
        return box;
    }

    // ------------------------------------------------------------------ existing person

    private VBox postsPanel() {
        posts.setId("personPosts");
        posts.setPrefHeight(220);
        posts.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Post p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : postLine(p));
            }
        });
        Button add = new Button(Messages.tr("post.add"));
        add.setId("postAdd");
        add.setOnAction(e -> new PostDialog(PostDialogModel.appoint(ctx.services().roster(), ctx.tasks(), form.editing().id(),
                form.editing().homeVillageCode()).recordingIn(ctx.services().undo(), form.editing().fullName()), vm, stage,
                p -> changed()).show());
        Button edit = new Button(Messages.tr("post.edit"));
        edit.setId("postEdit");
        edit.setOnAction(e -> {
            Post p = posts.getSelectionModel().getSelectedItem();
            if (p != null) new PostDialog(PostDialogModel.edit(ctx.services().roster(), ctx.tasks(), p)
                    .recordingIn(ctx.services().undo(), form.editing().fullName()), vm, stage, x -> changed()).show();
        });
        Button end = new Button(Messages.tr("roster.endTerm"));
        end.setId("postEndTerm");
        end.setOnAction(e -> {
            Post p = posts.getSelectionModel().getSelectedItem();
            if (p != null && p.endDate() == null) {
                new EndTermDialog(new EndTermDialogModel(ctx.services().roster(), ctx.tasks(), p.id())
                        .recordingIn(ctx.services().undo(), form.editing().fullName()),
                        form.editing().fullName() + " — " + label(p.position()), stage, x -> changed()).show();
            }
        });
        Button remove = new Button(Messages.tr("roster.removePost"));
        remove.setId("postRemove");
        remove.setOnAction(e -> {
            Post p = posts.getSelectionModel().getSelectedItem();
            if (p != null) RemoveDialog.post(ctx, p.id(), postLine(p), stage, this::changed);
        });
        edit.disableProperty().bind(posts.getSelectionModel().selectedItemProperty().isNull());
        end.disableProperty().bind(posts.getSelectionModel().selectedItemProperty().isNull());
        remove.disableProperty().bind(posts.getSelectionModel().selectedItemProperty().isNull());
        VBox box = new VBox(8, posts, new HBox(6, add, edit, end, remove));
        box.setPadding(new Insets(8));
        return box;
    }

    private VBox enrolmentsPanel() {
        enrolments.setId("personEnrolments");
        enrolments.setPrefHeight(220);
        Button status = new Button(Messages.tr("enrolment.changeStatus"));
        status.setId("enrolmentStatus");
        status.disableProperty().bind(enrolments.getSelectionModel().selectedItemProperty().isNull());
        status.setOnAction(e -> {
            int i = enrolments.getSelectionModel().getSelectedIndex();
            if (i >= 0 && i < enrolmentList.size()) {
                EnrolmentDialog.changeStatus(ctx, enrolmentList.get(i), stage, this::changed);
            }
        });
        Button add = new Button(Messages.tr("roster.enrol"));
        add.setId("enrolmentAdd");
        add.setOnAction(e -> {
            Post p = currentPosts().stream().findFirst().orElse(null);
            EnrolmentDialogModel f = new EnrolmentDialogModel(ctx.services().roster(),
                ctx.services().enrolments(), ctx.services().clock(), ctx.tasks(), form.editing().id(),
                    p == null ? null : p.id(), p == null ? null : p.position(), form.editing().employmentStatus())
                    .recordingIn(ctx.services().undo(), form.editing().fullName());
            new EnrolmentDialog(f, form.editing().fullName(), stage, x -> changed()).show();
        });
        Button edit = new Button(Messages.tr("enrolment.edit"));
        edit.setId("enrolmentEdit");
        edit.disableProperty().bind(enrolments.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(e -> {
            int i = enrolments.getSelectionModel().getSelectedIndex();
            if (i < 0 || i >= enrolmentList.size()) return;
            Enrolment en = enrolmentList.get(i);
            Position pos = posts.getItems().stream().filter(p -> p.id().equals(en.postId())).map(Post::position)
                    .findFirst().orElse(null);
            EnrolmentDialogModel f = EnrolmentDialogModel.edit(ctx.services().roster(),
                    ctx.services().enrolments(), ctx.services().clock(), ctx.tasks(), en, pos,
                    form.editing().employmentStatus()).recordingIn(ctx.services().undo(), form.editing().fullName());
            new EnrolmentDialog(f, form.editing().fullName(), stage, x -> changed()).show();
        });
        VBox box = new VBox(8, enrolments, new HBox(6, add, edit, status));
        box.setPadding(new Insets(8));
        return box;
    }

    private List<Post> currentPosts() {
        return posts.getItems().stream().filter(p -> p.endDate() == null).toList();
    }

    private void changed() {
        reloadDetails();
        vm.refreshPerson(form.editing().id()); // only this person's villages (issue 14)
    }

    private void reloadDetails() {
        UUID id = form.editing().id();
        record Details(List<Post> posts, List<Enrolment> enrolments, Map<UUID, List<EnrolmentStatus>> history,
                       List<AuditEntry> audit) {
        }
        ctx.tasks().execute(BackgroundTask.<Details>of(Messages.tr("roster.loading"), p -> {
            List<Enrolment> en = ctx.services().enrolments().enrolmentsOf(id);
            Map<UUID, List<EnrolmentStatus>> h = new HashMap<>();
            for (Enrolment e : en) h.put(e.id(), ctx.services().enrolments().history(e.id()));
            return new Details(ctx.services().roster().postsOf(id), en, h, ctx.services().audit().forPerson(id));
        }).onSuccess(d -> {
            posts.getItems().setAll(d.posts());
            enrolmentList = d.enrolments();
            List<String> lines = new ArrayList<>();
            for (Enrolment e : d.enrolments()) {
                List<EnrolmentStatus> h = d.history().getOrDefault(e.id(), List.of());
                StringBuilder sb = new StringBuilder();
                sb.append(e.kpj() == null ? Messages.tr("enrolment.noKpj") : "KPJ " + e.kpj()).append(" · ")
                        .append(label(e.segment())).append(" · ").append(e.programmes()).append(" · ")
                        .append(Formats.rupiah(e.wageBase())).append(" · ").append(label(e.fundingSource()));
                for (EnrolmentStatus s : h) {
                    sb.append("\n   ").append(Formats.date(s.effectiveDate())).append(": ").append(label(s.state()));
                    if (s.note() != null) sb.append(" (").append(s.note()).append(")");
                }
                lines.add(sb.toString());
            }
            enrolments.getItems().setAll(lines);
            AuditTable.show(audit, d.audit());
        }).onFailure(e -> general.setText(String.valueOf(e.getMessage()))));
    }

    private static String postLine(Post p) {
        String s = label(p.position()) + (p.unitLabel() == null ? "" : " (" + p.unitLabel() + ")") + " · "
                + p.villageCode() + " · " + Formats.date(p.startDate()) + " – "
                + (p.endDate() != null ? Formats.date(p.endDate()) + " (" + label(p.endReason()) + ")"
                : p.plannedEndDate() == null ? "…" : Formats.date(p.plannedEndDate()));
        if (p.skNumber() != null) s += " · SK " + p.skNumber();
        return s;
    }

    // ------------------------------------------------------------------ helpers

    Label error(String field, String id) {
        Label l = Forms.errorLabel(id);
        errorLabels.put(field, l);
        return l;
    }

    static TextField field(String id, javafx.beans.property.StringProperty p) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(p);
        t.setPrefColumnCount(24);
        return t;
    }

    @SafeVarargs
    static <T extends Labelled> ComboBox<T> combo(String id, T... values) {
        ComboBox<T> c = new ComboBox<>();
        c.setId(id);
        c.getItems().setAll(values);
        c.setCellFactory(l -> cell());
        c.setButtonCell(cell());
        return c;
    }

    private static <T extends Labelled> ListCell<T> cell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : label(item));
            }
        };
    }

    static String label(Labelled l) {
        return l == null ? "" : l.label(Messages.current().indonesian());
    }

    static Position[] positions() {
        return Position.values();
    }
}
