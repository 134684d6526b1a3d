package id.lindungdesa.ui.monev;

import id.lindungdesa.domain.Agreement;
import id.lindungdesa.domain.Alert;
import id.lindungdesa.domain.CategoryCoverage;
import id.lindungdesa.domain.FollowUp;
import id.lindungdesa.domain.MonevEvaluation;
import id.lindungdesa.domain.MonevScheduleItem;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.MonevService;
import id.lindungdesa.service.ValidationException;
import id.lindungdesa.ui.shell.Screen;
import id.lindungdesa.ui.shell.ScreenContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Monev: the schedule of an agreement (editable), evaluations with coverage figures, and follow-up actions. */
public final class MonevView implements Screen {
    public static final String ID = "monev";

    private final ScreenContext ctx;
    private final MonevViewModel vm;
    private final VBox root = new VBox(8);
    private final ComboBox<Agreement> agreement = new ComboBox<>();
    private final TableView<MonevScheduleItem> schedule = new TableView<>();
    private final TableView<FollowUp> followUps = new TableView<>();
    private final ListView<String> evaluations = new ListView<>();
    private final TextField newDue = new TextField();
    private final Label message = new Label();
    private final TextField evalDate = new TextField();
    private final TextField participants = new TextField();
    private final TextArea findings = new TextArea();
    private final FollowUpEditor followUpEditor = new FollowUpEditor();
    private UUID pendingAgreement;
    private UUID pendingItem;

    public MonevView(ScreenContext ctx) {
        this.ctx = ctx;
        this.vm = new MonevViewModel(ctx.services().agreements(), ctx.services().monev(), ctx.services().clock(),
                ctx.tasks());
        agreement.setId("monevAgreement");
        agreement.setItems(vm.agreements());
        agreement.setConverter(new StringConverter<>() {
            @Override
            public String toString(Agreement a) {
                return a == null ? "" : a.number() + " — " + a.title();
            }

            @Override
            public Agreement fromString(String s) {
                return null;
            }
        });
        agreement.valueProperty().addListener((o, a, b) -> fill());
        schedule.setId("monevSchedule");
        schedule.setPrefHeight(200);
        schedule.getColumns().add(col(Messages.tr("monev.ui.due"), s -> Formats.date(s.dueDate()), 170));
        schedule.getColumns().add(col(Messages.tr("monev.ui.status"), this::status, 260));
        schedule.getColumns().add(col(Messages.tr("monev.ui.note"), s -> s.note() == null ? "" : s.note(), 240));
        newDue.setId("monevNewDue");
        newDue.setPromptText("dd-mm-yyyy");
        Button move = new Button(Messages.tr("monev.ui.reschedule"));
        move.setId("monevReschedule");
        move.setOnAction(e -> reschedule());
        Button add = new Button(Messages.tr("monev.ui.addDue"));
        add.setId("monevAddDue");
        add.setOnAction(e -> addDue());
        message.setId("monevMessage");
        message.setWrapText(true);

        evalDate.setId("evalDate");
        evalDate.setPromptText("dd-mm-yyyy");
        participants.setId("evalParticipants");
        findings.setId("evalFindings");
        findings.setPrefRowCount(3);
        Button save = new Button(Messages.tr("monev.ui.record"));
        save.setId("evalSave");
        save.setOnAction(e -> record());
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label(Messages.tr("monev.ui.date")), evalDate);
        g.addRow(1, new Label(Messages.tr("monev.ui.participants")), participants);
        g.addRow(2, new Label(Messages.tr("monev.ui.findings")), findings);
        g.addRow(3, new Label(Messages.tr("monev.ui.followUps")), followUpEditor.node());

        evaluations.setId("evalList");
        evaluations.setPrefHeight(200);
        followUps.setId("followUpTable");
        followUps.setPrefHeight(160);
        followUps.getColumns().add(col(Messages.tr("monev.ui.action"), FollowUp::action, 300));
        followUps.getColumns().add(col(Messages.tr("monev.ui.owner"), FollowUp::owner, 180));
        followUps.getColumns().add(col(Messages.tr("monev.ui.due"), f -> Formats.date(f.dueDate()), 140));
        followUps.getColumns().add(col(Messages.tr("monev.ui.done"), f -> f.done() ? Formats.date(f.doneDate())
                : f.overdueOn(vm.today()) ? Messages.tr("monev.ui.late", ChronoUnit.DAYS.between(f.dueDate(), vm.today()))
                : "", 160));
        // Overdue follow-ups stand out (issue 13): the whole row, not only the "Terlambat" text.
        followUps.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(FollowUp f, boolean empty) {
                super.updateItem(f, empty);
                getStyleClass().remove("overdue");
                if (!empty && f != null && f.overdueOn(vm.today())) getStyleClass().add("overdue");
            }
        });
        Button done = new Button(Messages.tr("monev.ui.markDone"));
        done.setId("followUpDone");
        done.disableProperty().bind(followUps.getSelectionModel().selectedItemProperty().isNull());
        done.setOnAction(e -> {
            FollowUp f = followUps.getSelectionModel().getSelectedItem();
            if (f != null) vm.markDone(f, this::reload, this::showError);
        });

        root.setPadding(new Insets(10));
        root.getChildren().addAll(new HBox(8, new Label(Messages.tr("monev.ui.agreement")), agreement), message,
                h2("monev.ui.schedule"), schedule, new HBox(8, newDue, move, add),
                h2("monev.ui.newEvaluation"), g, save,
                h2("monev.ui.evaluations"), evaluations, h2("monev.ui.followUpsHeading"), followUps, done);
    }

    private static Label h2(String key) {
        Label l = new Label(Messages.tr(key));
        l.getStyleClass().add("h2");
        return l;
    }

    private static <T> TableColumn<T, String> col(String title, java.util.function.Function<T, String> f, double w) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new SimpleStringProperty(f.apply(cd.getValue())));
        c.setPrefWidth(w);
        return c;
    }

    private String status(MonevScheduleItem s) {
        LocalDate today = vm.today();
        if (s.done()) {
            return vm.evaluations().stream().filter(e -> e.id().equals(s.evaluationId())).findFirst()
                    .map(e -> Messages.tr("monev.ui.heldOn", Formats.date(e.date())))
                    .orElse(Messages.tr("monev.ui.held"));
        }
        long days = ChronoUnit.DAYS.between(today, s.dueDate());
        if (days < 0) return Messages.tr("monev.ui.overdue", -days);
        if (days == 0) return Messages.tr("monev.ui.dueToday");
        return Messages.tr("monev.ui.upcoming", days);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return Messages.tr("monev.screen");
    }

    @Override
    public Node view() {
        ScrollPane sp = scroll;
        return sp;
    }

    private final ScrollPane scroll = new ScrollPane(root);

    {
        scroll.setFitToWidth(true);
    }

    @Override
    public void activate() {
        reload();
    }

    @Override
    public void open(Object target) {
        if (target instanceof Alert.Target t) {
            if ("monev".equals(t.type())) {
                pendingAgreement = t.id();
                pendingItem = t.key() == null ? null : UUID.fromString(t.key());
            } else if ("follow_up".equals(t.type())) {
                pendingFollowUp = t.id();
                UUID evalId = UUID.fromString(t.key());
                pendingAgreement = vm.evaluations().stream().filter(e -> e.id().equals(evalId)).findFirst()
                        .map(MonevEvaluation::agreementId).orElse(null);
                pendingItem = null;
                if (pendingAgreement == null) pendingEvaluation = evalId;
            }
        } else if (target instanceof UUID id) {
            pendingAgreement = id;
        }
        reload();
    }

    private UUID pendingEvaluation;
    private UUID pendingFollowUp;

    private void reload() {
        UUID keep = Optional.ofNullable(agreement.getValue()).map(Agreement::id).orElse(null);
        vm.load(() -> {
            if (pendingEvaluation != null) {
                UUID ev = pendingEvaluation;
                pendingAgreement = vm.evaluations().stream().filter(e -> e.id().equals(ev)).findFirst()
                        .map(MonevEvaluation::agreementId).orElse(null);
                pendingEvaluation = null;
            }
            UUID want = pendingAgreement != null ? pendingAgreement : keep;
            pendingAgreement = null;
            Agreement pick = vm.agreements().stream().filter(a -> a.id().equals(want)).findFirst()
                    .orElse(vm.agreements().isEmpty() ? null : vm.agreements().getLast());
            // The value's change listener compares with equals: an agreement read again is equal to the one shown,
            // so it would not fire and the evaluations and follow-ups would stay as they were before the save.
            Agreement before = agreement.getValue();
            agreement.setValue(pick);
            if (java.util.Objects.equals(before, pick)) fill();
            if (pendingItem != null) {
                UUID item = pendingItem;
                schedule.getItems().stream().filter(s -> s.id().equals(item)).findFirst().ifPresent(s -> {
                    schedule.getSelectionModel().select(s);
                    schedule.scrollTo(s);
                });
                pendingItem = null;
            }
            if (pendingFollowUp != null) {
                UUID fu = pendingFollowUp;
                followUps.getItems().stream().filter(f -> f.id().equals(fu)).findFirst().ifPresent(f -> {
                    followUps.getSelectionModel().select(f);
                    followUps.scrollTo(f);
                });
                pendingFollowUp = null;
            }
            if (evalDate.getText().isBlank()) evalDate.setText(Formats.FORM_DATE.format(vm.today()));
        });
    }

    private void fill() {
        Agreement a = agreement.getValue();
        if (a == null) {
            schedule.getItems().clear();
            evaluations.getItems().clear();
            followUps.getItems().clear();
            return;
        }
        schedule.getItems().setAll(vm.scheduleOf(a.id()));
        List<MonevEvaluation> evs = vm.evaluationsOf(a.id());
        evaluations.getItems().setAll(evs.stream().map(MonevView::evaluationText).toList());
        List<FollowUp> fus = new ArrayList<>();
        evs.forEach(e -> fus.addAll(e.followUps()));
        followUps.getItems().setAll(fus);
    }

    static String evaluationText(MonevEvaluation e) {
        String cov = e.coverage().stream().map(MonevView::coverageText).collect(Collectors.joining(", "));
        return Formats.date(e.date()) + " — " + e.findings() + "\n" + Messages.tr("monev.ui.participants") + ": "
                + e.participants() + "\n" + Messages.tr("monev.ui.coverage") + ": " + (cov.isEmpty() ? "—" : cov);
    }

    static String coverageText(CategoryCoverage c) {
        return c.category().label(Messages.current().indonesian()) + " " + c.covered() + "/" + c.eligible() + " ("
                + Formats.percent(c.ratio()) + ")";
    }

    private void reschedule() {
        MonevScheduleItem item = schedule.getSelectionModel().getSelectedItem();
        Optional<LocalDate> d = Formats.parseFormDate(newDue.getText());
        if (item == null || d.isEmpty()) {
            message.setText(Messages.tr("monev.ui.pickAndDate"));
            return;
        }
        vm.reschedule(item, d.get(), () -> {
            message.setText(Messages.tr("monev.ui.moved", Formats.date(d.get())));
            reload();
        }, this::showError);
    }

    private void addDue() {
        Agreement a = agreement.getValue();
        Optional<LocalDate> d = Formats.parseFormDate(newDue.getText());
        if (a == null || d.isEmpty()) {
            message.setText(Messages.tr("monev.ui.pickAndDate"));
            return;
        }
        vm.addDue(a.id(), d.get(), () -> {
            message.setText(Messages.tr("monev.ui.added", Formats.date(d.get())));
            reload();
        }, this::showError);
    }

    private void record() {
        Agreement a = agreement.getValue();
        if (a == null) return;
        Optional<LocalDate> d = Formats.parseFormDate(evalDate.getText());
        if (!followUpEditor.addPending()) return; // a line typed but not added is added; its reason is shown
        List<MonevService.NewFollowUp> fus = followUpEditor.followUps();
        MonevScheduleItem item = schedule.getSelectionModel().getSelectedItem();
        UUID itemId = item != null && !item.done() ? item.id() : null;
        vm.record(new MonevService.NewEvaluation(a.id(), itemId, d.orElse(null), participants.getText(),
                findings.getText(), fus), e -> {
            message.setText(Messages.tr("monev.ui.recorded", Formats.date(e.date())));
            participants.clear();
            findings.clear();
            followUpEditor.clear();
            reload();
        }, this::showError);
    }

    private void showError(Throwable e) {
        message.setText(e instanceof ValidationException v ? v.errors().stream()
                .map(x -> Messages.tr(x.key(), x.args().toArray())).collect(Collectors.joining("\n"))
                : String.valueOf(e.getMessage()));
    }
}
