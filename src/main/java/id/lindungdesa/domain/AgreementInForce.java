package id.lindungdesa.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The agreement in force on a date: the original plus every addendum effective by then, applied in order of
 * effective date. Pure functions over records (no database, no clock).
 */
public record AgreementInForce(Agreement agreement, LocalDate on, AgreementState state, LocalDate validTo,
                               Long budgetCeiling, List<CoverageTerm> terms, List<Addendum> applied) {

    public AgreementInForce {
        terms = List.copyOf(terms);
        applied = List.copyOf(applied);
    }

    /** Order in which addenda apply: effective date, then signing date, then number. */
    public static final Comparator<Addendum> ORDER = Comparator.comparing(Addendum::effectiveDate)
            .thenComparing(Addendum::signingDate).thenComparing(Addendum::number);

    /** Computes the agreement as it stands on {@code date} ({@code addenda} may include other agreements'). */
    public static AgreementInForce on(Agreement a, List<Addendum> addenda, LocalDate date) {
        Map<CoverageTerm.Key, CoverageTerm> terms = new LinkedHashMap<>();
        for (CoverageTerm t : a.terms()) terms.put(t.key(), t);
        LocalDate validTo = a.validTo();
        Long budget = a.budgetCeiling();
        List<Addendum> applied = new ArrayList<>();
        for (Addendum ad : of(a.id(), addenda)) {
            if (ad.effectiveDate().isAfter(date)) break;
            apply(terms, ad);
            if (ad.newValidTo() != null) validTo = ad.newValidTo();
            if (ad.newBudgetCeiling() != null) budget = ad.newBudgetCeiling();
            applied.add(ad);
        }
        AgreementState state = date.isBefore(a.validFrom()) ? AgreementState.NOT_YET
                : date.isAfter(validTo) ? AgreementState.EXPIRED : AgreementState.IN_FORCE;
        return new AgreementInForce(a, date, state, validTo, budget, new ArrayList<>(terms.values()), applied);
    }

    /** The addenda of agreement {@code id}, in the order they apply. */
    public static List<Addendum> of(UUID id, List<Addendum> addenda) {
        return addenda.stream().filter(x -> x.agreementId().equals(id)).sorted(ORDER).toList();
    }

    private static void apply(Map<CoverageTerm.Key, CoverageTerm> terms, Addendum ad) {
        for (AddendumChange c : ad.changes()) {
            switch (c.kind()) {
                case ADD, CHANGE -> terms.put(c.term().key(), c.term());
                case REMOVE -> terms.remove(c.term().key());
            }
        }
    }

    public boolean inForce() {
        return state == AgreementState.IN_FORCE;
    }

    public Optional<CoverageTerm> term(Category category, FundingSource source) {
        return terms.stream().filter(t -> t.category() == category && t.fundingSource() == source).findFirst();
    }

    public boolean covers(Category category, FundingSource source) {
        return inForce() && term(category, source).isPresent();
    }

    /** Two agreements covering the same category and funding source on the same day. */
    public record Overlap(LocalDate date, CoverageTerm.Key key) {
    }

    /**
     * The first day on which {@code a} and {@code b} are both in force and cover the same category from the same
     * funding source, if any. The joint state only changes on a start or an addendum's effective date, so those
     * days are the only ones that need checking.
     */
    public static Optional<Overlap> overlap(Agreement a, List<Addendum> aAddenda, Agreement b,
                                            List<Addendum> bAddenda) {
        TreeSet<LocalDate> days = new TreeSet<>();
        days.add(a.validFrom());
        days.add(b.validFrom());
        of(a.id(), aAddenda).forEach(x -> days.add(x.effectiveDate()));
        of(b.id(), bAddenda).forEach(x -> days.add(x.effectiveDate()));
        for (LocalDate d : days) {
            AgreementInForce x = on(a, aAddenda, d);
            AgreementInForce y = on(b, bAddenda, d);
            if (!x.inForce() || !y.inForce()) continue;
            for (CoverageTerm t : x.terms()) {
                if (y.term(t.category(), t.fundingSource()).isPresent()) return Optional.of(new Overlap(d, t.key()));
            }
        }
        return Optional.empty();
    }

    /** One step of an agreement's life, for a readable timeline. */
    public record Step(LocalDate date, StepKind kind, String document, List<AddendumChange> changes,
                       LocalDate validTo, Long budgetCeiling, List<CoverageTerm> termsAfter) {
        public Step {
            changes = List.copyOf(changes);
            termsAfter = List.copyOf(termsAfter);
        }
    }

    public enum StepKind { SIGNED, STARTS, ADDENDUM, ENDS }

    /** Signing, start, each addendum taking effect (with what it changed), and the end as last extended. */
    public static List<Step> timeline(Agreement a, List<Addendum> addenda) {
        List<Step> out = new ArrayList<>();
        out.add(new Step(a.signingDate(), StepKind.SIGNED, a.number(), List.of(), a.validTo(), a.budgetCeiling(),
                a.terms()));
        out.add(new Step(a.validFrom(), StepKind.STARTS, a.number(), List.of(), a.validTo(), a.budgetCeiling(),
                a.terms()));
        AgreementInForce last = on(a, addenda, a.validFrom());
        for (Addendum ad : of(a.id(), addenda)) {
            AgreementInForce after = on(a, addenda, ad.effectiveDate());
            out.add(new Step(ad.effectiveDate(), StepKind.ADDENDUM, ad.number(), ad.changes(), after.validTo(),
                    after.budgetCeiling(), after.terms()));
            last = after;
        }
        out.add(new Step(last.validTo(), StepKind.ENDS, a.number(), List.of(), last.validTo(), last.budgetCeiling(),
                last.terms()));
        out.sort(Comparator.comparing(Step::date).thenComparing(s -> s.kind().ordinal()));
        return out;
    }

    /** The last day of validity once every addendum is applied. */
    public static LocalDate finalValidTo(Agreement a, List<Addendum> addenda) {
        LocalDate to = a.validTo();
        for (Addendum ad : of(a.id(), addenda)) if (ad.newValidTo() != null) to = ad.newValidTo();
        return to;
    }
}
