package id.lindungdesa.ui.agreements;

import id.lindungdesa.domain.Addendum;
import id.lindungdesa.domain.Agreement;
import id.lindungdesa.domain.AgreementInForce;
import id.lindungdesa.service.AgreementService;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.TaskExecutor;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the agreements screen: every agreement as it stands on the chosen date, all addenda, and the
 * enrolment links on that date. All reads and writes run as background tasks; results are published on the FX
 * thread. Holds no nodes.
 */
public final class AgreementsViewModel {
    private final Services services;
    private final TaskExecutor tasks;
    private final ObservableList<AgreementInForce> rows = FXCollections.observableArrayList();
    private final ObjectProperty<LocalDate> on = new SimpleObjectProperty<>();
    private final ObjectProperty<List<Addendum>> addenda = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<AgreementService.CoverageLinks> links = new SimpleObjectProperty<>();

    public AgreementsViewModel(Services services, TaskExecutor tasks) {
        this.services = services;
        this.tasks = tasks;
        on.set(LocalDate.now(services.clock()));
    }

    public ObservableList<AgreementInForce> rows() { return rows; }

    public ObjectProperty<LocalDate> on() { return on; }

    public ObjectProperty<List<Addendum>> addenda() { return addenda; }

    public ObjectProperty<AgreementService.CoverageLinks> links() { return links; }

    public LocalDate today() {
        return LocalDate.now(services.clock());
    }

    private record Loaded(List<AgreementInForce> states, List<Addendum> addenda, AgreementService.CoverageLinks links) {
    }

    /** Reloads everything as it stands on {@code date}. */
    public void load(LocalDate date, Runnable whenDone) {
        tasks.execute(BackgroundTask.<Loaded>of("agreements", p -> new Loaded(services.agreements().states(date),
                        services.agreements().addenda(), services.agreements().links(date)))
                .onSuccess(l -> {
                    on.set(date);
                    addenda.set(l.addenda());
                    rows.setAll(l.states());
                    links.set(l.links());
                    whenDone.run();
                }));
    }

    public List<AgreementInForce.Step> timeline(Agreement a) {
        return AgreementInForce.timeline(a, addenda.get());
    }

    public List<Addendum> addendaOf(Agreement a) {
        return AgreementInForce.of(a.id(), addenda.get());
    }

    public void create(AgreementService.NewAgreement input, AgreementService.AttachmentFile file,
                       Consumer<Agreement> ok, Consumer<Throwable> failed) {
        tasks.execute(BackgroundTask.of("agreement.create", p -> services.agreements().create(input, file))
                .onSuccess(ok).onFailure(failed));
    }

    public void update(Agreement changed, Consumer<Agreement> ok, Consumer<Throwable> failed) {
        tasks.execute(BackgroundTask.of("agreement.update", p -> services.agreements().update(changed))
                .onSuccess(ok).onFailure(failed));
    }

    public void addAddendum(AgreementService.NewAddendum input, Consumer<Addendum> ok, Consumer<Throwable> failed) {
        tasks.execute(BackgroundTask.of("addendum.create", p -> services.agreements().addAddendum(input))
                .onSuccess(ok).onFailure(failed));
    }

    public void attach(Agreement a, Path file, Consumer<Agreement> ok, Consumer<Throwable> failed) {
        tasks.execute(BackgroundTask.of("agreement.attach", p -> services.agreements()
                        .attach(a.id(), new AgreementService.AttachmentFile(file, null)))
                .onSuccess(ok).onFailure(failed));
    }

    /** Checks the document's SHA-256, writes it out and opens it with the system viewer, all off the FX thread. */
    public void openDocument(Agreement a, Consumer<Path> ok, Consumer<Throwable> failed) {
        tasks.execute(BackgroundTask.of("agreement.open", p -> {
            Path file = services.agreements().openForViewing(a.id());
            SystemViewer.open(file);
            return file;
        }).onSuccess(ok).onFailure(failed));
    }

    /** SHA-256 of a chosen file, computed off the FX thread. */
    public void hash(Path file, Consumer<String> ok, Consumer<Throwable> failed) {
        tasks.execute(BackgroundTask.of("sha256", p -> AgreementService.sha256(file)).onSuccess(ok).onFailure(failed));
    }
}
