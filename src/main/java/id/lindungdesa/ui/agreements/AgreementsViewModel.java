package id.lindungdesa.ui.agreements;

import id.lindungdesa.domain.Addendum;
import id.lindungdesa.domain.Agreement;
import id.lindungdesa.domain.AddendumChange;
import id.lindungdesa.domain.AgreementInForce;
import id.lindungdesa.domain.AgreementParty;
import id.lindungdesa.domain.CoverageTerm;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.AgreementService;
import id.lindungdesa.service.ValidationException;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.TaskExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the agreements screen: every agreement as it stands on the chosen date, all addenda, and the
 * enrolment links on that date; and the reading of the agreement and addendum forms (dates, rupiah, parties), so
 * the view only builds nodes and binds. All reads and writes run as background tasks; results are published on the
 * FX thread. Holds no nodes.
 */
public final class AgreementsViewModel {
    private final AgreementService agreements;
    private final Clock clock;
    private final TaskExecutor tasks;
    private final ObservableList<AgreementInForce> rows = FXCollections.observableArrayList();
    private final ObjectProperty<LocalDate> on = new SimpleObjectProperty<>();
    private final ObjectProperty<List<Addendum>> addenda = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<AgreementService.CoverageLinks> links = new SimpleObjectProperty<>();
    private final javafx.beans.property.BooleanProperty editable = new javafx.beans.property.SimpleBooleanProperty(true);

    public AgreementsViewModel(AgreementService agreements, Clock clock, TaskExecutor tasks) {
        this.agreements = agreements;
        this.clock = clock;
        this.tasks = tasks;
        on.set(LocalDate.now(clock));
    }

    public ObservableList<AgreementInForce> rows() { return rows; }

    public ObjectProperty<LocalDate> on() { return on; }

    public ObjectProperty<List<Addendum>> addenda() { return addenda; }

    public ObjectProperty<AgreementService.CoverageLinks> links() { return links; }

    /** False at a kecamatan officer's desk: the agreements are the district's, from the field package (issue 15). */
    public javafx.beans.property.BooleanProperty editable() { return editable; }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private record Loaded(List<AgreementInForce> states, List<Addendum> addenda, AgreementService.CoverageLinks links,
                          boolean editable) {
    }

    /** Reloads everything as it stands on {@code date}. */
    public void load(LocalDate date, Runnable whenDone) {
        tasks.execute(BackgroundTask.<Loaded>of(Messages.tr("agreement.screen"), p -> new Loaded(agreements.states(date),
                        agreements.addenda(), agreements.links(date), agreements.editable()))
                .onSuccess(l -> {
                    on.set(date);
                    editable.set(l.editable());
                    addenda.set(l.addenda());
                    rows.setAll(l.states());
                    links.set(l.links());
                    whenDone.run();
                }));
    }

    public List<AgreementInForce.Step> timeline(Agreement a) {
        return AgreementInForce.timeline(a, addenda.get());
    }

    public List<Addendum> addendaOf(Agreement a) {
        return AgreementInForce.of(a.id(), addenda.get());
    }

    public void create(AgreementService.NewAgreement input, AgreementService.AttachmentFile file,
                       Consumer<Agreement> ok, Consumer<Throwable> failed) {
        tasks.execute(BackgroundTask.of("agreement.create", p -> agreements.create(input, file))
                .onSuccess(ok).onFailure(failed));
    }

    public void update(Agreement changed, Consumer<Agreement> ok, Consumer<Throwable> failed) {
        tasks.execute(BackgroundTask.of("agreement.update", p -> agreements.update(changed))
                .onSuccess(ok).onFailure(failed));
    }

    public void addAddendum(AgreementService.NewAddendum input, Consumer<Addendum> ok, Consumer<Throwable> failed) {
        tasks.execute(BackgroundTask.of("addendum.create", p -> agreements.addAddendum(input))
                .onSuccess(ok).onFailure(failed));
    }

    /** Whether the addendum would change nothing in force (issue 13), read off the FX thread. */
    public void changesNothing(AgreementService.NewAddendum input, Consumer<Boolean> answer, Consumer<Throwable> failed) {
        tasks.execute(BackgroundTask.of("addendum.check", p -> agreements.changesNothing(input))
                .onSuccess(answer).onFailure(failed));
    }

    public void attach(Agreement a, Path file, Consumer<Agreement> ok, Consumer<Throwable> failed) {
        tasks.execute(BackgroundTask.of("agreement.attach", p -> agreements
                        .attach(a.id(), new AgreementService.AttachmentFile(file, null)))
                .onSuccess(ok).onFailure(failed));
    }

    /** Checks the document's SHA-256, writes it out and opens it with the system viewer, all off the FX thread. */
    public void openDocument(Agreement a, Consumer<Path> ok, Consumer<Throwable> failed) {
        tasks.execute(BackgroundTask.of("agreement.open", p -> {
            Path file = agreements.openForViewing(a.id());
            SystemViewer.open(file);
            return file;
        }).onSuccess(ok).onFailure(failed));
    }

    /** SHA-256 of a chosen file, computed off the FX thread. */
    public void hash(Path file, Consumer<String> ok, Consumer<Throwable> failed) {
        tasks.execute(BackgroundTask.of("sha256", p -> AgreementService.sha256(file)).onSuccess(ok).onFailure(failed));
    }

    // ---------------------------------------------------------------- reading the forms

    /** The agreement form as typed. */
    public record AgreementForm(String number, String title, String signing, String from, String to, String parties,
                                String bases, String budget, String months, String notes) {
        /** The form filled from an existing agreement (for editing). */
        public static AgreementForm of(Agreement a) {
            return new AgreementForm(a.number(), a.title(), Formats.FORM_DATE.format(a.signingDate()),
                    Formats.FORM_DATE.format(a.validFrom()), Formats.FORM_DATE.format(a.validTo()),
                    partiesText(a.parties()), String.join("\n", a.legalBases()),
                    a.budgetCeiling() == null ? "" : String.valueOf(a.budgetCeiling()),
                    String.valueOf(a.monevIntervalMonths()), a.notes() == null ? "" : a.notes());
        }
    }

    /** The addendum form as typed (blank new end date or budget: unchanged). */
    public record AddendumForm(String number, String signing, String effective, String newValidTo, String budget,
                               String notes) {
    }

    /** A form read: the value, or what is wrong (one message a line, shown under the form). */
    public record Read<T>(T value, List<String> errors) {
        static <T> Read<T> ok(T value) {
            return new Read<>(value, List.of());
        }

        static <T> Read<T> bad(List<String> errors) {
            return new Read<>(null, List.copyOf(errors));
        }

        public boolean ok() {
            return errors.isEmpty();
        }

        public String errorText() {
            return String.join("\n", errors);
        }
    }

    /** Reads the agreement form; an empty "valid from" is the signing date. */
    public static Read<AgreementService.NewAgreement> readAgreement(AgreementForm f, List<CoverageTerm> terms) {
        List<String> bad = new ArrayList<>();
        LocalDate sd = date(f.signing(), bad);
        LocalDate fd = blank(f.from()) ? sd : date(f.from(), bad);
        LocalDate td = date(f.to(), bad);
        Long budget;
        Integer months;
        try {
            budget = rupiah(f.budget());
            months = blank(f.months()) ? null : Integer.parseInt(f.months().strip());
        } catch (id.lindungdesa.domain.Money.NotMoneyException ex) {
            return Read.bad(List.of(Formats.moneyError(ex)));
        } catch (NumberFormatException ex) {
            return Read.bad(List.of(Messages.tr("agreement.ui.badAmount")));
        }
        if (!bad.isEmpty()) return Read.bad(bad);
        return Read.ok(new AgreementService.NewAgreement(f.number(), f.title(), parseParties(f.parties()), sd, fd, td,
                lines(f.bases()), terms, budget, f.notes(), months, null));
    }

    /** The existing agreement with the form's values (an empty monev interval keeps the existing one). */
    public static Agreement changed(Agreement existing, AgreementService.NewAgreement input) {
        return new Agreement(existing.id(), existing.version(), input.number(), input.title(), input.parties(),
                input.signingDate(), input.validFrom(), input.validTo(), input.legalBases(), input.terms(),
                input.budgetCeiling(), input.notes(), input.monevIntervalMonths() == null
                ? existing.monevIntervalMonths() : input.monevIntervalMonths(), existing.renewsId(),
                existing.attachment());
    }

    /** Reads the addendum form for {@code agreementId}. */
    public static Read<AgreementService.NewAddendum> readAddendum(UUID agreementId, AddendumForm f,
                                                                  List<AddendumChange> changes) {
        List<String> bad = new ArrayList<>();
        LocalDate sd = date(f.signing(), bad);
        LocalDate ed = blank(f.effective()) ? sd : date(f.effective(), bad);
        LocalDate nt = blank(f.newValidTo()) ? null : date(f.newValidTo(), bad);
        Long nb;
        try {
            nb = rupiah(f.budget());
        } catch (id.lindungdesa.domain.Money.NotMoneyException ex) {
            return Read.bad(List.of(Formats.moneyError(ex)));
        } catch (NumberFormatException ex) {
            return Read.bad(List.of(Messages.tr("agreement.ui.badAmount")));
        }
        if (!bad.isEmpty()) return Read.bad(bad);
        return Read.ok(new AgreementService.NewAddendum(agreementId, f.number(), sd, ed, nt, nb, changes, f.notes()));
    }

    /** A typed date ("dd-mm-yyyy", also with / or .); a bad non-blank one adds a message to {@code bad}. */
    static LocalDate date(String text, List<String> bad) {
        Optional<LocalDate> d = Formats.parseFormDate(text);
        if (d.isEmpty() && !blank(text)) bad.add(Messages.tr("agreement.ui.badDate", text));
        return d.orElse(null);
    }

    /** The "state on" date typed above the list; empty when it cannot be read. */
    public static Optional<LocalDate> parseDate(String text) {
        return Formats.parseFormDate(text);
    }

    /** Rupiah as typed, read by {@link id.lindungdesa.domain.Money}; null when blank; NotMoneyException otherwise. */
    static Long rupiah(String s) {
        return id.lindungdesa.domain.Money.parseOptional(s).map(id.lindungdesa.domain.Money::rupiah).orElse(null);
    }

    static List<String> lines(String text) {
        if (text == null) return List.of();
        return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** "role | name | signatory" per line; a line without bars is a name. */
    static List<AgreementParty> parseParties(String text) {
        List<AgreementParty> out = new ArrayList<>();
        int i = 1;
        for (String line : lines(text)) {
            String[] p = line.split("\\|", -1);
            if (p.length >= 2) {
                out.add(new AgreementParty(p[0].strip(), p[1].strip(), p.length > 2 ? p[2].strip() : null));
            } else {
                out.add(new AgreementParty(Messages.tr("agreement.ui.partyN", i), line, null));
            }
            i++;
        }
        return out;
    }

    /** The parties as the form shows them, one "role | name | signatory" a line. */
    static String partiesText(List<AgreementParty> parties) {
        return parties.stream().map(p -> p.role() + " | " + p.name()
                + (p.signatory() == null ? "" : " | " + p.signatory())).collect(Collectors.joining("\n"));
    }

    /** A failure as shown under a form: each validation message in the user's language, else the message. */
    static String errorText(Throwable e) {
        if (e instanceof ValidationException v) {
            return v.errors().stream().map(x -> Messages.tr(x.key(), x.args().toArray()))
                    .collect(Collectors.joining("\n"));
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
