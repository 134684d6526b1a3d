package id.lindungdesa.ui.roster;

import id.lindungdesa.i18n.Messages;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.ui.form.Forms;
import id.lindungdesa.ui.shell.ScreenContext;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The audit trail of one village: every change to its posts, people and enrolments. */
final class VillageHistory {
    private VillageHistory() {}

    static void show(ScreenContext ctx, String code, String name, Window owner) {
        var table = AuditTable.create("villageAuditTable");
        table.setPrefSize(900, 420);
        Label title = new Label(Messages.tr("audit.village", name, code));
        title.getStyleClass().add("h2");
        Button close = new Button(Messages.tr("action.close"));
        close.setId("villageAuditClose");
        VBox box = new VBox(8, title, table, close);
        box.setPadding(new Insets(12));
        Stage st = Forms.dialog(owner, Messages.tr("audit.villageTitle"), box, null, close);
        st.show();
        ctx.tasks().execute(BackgroundTask.of(Messages.tr("roster.loading"), p -> ctx.services().audit().forVillage(code))
                .onSuccess(list -> AuditTable.show(table, list)));
    }
}
