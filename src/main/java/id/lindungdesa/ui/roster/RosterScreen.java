package id.lindungdesa.ui.roster;

import id.lindungdesa.domain.RosterRow;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.RosterReadModel;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.ui.shell.Screen;
import id.lindungdesa.ui.shell.ScreenContext;
import java.time.LocalDate;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Node;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

/** Villages and rosters. */
public final class RosterScreen implements Screen {
    private final ScreenContext ctx;
    private final BorderPane root = new BorderPane();
    private final TableView<RosterRow> table = new TableView<>();

    public RosterScreen(ScreenContext ctx) {
        this.ctx = ctx;
        table.setId("rosterTable");
        TableColumn<RosterRow, String> name = new TableColumn<>(Messages.tr("roster.name"));
        name.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().fullName()));
        TableColumn<RosterRow, String> nik = new TableColumn<>("NIK");
        nik.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().nik()));
        table.getColumns().add(name);
        table.getColumns().add(nik);
        root.setCenter(table);
    }

    @Override
    public String id() {
        return "roster";
    }

    @Override
    public String title() {
        return Messages.tr("screen.roster");
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void activate() {
        ctx.tasks().execute(BackgroundTask.<List<RosterRow>>of("roster", p -> {
            var s = ctx.services().roster().snapshot("", LocalDate.now(ctx.services().clock()));
            return RosterReadModel.rows(s, false);
        }).onSuccess(rows -> {
            table.getItems().setAll(rows);
            id.lindungdesa.ui.DesktopApp.Probe.mark("roster");
        }));
    }
}
