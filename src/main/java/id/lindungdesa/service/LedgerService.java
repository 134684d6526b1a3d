package id.lindungdesa.service;

import id.lindungdesa.domain.Arrears;
import id.lindungdesa.domain.Contribution;
import id.lindungdesa.domain.ContributionRate;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.EnrolmentStatus;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.Payment;
import id.lindungdesa.domain.Region;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.EnrolmentRepository;
import id.lindungdesa.persistence.FiguresRepository;
import id.lindungdesa.persistence.LedgerRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The contribution ledger: per month and funding source, what was billed (computed from the enrolments ACTIVE on
 * the month's first day at the rate then in force) against what the clerk recorded as paid, the arrears, and the
 * enrolments that lapse once their arrears pass a configurable number of months (applied only when the clerk
 * confirms). See docs/decisions/0052-contribution-ledger.md.
 */
public final class LedgerService {
    /** Setting key for the number of unpaid months after which an enrolment lapses. */
    public static final String LAPSE_SETTING = "ledger.lapseMonths";
    public static final int DEFAULT_LAPSE_MONTHS = 3;

    private final Database db;
    private final LedgerRepository repo;
    private final EnrolmentRepository enrolments;
    private final DistrictFigures figures;
    private final CoverageService coverage;
    private final OfficeService office;
    private final Clock clock;
    private final AuditLog audit;

    public LedgerService(Database db, LedgerRepository repo, EnrolmentRepository enrolments, DistrictFigures figures,
                         CoverageService coverage, OfficeService office, Clock clock, AuditLog audit) {
        this.db = db;
        this.repo = repo;
        this.enrolments = enrolments;
        this.figures = figures;
        this.coverage = coverage;
        this.office = office;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * One month of one funding source. Arrears = billed - paid (negative when more was paid); zero for months after
     * the current one, whose billed amount is a forecast.
     */
    public record Month(YearMonth month, FundingSource fundingSource, long billed, long paid, long arrears,
                       long cumulativeArrears, int insured) {
    }

    /** An enrolment whose arrears have passed the threshold: it lapses from {@code lapseDate} when confirmed. */
    public record LapseCandidate(UUID enrolmentId, UUID personId, String nik, String fullName, String villageCode,
                                 String villageName, FundingSource fundingSource, YearMonth firstUnpaid,
                                 int monthsUnpaid, long arrears, LocalDate lapseDate) {
    }

    public int lapseThreshold() {
        return office.setting(LAPSE_SETTING).map(Integer::parseInt).orElse(DEFAULT_LAPSE_MONTHS);
    }

    public void setLapseThreshold(int months) {
        if (months < 1 || months > 24) throw ValidationException.of("months", "ledger.error.threshold");
        office.putSetting(LAPSE_SETTING, Integer.toString(months));
    }

    public List<Payment> payments() {
        return db.read(repo::all);
    }

    /** Records (or corrects) what was paid for a month, funding source and scope (district or village). */
    public Payment recordPayment(YearMonth month, FundingSource source, String scope, long amount, LocalDate paidDate,
                                 String note) {
        audit.require(id.lindungdesa.domain.Role.CLERK); // issue 17
        List<ValidationException.FieldError> errors = new ArrayList<>();
        if (month == null) errors.add(ValidationException.FieldError.of("month", "error.required"));
        if (source == null) errors.add(ValidationException.FieldError.of("fundingSource", "error.required"));
        String region = coverage.officeRegion();
        if (scope == null || !Region.isValidCode(scope.strip())
                || !(region.isEmpty() || Region.within(scope.strip(), region))) {
            errors.add(ValidationException.FieldError.of("scope", "ledger.error.scope", scope, region));
        }
        if (amount < 0) errors.add(ValidationException.FieldError.of("amount", "ledger.error.amount"));
        if (month != null && month.isAfter(YearMonth.now(clock).plusMonths(12))) {
            errors.add(ValidationException.FieldError.of("month", "ledger.error.month"));
        }
        if (!errors.isEmpty()) throw new ValidationException(errors);
        String sc = scope.strip();
        OffsetDateTime now = OffsetDateTime.now(clock);
        return db.write(tx -> {
            Optional<Payment> before = repo.find(tx, month, source, sc);
            Payment p;
            if (before.isPresent()) {
                Payment b = before.get();
                p = new Payment(b.id(), b.version() + 1, month, source, sc, amount, paidDate,
                        RosterService.blankToNull(note), now, audit.actor());
                repo.update(tx, new Payment(b.id(), b.version(), month, source, sc, amount, paidDate,
                        RosterService.blankToNull(note), now, audit.actor()), now);
            } else {
                p = new Payment(UUID.randomUUID(), 1, month, source, sc, amount, paidDate,
                        RosterService.blankToNull(note), now, audit.actor());
                repo.insertAll(tx, List.of(p));
            }
            audit.record(tx, before.isPresent() ? "UPDATE" : "CREATE", "contribution_payment", p.id(),
                    sc.split("\\.").length == 4 ? sc : null, null,
                    "Pembayaran iuran " + month + " " + source.labelId() + " " + sc + ": "
                            + id.lindungdesa.domain.Money.format(amount, true),
                    before.orElse(null), p);
            return p;
        });
    }

    /** Writes many payments at once (demo data, imports): one transaction, one audit entry. */
    public void recordPayments(Collection<Payment> payments, String summary) {
        audit.require(id.lindungdesa.domain.Role.CLERK); // issue 17
        db.writeVoid(tx -> {
            repo.insertAll(tx, payments);
            audit.recordText(tx, "IMPORT", "contribution_payment", null, null, summary);
        });
    }

    // ------------------------------------------------------------------ billing

    /** What one enrolment (of a group alike) is billed in a month whose state is {@code state}. */
    static long billedFor(List<ContributionRate> rates, FiguresRepository.EnrolmentGroup g, EnrolmentState state,
                          YearMonth m) {
        if (state != EnrolmentState.ACTIVE) return 0;
        try {
            return Contribution.monthly(rates, g.segment(), g.programmes(), g.riskClass(), g.wage(), m.atDay(1))
                    .total();
        } catch (Contribution.MissingRateException ex) {
            return 0;
        }
    }

    /**
     * Billing of some months: per month, source and village, from enrolments grouped alike by the database with
     * their state on each month's first day (decision 0120). The village billed is the enrolment's post's, else the
     * holder's first post's, else the holder's home village ({@link FiguresRepository#enrolmentGroups}).
     */
    final class Billing {
        final List<ContributionRate> rates;
        final Map<YearMonth, Map<FundingSource, Map<String, Long>>> cache = new HashMap<>();
        final Map<YearMonth, Map<FundingSource, Integer>> insured = new HashMap<>();
        final Map<YearMonth, Map<FundingSource, Map<String, Long>>> paid = new HashMap<>();

        /** {@code groups} carry their states on the first days of {@code months}, from {@code offset} on. */
        Billing(List<ContributionRate> rates, List<YearMonth> months, List<FiguresRepository.EnrolmentGroup> groups,
                int offset, List<Payment> payments) {
            this.rates = rates;
            for (int i = 0; i < months.size(); i++) {
                YearMonth m = months.get(i);
                Map<FundingSource, Map<String, Long>> bySource = new EnumMap<>(FundingSource.class);
                Map<FundingSource, Integer> counts = new EnumMap<>(FundingSource.class);
                for (FiguresRepository.EnrolmentGroup g : groups) {
                    long b = billedFor(rates, g, g.states().get(offset + i), m);
                    if (b == 0 || g.villageCode() == null) continue;
                    bySource.computeIfAbsent(g.fundingSource(), x -> new HashMap<>())
                            .merge(g.villageCode(), Math.multiplyExact(b, g.count()), Long::sum);
                    counts.merge(g.fundingSource(), g.count(), Integer::sum);
                }
                cache.put(m, bySource);
                insured.put(m, counts);
            }
            for (Payment p : payments) {
                paid.computeIfAbsent(p.month(), k -> new EnumMap<>(FundingSource.class))
                        .computeIfAbsent(p.fundingSource(), k -> new HashMap<>())
                        .merge(p.scopeCode(), p.amountPaid(), Long::sum);
            }
        }

        Map<String, Long> billed(YearMonth m, FundingSource src) {
            Map<FundingSource, Map<String, Long>> bySource = cache.get(m);
            if (bySource == null) throw new IllegalStateException("month not read for billing: " + m);
            return bySource.getOrDefault(src, Map.of());
        }

        int insured(YearMonth m, FundingSource src) {
            billed(m, src);
            return insured.get(m).getOrDefault(src, 0);
        }

        private final Map<String, Long> within = new HashMap<>();

        long billedWithin(YearMonth m, FundingSource src, String scope) {
            return within.computeIfAbsent(m + "|" + src + "|" + scope, k -> {
                long t = 0;
                for (var e : billed(m, src).entrySet()) if (Region.within(e.getKey(), scope)) t += e.getValue();
                return t;
            });
        }

        Map<String, Long> paid(YearMonth m, FundingSource src) {
            return paid.getOrDefault(m, Map.of()).getOrDefault(src, Map.of());
        }

        /** Unpaid for a village: the most specific scope with a payment paid less than billed, or no payment. */
        boolean unpaid(YearMonth m, FundingSource src, String villageCode) {
            Map<String, Long> ps = paid(m, src);
            String scope = villageCode;
            while (scope != null) {
                Long p = ps.get(scope);
                if (p != null) return p < billedWithin(m, src, scope);
                scope = Region.parentOf(scope);
            }
            return true;
        }

        Optional<YearMonth> ledgerStart(FundingSource src) {
            return paid.entrySet().stream().filter(e -> e.getValue().containsKey(src)).map(Map.Entry::getKey)
                    .min(Comparator.naturalOrder());
        }
    }

    /** Billing of {@code months} for the office's region, with the payments given. */
    Billing billingFor(List<YearMonth> months, List<Payment> payments) {
        LocalDate today = LocalDate.now(clock);
        List<LocalDate> dates = months.stream().map(m -> m.atDay(1)).toList();
        List<FiguresRepository.EnrolmentGroup> groups = dates.isEmpty() ? List.of()
                : figures.enrolmentGroups(coverage.officeRegion(), today, dates, false, false);
        return new Billing(figures.rates(), months, groups, 0, payments);
    }

    /** The ledger of a year: twelve months per funding source (only sources with anything billed or paid). */
    public List<Month> ledger(int year, FundingSource only) {
        LocalDate today = LocalDate.now(clock);
        List<YearMonth> months = new ArrayList<>();
        for (int mo = 1; mo <= 12; mo++) months.add(YearMonth.of(year, mo));
        Billing b = billingFor(months, payments());
        List<Month> out = new ArrayList<>();
        for (FundingSource src : FundingSource.values()) {
            if (only != null && src != only) continue;
            List<Month> rows = new ArrayList<>();
            long cumulative = 0;
            boolean any = false;
            for (int mo = 1; mo <= 12; mo++) {
                YearMonth m = YearMonth.of(year, mo);
                Map<String, Long> billed = b.billed(m, src);
                long billedTotal = billed.values().stream().mapToLong(Long::longValue).sum();
                long paidTotal = b.paid(m, src).values().stream().mapToLong(Long::longValue).sum();
                // Months still to come show what will be billed; they are not in arrears yet.
                long arrears = m.isAfter(YearMonth.from(today)) ? 0 : billedTotal - paidTotal;
                cumulative += arrears;
                any |= billedTotal != 0 || paidTotal != 0;
                rows.add(new Month(m, src, billedTotal, paidTotal, arrears, cumulative, b.insured(m, src)));
            }
            if (any || only != null) out.addAll(rows);
        }
        return out;
    }

    /** Billed and paid per village for one month and source (the detail behind a ledger line). */
    public record VillageLine(String villageCode, long billed, boolean unpaid) {
    }

    public List<VillageLine> villages(YearMonth m, FundingSource src) {
        Billing b = billingFor(List.of(m), payments());
        List<VillageLine> out = new ArrayList<>();
        for (var e : new java.util.TreeMap<>(b.billed(m, src)).entrySet()) {
            out.add(new VillageLine(e.getKey(), e.getValue(), b.unpaid(m, src, e.getKey())));
        }
        return out;
    }

    /**
     * Enrolments ACTIVE today whose last {@link #lapseThreshold()} or more closed months (months before the
     * current one, from the first month the ledger has any payment for their funding source) are all unpaid.
     */
    public List<LapseCandidate> lapseCandidates() {
        LocalDate today = LocalDate.now(clock);
        return candidates(today, lapseThreshold());
    }

    private List<LapseCandidate> candidates(LocalDate today, int threshold) {
        YearMonth lastClosed = YearMonth.from(today).minusMonths(1);
        List<Payment> payments = payments();
        Optional<YearMonth> earliest = payments.stream().map(Payment::month).min(Comparator.naturalOrder());
        if (earliest.isEmpty() || earliest.get().isAfter(lastClosed)) return List.of();
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = earliest.get(); !m.isAfter(lastClosed); m = m.plusMonths(1)) months.add(m);
        Billing b = billingFor(months, payments);
        // The enrolments ACTIVE today, each with its state on today (0) and on each month's first day (1…).
        List<LocalDate> dates = new ArrayList<>();
        dates.add(today);
        months.forEach(m -> dates.add(m.atDay(1)));
        String prefix = coverage.officeRegion();
        List<FiguresRepository.EnrolmentGroup> active = figures.enrolmentGroups(prefix, today, dates, true, true);
        Map<String, Region> villages = figures.read(tx -> figures.villages(tx, prefix));
        List<LapseCandidate> out = new ArrayList<>();
        for (FiguresRepository.EnrolmentGroup e : active) {
            Optional<YearMonth> start = b.ledgerStart(e.fundingSource());
            String v = e.villageCode();
            if (start.isEmpty() || v == null) continue;
            Map<YearMonth, Long> billedMonths = new java.util.LinkedHashMap<>();
            for (int i = 0; i < months.size(); i++) {
                YearMonth m = months.get(i);
                if (m.isBefore(start.get())) continue;
                long billed = billedFor(b.rates, e, e.states().get(1 + i), m);
                if (billed > 0) billedMonths.put(m, billed);
            }
            List<YearMonth> ms = new ArrayList<>(billedMonths.keySet());
            int run = Arrears.trailingUnpaid(ms, m -> b.unpaid(m, e.fundingSource(), v));
            if (run < threshold) continue;
            long arrears = 0;
            for (int i = ms.size() - run; i < ms.size(); i++) arrears += billedMonths.get(ms.get(i));
            YearMonth first = ms.get(ms.size() - run);
            Region r = villages.get(v);
            out.add(new LapseCandidate(e.enrolmentId(), e.personId(), e.nik() == null ? "" : e.nik(),
                    e.fullName() == null ? "" : e.fullName(), v, r == null ? v : r.name(), e.fundingSource(), first,
                    run, arrears, Arrears.lapseDate(first, threshold)));
        }
        out.sort(Comparator.comparing(LapseCandidate::villageCode).thenComparing(LapseCandidate::fullName));
        return out;
    }

    /**
     * Applies the lapse to the confirmed enrolments (a LAPSED status from each one's lapse date), in one
     * transaction, audited. Enrolments no longer candidates (paid meanwhile) are left alone. Returns how many lapsed.
     */
    public int applyLapses(Collection<UUID> confirmed) {
        audit.require(id.lindungdesa.domain.Role.CLERK); // issue 17
        Set<UUID> wanted = new HashSet<>(confirmed);
        LocalDate today = LocalDate.now(clock);
        int threshold = lapseThreshold();
        List<LapseCandidate> now = candidates(today, threshold).stream()
                .filter(c -> wanted.contains(c.enrolmentId())).toList();
        if (now.isEmpty()) return 0;
        OffsetDateTime at = OffsetDateTime.now(clock);
        db.writeVoid(tx -> {
            for (LapseCandidate c : now) {
                String note = "Tunggakan iuran " + c.monthsUnpaid() + " bulan sejak " + c.firstUnpaid()
                        + " (batas " + threshold + " bulan)";
                EnrolmentStatus st = new EnrolmentStatus(UUID.randomUUID(), c.enrolmentId(), EnrolmentState.LAPSED,
                        c.lapseDate(), note, at, audit.actor());
                enrolments.addStatus(tx, st);
                enrolments.touch(tx, c.enrolmentId(), at);
                audit.record(tx, "UPDATE", "enrolment", c.enrolmentId(), c.villageCode(), c.personId(),
                        "Status kepesertaan: Menunggak/Nonaktif sejak " + c.lapseDate() + " — " + note, null, st);
            }
        });
        return now.size();
    }
}
