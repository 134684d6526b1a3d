package id.lindungdesa.ui.province;

import id.lindungdesa.bundle.ProvinceService;
import id.lindungdesa.bundle.ProvinceService.Dashboard;
import id.lindungdesa.bundle.ProvinceService.DistrictRow;
import id.lindungdesa.bundle.ProvinceService.VillageRow;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.TaskExecutor;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** State of the province dashboard; loads off the FX thread and publishes results only. Holds no Node. */
public final class ProvinceDashboardViewModel {
    private final ProvinceService service;
    private final TaskExecutor tasks;
    private final ObservableList<DistrictRow> districts = FXCollections.observableArrayList();
    private final ObservableList<VillageRow> villages = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notReported = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper villagesTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Dashboard> dashboard = new ReadOnlyObjectWrapper<>();

    public ProvinceDashboardViewModel(ProvinceService service, TaskExecutor tasks) {
        this.service = service;
        this.tasks = tasks;
    }

    public ObservableList<DistrictRow> districts() { return districts; }

    public ObservableList<VillageRow> villages() { return villages; }

    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

    public ReadOnlyStringProperty notReportedProperty() { return notReported.getReadOnlyProperty(); }

    public ReadOnlyStringProperty villagesTitleProperty() { return villagesTitle.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<Dashboard> dashboardProperty() { return dashboard.getReadOnlyProperty(); }

    public void load(Runnable done) {
        tasks.execute(BackgroundTask.<Dashboard>of("province", p -> {
            if (!service.isProvince()) return null;
            return service.dashboard(service.today());
        }).onSuccess(d -> {
            if (d == null) {
                summary.set(Messages.tr("province.ui.notProvince"));
                districts.clear();
            } else {
                dashboard.set(d);
                districts.setAll(d.districts());
                summary.set(Messages.tr("province.ui.summary", Formats.percent(d.total().ratio()), d.total().covered(),
                        d.total().eligible(), d.villagesNoneRegistered(), d.villages(), d.period().label()));
                List<DistrictRow> late = d.notReported();
                notReported.set(late.isEmpty() ? Messages.tr("province.ui.allReported")
                        : Messages.tr("province.ui.notReported",
                        late.stream().map(DistrictRow::name).collect(Collectors.joining(", "))));
            }
            done.run();
        }).onFailure(e -> summary.set(String.valueOf(e.getMessage()))));
    }

    /** Drill down to a district's villages. */
    public void select(DistrictRow row) {
        if (row == null) {
            villages.clear();
            villagesTitle.set("");
            return;
        }
        LocalDate on = service.today();
        tasks.execute(BackgroundTask.<List<VillageRow>>of("villages", p -> service.villages(row.code(), on))
                .onSuccess(vs -> {
                    villages.setAll(vs);
                    villagesTitle.set(Messages.tr("province.ui.villagesOf", row.name()));
                }));
    }
}
