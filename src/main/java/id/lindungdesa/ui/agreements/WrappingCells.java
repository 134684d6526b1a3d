package id.lindungdesa.ui.agreements;

import java.util.function.Function;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/** List cells whose text wraps to the list's width (long timeline and alert lines stay readable). */
public final class WrappingCells {
    private WrappingCells() {}

    public static <T> void install(ListView<T> list, Function<T, String> text) {
        list.setCellFactory(lv -> {
            ListCell<T> cell = new ListCell<>() {
                @Override
                protected void updateItem(T item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty || item == null ? null : text.apply(item));
                }
            };
            cell.setWrapText(true);
            cell.prefWidthProperty().bind(lv.widthProperty().subtract(24));
            return cell;
        });
    }
}
