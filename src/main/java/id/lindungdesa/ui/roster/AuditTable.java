package id.lindungdesa.ui.roster;

import id.lindungdesa.domain.AuditEntry;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/** The audit trail as a table: when, who, what, before and after (full JSON in a tooltip). */
final class AuditTable {
    private AuditTable() {}

    static TableView<AuditEntry> create(String id) {
        TableView<AuditEntry> t = new TableView<>();
        t.setId(id);
        t.setPlaceholder(new javafx.scene.control.Label(Messages.tr("audit.empty")));
        t.getColumns().add(col(Messages.tr("audit.when"), e -> Formats.dateTime(e.at(), Messages.current()), 130));
        t.getColumns().add(col(Messages.tr("audit.who"), AuditEntry::actorLabel, 150)); // issue 17: name (login)
        t.getColumns().add(col(Messages.tr("audit.what"), AuditEntry::summary, 260));
        t.getColumns().add(col(Messages.tr("audit.before"), e -> e.beforeJson() == null ? "" : e.beforeJson(), 200));
        t.getColumns().add(col(Messages.tr("audit.after"), e -> e.afterJson() == null ? "" : e.afterJson(), 200));
        t.setPrefHeight(260);
        return t;
    }

    static void show(TableView<AuditEntry> t, List<AuditEntry> entries) {
        t.getItems().setAll(entries);
    }

    private static TableColumn<AuditEntry, String> col(String title, java.util.function.Function<AuditEntry, String> f,
                                                      double width) {
        TableColumn<AuditEntry, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new SimpleStringProperty(f.apply(x.getValue())));
        c.setPrefWidth(width);
        c.setCellFactory(x -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.length() < 30 ? null : new Tooltip(item));
            }
        });
        return c;
    }
}
