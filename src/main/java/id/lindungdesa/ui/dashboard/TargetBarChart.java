package id.lindungdesa.ui.dashboard;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.shape.Line;

/** A bar chart of percentages with a dashed horizontal target line (none when the target is null). */
public final class TargetBarChart extends BarChart<String, Number> {
    private final Line line = new Line();
    private final ObjectProperty<Double> target = new SimpleObjectProperty<>();

    public TargetBarChart(String xLabel) {
        super(new CategoryAxis(), new NumberAxis(0, 100, 25));
        getXAxis().setLabel(xLabel);
        getYAxis().setLabel("%");
        setAnimated(false);
        setLegendVisible(false);
        line.getStyleClass().add("target-line");
        line.setStyle("-fx-stroke: #c0392b; -fx-stroke-width: 2; -fx-stroke-dash-array: 8 5;");
        line.setManaged(false);
        getPlotChildren().add(line);
        // Shown or hidden at once, not only at the next layout pass (which may come a pulse later).
        line.setVisible(false);
        target.addListener((o, a, b) -> {
            line.setVisible(b != null);
            requestChartLayout();
        });
    }

    public ObjectProperty<Double> targetProperty() {
        return target;
    }

    /** The target line's node (tests look at whether it shows). */
    public Line targetLine() {
        return line;
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        Double t = target.get();
        line.setVisible(t != null);
        if (t == null) return;
        double y = getYAxis().getDisplayPosition(t);
        line.setStartX(0);
        line.setEndX(getXAxis().getWidth());
        line.setStartY(y);
        line.setEndY(y);
        line.toFront();
    }
}
