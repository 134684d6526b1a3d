package id.lindungdesa.ui.imports;

import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.imports.ColumnMapping;
import id.lindungdesa.imports.DryRun;
import id.lindungdesa.imports.Field;
import id.lindungdesa.imports.RosterImportService;
import id.lindungdesa.imports.Receipt;
import id.lindungdesa.imports.RowClass;
import id.lindungdesa.imports.RowResult;
import id.lindungdesa.imports.SheetData;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.TaskExecutor;
import id.lindungdesa.task.TaskHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The import wizard's state and actions, without any Node: choose a file → sheet, header row and column mapping →
 * dry run (filter by class and reason, accept an offered village, export the report) → apply with progress and
 * cancel → receipt. File work runs through the {@link TaskExecutor}; the apply through the window's progress bar.
 */
public final class ImportViewModel {

    /** Runs a task with the status bar's progress and cancel button. */
    public interface ProgressRunner {
        <T> TaskHandle run(BackgroundTask<T> task);
    }

    /** Wizard steps. */
    public enum Step { FILE, MAPPING, DRY_RUN, DONE }

    /** One field of the mapping and the column chosen for it (-1: not used). */
    public static final class FieldColumn {
        private final Field field;
        private final IntegerProperty column = new SimpleIntegerProperty(-1);

        FieldColumn(Field field) {
            this.field = field;
        }

        public Field field() { return field; }

        public IntegerProperty column() { return column; }
    }

    private final RosterImportService service;
    private final TaskExecutor tasks;
    private final ProgressRunner runner;

    private final StringProperty filePath = new SimpleStringProperty("");
    private final ObservableList<String> sheets = FXCollections.observableArrayList();
    private final StringProperty sheet = new SimpleStringProperty();
    private final IntegerProperty headerRow = new SimpleIntegerProperty(0);
    private final ObservableList<String> headers = FXCollections.observableArrayList();
    private final ObservableList<FieldColumn> mapping = FXCollections.observableArrayList();
    private final ObservableList<RowResult> rows = FXCollections.observableArrayList();
    private final FilteredList<RowResult> shown = new FilteredList<>(rows, r -> true);
    private final ObjectProperty<RowClass> classFilter = new SimpleObjectProperty<>();
    private final StringProperty reasonFilter = new SimpleStringProperty("");
    private final StringProperty info = new SimpleStringProperty("");
    private final StringProperty counts = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty receiptText = new SimpleStringProperty("");
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.FILE);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final IntegerProperty toApply = new SimpleIntegerProperty();
    private final ObjectProperty<Receipt> receipt = new SimpleObjectProperty<>();

    private SheetData data;
    private DryRun dryRun;
    private final java.util.Map<String, String> confirmedVillages = new java.util.LinkedHashMap<>();

    public ImportViewModel(RosterImportService service, TaskExecutor tasks, ProgressRunner runner) {
        this.service = service;
        this.tasks = tasks;
        this.runner = runner;
        for (Field f : Field.values()) mapping.add(new FieldColumn(f));
        classFilter.addListener((o, a, b) -> refilter());
        reasonFilter.addListener((o, a, b) -> refilter());
    }

    // ------------------------------------------------------------------ properties

    public StringProperty filePath() { return filePath; }

    public ObservableList<String> sheets() { return sheets; }

    public StringProperty sheet() { return sheet; }

    public IntegerProperty headerRow() { return headerRow; }

    public ObservableList<String> headers() { return headers; }

    public ObservableList<FieldColumn> mapping() { return mapping; }

    public FilteredList<RowResult> shownRows() { return shown; }

    public ObservableList<RowResult> rows() { return rows; }

    public ObjectProperty<RowClass> classFilter() { return classFilter; }

    public StringProperty reasonFilter() { return reasonFilter; }

    public StringProperty info() { return info; }

    public StringProperty counts() { return counts; }

    public StringProperty message() { return message; }

    public StringProperty receiptText() { return receiptText; }

    public ObjectProperty<Step> step() { return step; }

    public BooleanProperty busy() { return busy; }

    public IntegerProperty toApply() { return toApply; }

    public ObjectProperty<Receipt> receipt() { return receipt; }

    public DryRun dryRunResult() { return dryRun; }

    // ------------------------------------------------------------------ step 1: the file

    /** Reads the chosen file (the chosen sheet, or the first), finds the header row and guesses the mapping. */
    public void readFile() {
        String p = filePath.get() == null ? "" : filePath.get().strip();
        if (p.isEmpty()) {
            message.set(Messages.tr("import.error.missing", "?"));
            return;
        }
        Path file = Path.of(p);
        String wanted = data != null && file.getFileName().toString().equals(data.fileName()) ? sheet.get() : null;
        busy.set(true);
        message.set(Messages.tr("import.wizard.reading"));
        tasks.execute(BackgroundTask.<SheetData>of(Messages.tr("import.wizard.reading"), pr -> service.read(file, wanted))
                .onSuccess(d -> {
                    busy.set(false);
                    data = d;
                    confirmedVillages.clear();
                    sheets.setAll(d.sheetNames());
                    sheet.set(d.sheetName());
                    int h;
                    try {
                        h = RosterImportService.detectHeaderRow(d);
                    } catch (RuntimeException e) {
                        h = d.rows().isEmpty() ? 1 : d.rows().getFirst().number();
                        message.set(e.getMessage());
                    }
                    useHeaderRow(h, null);
                    if (message.get().equals(Messages.tr("import.wizard.reading"))) message.set("");
                    step.set(Step.MAPPING);
                })
                .onFailure(this::failed));
    }

    /** Another sheet of the same workbook. */
    public void chooseSheet(String name) {
        if (data == null || name == null || name.equals(data.sheetName())) return;
        sheet.set(name);
        readFile();
    }

    /** The header row chosen by hand (1-based); re-guesses the mapping from its cells. */
    public void useHeaderRow(int row, ColumnMapping keep) {
        if (data == null) return;
        try {
            List<String> hs = RosterImportService.headers(data, row);
            headerRow.set(row);
            headers.setAll(hs);
            ColumnMapping m = keep != null ? keep : ColumnMapping.guess(hs);
            for (FieldColumn fc : mapping) {
                Integer c = m.column(fc.field());
                fc.column().set(c == null ? -1 : c);
            }
            String cs = data.charset() == null ? "XLSX" : data.charset() + ", '" + data.separator() + "'";
            info.set(Messages.tr("import.wizard.info", data.sheetName(), row, data.rows().size(), cs));
        } catch (RuntimeException e) {
            message.set(e.getMessage());
        }
    }

    /** The mapping as chosen in the wizard (plus the villages confirmed so far). */
    public ColumnMapping currentMapping() {
        ColumnMapping m = new ColumnMapping();
        for (FieldColumn fc : mapping) if (fc.column().get() >= 0) m.set(fc.field(), fc.column().get());
        confirmedVillages.forEach(m::confirmVillage);
        if (data != null) m.setSheet(data.sheetName());
        m.setHeaderRow(headerRow.get());
        return m;
    }

    public void saveMapping(Path file) {
        try {
            currentMapping().save(file, headers);
            message.set(Messages.tr("import.wizard.mappingSaved", file));
        } catch (RuntimeException e) {
            message.set(e.getMessage());
        }
    }

    public void loadMapping(Path file) {
        try {
            ColumnMapping.Saved saved = ColumnMapping.load(file);
            ColumnMapping m = new ColumnMapping();
            List<String> missing = m.apply(saved, headers);
            confirmedVillages.putAll(saved.villages());
            useHeaderRow(headerRow.get(), m);
            message.set(missing.isEmpty() ? "" : Messages.tr("import.error.mappingMissing", String.join(", ", missing)));
        } catch (RuntimeException e) {
            message.set(e.getMessage());
        }
    }

    // ------------------------------------------------------------------ step 3: the dry run

    public void runDryRun() {
        if (data == null) return;
        ColumnMapping m = currentMapping();
        SheetData d = data;
        int h = headerRow.get();
        Path file = Path.of(filePath.get().strip());
        busy.set(true);
        message.set(Messages.tr("import.wizard.checking"));
        tasks.execute(BackgroundTask.<DryRun>of(Messages.tr("import.wizard.checking"),
                        pr -> service.dryRun(file, d, h, m, pr))
                .onSuccess(r -> {
                    busy.set(false);
                    message.set("");
                    show(r);
                    step.set(Step.DRY_RUN);
                })
                .onFailure(this::failed));
    }

    private void show(DryRun r) {
        dryRun = r;
        rows.setAll(r.rows());
        toApply.set(r.toApply());
        counts.set(Messages.tr("import.wizard.counts", r.count(RowClass.NEW), r.count(RowClass.CHANGED),
                r.count(RowClass.UNCHANGED), r.count(RowClass.REFUSED)));
    }

    private void refilter() {
        RowClass c = classFilter.get();
        String q = reasonFilter.get() == null ? "" : reasonFilter.get().strip().toLowerCase(Locale.ROOT);
        Messages m = Messages.current();
        shown.setPredicate(r -> (c == null || r.cls() == c)
                && (q.isEmpty() || r.problemsText(m).toLowerCase(Locale.ROOT).contains(q)
                || r.changesText(m).toLowerCase(Locale.ROOT).contains(q)));
    }

    /** Accepts the village offered for a refused row (for every row with that name) and checks again. */
    public void acceptSuggestion(RowResult r) {
        if (r == null || r.suggestion() == null) return;
        confirmedVillages.put(r.suggestedFor(), r.suggestion().code());
        runDryRun();
    }

    public void exportReport(Path file) {
        if (dryRun == null) return;
        DryRun r = dryRun;
        Receipt rc = receipt.get();
        tasks.execute(BackgroundTask.<Path>of(Messages.tr("import.wizard.export"), pr -> {
            service.writeReport(r, rc, file);
            return file;
        }).onSuccess(f -> message.set(Messages.tr("import.wizard.exported", f))).onFailure(this::failed));
    }

    // ------------------------------------------------------------------ step 4: apply

    /** Applies the accepted rows in one transaction, with progress and cancel in the status bar. */
    public void apply() {
        if (dryRun == null || dryRun.toApply() == 0) {
            message.set(Messages.tr("import.wizard.nothing"));
            return;
        }
        DryRun r = dryRun;
        busy.set(true);
        runner.run(BackgroundTask.<Receipt>of(Messages.tr("import.wizard.applying"), pr -> service.apply(r, pr))
                .onSuccess(rc -> {
                    busy.set(false);
                    receipt.set(rc);
                    receiptText.set(Messages.tr("import.wizard.receipt", rc.created(), rc.changed(), rc.unchanged(),
                            rc.refused(), Formats.dateTime(rc.at(), Messages.current())));
                    toApply.set(0);
                    step.set(Step.DONE);
                })
                .onCancelled(() -> {
                    busy.set(false);
                    message.set(Messages.tr("task.cancelled"));
                })
                .onFailure(this::failed));
    }

    /** Back to the mapping (e.g. after the receipt, to import another sheet). */
    public void back() {
        step.set(data == null ? Step.FILE : Step.MAPPING);
    }

    private void failed(Throwable e) {
        busy.set(false);
        message.set(e.getMessage() == null ? e.toString() : e.getMessage());
    }

    /** Choices for the class filter: null = all. */
    public static List<RowClass> classChoices() {
        List<RowClass> out = new ArrayList<>();
        out.add(null);
        out.addAll(List.of(RowClass.values()));
        return out;
    }
}
