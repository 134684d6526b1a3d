package id.lindungdesa.ui.home;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.domain.Alert;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 13 item 8: the needs-attention list grouped by kind, and a counter keeping one kind. */
class HomeGroupingTest {
    static Alert alert(Alert.Kind kind, LocalDate date, String name) {
        return new Alert(kind, Alert.Severity.MEDIUM, date, 0, Alert.Target.of("person", UUID.randomUUID()),
                "61.01.01.2001", List.of(name));
    }

    @Test
    void itemsComeUnderTheirKindSoonestFirstAndACounterKeepsOneKind() {
        Alert late = alert(Alert.Kind.TERM_ENDED, LocalDate.of(2026, 11, 1), "Budi");
        Alert early = alert(Alert.Kind.TERM_ENDED, LocalDate.of(2026, 10, 1), "Ahmad");
        Alert pks = alert(Alert.Kind.AGREEMENT_EXPIRED, LocalDate.of(2026, 9, 1), "PKS");
        Alert lapsed = alert(Alert.Kind.ENROLMENT_LAPSED, LocalDate.of(2026, 8, 1), "Citra");

        List<HomeViewModel.Row> all = HomeViewModel.group(List.of(late, lapsed, early, pks), null);
        assertThat(all).extracting(r -> r.heading() ? "# " + r.kind() + " " + r.count() : r.alert().args().getFirst())
                .containsExactly("# AGREEMENT_EXPIRED 1", "PKS", "# TERM_ENDED 2", "Ahmad", "Budi",
                        "# ENROLMENT_LAPSED 1", "Citra");

        List<HomeViewModel.Row> terms = HomeViewModel.group(List.of(late, lapsed, early, pks), Alert.Kind.TERM_ENDED);
        assertThat(terms).extracting(r -> r.heading() ? "#" : r.alert().args().getFirst())
                .containsExactly("#", "Ahmad", "Budi");
    }
}
