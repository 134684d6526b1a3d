package id.lindungdesa.ui.field;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindungdesa.bundle.BundleKit;
import id.lindungdesa.bundle.FingerprintWords;
import id.lindungdesa.domain.EndReason;
import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.RosterRow;
import id.lindungdesa.field.FieldMergeService;
import id.lindungdesa.persistence.EnrolmentRepository;
import id.lindungdesa.persistence.PersonRepository;
import id.lindungdesa.persistence.PostRepository;
import id.lindungdesa.testing.FxAppHarness;
import id.lindungdesa.testing.TestDb;
import id.lindungdesa.ui.DesktopApp;
import id.lindungdesa.ui.report.SaveDialog;
import id.lindungdesa.wiring.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Issue 15's desktop flow through the real windows at 1366×768, on two real H2 files: the district enrols the
 * officer's key (comparing the words) and issues the package in "Kunjungan lapangan"; the officer opens it in a
 * second database (comparing the district's words), corrects a birth date and ends a term at the roster desk, then
 * makes the return; meanwhile the district changes the same birth date differently and the same person's wage; the
 * merge preview shows what would happen, applying it keeps the term end and the wage and shows one conflict, which
 * the clerk settles with one click; the value that lost stays in the record's history.
 */
class FieldVisitFlowTest extends FxRobot {
    static final char[] OFFICER_PASS = "sandi-petugas-2026".toCharArray();
    static final String KEC = "36.04.01";
    static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    static {
        System.setProperty("testfx.robot.write_sleep", "2");
        System.setProperty("testfx.robot.move_max_count", "8");
    }

    @TempDir
    Path dir;
    DesktopApp app;

    @AfterEach
    void tearDown() throws Exception {
        SaveDialog.setChooser(null);
        FieldView.setOpenChooser(null);
        if (app != null) FxAppHarness.stop(app);
        app = null;
    }

    record Subject(Person person, Post post, Enrolment enrolment) {
    }

    /** A person of the kecamatan with one current post, an enrolment and a birth date (as the district has them). */
    static Subject subject(Services s) {
        return s.database().read(tx -> {
            List<Post> ps = new PostRepository().listWithin(tx, KEC).stream().filter(p -> p.endDate() == null)
                    .sorted(java.util.Comparator.comparing(Post::id)).toList();
            for (Post p : ps) {
                var es = new EnrolmentRepository().byPerson(tx, p.personId());
                var person = new PersonRepository().find(tx, p.personId());
                long posts = ps.stream().filter(q -> q.personId().equals(p.personId())).count();
                if (!es.isEmpty() && posts == 1 && person.isPresent() && person.get().birthDate() != null) {
                    return new Subject(person.get(), p, es.getFirst());
                }
            }
            throw new AssertionError("no enrolled office-holder in " + KEC);
        });
    }

    void start(Path db) throws Exception {
        app = FxAppHarness.start(db, BundleKit.TODAY);
        FxAppHarness.waitUntil("the main window", () -> app.mainWindow() != null
                && lookup("#navigation").tryQuery().isPresent());
        Window w = lookup("#navigation").query().getScene().getWindow();
        interact(() -> {
            w.setX(0);
            w.setY(0);
            w.setWidth(1366);
            w.setHeight(768);
        });
        SaveDialog.setChooser((owner, title, folder, name) -> Optional.of(dir.resolve(name)));
    }

    void stop() throws Exception {
        FxAppHarness.stop(app);
        app = null;
    }

    /** Clicks the navigation entry "Kunjungan lapangan", as the clerk does. */
    void openFieldScreen() throws Exception {
        FxAppHarness.waitUntil("the navigation entry", () -> lookup("#navigation .list-cell").queryAll().stream()
                .anyMatch(n -> "Kunjungan lapangan".equals(((javafx.scene.control.ListCell<?>) n).getText())));
        clickOn(lookup("#navigation .list-cell").match(n -> "Kunjungan lapangan".equals(
                ((javafx.scene.control.ListCell<?>) n).getText())).queryAs(Node.class));
        FxAppHarness.waitUntil(() -> "field".equals(app.mainWindow().activeScreenId()));
    }

    void click(String query) {
        reveal(lookup(query).query());
        clickOn(query);
    }

    void typeInto(String query, String text) {
        click(query);
        write(text);
    }

    void shortcut(KeyCode key) {
        press(KeyCode.CONTROL, key);
        release(key, KeyCode.CONTROL);
    }

    private void reveal(Node n) {
        interact(() -> {
            javafx.scene.Parent p = n.getParent();
            while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) p = p.getParent();
            if (p instanceof javafx.scene.control.ScrollPane sp) {
                Node content = sp.getContent();
                javafx.geometry.Bounds b = content.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
                double range = content.getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
                if (range > 0) sp.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 20) / range)));
            }
        });
    }

    String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    <T> TableView<T> table(String id) {
        return lookup(id).queryAs(TableView.class);
    }

    /** The confirmation with the fingerprint words: shows them, and the clerk says they are the same. */
    String confirmWords() throws Exception {
        FxAppHarness.waitUntil("the fingerprint confirmation", () -> lookup("#fieldWordsSame").tryQuery().isPresent());
        Node same = lookup("#fieldWordsSame").query();
        String shown = lookup(".dialog-pane").queryAll().stream().map(n -> (DialogPane) n)
                .filter(d -> d.lookup("#fieldWordsSame") != null).findFirst().orElseThrow().getContentText();
        clickOn(same);
        FxAppHarness.waitUntil(() -> lookup("#fieldWordsSame").tryQuery().isEmpty());
        return shown;
    }

    @Test
    void districtIssuesOfficerReturnsDistrictMergesAndSettlesTheConflictInTheScreen() throws Exception {
        Path kabDb = dir.resolve("kab-36.04");
        Path kecDb = dir.resolve("kec");
        Path officerKey = dir.resolve("petugas.pub.json");
        Subject s;
        String districtWords;
        String officerWords;
        try (Services kab = BundleKit.district(dir, "36.04", 5);
             Services kec = TestDb.open(dir, "kec", BundleKit.TODAY)) {
            kec.office().init(OfficeLevel.SUBDISTRICT, KEC, "Kecamatan Jayatani", "Dedi Petugas");
            kec.bundles().keys().init(OFFICER_PASS);
            officerWords = kec.bundles().keys().exportPublic(officerKey).fingerprint();
            districtWords = kab.bundles().keys().publicKeyFile().fingerprint();
            s = subject(kab);
        }
        LocalDate officerDate = s.person().birthDate().plusDays(1);
        LocalDate districtDate = s.person().birthDate().minusDays(2);
        LocalDate termEnd = BundleKit.TODAY.minusDays(3);

        // 1. District: enrol the officer's key after comparing the words, then issue the package.
        start(kabDb);
        openFieldScreen();
        FieldView.setOpenChooser((owner, title) -> Optional.of(officerKey));
        click("#fieldEnrolOfficer");
        assertThat(confirmWords()).contains(FingerprintWords.grouped(officerWords)).contains(KEC);
        FxAppHarness.waitUntil("the officer in the chooser", () -> lookup("#fieldOfficer").queryAs(ComboBox.class)
                .getValue() != null);
        assertThat(text("#fieldMessage")).contains("didaftarkan");
        typeInto("#fieldPassphrase", new String(BundleKit.PASS));
        click("#fieldIssue");
        TableView<FieldViewModel.PackageRow> packages = table("#fieldPackages");
        FxAppHarness.waitUntil("the package in the list", () -> packages.getItems().size() == 1);
        FieldViewModel.PackageRow issued = packages.getItems().getFirst();
        assertThat(issued.pkg().kecamatanCode()).isEqualTo(KEC);
        assertThat(issued.state()).isEqualTo("terkirim");
        assertThat(issued.records()).isGreaterThan(10);
        FxAppHarness.waitUntil(() -> text("#fieldMessage").contains("Paket lapangan #1"));
        Path pkg = dir.resolve("paket-" + KEC + "-1.ldf");
        assertThat(pkg).exists();
        assertThat(Files.readString(pkg, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(s.person().nik());
        stop();

        // 2. Officer, in a second database: open the package after comparing the district's words.
        start(kecDb);
        // The first-run choice of an officer's desk that has opened no package: "Buka paket lapangan".
        interact(() -> app.mainWindow().navigate("home", null));
        FxAppHarness.waitUntil("the first-run choice", () -> lookup("#homeFieldFirstRun").tryQuery()
                .map(Node::isVisible).orElse(false));
        assertThat(((javafx.scene.control.Labeled) lookup("#homeFieldOpen").query()).getText())
                .isEqualTo("Buka paket lapangan");
        click("#homeFieldOpen");
        FxAppHarness.waitUntil(() -> "field".equals(app.mainWindow().activeScreenId()));
        FxAppHarness.waitUntil(() -> text("#fieldOfficerSummary").contains("Belum ada paket"));
        FieldView.setOpenChooser((owner, title) -> Optional.of(pkg));
        typeInto("#fieldPassphrase", new String(OFFICER_PASS));
        click("#fieldOpen");
        assertThat(confirmWords()).contains(FingerprintWords.grouped(districtWords)).contains(KEC);
        FxAppHarness.waitUntil("the package opened", () -> text("#fieldOfficerSummary").contains("Paket #1"));
        assertThat(text("#fieldMessage")).contains("dibuka");
        assertThat(text("#fieldOfficerSummary")).contains("0 catatan diubah");

        // The district's agreements in force are on the officer's desk, read-only: no new, edit, addendum or attach.
        interact(() -> app.mainWindow().navigate("agreements", null));
        FxAppHarness.waitUntil("the agreements", () -> lookup("#agreementTable").tryQuery().isPresent()
                && !this.<id.lindungdesa.domain.AgreementInForce>table("#agreementTable").getItems().isEmpty());
        FxAppHarness.waitUntil("read-only", () -> lookup("#agreementReadOnly").query().isVisible());
        for (String action : List.of("#agreementNew", "#agreementEdit", "#addendumNew", "#attachmentAttach")) {
            assertThat(lookup(action).query().isVisible()).as(action).isFalse();
        }

        // With a package opened, the home screen no longer offers the first-run choice.
        interact(() -> app.mainWindow().navigate("home", null));
        FxAppHarness.waitUntil("home", () -> "home".equals(app.mainWindow().activeScreenId()));
        FxAppHarness.waitUntil("no first-run choice", () -> !lookup("#homeFieldFirstRun").query().isVisible());

        // At the roster desk: correct the birth date, then end the term.
        interact(() -> app.mainWindow().navigate("roster", null));
        FxAppHarness.waitUntil("the roster", () -> this.<RosterRow>table("#rosterTable").getItems().size() > 10);
        typeInto("#rosterSearch", s.person().nik());
        FxAppHarness.waitUntil(() -> this.<RosterRow>table("#rosterTable").getItems().size() == 1);
        clickOn(rowOf("#rosterTable", 0));
        shortcut(KeyCode.E);
        FxAppHarness.waitUntil(() -> lookup("#personBirthDate").tryQuery().isPresent());
        TextField birth = lookup("#personBirthDate").queryAs(TextField.class);
        assertThat(birth.getText()).isEqualTo(TYPED.format(s.person().birthDate()));
        interact(birth::clear);
        clickOn("#personBirthDate").write(TYPED.format(officerDate));
        clickOn("#personSave");
        FxAppHarness.waitUntil("the person saved", () -> lookup("#personBirthDate").tryQuery().isEmpty()
                && this.<RosterRow>table("#rosterTable").getItems().stream()
                .anyMatch(r -> officerDate.equals(r.birthDate())));
        clickOn(rowOf("#rosterTable", 0));
        shortcut(KeyCode.T);
        FxAppHarness.waitUntil(() -> lookup("#endTermSave").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        TextField end = lookup("#endTermDate").queryAs(TextField.class);
        interact(end::clear);
        clickOn("#endTermDate").write(TYPED.format(termEnd));
        clickOn("#endTermSave");
        FxAppHarness.waitUntil(() -> lookup("#endTermConfirm").tryQuery().map(Node::isVisible).orElse(false));
        clickOn("#endTermConfirm");
        FxAppHarness.waitUntil("the term ended", () -> lookup("#endTermSave").tryQuery().isEmpty());

        // Back on the field screen: the changes wait to be returned; make the return.
        openFieldScreen();
        FxAppHarness.waitUntil(() -> text("#fieldOfficerSummary").contains("2 catatan diubah"));
        typeInto("#fieldPassphrase", new String(OFFICER_PASS));
        click("#fieldReturn");
        TableView<FieldViewModel.ReturnRow> returns = table("#fieldReturns");
        FxAppHarness.waitUntil("the return in the list", () -> returns.getItems().size() == 1);
        assertThat(returns.getItems().getFirst().delivered()).isEqualTo("belum ada tanda terima");
        Path ret = dir.resolve("kembali-" + KEC + "-1.ldf");
        FxAppHarness.waitUntil(() -> text("#fieldMessage").contains("Kiriman balik lapangan #1"));
        assertThat(ret).exists();
        stop();

        // 3. Meanwhile the district changes the same birth date differently, and the same person's wage.
        try (Services kab = TestDb.open(dir, "kab-36.04", BundleKit.TODAY)) {
            Person p = kab.database().read(tx -> new PersonRepository().find(tx, s.person().id())).orElseThrow();
            kab.roster().updatePerson(new Person(p.id(), p.version(), p.nik(), p.fullName(), p.sex(), districtDate,
                    p.birthPlace(), p.nkk(), p.phone(), p.employmentStatus(), p.homeVillageCode()));
            Enrolment e = kab.database().read(tx -> new EnrolmentRepository().find(tx, s.enrolment().id()))
                    .orElseThrow();
            kab.enrolments().update(new Enrolment(e.id(), e.version(), e.personId(), e.postId(), e.kpj(),
                    e.segment(), e.programmes(), e.jkkRiskClass(), 3_100_000, e.fundingSource()));
        }

        // 4. District: the merge wizard previews, then applies; one conflict is shown and settled with one click.
        start(kabDb);
        openFieldScreen();
        FieldView.setOpenChooser((owner, title) -> Optional.of(ret));
        typeInto("#fieldPassphrase", new String(BundleKit.PASS));
        click("#fieldMergeChoose");
        FxAppHarness.waitUntil("the preview", () -> !lookup("#fieldApply").queryButton().isDisabled());
        assertThat(text("#fieldPreviewSummary")).contains("3 akan diterapkan").contains("1 konflik")
                .contains("Belum ada yang disimpan");
        TableView<FieldMergeService.Item> preview = table("#fieldPreview");
        assertThat(preview.getItems()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("birthDate");
            assertThat(c.base()).isEqualTo(s.person().birthDate().toString());
            assertThat(c.district()).isEqualTo(districtDate.toString());
            assertThat(c.officer()).isEqualTo(officerDate.toString());
        });
        // Nothing is saved by the preview.
        assertThat(app.services().field().merges().openConflicts()).isEmpty();
        assertThat(app.services().field().merges().merged()).isEmpty();
        click("#fieldApply");
        TableView<FieldMergeService.Item> conflicts = table("#fieldConflicts");
        FxAppHarness.waitUntil("the merged return", () -> this.<FieldViewModel.MergedRow>table("#fieldMerged")
                .getItems().size() == 1 && conflicts.getItems().size() == 1);
        assertThat(text("#fieldMessage")).contains("digabung").contains("3 diterapkan").contains("1 konflik")
                .contains(".receipt.json");
        FieldViewModel.MergedRow m = this.<FieldViewModel.MergedRow>table("#fieldMerged").getItems().getFirst();
        assertThat(m.applied()).isEqualTo(3); // the term end (date, reason) and its enrolment's ENDED step
        assertThat(m.conflicts()).isEqualTo(1);
        assertThat(packages().getItems().getFirst().state()).isEqualTo("sudah digabung");
        assertThat(lookup("#fieldNoConflicts").query().isVisible()).isFalse();
        // The term end is applied and the district's wage kept; the birth date keeps the district value for now.
        Post post = app.services().database().read(tx -> new PostRepository().find(tx, s.post().id())).orElseThrow();
        assertThat(post.endDate()).isEqualTo(termEnd);
        assertThat(post.endReason()).isEqualTo(EndReason.TERM_ENDED);
        assertThat(app.services().database().read(tx -> new EnrolmentRepository().find(tx, s.enrolment().id()))
                .orElseThrow().wageBase()).isEqualTo(3_100_000);
        assertThat(birthDate(s.person().id())).isEqualTo(districtDate);
        // What the clerk sees in the row: whose record, which field, base / district / officer side by side.
        Node conflictRow = rowOf("#fieldConflicts", 0);
        List<String> cells = from(conflictRow).lookup(".table-cell").queryAll().stream()
                .map(n -> ((javafx.scene.control.Labeled) n).getText()).filter(t -> t != null).toList();
        assertThat(cells).contains(s.person().fullName(), "Tanggal lahir", s.person().birthDate().toString(),
                districtDate.toString(), officerDate.toString());

        // One click: take the officer's value.
        Button takeOfficer = from(conflictRow).lookup(".field-take-officer").queryButton();
        assertThat(takeOfficer.getText()).isEqualTo("Pakai petugas");
        clickOn(takeOfficer);
        FxAppHarness.waitUntil("the conflict settled", () -> conflicts.getItems().isEmpty()
                && lookup("#fieldNoConflicts").query().isVisible());
        assertThat(text("#fieldMessage")).contains("diselesaikan").contains(officerDate.toString());
        assertThat(birthDate(s.person().id())).isEqualTo(officerDate);
        // The value that lost stays visible in the record's history.
        assertThat(app.services().audit().forPerson(s.person().id()).stream()
                .map(e -> e.summary() + " " + e.beforeJson()).collect(Collectors.joining("\n")))
                .contains(districtDate.toString());
        assertThat(dir.resolve("kembali-" + KEC + "-1.ldf.receipt.json")).exists();
    }

    TableView<FieldViewModel.PackageRow> packages() {
        return table("#fieldPackages");
    }

    LocalDate birthDate(UUID person) {
        return app.services().database().read(tx -> new PersonRepository().find(tx, person)).orElseThrow()
                .birthDate();
    }

    Node rowOf(String table, int index) throws Exception {
        FxAppHarness.waitUntil(() -> from(lookup(table).queryAll()).lookup(".table-row-cell").queryAll().stream()
                .anyMatch(n -> n instanceof TableRow<?> r && r.getIndex() == index && r.getItem() != null));
        Node row = from(lookup(table).queryAll()).lookup(".table-row-cell").queryAll().stream()
                .filter(n -> n instanceof TableRow<?> r && r.getIndex() == index).findFirst().orElseThrow();
        reveal(row);
        return row;
    }
}
