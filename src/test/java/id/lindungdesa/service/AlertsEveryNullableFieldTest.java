package id.lindungdesa.service;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.domain.AgreementParty;
import id.lindungdesa.domain.Alert;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.CoverageTerm;
import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.Nik;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Segment;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.persistence.jooq.Tables;
import id.lindungdesa.task.Progress;
import id.lindungdesa.task.SyncTaskExecutor;
import id.lindungdesa.testing.CliRun;
import id.lindungdesa.testing.TestDb;
import id.lindungdesa.ui.home.HomeViewModel;
import id.lindungdesa.wiring.Services;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.Field;
import org.jooq.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13 item 11: alerts never crash. A district where every alert rule fires (agreement expiring, monev overdue,
 * follow-up overdue, term ended and ending, age 60, lapsed enrolment, category uncovered, nobody enrolled); then,
 * one at a time, every nullable column of person, post, enrolment, agreement (with its terms, parties and addenda)
 * and monev (schedule, evaluation, follow-up) is set to NULL in the real database file, and {@code alerts --json} and
 * the home screen's list are run. Both must answer, with no "null" shown to the user.
 *
 * <p>The test stands at the CLI and view-model boundary: it holds however the alerts are counted underneath.
 */
class AlertsEveryNullableFieldTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final String DESA = "61.01.01.2001";

    @TempDir
    static Path base;
    static Path prepared;

    @TempDir
    Path dir;

    @BeforeAll
    static void districtWhereEveryRuleFires() {
        prepared = base.resolve("prepared");
        try (Services s = TestDb.open(prepared, "kab", TODAY)) {
            s.office().init(OfficeLevel.DISTRICT, "61.01", "DPMD Sambas", "Sri Wahyuni");
            s.regions().importCsv(new StringReader("kode,nama\n61,Kalimantan Barat\n61.01,Kabupaten Sambas\n"
                    + "61.01.01,Sambas\n61.01.01.2001,Lorong\n"), "t.csv", null, Progress.NONE);
            // Expires in 20 days; covers kepala desa and BPD from APBD (nobody on the BPD is enrolled).
            var a = s.agreements().create(new AgreementService.NewAgreement("445/1/2024", "PKS Jamsos Aparat Desa",
                    List.of(new AgreementParty("Pihak Pertama", "DPMD Kabupaten Sambas", "Kepala DPMD"),
                            new AgreementParty("Pihak Kedua", "BPJS Ketenagakerjaan KC Singkawang", "Kepala KC")),
                    LocalDate.of(2024, 12, 1), LocalDate.of(2024, 12, 1), TODAY.plusDays(10),
                    List.of("UU 6/2014 Pasal 66"), List.of(
                            new CoverageTerm(Category.KEPALA_DESA, FundingSource.APBD,
                                    EnumSet.of(Programme.JKK, Programme.JKM), 3_000_000L, 16_200L),
                            new CoverageTerm(Category.BPD, FundingSource.APBD,
                                    EnumSet.of(Programme.JKK, Programme.JKM), null, null)),
                    63_374_400L, "catatan", 6, null), null);
            s.agreements().addAddendum(new AgreementService.NewAddendum(a.id(), "ADD-1/2025", LocalDate.of(2025, 6, 1),
                    LocalDate.of(2025, 7, 1), TODAY.plusDays(20), null, List.of(), "diperpanjang"));
            s.monev().record(new MonevService.NewEvaluation(a.id(), null, LocalDate.of(2025, 6, 2), "DPMD, BPJS",
                    "Sekdes belum dicakup PKS", List.of(new MonevService.NewFollowUp("Surati desa", "Kasi Pemdes",
                    LocalDate.of(2025, 8, 1)))));

            Person kades = person(s, "Ahmad", LocalDate.of(1975, 5, 5), Sex.L, 1);
            var kadesPost = appoint(s, kades, Position.KEPALA_DESA, LocalDate.of(2018, 1, 2)); // term ended
            enrol(s, kades, kadesPost, FundingSource.APBD, "12345678901");
            Person sekdes = person(s, "Siti", TODAY.minusYears(60).plusDays(30), Sex.P, 2); // 60 within 90 days
            var sekdesPost = appoint(s, sekdes, Position.SEKRETARIS_DESA, LocalDate.of(2010, 1, 1));
            var e = enrol(s, sekdes, sekdesPost, FundingSource.APBDES, null); // not covered by the PKS
            s.enrolments().changeStatus(e, EnrolmentState.LAPSED, TODAY.minusDays(40), "menunggak");
            Person kaur = person(s, "Dedi", LocalDate.of(1985, 2, 2), Sex.L, 4);
            enrol(s, kaur, appoint(s, kaur, Position.KAUR_KEUANGAN, LocalDate.of(2020, 1, 1)),
                    FundingSource.APBDES, "12345678902"); // perangkat not covered by the PKS
            Person bpd = person(s, "Budi", LocalDate.of(1980, 1, 1), Sex.L, 3);
            s.roster().appoint(new RosterService.NewPost(bpd.id(), DESA, Position.BPD_KETUA, null, "SK 1", null,
                    TODAY.minusYears(8).plusDays(30), null)); // term ends within 90 days

            Set<Alert.Kind> kinds = EnumSet.noneOf(Alert.Kind.class);
            s.alerts().alerts(TODAY).forEach(x -> kinds.add(x.kind()));
            assertThat(kinds).contains(Alert.Kind.AGREEMENT_EXPIRES_30, Alert.Kind.MONEV_OVERDUE,
                    Alert.Kind.FOLLOW_UP_OVERDUE, Alert.Kind.TERM_ENDED, Alert.Kind.TERM_ENDING, Alert.Kind.AGE_60,
                    Alert.Kind.ENROLMENT_LAPSED, Alert.Kind.CATEGORY_UNCOVERED, Alert.Kind.CATEGORY_NOBODY_ENROLLED);
        }
    }

    static Person person(Services s, String name, LocalDate birth, Sex sex, int serial) {
        return s.roster().addPerson(new RosterService.NewPerson(Nik.compose("610101", birth, sex, serial), name, sex,
                birth, "Sambas", "6101010101010001", "081234567890", EmploymentStatus.NON_ASN, DESA));
    }

    static UUID appoint(Services s, Person p, Position pos, LocalDate start) {
        return s.roster().appoint(new RosterService.NewPost(p.id(), DESA, pos, null, "SK " + p.fullName(),
                start.minusDays(5), start, null)).id();
    }

    static UUID enrol(Services s, Person p, UUID post, FundingSource source, String kpj) {
        return s.enrolments().enrol(new EnrolmentService.NewEnrolment(p.id(), post, kpj, Segment.PU,
                EnumSet.of(Programme.JKK, Programme.JKM), 1, 3_000_000, source, EnrolmentState.ACTIVE,
                LocalDate.of(2025, 1, 1))).id();
    }

    /** Every nullable column of the records the alert rules read. */
    static Stream<Arguments> nullableColumns() {
        List<Table<?>> tables = List.of(Tables.PERSON, Tables.POST, Tables.ENROLMENT, Tables.ENROLMENT_STATUS,
                Tables.AGREEMENT, Tables.AGREEMENT_TERM, Tables.AGREEMENT_PARTY, Tables.AGREEMENT_LEGAL_BASIS,
                Tables.ADDENDUM, Tables.ADDENDUM_CHANGE, Tables.MONEV_SCHEDULE, Tables.MONEV_EVALUATION,
                Tables.MONEV_FOLLOW_UP);
        List<Arguments> out = new ArrayList<>();
        for (Table<?> t : tables) {
            for (Field<?> f : t.fields()) {
                if (f.getDataType().nullable()) out.add(Arguments.of(t.getName(), f.getName()));
            }
        }
        assertThat(out).hasSizeGreaterThan(20);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}.{1} = NULL")
    @MethodSource("nullableColumns")
    void alertsAnswerWithEveryNullableColumnEmpty(String table, String column) throws IOException {
        copy(prepared, dir);
        try (Services s = TestDb.open(dir, "kab", TODAY)) {
            s.database().writeVoid(tx -> tx.dsl().execute("UPDATE \"" + table + "\" SET \"" + column + "\" = NULL"));
        }

        CliRun cli = CliRun.of("--db", dir.resolve("kab").toString(), "alerts", "--json", "--on", TODAY.toString());
        assertThat(cli.exit).as(cli.toString()).isZero();
        var json = id.lindungdesa.persistence.JsonMappers.MAPPER.readTree(cli.out);
        assertThat(json.get("count").asInt()).as(cli.out).isPositive();
        for (var a : json.get("alerts")) {
            assertThat(a.get("message").asText()).as(cli.out).doesNotContain("null");
        }

        try (Services s = TestDb.open(dir, "kab", TODAY)) {
            HomeViewModel home = new HomeViewModel(s.alerts(), TestDb.clockAt(TODAY), new SyncTaskExecutor());
            boolean[] done = {false};
            home.refresh(() -> done[0] = true);
            assertThat(done[0]).isTrue();
            assertThat(home.alerts()).isNotEmpty();
            assertThat(home.alerts()).allSatisfy(x -> assertThat(AlertService.message(x)).doesNotContain("null"));
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
