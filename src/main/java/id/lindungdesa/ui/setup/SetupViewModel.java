package id.lindungdesa.ui.setup;

import id.lindungdesa.bundle.KeyService;
import id.lindungdesa.domain.Office;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.DemoService;
import id.lindungdesa.service.OfficeService;
import id.lindungdesa.service.RegionService;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.TaskExecutor;
import id.lindungdesa.task.TaskHandle;
import id.lindungdesa.ui.form.FormModel;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** First run: the office form (level, region code, name, clerk) or a demo district built in the background. */
public final class SetupViewModel extends FormModel {
    private final OfficeService office;
    private final KeyService keys;
    private final RegionService regions;
    private final DemoService demo;
    private final TaskExecutor tasks;
    public final ObjectProperty<OfficeLevel> level = new SimpleObjectProperty<>(OfficeLevel.DISTRICT);
    public final StringProperty code = new SimpleStringProperty("");
    public final StringProperty name = new SimpleStringProperty("");
    public final StringProperty clerk = new SimpleStringProperty("");
    /** Optional: protects the office signing key made at set-up (signed bundles); empty = make it later. */
    public final StringProperty passphrase = new SimpleStringProperty("");
    private final DoubleProperty demoProgress = new SimpleDoubleProperty(0);
    private final StringProperty demoStatus = new SimpleStringProperty("");
    private TaskHandle demoTask;
    private volatile boolean regionsImported;

    public SetupViewModel(OfficeService office, KeyService keys, RegionService regions, DemoService demo,
                          TaskExecutor tasks) {
        this.office = office;
        this.keys = keys;
        this.regions = regions;
        this.demo = demo;
        this.tasks = tasks;
        code.addListener((o, a, b) -> errors().remove("code"));
        name.addListener((o, a, b) -> errors().remove("name"));
        clerk.addListener((o, a, b) -> errors().remove("clerk"));
    }

    /** Sets up the office in the background; {@code done} gets it. */
    public void save(Consumer<Office> done) {
        errors().clear();
        busyProperty().set(true);
        OfficeLevel l = level.get();
        String c = code.get() == null ? "" : code.get().strip();
        String n = name.get();
        String k = clerk.get();
        char[] pass = passphrase.get() == null ? new char[0] : passphrase.get().toCharArray();
        if (pass.length > 0 && pass.length < id.lindungdesa.bundle.Passphrases.MIN_LENGTH) {
            errors().put("passphrase", Messages.tr("bundle.error.passphraseShort",
                    id.lindungdesa.bundle.Passphrases.MIN_LENGTH));
            busyProperty().set(false);
            return;
        }
        tasks.execute(BackgroundTask.<Office>of(Messages.tr("setup.saving"), p -> {
                    Office o = office.init(l, c, n, k);
                    if (pass.length > 0 && keys.keys().isEmpty()) {
                        keys.init(pass);
                    }
                    try { // the office's slice of the region list shipped with the program: no file to find
                        regions.importBuiltinAtSetUp(o.regionCode(), p);
                        regionsImported = true;
                    } catch (RegionService.BadFileException e) {
                        regionsImported = false; // not in the shipped list: the import step asks for a newer file
                    }
                    return o;
                })
                .onSuccess(o -> {
                    busyProperty().set(false);
                    done.accept(o);
                })
                .onFailure(this::fail));
    }

    /** Builds the demo district (synthetic regions, seed 1) in the background with progress. */
    public void demo(Runnable done) {
        errors().clear();
        busyProperty().set(true);
        demoStatus.set(Messages.tr("setup.demoRunning"));
        demoProgress.set(-1);
        demoTask = tasks.execute(BackgroundTask.<DemoService.Result>of(Messages.tr("setup.demo"),
                        p -> demo.generate(null, null, 1, p))
                .onProgress((f, m) -> {
                    demoProgress.set(f);
                    if (m != null) demoStatus.set(m);
                })
                .onSuccess(r -> {
                    busyProperty().set(false);
                    demoProgress.set(1);
                    demoStatus.set(Messages.tr("setup.demoDone", r.villages(), r.people()));
                    done.run();
                })
                .onCancelled(() -> {
                    busyProperty().set(false);
                    demoStatus.set(Messages.tr("task.cancelled"));
                })
                .onFailure(e -> {
                    demoStatus.set("");
                    fail(e);
                }));
    }

    @Override
    protected String field(String serviceField) {
        return switch (serviceField) {
            case "level", "code", "name", "clerk" -> serviceField;
            default -> GENERAL;
        };
    }

    /** After {@link #save}: whether the office's regions came from the list shipped with the program. */
    public boolean regionsImported() {
        return regionsImported;
    }

    public void cancelDemo() {
        if (demoTask != null) demoTask.cancel();
    }

    public DoubleProperty demoProgressProperty() {
        return demoProgress;
    }

    public StringProperty demoStatusProperty() {
        return demoStatus;
    }
}
