package id.lindungdesa.ui.form;

import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.TaskExecutor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.Duration;

/**
 * Tables that keep what the clerk did to them: the order and widths of the columns are written (as
 * {@code colId:width,colId:width,…}) a moment after they change and put back when the screen is built again.
 * Also measures text, so columns that must show their whole value (a NIK, a date, a status) get that width.
 */
public final class TableLayouts {
    private TableLayouts() {}

    /** The width a cell needs to show {@code texts} whole (the widest of them), with the cell's padding. */
    public static double widthFor(Iterable<String> texts) {
        double w = 0;
        Text t = new Text();
        t.setFont(Font.font(Font.getDefault().getFamily(), 13));
        for (String s : texts) {
            t.setText(s);
            w = Math.max(w, t.getLayoutBounds().getWidth());
        }
        return Math.ceil(w + 18);
    }

    /** The layout of {@code table} as stored: the columns (by id) in order, with their widths. */
    public static String describe(TableView<?> table) {
        StringBuilder sb = new StringBuilder();
        for (TableColumn<?, ?> c : table.getColumns()) {
            if (c.getId() == null) continue;
            if (!sb.isEmpty()) sb.append(',');
            sb.append(c.getId()).append(':').append(Math.round(c.getWidth()));
        }
        return sb.toString();
    }

    /** Puts back a stored layout: known columns in the stored order (new ones after), widths not below minimum. */
    public static <S> void apply(TableView<S> table, String stored) {
        if (stored == null || stored.isBlank()) return;
        Map<String, TableColumn<S, ?>> byId = new HashMap<>();
        for (TableColumn<S, ?> c : table.getColumns()) if (c.getId() != null) byId.put(c.getId(), c);
        List<TableColumn<S, ?>> order = new ArrayList<>();
        for (String part : stored.split(",")) {
            String[] kv = part.split(":");
            TableColumn<S, ?> c = byId.remove(kv[0].strip());
            if (c == null) continue;
            order.add(c);
            if (kv.length > 1 && kv[1].strip().matches("\\d{1,4}")) {
                c.setPrefWidth(Math.max(c.getMinWidth(), Integer.parseInt(kv[1].strip())));
            }
        }
        for (TableColumn<S, ?> c : table.getColumns()) if (byId.containsValue(c)) order.add(c);
        table.getColumns().setAll(order);
    }

    /**
     * Loads the stored layout of {@code table} (in the background), applies it, then saves every change of
     * order or width, one second after the last one.
     */
    public static <S> void remember(TableView<S> table, TaskExecutor tasks, Supplier<Optional<String>> load,
                                    Consumer<String> save) {
        PauseTransition later = new PauseTransition(Duration.seconds(1));
        boolean[] ready = {false};
        String[] last = {null};
        later.setOnFinished(e -> {
            String now = describe(table);
            if (now.equals(last[0])) return;
            last[0] = now;
            tasks.execute(BackgroundTask.<Void>of("layout", p -> {
                save.accept(now);
                return null;
            }).onFailure(x -> { /* a layout not remembered is no loss to the data */ }));
        });
        Runnable changed = () -> {
            if (ready[0]) later.playFromStart();
        };
        table.getColumns().addListener((javafx.collections.ListChangeListener<TableColumn<S, ?>>) c -> changed.run());
        for (TableColumn<S, ?> c : table.getColumns()) c.widthProperty().addListener((o, a, b) -> changed.run());
        tasks.execute(BackgroundTask.of("layout", p -> load.get())
                .onSuccess(s -> {
                    s.ifPresent(v -> apply(table, v));
                    last[0] = s.orElse(null);
                    ready[0] = true;
                })
                .onFailure(x -> ready[0] = true));
    }
}
