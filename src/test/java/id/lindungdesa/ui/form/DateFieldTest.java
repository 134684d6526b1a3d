package id.lindungdesa.ui.form;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.i18n.Messages;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The shared date picker: shows dd-MM-yyyy, reads the Indonesian forms, and says so when it cannot read. */
class DateFieldTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        Messages.setCurrent(Messages.INDONESIAN);
    }

    static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    @Test
    void readsEveryAcceptedFormAndShowsDdMmYyyy() throws Exception {
        for (String typed : new String[] {"31-10-2026", "31/10/2026", "31 Okt 2026"}) {
            AtomicReference<String> shown = new AtomicReference<>();
            LocalDate v = onFx(() -> {
                DateField f = new DateField();
                f.getEditor().setText(typed);
                f.commitText();
                shown.set(f.getEditor().getText());
                assertThat(f.errorProperty().get()).isEmpty();
                return f.getValue();
            });
            assertThat(v).as(typed).isEqualTo(LocalDate.of(2026, 10, 31));
            assertThat(shown.get()).isEqualTo("31-10-2026");
        }
        assertThat(onFx(() -> new DateField().getConverter().toString(LocalDate.of(2026, 3, 2))))
                .isEqualTo("02-03-2026");
    }

    @Test
    void textItCannotReadIsNeverDroppedSilently() throws Exception {
        String[] result = onFx(() -> {
            DateField f = new DateField(LocalDate.of(2026, 3, 2));
            f.getEditor().setText("31-13-2026");
            f.commitText();
            String afterCommit = f.errorProperty().get();
            // The picker's own path (focus lost / Enter) goes through the converter: same message, value kept.
            LocalDate kept = f.getConverter().fromString("kemarin");
            return new String[] {afterCommit, String.valueOf(f.getValue()), f.errorProperty().get(),
                    String.valueOf(kept), String.valueOf(f.getPseudoClassStates())};
        });
        assertThat(result[0]).contains("31-13-2026").contains("hh-bb-tttt");
        assertThat(result[1]).isEqualTo("2026-03-02");
        assertThat(result[2]).contains("kemarin");
        assertThat(result[3]).isEqualTo("2026-03-02");
        assertThat(result[4]).contains("invalid");
    }

    /**
     * On a shown window (the skin exists, and binds its editor's tooltip), an unreadable date, read twice, shows its
     * reason as the field's tooltip and clears it when corrected, without an exception (it once threw "A bound value
     * cannot be set", which reached the clerk as "kesalahan tak terduga").
     */
    @Test
    void anUnreadableDateOnAShownWindowShowsItsReasonWithoutFailing() throws Exception {
        String[] result = onFx(() -> {
            DateField f = new DateField();
            javafx.stage.Stage stage = new javafx.stage.Stage();
            stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(f), 300, 80));
            stage.show();
            try {
                f.applyCss();
                f.getEditor().setText("31-13-2026");
                f.commitText();
                f.commitText();
                String tip = f.getEditor().getTooltip() == null ? "none" : f.getEditor().getTooltip().getText();
                f.getEditor().setText("15-12-2026");
                f.commitText();
                return new String[] {tip, String.valueOf(f.getTooltip()), String.valueOf(f.getValue())};
            } finally {
                stage.close();
            }
        });
        assertThat(result[0]).contains("31-13-2026");
        assertThat(result[1]).isEqualTo("null");
        assertThat(result[2]).isEqualTo("2026-12-15");
    }
}
