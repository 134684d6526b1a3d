package id.lindungdesa.ui.monev;

import id.lindungdesa.domain.Agreement;
import id.lindungdesa.domain.MonevEvaluation;
import id.lindungdesa.domain.MonevScheduleItem;
import id.lindungdesa.service.AgreementService;
import id.lindungdesa.service.MonevService;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.TaskExecutor;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Monev state: agreements, every schedule item and evaluation; reads and writes run as background tasks. */
public final class MonevViewModel {
    private final AgreementService agreementService;
    private final MonevService monev;
    private final Clock clock;
    private final TaskExecutor tasks;
    private final ObservableList<Agreement> agreements = FXCollections.observableArrayList();
    private List<MonevScheduleItem> schedule = List.of();
    private List<MonevEvaluation> evaluations = List.of();

    public MonevViewModel(AgreementService agreements, MonevService monev, Clock clock, TaskExecutor tasks) {
        this.agreementService = agreements;
        this.monev = monev;
        this.clock = clock;
        this.tasks = tasks;
    }

    public ObservableList<Agreement> agreements() { return agreements; }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public List<MonevScheduleItem> scheduleOf(UUID agreementId) {
        return schedule.stream().filter(s -> s.agreementId().equals(agreementId)).toList();
    }

    public List<MonevEvaluation> evaluationsOf(UUID agreementId) {
        return evaluations.stream().filter(e -> e.agreementId().equals(agreementId)).toList();
    }

    public List<MonevEvaluation> evaluations() {
        return evaluations;
    }

    private record Loaded(List<Agreement> agreements, List<MonevScheduleItem> schedule, List<MonevEvaluation> evals) {
    }

    public void load(Runnable whenDone) {
        tasks.execute(BackgroundTask.<Loaded>of(id.lindungdesa.i18n.Messages.tr("monev.screen"), p -> new Loaded(agreementService.all(),
                        monev.schedule(null), monev.evaluations(null)))
                .onSuccess(l -> {
                    schedule = l.schedule();
                    evaluations = l.evals();
                    agreements.setAll(l.agreements());
                    whenDone.run();
                }));
    }

    public void reschedule(MonevScheduleItem item, LocalDate date, Runnable ok, Consumer<Throwable> failed) {
        tasks.execute(BackgroundTask.of("monev.reschedule", p -> monev.reschedule(item.id(), item.version(),
                date, item.note())).onSuccess(x -> ok.run()).onFailure(failed));
    }

    public void addDue(UUID agreementId, LocalDate date, Runnable ok, Consumer<Throwable> failed) {
        tasks.execute(BackgroundTask.of("monev.add", p -> monev.addDue(agreementId, date, null))
                .onSuccess(x -> ok.run()).onFailure(failed));
    }

    public void record(MonevService.NewEvaluation input, Consumer<MonevEvaluation> ok, Consumer<Throwable> failed) {
        tasks.execute(BackgroundTask.of("monev.record", p -> monev.record(input)).onSuccess(ok)
                .onFailure(failed));
    }

    public void markDone(id.lindungdesa.domain.FollowUp f, Runnable ok, Consumer<Throwable> failed) {
        tasks.execute(BackgroundTask.of("followup.done", p -> monev.markDone(f.id(), f.version(), today()))
                .onSuccess(x -> ok.run()).onFailure(failed));
    }
}
