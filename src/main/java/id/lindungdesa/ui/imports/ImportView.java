package id.lindungdesa.ui.imports;

import id.lindungdesa.i18n.Messages;
import id.lindungdesa.imports.RowClass;
import id.lindungdesa.imports.RowResult;
import id.lindungdesa.ui.shell.Screen;
import id.lindungdesa.ui.shell.ScreenContext;
import java.io.File;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * The import wizard on one page, step by step: 1 file, 2 sheet + header row + column mapping, 3 dry-run table
 * (filter by class and reason, accept an offered village, export the XLSX report), 4 apply with progress and
 * cancel in the status bar, then the receipt. All file and database work goes through {@link ImportViewModel}.
 */
public final class ImportView implements Screen {
    private final ScreenContext ctx;
    private final ImportViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TableView<RowResult> table = new TableView<>();

    public ImportView(ScreenContext ctx) {
        this.ctx = ctx;
        this.vm = new ImportViewModel(ctx.services().imports(), ctx.tasks(), ctx::runWithProgress);
        build();
    }

    public ImportViewModel viewModel() {
        return vm;
    }

    private void build() {
        Messages m = Messages.current();
        // Step 1: the file.
        Label step = new Label();
        step.setId("importStep");
        step.getStyleClass().add("title");
        step.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.step().get()) {
            case FILE -> m.get("import.wizard.step1");
            case MAPPING -> m.get("import.wizard.step2");
            case DRY_RUN -> m.get("import.wizard.step3");
            case DONE -> m.get("import.wizard.step4");
        }, vm.step()));
        TextField file = new TextField();
        file.setId("importFile");
        file.setPromptText(m.get("import.wizard.file"));
        file.textProperty().bindBidirectional(vm.filePath());
        HBox.setHgrow(file, Priority.ALWAYS);
        Button browse = new Button(m.get("import.wizard.browse"));
        browse.setId("importBrowse");
        browse.setOnAction(e -> {
            FileChooser fc = chooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Excel / CSV", "*.xlsx", "*.csv"));
            File f = fc.showOpenDialog(root.getScene().getWindow());
            if (f != null) {
                vm.filePath().set(f.getAbsolutePath());
                vm.readFile();
            }
        });
        Button read = new Button(m.get("import.wizard.read"));
        read.setId("importRead");
        read.setDefaultButton(true);
        read.setOnAction(e -> vm.readFile());
        HBox fileRow = new HBox(8, new Label(m.get("import.wizard.file")), file, browse, read);
        fileRow.setAlignment(Pos.CENTER_LEFT);

        // Step 2: sheet, header row, mapping.
        ComboBox<String> sheet = new ComboBox<>(vm.sheets());
        sheet.setId("importSheet");
        sheet.valueProperty().bindBidirectional(vm.sheet());
        sheet.setOnAction(e -> vm.chooseSheet(sheet.getValue()));
        TextField header = new TextField();
        header.setId("importHeaderRow");
        header.setPrefColumnCount(4);
        vm.headerRow().addListener((o, a, b) -> header.setText(b.intValue() > 0 ? String.valueOf(b) : ""));
        header.setOnAction(e -> {
            try {
                vm.useHeaderRow(Integer.parseInt(header.getText().strip()), null);
            } catch (NumberFormatException ex) {
                header.setText(String.valueOf(vm.headerRow().get()));
            }
        });
        Label info = new Label();
        info.setId("importInfo");
        info.textProperty().bind(vm.info());
        HBox sheetRow = new HBox(8, new Label(m.get("import.wizard.sheet")), sheet,
                new Label(m.get("import.wizard.headerRow")), header, info);
        sheetRow.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        int i = 0;
        for (ImportViewModel.FieldColumn fc : vm.mapping()) {
            ComboBox<Integer> col = new ComboBox<>();
            col.setId("map-" + fc.field().name());
            col.setConverter(new StringConverter<>() {
                @Override
                public String toString(Integer c) {
                    if (c == null || c < 0) return m.get("import.wizard.notUsed");
                    String h = c < vm.headers().size() ? vm.headers().get(c) : "";
                    return columnLetter(c) + ": " + h;
                }

                @Override
                public Integer fromString(String s) {
                    return null;
                }
            });
            col.setButtonCell(new ListCell<>() {
                @Override
                protected void updateItem(Integer item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(col.getConverter().toString(empty ? null : item));
                }
            });
            Runnable fill = () -> {
                java.util.List<Integer> items = new java.util.ArrayList<>();
                items.add(-1);
                for (int c = 0; c < vm.headers().size(); c++) items.add(c);
                col.getItems().setAll(items);
                col.setValue(fc.column().get());
            };
            vm.headers().addListener((javafx.collections.ListChangeListener<String>) ch -> fill.run());
            fc.column().addListener((o, a, b) -> col.setValue(b.intValue()));
            col.valueProperty().addListener((o, a, b) -> {
                if (b != null) fc.column().set(b);
            });
            fill.run();
            int r = i % 10;
            int c = (i / 10) * 2;
            grid.add(new Label(fc.field().label(m.indonesian())), c, r);
            grid.add(col, c + 1, r);
            i++;
        }
        Button load = new Button(m.get("import.wizard.loadMapping"));
        load.setId("importLoadMapping");
        load.setOnAction(e -> {
            FileChooser fc = chooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
            File f = fc.showOpenDialog(root.getScene().getWindow());
            if (f != null) vm.loadMapping(f.toPath());
        });
        Button save = new Button(m.get("import.wizard.saveMapping"));
        save.setId("importSaveMapping");
        save.setOnAction(e -> {
            FileChooser fc = chooser();
            fc.setInitialFileName("pemetaan-impor.json");
            File f = fc.showSaveDialog(root.getScene().getWindow());
            if (f != null) vm.saveMapping(f.toPath());
        });
        Button dry = new Button(m.get("import.wizard.dryRun"));
        dry.setId("importDryRun");
        dry.setOnAction(e -> vm.runDryRun());
        HBox mapButtons = new HBox(8, load, save, dry);
        TitledPane mappingPane = new TitledPane(m.get("import.wizard.mapping"),
                new VBox(8, sheetRow, new ScrollPane(grid), mapButtons));
        mappingPane.setId("importMapping");
        mappingPane.disableProperty().bind(vm.step().isEqualTo(ImportViewModel.Step.FILE));
        // The mapping folds away once the dry run is shown (the table needs the room); a click opens it again.
        vm.step().addListener((o, a, b) -> mappingPane.setExpanded(b == ImportViewModel.Step.MAPPING));

        // Step 3: dry-run table.
        ComboBox<RowClass> filter = new ComboBox<>();
        filter.setId("importFilter");
        filter.getItems().setAll(ImportViewModel.classChoices());
        filter.setConverter(new StringConverter<>() {
            @Override
            public String toString(RowClass c) {
                return c == null ? m.get("import.wizard.filterAll") : c.label(m.indonesian());
            }

            @Override
            public RowClass fromString(String s) {
                return null;
            }
        });
        filter.valueProperty().bindBidirectional(vm.classFilter());
        TextField reason = new TextField();
        reason.setId("importReason");
        reason.setPromptText(m.get("import.wizard.filterReason"));
        reason.textProperty().bindBidirectional(vm.reasonFilter());
        Label counts = new Label();
        counts.setId("importCounts");
        counts.textProperty().bind(vm.counts());
        Button accept = new Button(m.get("import.wizard.accept"));
        accept.setId("importAccept");
        accept.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            RowResult r = table.getSelectionModel().getSelectedItem();
            return r == null || r.suggestion() == null;
        }, table.getSelectionModel().selectedItemProperty()));
        accept.setOnAction(e -> vm.acceptSuggestion(table.getSelectionModel().getSelectedItem()));
        Button export = new Button(m.get("import.wizard.export"));
        export.setId("importExport");
        export.setOnAction(e -> {
            FileChooser fc = chooser();
            fc.setInitialFileName("laporan-impor.xlsx");
            File f = fc.showSaveDialog(root.getScene().getWindow());
            if (f != null) vm.exportReport(f.toPath());
        });
        Button apply = new Button();
        apply.setId("importApply");
        apply.textProperty().bind(Bindings.createStringBinding(() -> m.get("import.wizard.apply", vm.toApply().get()),
                vm.toApply()));
        apply.disableProperty().bind(vm.toApply().isEqualTo(0).or(vm.busy()));
        apply.setOnAction(e -> vm.apply());
        HBox filters = new HBox(8, filter, reason, counts);
        filters.setAlignment(Pos.CENTER_LEFT);
        HBox actions = new HBox(8, accept, export, apply);
        buildTable(m);
        VBox results = new VBox(8, filters, table, actions);
        VBox.setVgrow(table, Priority.ALWAYS);
        results.disableProperty().bind(vm.step().isEqualTo(ImportViewModel.Step.FILE)
                .or(vm.step().isEqualTo(ImportViewModel.Step.MAPPING)));

        Label msg = new Label();
        msg.setId("importMessage");
        msg.setWrapText(true);
        msg.textProperty().bind(vm.message());
        Label receipt = new Label();
        receipt.setId("importReceipt");
        receipt.setWrapText(true);
        receipt.textProperty().bind(vm.receiptText());
        receipt.getStyleClass().add("success");

        VBox top = new VBox(8, step, fileRow, mappingPane, msg);
        top.setPadding(new Insets(10));
        results.setPadding(new Insets(0, 10, 10, 10));
        root.setTop(top);
        root.setCenter(results);
        BorderPane.setMargin(receipt, new Insets(0, 10, 10, 10));
        root.setBottom(receipt);
    }

    private void buildTable(Messages m) {
        table.setId("importTable");
        table.setItems(vm.shownRows());
        table.getColumns().add(col(m.get("import.col.row"), r -> String.valueOf(r.row()), 60));
        table.getColumns().add(col(m.get("import.col.class"), r -> r.cls().label(m.indonesian()), 100));
        table.getColumns().add(col(m.get("import.col.reason"), r -> r.problemsText(m), 360));
        table.getColumns().add(col(m.get("import.col.changes"), r -> r.changesText(m), 160));
        table.getColumns().add(col(m.get("import.col.name"), r -> r.name() == null ? "" : r.name(), 170));
        table.getColumns().add(col("NIK", r -> r.nik() == null ? "" : r.nik(), 150));
        table.getColumns().add(col(m.get("import.col.village"), r -> r.villageName() == null ? "" : r.villageName(),
                130));
        table.getColumns().add(col(m.get("import.col.position"),
                r -> r.position() == null ? "" : r.position().label(m.indonesian()), 150));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    }

    private static TableColumn<RowResult, String> col(String title, java.util.function.Function<RowResult, String> f,
                                                      double width) {
        TableColumn<RowResult, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new SimpleStringProperty(f.apply(x.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private FileChooser chooser() {
        FileChooser fc = new FileChooser();
        String p = vm.filePath().get();
        if (p != null && !p.isBlank()) {
            Path parent = Path.of(p).toAbsolutePath().getParent();
            if (parent != null && parent.toFile().isDirectory()) fc.setInitialDirectory(parent.toFile());
        }
        return fc;
    }

    static String columnLetter(int c) {
        StringBuilder sb = new StringBuilder();
        int n = c + 1;
        while (n > 0) {
            int r = (n - 1) % 26;
            sb.insert(0, (char) ('A' + r));
            n = (n - 1) / 26;
        }
        return sb.toString();
    }

    @Override
    public String id() {
        return "import";
    }

    @Override
    public String title() {
        return Messages.tr("screen.import");
    }

    @Override
    public Node view() {
        return root;
    }

    /** Opens the wizard on a file (e.g. a path handed over by another screen). */
    @Override
    public void open(Object target) {
        if (target instanceof Path p) {
            vm.filePath().set(p.toString());
            vm.readFile();
        }
    }
}
