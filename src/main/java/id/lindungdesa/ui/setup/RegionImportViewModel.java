package id.lindungdesa.ui.setup;

import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.RegionService;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.TaskExecutor;
import id.lindungdesa.task.TaskHandle;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Imports a Kemendagri region CSV restricted to the office's region, in the background with progress and cancel,
 * and describes the result (kecamatan and desa counts; added, renamed, retired, restored).
 */
public final class RegionImportViewModel {
    private final RegionService regions;
    private final TaskExecutor tasks;
    public final StringProperty file = new SimpleStringProperty("");
    private final StringProperty within = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final ObjectProperty<RegionService.ImportReport> report = new SimpleObjectProperty<>();
    private TaskHandle handle;

    public RegionImportViewModel(RegionService regions, TaskExecutor tasks, String within) {
        this.regions = regions;
        this.tasks = tasks;
        this.within.set(within == null ? "" : within);
        file.addListener((o, a, b) -> error.set(""));
    }

    public void start(Consumer<RegionService.ImportReport> done) {
        error.set("");
        report.set(null);
        String f = file.get() == null ? "" : file.get().strip();
        if (f.isEmpty()) {
            error.set(Messages.tr("import.error.noFile"));
            return;
        }
        Path path = Path.of(f);
        String scope = within.get();
        running.set(true);
        progress.set(-1);
        status.set(Messages.tr("import.running"));
        handle = tasks.execute(BackgroundTask.<RegionService.ImportReport>of(Messages.tr("import.running"),
                        p -> regions.importCsv(path, scope.isEmpty() ? null : scope, p))
                .onProgress((fr, m) -> {
                    progress.set(fr);
                    if (m != null) status.set(m);
                })
                .onSuccess(r -> {
                    running.set(false);
                    progress.set(1);
                    status.set("");
                    report.set(r);
                    done.accept(r);
                })
                .onCancelled(() -> {
                    running.set(false);
                    status.set(Messages.tr("import.cancelled"));
                })
                .onFailure(e -> {
                    running.set(false);
                    status.set("");
                    error.set(Messages.tr("import.error.failed", String.valueOf(e.getMessage())));
                }));
    }

    public void cancel() {
        if (handle != null) handle.cancel();
    }

    /** The report as the user reads it. */
    public static String describe(RegionService.ImportReport r) {
        String s = Messages.tr("import.report", r.within().isEmpty() ? "—" : r.within(), r.kecamatan(), r.desa(),
                r.desaAdat(), r.kelurahan(), r.added(), r.renamed(), r.retired(), r.restored(), r.unchanged());
        if (!r.renamedCodes().isEmpty()) {
            s += "\n" + Messages.tr("import.renamedCodes", String.join(", ", r.renamedCodes().stream().limit(20).toList()));
        }
        if (!r.retiredCodes().isEmpty()) {
            s += "\n" + Messages.tr("import.retiredCodes", String.join(", ", r.retiredCodes().stream().limit(20).toList()));
        }
        return s;
    }

    public StringProperty withinProperty() { return within; }

    public BooleanProperty runningProperty() { return running; }

    public DoubleProperty progressProperty() { return progress; }

    public StringProperty statusProperty() { return status; }

    public StringProperty errorProperty() { return error; }

    public ObjectProperty<RegionService.ImportReport> reportProperty() { return report; }
}
