package id.lindungdesa.ui.home;

import id.lindungdesa.domain.Alert;
import id.lindungdesa.service.AlertService;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.TaskExecutor;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "needs attention" list: loaded off the FX thread, published as one list, and shown grouped by kind (a
 * heading line per kind, then its items, soonest first). A counter chosen ({@link #kind()}) keeps one kind only.
 * Holds no nodes.
 */
public final class HomeViewModel {
    /** A line of the list: a kind's heading ({@code alert} null, with its count) or one item. */
    public record Row(Alert.Kind kind, int count, Alert alert) {
        public boolean heading() {
            return alert == null;
        }
    }

    private final AlertService alertService;
    private final Clock clock;
    private final TaskExecutor tasks;
    private final ObservableList<Alert> alerts = FXCollections.observableArrayList();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Map<Alert.Kind, Integer>> counts = new SimpleObjectProperty<>(Map.of());
    private final ObjectProperty<LocalDate> on = new SimpleObjectProperty<>();
    private final ObjectProperty<Alert.Kind> kind = new SimpleObjectProperty<>();

    private final javafx.beans.property.BooleanProperty fieldFirstRun =
            new javafx.beans.property.SimpleBooleanProperty(false);
    private java.util.function.BooleanSupplier officerWithoutPackage = () -> false;

    public HomeViewModel(AlertService alerts, Clock clock, TaskExecutor tasks) {
        this.alertService = alerts;
        this.clock = clock;
        this.tasks = tasks;
        kind.addListener((o, a, b) -> regroup());
    }

    public ObservableList<Alert> alerts() { return alerts; }

    /** The grouped lines the list shows (only the chosen kind when one is chosen). */
    public ObservableList<Row> rows() { return rows; }

    public ObjectProperty<Map<Alert.Kind, Integer>> counts() { return counts; }

    public ObjectProperty<LocalDate> on() { return on; }

    /** The kind the counters filter on; null: all kinds. */
    public ObjectProperty<Alert.Kind> kind() { return kind; }

    /**
     * Issue 15: at a kecamatan officer's office that has opened no field package yet, the home screen offers
     * "Buka paket lapangan" first. {@code check} runs in the background with the alerts.
     */
    public HomeViewModel offerFieldPackage(java.util.function.BooleanSupplier check) {
        this.officerWithoutPackage = check;
        return this;
    }

    /** True while the first-run choice "Buka paket lapangan" is offered. */
    public javafx.beans.property.BooleanProperty fieldFirstRun() { return fieldFirstRun; }

    private record Loaded(List<Alert> alerts, boolean fieldFirstRun) {
    }

    /** Reloads the list for today (by the clock it was given). */
    public void refresh(Runnable whenDone) {
        LocalDate today = LocalDate.now(clock);
        java.util.function.BooleanSupplier check = officerWithoutPackage;
        tasks.execute(BackgroundTask.<Loaded>of("alerts", p -> new Loaded(alertService.alerts(today),
                        check.getAsBoolean()))
                .onSuccess(loaded -> {
                    List<Alert> list = loaded.alerts();
                    fieldFirstRun.set(loaded.fieldFirstRun());
                    on.set(today);
                    alerts.setAll(list);
                    counts.set(AlertService.counts(list));
                    if (kind.get() != null && !counts.get().containsKey(kind.get())) kind.set(null);
                    regroup();
                    whenDone.run();
                }));
    }

    private void regroup() {
        rows.setAll(group(alerts, kind.get()));
    }

    /** Groups by kind in the order of {@link Alert.Kind} (most urgent kinds first); within a kind, by date. */
    static List<Row> group(List<Alert> alerts, Alert.Kind only) {
        List<Row> out = new ArrayList<>();
        for (Alert.Kind k : Alert.Kind.values()) {
            if (only != null && k != only) continue;
            List<Alert> of = alerts.stream().filter(a -> a.kind() == k)
                    .sorted(Comparator.comparing(Alert::date, Comparator.nullsLast(Comparator.naturalOrder())))
                    .toList();
            if (of.isEmpty()) continue;
            out.add(new Row(k, of.size(), null));
            for (Alert a : of) out.add(new Row(k, of.size(), a));
        }
        return out;
    }
}
