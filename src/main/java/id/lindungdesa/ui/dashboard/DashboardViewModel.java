package id.lindungdesa.ui.dashboard;

import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.RosterRow;
import id.lindungdesa.service.BudgetService;
import id.lindungdesa.service.CoverageService;
import id.lindungdesa.service.RosterReadModel;
import id.lindungdesa.service.RosterService;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.TaskExecutor;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The dashboard's state: the date, the coverage overview (report + 24-month trend), the year's budget per funding
 * source, and the drill-down (a kecamatan or category → its villages → a village's people). No nodes here.
 */
public final class DashboardViewModel {
    private final CoverageService coverage;
    private final BudgetService budget;
    private final RosterService roster;
    private final Clock clock;
    private final TaskExecutor tasks;
    final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    final ObjectProperty<CoverageService.Overview> overview = new SimpleObjectProperty<>();
    final ObjectProperty<Map<FundingSource, Long>> funding = new SimpleObjectProperty<>(Map.of());
    final ObservableList<CoverageService.Area> villages = FXCollections.observableArrayList();
    final ObservableList<RosterRow> people = FXCollections.observableArrayList();
    final ObjectProperty<Category> drillCategory = new SimpleObjectProperty<>();
    final StringProperty drillTitle = new SimpleStringProperty("");
    final StringProperty peopleTitle = new SimpleStringProperty("");
    final StringProperty error = new SimpleStringProperty("");

    public DashboardViewModel(CoverageService coverage, BudgetService budget, RosterService roster, Clock clock,
                              TaskExecutor tasks) {
        this.coverage = coverage;
        this.budget = budget;
        this.roster = roster;
        this.clock = clock;
        this.tasks = tasks;
        date.set(LocalDate.now(clock));
    }

    /** Reloads coverage, trend and the budget per funding source off the UI thread. */
    public void refresh() {
        LocalDate on = date.get();
        record Loaded(CoverageService.Overview overview, Map<FundingSource, Long> funding) {
        }
        tasks.execute(BackgroundTask.<Loaded>of("dashboard", p -> {
                    return new Loaded(coverage.overview(on, 24), budget
                            .budget(on.getYear(), null, BudgetService.Scenario.NONE).current().byFundingSource());
                })
                .onSuccess(l -> {
                    error.set("");
                    overview.set(l.overview());
                    funding.set(l.funding());
                    villages.clear();
                    people.clear();
                    drillTitle.set("");
                    peopleTitle.set("");
                })
                .onFailure(e -> error.set(e.getMessage())));
    }

    /** Drill-down from a kecamatan bar: its villages. */
    public void selectKecamatan(CoverageService.Area kecamatan) {
        CoverageService.Overview o = overview.get();
        if (o == null) return;
        drillCategory.set(null);
        drillTitle.set(kecamatan.name());
        villages.setAll(o.report().villagesOf(kecamatan.code()));
        people.clear();
        peopleTitle.set("");
    }

    /** Drill-down from a category bar: the villages with anyone eligible in it, least covered first. */
    public void selectCategory(Category c) {
        CoverageService.Overview o = overview.get();
        if (o == null) return;
        drillCategory.set(c);
        drillTitle.set(c.labelId());
        villages.setAll(o.report().villages().stream().filter(v -> v.of(c).eligible() > 0)
                .sorted(java.util.Comparator.comparingDouble((CoverageService.Area v) -> v.of(c).ratio())
                        .thenComparing(CoverageService.Area::code)).toList());
        people.clear();
        peopleTitle.set("");
    }

    /** Drill-down from a village: its people (of the chosen category, if any) on the date. */
    public void selectVillage(CoverageService.Area village) {
        if (village == null) return;
        LocalDate on = date.get();
        Category c = drillCategory.get();
        tasks.execute(BackgroundTask.<List<RosterRow>>of("village", p -> RosterReadModel.rows(
                        roster.snapshot(village.code(), on), false).stream()
                        .filter(r -> c == null || r.category() == c).toList())
                .onSuccess(rows -> {
                    people.setAll(rows);
                    peopleTitle.set(village.name());
                })
                .onFailure(e -> error.set(e.getMessage())));
    }
}
