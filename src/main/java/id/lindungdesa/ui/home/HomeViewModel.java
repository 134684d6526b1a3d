package id.lindungdesa.ui.home;

import id.lindungdesa.domain.Alert;
import id.lindungdesa.service.AlertService;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.TaskExecutor;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The "needs attention" list: loaded off the FX thread, published as one list. Holds no nodes. */
public final class HomeViewModel {
    private final AlertService alertService;
    private final Clock clock;
    private final TaskExecutor tasks;
    private final ObservableList<Alert> alerts = FXCollections.observableArrayList();
    private final ObjectProperty<Map<Alert.Kind, Integer>> counts = new SimpleObjectProperty<>(Map.of());
    private final ObjectProperty<LocalDate> on = new SimpleObjectProperty<>();

    public HomeViewModel(AlertService alerts, Clock clock, TaskExecutor tasks) {
        this.alertService = alerts;
        this.clock = clock;
        this.tasks = tasks;
    }

    public ObservableList<Alert> alerts() { return alerts; }

    public ObjectProperty<Map<Alert.Kind, Integer>> counts() { return counts; }

    public ObjectProperty<LocalDate> on() { return on; }

    /** Reloads the list for today (by the clock it was given). */
    public void refresh(Runnable whenDone) {
        LocalDate today = LocalDate.now(clock);
        tasks.execute(BackgroundTask.<List<Alert>>of("alerts", p -> alertService.alerts(today))
                .onSuccess(list -> {
                    on.set(today);
                    alerts.setAll(list);
                    counts.set(AlertService.counts(list));
                    whenDone.run();
                }));
    }
}
