package id.lindungdesa.field;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.bundle.BundleKit;
import id.lindungdesa.persistence.JsonMappers;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.CliRun;
import id.lindungdesa.wiring.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Issue 15 through the CLI: open, return, merge --json, conflicts --json, resolve, receipt; exit codes 0/1/2. */
class FieldReturnCliTest {
    @TempDir
    Path dir;

    @Test
    void theWholeRoundTripThroughTheCommands() throws Exception {
        String words;
        Person3 s;
        try (Services kab = BundleKit.district(dir, "36.04", 5);
             Services kec = FieldPackageExportTest.officer(dir, "kec", "36.04.01")) {
            String key = FieldReturnMergeTest.enrolOfficer(kab, kec, dir);
            kab.field().packages().export("36.04.01", key, dir.resolve("paket.ldf"), BundleKit.PASS, Progress.NONE);
            words = FieldReturnMergeTest.districtWords(kab);
            var subj = FieldReturnMergeTest.subject(kab, "36.04.01");
            s = new Person3(subj.person().id().toString(), subj.person().birthDate().toString());
        }
        String kab = dir.resolve("kab-36.04").toString();
        String kec = dir.resolve("kec").toString();
        Path kabPass = dir.resolve("kab.txt");
        Files.writeString(kabPass, new String(BundleKit.PASS) + "\n");
        Path kecPass = dir.resolve("kec.txt");
        Files.writeString(kecPass, new String(FieldPackageExportTest.OFFICER_PASS) + "\n");
        String pkg = dir.resolve("paket.ldf").toString();

        CliRun noWords = CliRun.of("--db", kec, "field", "open", pkg, "--passphrase-file", kecPass.toString());
        assertThat(noWords.exit).isEqualTo(1);
        assertThat(noWords.err).contains(words).contains("--fingerprint");
        CliRun open = CliRun.of("--db", kec, "field", "open", pkg, "--fingerprint", words, "--passphrase-file",
                kecPass.toString());
        assertThat(open.exit).as(open.toString()).isZero();
        assertThat(open.out).contains("#1").contains("36.04.01");

        // The officer corrects the birth date; the district changes it differently.
        try (Services k = id.lindungdesa.testing.TestDb.open(dir, "kec", BundleKit.TODAY)) {
            var p = FieldReturnMergeTest.person(k, java.util.UUID.fromString(s.id()));
            k.roster().updatePerson(FieldReturnMergeTest.withBirthDate(p, p.birthDate().plusDays(1)));
        }
        try (Services k = id.lindungdesa.testing.TestDb.open(dir, "kab-36.04", BundleKit.TODAY)) {
            var p = FieldReturnMergeTest.person(k, java.util.UUID.fromString(s.id()));
            k.roster().updatePerson(FieldReturnMergeTest.withBirthDate(p, p.birthDate().minusDays(1)));
        }
        Path ret = dir.resolve("kembali.ldf");
        CliRun r = CliRun.of("--db", kec, "field", "return", "--out", ret.toString(), "--passphrase-file",
                kecPass.toString());
        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.out).contains("#1");

        CliRun merge = CliRun.of("--db", kab, "field", "merge", ret.toString(), "--json", "--passphrase-file",
                kabPass.toString());
        assertThat(merge.exit).as(merge.toString()).isZero();
        JsonNode m = JsonMappers.MAPPER.readTree(merge.out);
        assertThat(m.get("applied").intValue()).isZero();
        assertThat(m.get("unchanged").intValue()).isZero();
        assertThat(m.get("refused").size()).isZero();
        JsonNode c = m.get("conflicts").get(0);
        for (String k : new String[] {"id", "entity", "record_id", "field", "base", "district", "officer"}) {
            assertThat(c.has(k)).as(k).isTrue();
        }
        assertThat(c.get("record_id").stringValue()).isEqualTo(s.id());
        assertThat(c.get("base").stringValue()).isEqualTo(s.birthDate());

        CliRun again = CliRun.of("--db", kab, "field", "merge", ret.toString(), "--json", "--passphrase-file",
                kabPass.toString());
        assertThat(again.exit).isEqualTo(1);
        assertThat(JsonMappers.MAPPER.readTree(again.out).get("refused").get(0).get("reason").stringValue())
                .isEqualTo("REPLAYED");

        JsonNode open1 = JsonMappers.MAPPER.readTree(CliRun.of("--db", kab, "field", "conflicts", "--json").out);
        assertThat(open1.get("conflicts").size()).isEqualTo(1);
        String id = open1.get("conflicts").get(0).get("id").stringValue();
        assertThat(CliRun.of("--db", kab, "field", "resolve", id).exit).isEqualTo(2);
        CliRun settle = CliRun.of("--db", kab, "field", "resolve", id, "--take", "officer");
        assertThat(settle.exit).as(settle.toString()).isZero();
        assertThat(JsonMappers.MAPPER.readTree(CliRun.of("--db", kab, "field", "conflicts", "--json").out)
                .get("conflicts").size()).isZero();

        CliRun receipt = CliRun.of("--db", kec, "field", "receipt", ret + ".receipt.json");
        assertThat(receipt.exit).as(receipt.toString()).isZero();
        assertThat(CliRun.of("--db", kec, "field", "receipt", ret + ".receipt.json").exit).isEqualTo(1);
    }

    record Person3(String id, String birthDate) {
    }
}
