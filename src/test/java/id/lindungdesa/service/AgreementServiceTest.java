package id.lindungdesa.service;

import id.lindungdesa.wiring.Services;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindungdesa.domain.AddendumChange;
import id.lindungdesa.domain.Agreement;
import id.lindungdesa.domain.AgreementInForce;
import id.lindungdesa.domain.AgreementParty;
import id.lindungdesa.domain.AgreementState;
import id.lindungdesa.domain.Alert;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.CoverageTerm;
import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.MonevEvaluation;
import id.lindungdesa.domain.MonevScheduleItem;
import id.lindungdesa.domain.Nik;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Segment;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.task.Progress;
import id.lindungdesa.testing.TestDb;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agreements, addenda, the agreement in force, attachments, monev and alerts against a real H2 file. */
class AgreementServiceTest {
    static final String DESA = "61.01.01.2001";
    static final CoverageTerm KADES = new CoverageTerm(Category.KEPALA_DESA, FundingSource.APBD,
            EnumSet.of(Programme.JKK, Programme.JKM), 3_000_000L, 16_200L);
    static final CoverageTerm BPD = new CoverageTerm(Category.BPD, FundingSource.APBD,
            EnumSet.of(Programme.JKK, Programme.JKM), 3_000_000L, 16_200L);

    @TempDir
    Path dir;
    Services s;

    Services open(LocalDate today) {
        if (s != null) s.close();
        s = TestDb.open(dir, today);
        if (s.currentOffice().isEmpty()) {
            s.office().init(OfficeLevel.DISTRICT, "61.01", "DPMD Sambas", "Sri Wahyuni");
            s.regions().importCsv(new StringReader("kode,nama\n61,Kalimantan Barat\n61.01,Kabupaten Sambas\n"
                    + "61.01.01,Sambas\n61.01.01.2001,Lorong\n"), "t.csv", null, Progress.NONE);
        }
        return s;
    }

    @AfterEach
    void tearDown() {
        if (s != null) s.close();
    }

    static AgreementService.NewAgreement pks(String number, LocalDate from, LocalDate to, CoverageTerm... terms) {
        return new AgreementService.NewAgreement(number, "PKS Jaminan Sosial Kepala Desa",
                List.of(new AgreementParty("Pihak Pertama", "DPMD Kabupaten Sambas", "Kepala DPMD"),
                        new AgreementParty("Pihak Kedua", "BPJS Ketenagakerjaan KC Singkawang", "Kepala Kantor Cabang")),
                from, from, to, List.of("UU 6/2014 Pasal 66", "Inpres 2/2021"), List.of(terms), 63_374_400L, null,
                null, null);
    }

    static AgreementService.NewAddendum addBpd(UUID agreement, LocalDate effective) {
        return new AgreementService.NewAddendum(agreement, "ADD-1", effective.minusDays(10), effective, null, null,
                List.of(new AddendumChange(AddendumChange.Kind.ADD, BPD)), null);
    }

    @Test
    void theAgreementInForceBeforeAndAfterAnAddendumDiffers() {
        open(LocalDate.of(2024, 1, 10));
        Agreement a = s.agreements().create(pks("445/1/2023", LocalDate.of(2023, 3, 14), LocalDate.of(2025, 12, 14),
                KADES), null);
        s.agreements().addAddendum(addBpd(a.id(), LocalDate.of(2024, 7, 1)));

        AgreementInForce before = s.agreements().inForce(LocalDate.of(2024, 6, 30)).getFirst();
        AgreementInForce after = s.agreements().inForce(LocalDate.of(2024, 7, 1)).getFirst();
        assertThat(before.terms()).extracting(CoverageTerm::category).containsExactly(Category.KEPALA_DESA);
        assertThat(after.terms()).extracting(CoverageTerm::category).containsExactly(Category.KEPALA_DESA, Category.BPD);
        assertThat(s.agreements().coveringAgreement(Category.BPD, FundingSource.APBD, LocalDate.of(2024, 6, 30)))
                .isEmpty();
        assertThat(s.agreements().coveringAgreement(Category.BPD, FundingSource.APBD, LocalDate.of(2024, 7, 1)))
                .get().extracting(x -> x.agreement().number()).isEqualTo("445/1/2023");
        assertThat(s.agreements().inForce(LocalDate.of(2025, 12, 15))).isEmpty();
        assertThat(s.agreements().timeline(a.id())).extracting(AgreementInForce.Step::kind).containsExactly(
                AgreementInForce.StepKind.SIGNED, AgreementInForce.StepKind.STARTS,
                AgreementInForce.StepKind.ADDENDUM, AgreementInForce.StepKind.ENDS);
        // Stored and reloaded: a fresh connection sees the same.
        open(LocalDate.of(2024, 1, 10));
        assertThat(s.agreements().states(LocalDate.of(2026, 1, 1))).extracting(AgreementInForce::state)
                .containsExactly(AgreementState.EXPIRED);
        assertThat(s.agreements().find(a.id()).orElseThrow().parties()).hasSize(2);
        // Default monev schedule: every 6 months from signing up to the end.
        assertThat(s.monev().schedule(a.id())).extracting(MonevScheduleItem::dueDate).containsExactly(
                LocalDate.of(2023, 9, 14), LocalDate.of(2024, 3, 14), LocalDate.of(2024, 9, 14),
                LocalDate.of(2025, 3, 14), LocalDate.of(2025, 9, 14));
    }

    @Test
    void badInputIsRefusedWithAClearMessageAndNothingIsSaved() throws Exception {
        open(LocalDate.of(2024, 1, 10));
        Agreement a = s.agreements().create(pks("445/1/2023", LocalDate.of(2023, 3, 14), LocalDate.of(2025, 12, 14),
                KADES), null);
        long audit = s.audit().count();

        assertThatThrownBy(() -> s.agreements().addAddendum(addBpd(a.id(), LocalDate.of(2023, 1, 1))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("sebelum PKS 445/1/2023 mulai");
        assertThatThrownBy(() -> s.agreements().create(pks("445/2/2023", LocalDate.of(2024, 1, 1),
                LocalDate.of(2023, 12, 31), KADES), null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("harus sesudah tanggal mulai");
        assertThatThrownBy(() -> s.agreements().create(pks("445/3/2025", LocalDate.of(2025, 12, 1),
                LocalDate.of(2027, 12, 31), KADES), null))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors().getFirst().key())
                        .isEqualTo("agreement.error.overlap"))
                .hasMessageContaining("445/1/2023");
        Path missing = dir.resolve("hilang.pdf");
        assertThatThrownBy(() -> s.agreements().create(pks("445/4/2026", LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 12, 31), KADES), new AgreementService.AttachmentFile(missing, null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("tidak ditemukan");
        Path scan = Files.writeString(dir.resolve("pks.pdf"), "%PDF-1.4 scanned");
        String seen = AgreementService.sha256(scan);
        Files.writeString(scan, "%PDF-1.4 scanned, then edited");
        assertThatThrownBy(() -> s.agreements().create(pks("445/4/2026", LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 12, 31), KADES), new AgreementService.AttachmentFile(scan, seen)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("berubah sejak dipilih");

        assertThat(s.agreements().all()).extracting(Agreement::number).containsExactly("445/1/2023");
        assertThat(s.agreements().addenda()).isEmpty();
        assertThat(s.monev().schedule(null)).hasSize(5);
        assertThat(s.audit().count()).isEqualTo(audit);
        // Editing: an end before the start, or a start after an addendum takes effect, is refused too.
        Agreement stored = s.agreements().find(a.id()).orElseThrow();
        assertThatThrownBy(() -> s.agreements().update(new Agreement(a.id(), stored.version(), a.number(), a.title(),
                a.parties(), a.signingDate(), a.validFrom(), LocalDate.of(2023, 1, 1), a.legalBases(), a.terms(),
                a.budgetCeiling(), a.notes(), 6, null, null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("harus sesudah tanggal mulai");
        s.agreements().addAddendum(addBpd(a.id(), LocalDate.of(2024, 7, 1)));
        Agreement withAddendum = s.agreements().find(a.id()).orElseThrow();
        assertThatThrownBy(() -> s.agreements().update(new Agreement(a.id(), withAddendum.version(), a.number(),
                a.title(), a.parties(), a.signingDate(), LocalDate.of(2024, 8, 1), a.validTo(), a.legalBases(),
                a.terms(), a.budgetCeiling(), a.notes(), 6, null, null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ADD-1");
        assertThat(s.agreements().find(a.id()).orElseThrow().validFrom()).isEqualTo(LocalDate.of(2023, 3, 14));
        // A renewal the day after the end, for the same category and source, is fine.
        s.agreements().create(pks("445/5/2025", LocalDate.of(2025, 12, 15), LocalDate.of(2027, 12, 31), KADES), null);
    }

    @Test
    void theScannedDocumentIsStoredCheckedAndWrittenOutForViewing() throws Exception {
        open(LocalDate.of(2024, 1, 10));
        Path scan = Files.write(dir.resolve("PKS 2023.pdf"), "%PDF-1.4 the signed agreement".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Agreement a = s.agreements().create(pks("445/1/2023", LocalDate.of(2023, 3, 14), LocalDate.of(2025, 12, 14),
                KADES), new AgreementService.AttachmentFile(scan, AgreementService.sha256(scan)));
        assertThat(a.attachment().sha256()).isEqualTo(AgreementService.sha256(scan));
        Files.delete(scan); // the original may go: the database holds the bytes
        Path out = s.agreements().exportAttachment(a.id(), dir.resolve("view"));
        assertThat(Files.readString(out)).isEqualTo("%PDF-1.4 the signed agreement");
        assertThat(out.getFileName().toString()).isEqualTo("PKS 2023.pdf");
        // A viewing copy that was tampered with is replaced by the checked original.
        Files.writeString(out, "forged");
        assertThat(Files.readString(s.agreements().exportAttachment(a.id(), dir.resolve("view"))))
                .isEqualTo("%PDF-1.4 the signed agreement");
        // Stored bytes that no longer match their SHA-256 are refused, not shown.
        s.database().writeVoid(tx -> tx.dsl().execute(
                "UPDATE agreement_attachment SET content = X'00' WHERE agreement_id = ?", a.id()));
        assertThatThrownBy(() -> s.agreements().exportAttachment(a.id(), dir.resolve("view2")))
                .isInstanceOf(AgreementService.AttachmentCorruptException.class)
                .hasMessageContaining("tidak cocok dengan SHA-256");
        assertThat(dir.resolve("view2")).doesNotExist();
    }

    @Test
    void decryptedDocumentsAreOpenedFromAPrivateFolderAndNeverOutliveTheSession() throws Exception {
        open(LocalDate.of(2024, 1, 10));
        Path scan = Files.write(dir.resolve("PKS 2023.pdf"), "%PDF-1.4 the signed agreement".getBytes());
        Agreement a = s.agreements().create(pks("445/1/2023", LocalDate.of(2023, 3, 14), LocalDate.of(2025, 12, 14),
                KADES), new AgreementService.AttachmentFile(scan, null));
        Path out = s.agreements().openForViewing(a.id());
        assertThat(Files.readString(out)).isEqualTo("%PDF-1.4 the signed agreement");
        // beside the database in the data folder, not in the shared temp folder
        Path folder = s.agreements().viewing().folder();
        assertThat(out.toAbsolutePath()).startsWith(folder);
        assertThat(folder.getParent()).isEqualTo(s.database().base().toAbsolutePath().getParent());
        assertThat(out.toAbsolutePath().toString()).doesNotStartWith(
                Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().toString() + "/lindungdesa");
        if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                    .isEqualTo("rwx------");
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
                    .isEqualTo("rw-------");
        }
        // closing the program deletes it
        s.close();
        s = null;
        assertThat(out).doesNotExist();
        assertThat(folder).doesNotExist();

        // a leftover (a crash, a viewer that held the file on Windows) is deleted at the next start
        Files.createDirectories(folder.resolve("abc"));
        Files.writeString(folder.resolve("abc/PKS lama.pdf"), "left behind");
        open(LocalDate.of(2024, 1, 10));
        assertThat(folder).doesNotExist();
    }

    @Test
    void expiryAlertsAt90_30_7DaysAndAfterLeadToTheAgreement() {
        open(LocalDate.of(2025, 12, 1));
        Agreement a = s.agreements().create(pks("445/1/2023", LocalDate.of(2023, 3, 14), LocalDate.of(2025, 12, 14),
                KADES), null);
        assertThat(kinds(LocalDate.of(2025, 9, 1))).doesNotContain(Alert.Kind.AGREEMENT_EXPIRES_90);
        assertThat(kinds(LocalDate.of(2025, 10, 1))).contains(Alert.Kind.AGREEMENT_EXPIRES_90);
        assertThat(kinds(LocalDate.of(2025, 12, 7))).contains(Alert.Kind.AGREEMENT_EXPIRES_7);
        assertThat(kinds(LocalDate.of(2025, 12, 20))).contains(Alert.Kind.AGREEMENT_EXPIRED);
        Alert onDec1 = s.alerts().alerts().stream().filter(x -> x.kind() == Alert.Kind.AGREEMENT_EXPIRES_30)
                .findFirst().orElseThrow();
        assertThat(onDec1.target()).isEqualTo(Alert.Target.of("agreement", a.id()));
        assertThat(AlertService.message(onDec1)).contains("445/1/2023").contains("14 Desember 2025")
                .contains("13 hari");
        // Renewed: no expiry alert any more.
        s.agreements().create(pks("445/5/2025", LocalDate.of(2025, 12, 15), LocalDate.of(2027, 12, 31), KADES), null);
        assertThat(kinds(LocalDate.of(2025, 12, 1))).doesNotContain(Alert.Kind.AGREEMENT_EXPIRES_30);
        assertThat(kinds(LocalDate.of(2025, 12, 20))).doesNotContain(Alert.Kind.AGREEMENT_EXPIRED);
    }

    @Test
    void aMonevOverdueByOneDayAndAnOverdueFollowUpAreListed() {
        open(LocalDate.of(2023, 9, 15));
        Agreement a = s.agreements().create(pks("445/1/2023", LocalDate.of(2023, 3, 14), LocalDate.of(2025, 12, 14),
                KADES), null);
        List<Alert> alerts = s.alerts().alerts();
        Alert overdue = alerts.stream().filter(x -> x.kind() == Alert.Kind.MONEV_OVERDUE).findFirst().orElseThrow();
        assertThat(overdue.days()).isEqualTo(-1);
        assertThat(overdue.date()).isEqualTo(LocalDate.of(2023, 9, 14));
        assertThat(overdue.target().id()).isEqualTo(a.id());
        assertThat(kinds(LocalDate.of(2023, 9, 14))).contains(Alert.Kind.MONEV_DUE).doesNotContain(Alert.Kind.MONEV_OVERDUE);

        MonevEvaluation e = s.monev().record(new MonevService.NewEvaluation(a.id(), null, LocalDate.of(2023, 9, 15),
                "DPMD, BPJS KC", "Dua kepala desa belum terdaftar",
                List.of(new MonevService.NewFollowUp("Daftarkan dua kepala desa", "Kasi Pemdes", LocalDate.of(2023, 10, 1)))));
        assertThat(s.monev().schedule(a.id()).getFirst().evaluationId()).isEqualTo(e.id());
        assertThat(kinds(LocalDate.of(2023, 9, 15))).doesNotContain(Alert.Kind.MONEV_OVERDUE);
        assertThat(kinds(LocalDate.of(2023, 10, 2))).contains(Alert.Kind.FOLLOW_UP_OVERDUE);
        var f = s.monev().evaluations(a.id()).getFirst().followUps().getFirst();
        s.monev().markDone(f.id(), f.version(), LocalDate.of(2023, 9, 15));
        assertThat(kinds(LocalDate.of(2023, 10, 2))).doesNotContain(Alert.Kind.FOLLOW_UP_OVERDUE);
        // The schedule is editable.
        var next = s.monev().schedule(a.id()).get(1);
        s.monev().reschedule(next.id(), next.version(), LocalDate.of(2024, 4, 1), "menunggu APBD");
        assertThat(s.monev().schedule(a.id()).get(1).dueDate()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThatThrownBy(() -> s.monev().record(new MonevService.NewEvaluation(a.id(), null,
                LocalDate.of(2023, 12, 1), "x", "y", List.of())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("belum tiba");
    }

    @Test
    void enrolmentsAreLinkedToTheAgreementCoveringThemAndGapsAreListed() {
        open(LocalDate.of(2024, 8, 1));
        var kades = person("Ahmad", LocalDate.of(1975, 5, 5), 1);
        var sekdes = person("Budi", LocalDate.of(1985, 6, 6), 2);
        var kPost = s.roster().appoint(new RosterService.NewPost(kades.id(), DESA, Position.KEPALA_DESA, null, null,
                null, LocalDate.of(2022, 1, 1), null));
        var sPost = s.roster().appoint(new RosterService.NewPost(sekdes.id(), DESA, Position.SEKRETARIS_DESA, null,
                null, null, LocalDate.of(2022, 1, 1), null));
        enrol(kades.id(), kPost.id(), FundingSource.APBD);
        enrol(sekdes.id(), sPost.id(), FundingSource.APBDES);
        Agreement a = s.agreements().create(pks("445/1/2023", LocalDate.of(2023, 3, 14), LocalDate.of(2025, 12, 14),
                KADES), null);
        s.agreements().addAddendum(addBpd(a.id(), LocalDate.of(2024, 7, 1)));

        AgreementService.CoverageLinks links = s.agreements().links(LocalDate.of(2024, 8, 1));
        assertThat(links.covered()).extracting(AgreementService.LinkedEnrolment::fullName).containsExactly("Ahmad");
        assertThat(links.covered().getFirst().agreementNumber()).isEqualTo("445/1/2023");
        assertThat(links.uncovered()).extracting(AgreementService.LinkedEnrolment::fullName).containsExactly("Budi");
        assertThat(links.nobodyEnrolled()).extracting(t -> t.term().category()).containsExactly(Category.BPD);
        assertThat(kinds(LocalDate.of(2024, 8, 1))).contains(Alert.Kind.CATEGORY_UNCOVERED,
                Alert.Kind.CATEGORY_NOBODY_ENROLLED);
        // Coverage figures captured at a monev.
        MonevEvaluation e = s.monev().record(new MonevService.NewEvaluation(a.id(), null, LocalDate.of(2024, 8, 1),
                "DPMD", "Sekdes belum dicakup PKS", List.of()));
        assertThat(s.monev().evaluations(a.id()).getFirst().coverage()).extracting(c -> c.category() + " "
                + c.covered() + "/" + c.eligible()).containsExactly("KEPALA_DESA 1/1", "PERANGKAT_DESA 1/1");
        assertThat(e.coverage()).hasSize(2);
    }

    @Test
    void aLapsedEnrolmentWithoutAKpjIsListedNotACrash() {
        // issue 13 item 11: alerts threw a NullPointerException for a lapsed enrolment with no KPJ number
        open(LocalDate.of(2024, 8, 1));
        var kades = person("Ahmad", LocalDate.of(1975, 5, 5), 1);
        var post = s.roster().appoint(new RosterService.NewPost(kades.id(), DESA, Position.KEPALA_DESA, null, null,
                null, LocalDate.of(2022, 1, 1), null));
        enrol(kades.id(), post.id(), FundingSource.APBD);
        var enrolment = s.enrolments().enrolmentsOf(kades.id()).getFirst();
        assertThat(enrolment.kpj()).isNull();
        s.enrolments().changeStatus(enrolment.id(), EnrolmentState.LAPSED, LocalDate.of(2024, 7, 1), "menunggak");

        Alert lapsed = s.alerts().alerts(LocalDate.of(2024, 8, 1)).stream()
                .filter(x -> x.kind() == Alert.Kind.ENROLMENT_LAPSED).findFirst().orElseThrow();
        assertThat(AlertService.message(lapsed)).contains("Ahmad").contains("KPJ \u2013").doesNotContain("null");
    }

    List<Alert.Kind> kinds(LocalDate on) {
        return s.alerts().alerts(on).stream().map(Alert::kind).toList();
    }

    id.lindungdesa.domain.Person person(String name, LocalDate birth, int serial) {
        return s.roster().addPerson(new RosterService.NewPerson(Nik.compose("610101", birth, Sex.L, serial), name,
                Sex.L, birth, "Sambas", null, null, EmploymentStatus.NON_ASN, DESA));
    }

    void enrol(UUID person, UUID post, FundingSource source) {
        s.enrolments().enrol(new EnrolmentService.NewEnrolment(person, post, null, Segment.PU,
                EnumSet.of(Programme.JKK, Programme.JKM), 1, 3_000_000, source, EnrolmentState.ACTIVE,
                LocalDate.of(2022, 2, 1)));
    }
}
