package id.lindungdesa.ui.imports;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.i18n.Messages;
import id.lindungdesa.imports.Field;
import id.lindungdesa.imports.RowClass;
import id.lindungdesa.imports.RowResult;
import id.lindungdesa.imports.Sheets;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.SyncTaskExecutor;
import id.lindungdesa.testing.TestDb;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wizard's view model without the toolkit: tasks run inline. */
class ImportViewModelTest {
    @TempDir
    Path dir;
    Services s;
    ImportViewModel vm;

    @BeforeEach
    void setUp() {
        Messages.setCurrent(Messages.INDONESIAN);
        s = TestDb.open(dir, LocalDate.of(2026, 2, 2));
        Sheets.district(s);
        SyncTaskExecutor sync = new SyncTaskExecutor();
        vm = new ImportViewModel(s.imports(), sync, sync::execute);
    }

    @AfterEach
    void tearDown() {
        s.close();
    }

    @Test
    void adjustedMappingIsSavedAndLoadedAndTheRowsApplied() throws Exception {
        Path file = Sheets.xlsx(dir.resolve("bpd.xlsx"), "BPD", List.of("ANGGOTA BPD"),
                List.of("Nomor Induk", "Nama", "Kedudukan", "Desa", "Mulai"),
                List.of(List.of("3604014505900004", "Euis Rohayati", "Ketua BPD", "Mekarsari", "12-03-2022"),
                        List.of("3604011203800001", "Budi Santoso", "Anggota BPD", "Mekarsarii", "12-03-2022")));
        vm.filePath().set(file.toString());
        vm.readFile();
        assertThat(vm.step().get()).isEqualTo(ImportViewModel.Step.MAPPING);
        assertThat(vm.headerRow().get()).isEqualTo(3);
        // "Nomor Induk", "Kedudukan" and "Mulai" are not recognised: the user maps them.
        column(Field.NIK).set(0);
        column(Field.POSITION).set(2);
        column(Field.START_DATE).set(4);
        Path mapping = dir.resolve("pemetaan.json");
        vm.saveMapping(mapping);
        column(Field.NIK).set(-1);
        vm.loadMapping(mapping);
        assertThat(column(Field.NIK).get()).isZero();

        vm.runDryRun();
        assertThat(vm.step().get()).isEqualTo(ImportViewModel.Step.DRY_RUN);
        assertThat(vm.counts().get()).contains("1 baru").contains("1 ditolak");
        vm.classFilter().set(RowClass.REFUSED);
        assertThat(vm.shownRows()).hasSize(1);
        vm.classFilter().set(null);
        vm.reasonFilter().set("maksud anda");
        RowResult typo = vm.shownRows().getFirst();
        assertThat(typo.suggestion().name()).isEqualTo("Mekarsari");

        vm.acceptSuggestion(typo);
        assertThat(vm.toApply().get()).isEqualTo(2);
        vm.apply();
        assertThat(vm.step().get()).isEqualTo(ImportViewModel.Step.DONE);
        assertThat(vm.receiptText().get()).contains("2 baru");
        assertThat(s.roster().findByNik("3604011203800001")).hasSize(1);
        // The confirmed village is part of the mapping saved now.
        vm.saveMapping(mapping);
        assertThat(java.nio.file.Files.readString(mapping)).contains("\"Mekarsarii\" : \"36.04.01.2002\"");
    }

    private javafx.beans.property.IntegerProperty column(Field f) {
        return vm.mapping().stream().filter(fc -> fc.field() == f).findFirst().orElseThrow().column();
    }
}
