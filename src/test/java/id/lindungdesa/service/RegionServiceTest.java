package id.lindungdesa.service;

import id.lindungdesa.wiring.Services;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.TestDb;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionServiceTest {
    @TempDir
    Path dir;

    @Test
    void serangFromTheOfficialListHas29KecamatanAnd326Desa() {
        try (Services s = TestDb.open(dir, LocalDate.of(2026, 1, 5))) {
            s.office().init(OfficeLevel.DISTRICT, "36.04", "DPMD Kabupaten Serang", "Budi");
            var r = s.regions().importCsv(TestDb.wilayahCsv(), null, Progress.NONE);
            assertThat(r.within()).isEqualTo("36.04");
            assertThat(r.kecamatan()).isEqualTo(29);
            assertThat(r.desa()).isEqualTo(326);
            assertThat(r.kelurahan()).isZero();
            assertThat(s.regions().find("36.04").orElseThrow().name()).isEqualTo("Kabupaten Serang");
            assertThat(s.regions().find("36").orElseThrow().name()).isEqualTo("Banten");

            var again = s.regions().importCsv(TestDb.wilayahCsv(), null, Progress.NONE);
            assertThat(again.added()).isZero();
            assertThat(again.renamed()).isZero();
            assertThat(again.retired()).isZero();
            assertThat(again.unchanged()).isEqualTo(r.added());
        }
    }

    @Test
    void reImportReportsRenamedRetiredAndRestoredAndDeletesNothing() {
        try (Services s = TestDb.open(dir, LocalDate.of(2026, 1, 5))) {
            s.office().init(OfficeLevel.DISTRICT, "61.01", "DPMD Demo", "Sri");
            String v1 = "kode,nama\n61,Kalimantan Barat\n61.01,Kabupaten Sambas\n61.01.01,Sambas\n"
                    + "61.01.01.2001,Lorong\n61.01.01.2002,\"Durian, Hulu\"\n61.01.01.1001,Pasar Melayu\n";
            var first = s.regions().importCsv(new StringReader(v1), "v1.csv", null, Progress.NONE);
            assertThat(first.added()).isEqualTo(6);
            assertThat(s.regions().find("61.01.01.2002").orElseThrow().name()).isEqualTo("Durian, Hulu");

            String v2 = "kode,nama\n61,Kalimantan Barat\n61.01,Kabupaten Sambas\n61.01.01,Sambas\n"
                    + "61.01.01.2001,Lorong Baru\n61.01.01.1001,Pasar Melayu\n61.01.01.2003,Tanjung Bugis\n";
            var second = s.regions().importCsv(new StringReader(v2), "v2.csv", null, Progress.NONE);
            assertThat(second.added()).isEqualTo(1);
            assertThat(second.renamed()).isEqualTo(1);
            assertThat(second.retiredCodes()).containsExactly("61.01.01.2002");
            assertThat(s.regions().find("61.01.01.2002")).get().extracting(r -> r.active()).isEqualTo(false);
            assertThat(s.regions().history("61.01.01.2001")).extracting(h -> h.changeType())
                    .containsExactly("ADDED", "RENAMED");

            var third = s.regions().importCsv(new StringReader(v1), "v1.csv", null, Progress.NONE);
            assertThat(third.restored()).isEqualTo(1);
        }
    }

    @Test
    void aBrokenFileIsRefusedWithTheLineAndNothingIsStored() {
        try (Services s = TestDb.open(dir, LocalDate.of(2026, 1, 5))) {
            String bad = "kode,nama\n61,Kalimantan Barat\n61.01,Kabupaten Sambas\n61.x1.01,Salah\n";
            assertThatThrownBy(() -> s.regions().importCsv(new StringReader(bad), "bad.csv", "61",
                    Progress.NONE)).isInstanceOf(RegionService.BadFileException.class).hasMessageContaining("4");
            assertThat(s.regions().within("61")).isEmpty();
        }
    }
}
