package id.lindungdesa.report;

import id.lindungdesa.domain.Budget;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.Payment;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Region;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.BudgetService;
import id.lindungdesa.service.RosterService;
import id.lindungdesa.service.CoreServices;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Rows for exports that need more than the roster read model. */
public final class ReportData {
    private ReportData() {}

    /** Exports are in Indonesian whatever the screen language. */
    private static final String NOT_REGISTERED = new Messages(Messages.INDONESIAN).get("report.state.none");

    /** One line of the list a BPJS Ketenagakerjaan branch takes for collective registration. */
    public record BpjsRow(String nik, String fullName, String birthPlace, LocalDate birthDate, String sex,
                          String phone, String position, String village, String kecamatan, String segment,
                          String programmes, long wage, String fundingSource, String kpj, String state) {
    }

    /**
     * Current eligible office-holders (each person once, under their first post) whose enrolment is REGISTERED
     * (registered by the office, not yet active at BPJS) or who have no enrolment yet (with the default wage base);
     * with {@code includeActive}, those already active too.
     */
    public static List<BpjsRow> bpjsList(CoreServices services, LocalDate on, boolean includeActive) {
        RosterService.Snapshot s = services.roster().snapshot(services.coverage().officeRegion(), on);
        Map<String, String> names = services.regions().within(services.coverage().officeRegion()).stream()
                .collect(Collectors.toMap(Region::code, Region::name, (a, b) -> a));
        Set<UUID> seen = new HashSet<>();
        List<BpjsRow> out = new ArrayList<>();
        List<Post> posts = s.posts().stream().filter(p -> p.currentOn(on))
                .sorted(Comparator.comparing(Post::villageCode).thenComparing(p -> p.position().ordinal()))
                .toList();
        for (Post p : posts) {
            Person person = s.people().get(p.personId());
            if (person == null || !person.enrollable() || !seen.add(person.id())) continue;
            Optional<Enrolment> e = s.enrolmentOf(person.id(), on);
            EnrolmentState st = e.map(x -> s.stateOn(x.id(), on)).orElse(null);
            if (st == EnrolmentState.ACTIVE && !includeActive) continue;
            if (st == EnrolmentState.ENDED || st == EnrolmentState.LAPSED) st = null;
            boolean has = e.isPresent() && st != null;
            long wage = has ? e.get().wageBase()
                    : services.enrolments().defaultWageBase(p.position(), on).orElse(0L);
            String kec = Region.parentOf(p.villageCode());
            out.add(new BpjsRow(person.nik(), person.fullName(), person.birthPlace(), person.birthDate(),
                    person.sex() == null ? "" : person.sex().name(), person.phone(), p.position().labelId(),
                    names.getOrDefault(p.villageCode(), p.villageCode()), names.getOrDefault(kec, kec),
                    has ? e.get().segment().labelId() : "",
                    has ? e.get().programmes().stream().map(Programme::name).collect(Collectors.joining("+")) : "",
                    wage, has ? e.get().fundingSource().labelId() : "", has ? e.get().kpj() : null,
                    st == null ? NOT_REGISTERED : st.labelId()));
        }
        return out;
    }

    /** What the ledger records as paid for {@code year} (one funding source, or all when null). */
    public static long paid(List<Payment> payments, int year, FundingSource source) {
        long sum = 0;
        for (Payment p : payments) {
            if (p.month().getYear() != year || (source != null && p.fundingSource() != source)) continue;
            sum = Math.addExact(sum, p.amountPaid());
        }
        return sum;
    }
}
