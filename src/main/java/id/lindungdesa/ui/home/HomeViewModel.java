package id.lindungdesa.ui.home;

import id.lindungdesa.domain.Alert;
import id.lindungdesa.service.AlertService;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.TaskExecutor;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The "needs attention" list: loaded off the FX thread, published as one list. Holds no nodes. */
public final class HomeViewModel {
    private final Services services;
    private final TaskExecutor tasks;
    private final ObservableList<Alert> alerts = FXCollections.observableArrayList();
    private final ObjectProperty<Map<Alert.Kind, Integer>> counts = new SimpleObjectProperty<>(Map.of());
    private final ObjectProperty<LocalDate> on = new SimpleObjectProperty<>();

    public HomeViewModel(Services services, TaskExecutor tasks) {
        this.services = services;
        this.tasks = tasks;
    }

    public ObservableList<Alert> alerts() { return alerts; }

    public ObjectProperty<Map<Alert.Kind, Integer>> counts() { return counts; }

    public ObjectProperty<LocalDate> on() { return on; }

    /** Reloads the list for today (the services' clock). */
    public void refresh(Runnable whenDone) {
        LocalDate today = LocalDate.now(services.clock());
        tasks.execute(BackgroundTask.<List<Alert>>of("alerts", p -> services.alerts().alerts(today))
                .onSuccess(list -> {
                    on.set(today);
                    alerts.setAll(list);
                    counts.set(AlertService.counts(list));
                    whenDone.run();
                }));
    }
}
