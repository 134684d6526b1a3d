package id.lindungdesa.cli;

import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.Money;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Segment;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.report.Exports;
import id.lindungdesa.service.BudgetService;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.CoverageService;
import id.lindungdesa.service.Json;
import id.lindungdesa.service.LedgerService;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.service.ValidationException;
import id.lindungdesa.task.Progress;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lindungdesa report …}: coverage, budget, ledger, targets and exports (XLSX, PDF). */
@Command(name = "report", description = "Cakupan, anggaran, iuran dan laporan / coverage, budget, ledger, reports",
        subcommands = {ReportCommand.Coverage.class, ReportCommand.Budget.class, ReportCommand.Roster.class,
            ReportCommand.Target.class, ReportCommand.Ledger.class, ReportingCommand.class})
final class ReportCommand {

    static Progress progress(PrintWriter err) {
        return CliProgress.to(err);
    }

    @Command(name = "coverage", description = "Cakupan per kategori, kecamatan dan desa / coverage")
    static final class Coverage implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Options.Json json;

        @Mixin
        Options.OnDate on;

        @Option(names = "--trend", paramLabel = "MONTHS", description = "Tren bulanan / monthly trend (e.g. 24)")
        Integer trend;

        @Option(names = "--xlsx", paramLabel = "FILE", description = "Tulis tabel cakupan XLSX / write XLSX")
        Path xlsx;

        @Option(names = "--pdf", paramLabel = "FILE", description = "Tulis laporan monev PDF / write monev PDF")
        Path pdf;

        @Option(names = "--district", paramLabel = "CODE", converter = Converters.RegionCode.class)
        String district;

        @Option(names = "--province", paramLabel = "CODE", converter = Converters.RegionCode.class)
        String province;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            Services s = root.services();
            LocalDate date = on.orToday(s);
            if (ProvinceCli.applies(s)) {
                return ProvinceCli.coverage(root, s, date, province, district, json.on(), xlsx, pdf,
                        spec.commandLine().getErr());
            }
            if (district != null || province != null) {
                throw ValidationException.of("district", "province.cli.error.notProvince");
            }
            Exports ex = new Exports(s);
            PrintWriter err = spec.commandLine().getErr();
            if (xlsx != null) ex.coverageXlsx(xlsx, date, progress(err));
            if (pdf != null) ex.monevPdf(pdf, date, progress(err));
            CoverageService.Report r = s.coverage().report(date);
            List<CoverageService.TrendPoint> t = trend == null ? null : s.coverage().trend(date, trend);
            java.util.Optional<String> stale = s.bundles().refpacks().staleNote(date);
            if (json.on()) {
                java.util.Map<String, Object> out = CliJson.coverage(r, t);
                // issue 18: where targets came from, and the freeze note while the province pack has expired
                out.put("target_source", r.target(null).map(x -> x.source()).orElse(null));
                out.put("target_note", r.target(null).flatMap(x -> id.lindungdesa.bundle.RefPackService
                        .packOf(x.source())).map(n -> RootCommand.t("refpack.targetSource", String.valueOf(n)))
                        .orElse(null));
                out.put("reference_note", stale.orElse(null));
                root.out().println(Json.write(out));
            } else {
                stale.ifPresent(n -> root.out().println("! " + n));
                Messages m = Messages.current();
                root.out().printf("%s — %s%n", r.region().name(), Formats.date(date));
                for (Category c : Category.values()) {
                    var k = r.region().of(c);
                    if (k.eligible() == 0) continue;
                    root.out().printf("  %-18s %6d / %6d  %6s%%%s%n", c.label(m.indonesian()), k.covered(),
                            k.eligible(), k.percent(), r.target(c).map(x -> "  " + RootCommand.t("cli.coverage.target",
                                    x.percent().toPlainString())).orElse(""));
                }
                var k = r.region().total();
                root.out().printf("  %-18s %6d / %6d  %6s%%%s%n", RootCommand.t("cli.coverage.total"), k.covered(),
                        k.eligible(), k.percent(), r.target(null).map(x -> "  " + RootCommand.t("cli.coverage.target",
                                x.percent().toPlainString())).orElse(""));
                r.target(null).flatMap(x -> id.lindungdesa.bundle.RefPackService.packOf(x.source()))
                        .ifPresent(n -> root.out().println("  (target: "
                                + RootCommand.t("refpack.targetSource", String.valueOf(n)) + ")"));
                root.out().println("  " + RootCommand.t("cli.coverage.villages", r.region().villages(),
                        r.region().registeredNone(), r.region().registeredSome(), r.region().fullyCovered()));
            }
            if (xlsx != null) err.println("XLSX: " + xlsx.toAbsolutePath());
            if (pdf != null) err.println("PDF: " + pdf.toAbsolutePath());
            return 0;
        }
    }

    @Command(name = "budget", description = "Anggaran iuran setahun / yearly contribution budget")
    static final class Budget implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--year", required = true, paramLabel = "YYYY")
        int year;

        @Option(names = "--source", paramLabel = "APBD|APBDES|DANA_DESA|SELF", description = "Sumber dana / funding")
        FundingSource source;

        @Mixin
        Options.Json json;

        @Option(names = "--add-category", paramLabel = "CATEGORY[:HEADCOUNT[:WAGE[:SOURCE]]]",
                description = "Andai: tambah kategori / what-if: add a category (headcount default: its uninsured)")
        List<String> addCategory = new ArrayList<>();

        @Option(names = "--all-eligible", description = "Andai: semua yang berhak terdaftar / what-if: all enrolled")
        boolean allEligible;

        @Option(names = "--rate-change", paramLabel = "SEGMENT:PROGRAMME:PERCENT:FROM",
                description = "Andai: tarif baru sejak tanggal / what-if: a rate from a date, e.g. PU:JKM:0.40:2026-07-01")
        List<String> rateChange = new ArrayList<>();

        @Option(names = "--xlsx", paramLabel = "FILE")
        Path xlsx;

        @Option(names = "--pdf", paramLabel = "FILE")
        Path pdf;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            Services s = root.services();
            BudgetService.Scenario sc = scenario(addCategory, allEligible, rateChange);
            BudgetService.Result r = s.budget().budget(year, source, sc);
            Exports ex = new Exports(s);
            PrintWriter err = spec.commandLine().getErr();
            if (xlsx != null) ex.budgetXlsx(xlsx, year, source, sc, progress(err));
            if (pdf != null) ex.budgetPdf(pdf, year, source, sc, progress(err));
            if (json.on()) {
                root.out().println(Json.write(CliJson.budget(r)));
            } else {
                Messages m = Messages.current();
                root.out().println(source == null ? RootCommand.t("cli.budget.title", String.valueOf(year))
                        : RootCommand.t("cli.budget.titleSource", String.valueOf(year), source));
                for (var l : r.current().lines()) {
                    root.out().printf("  %-16s %-10s %5d x %12s x %2d = %16s%n", l.category().label(m.indonesian()),
                            l.fundingSource().label(m.indonesian()), l.headcount(), Formats.rupiah(l.monthly()),
                            l.months(), Formats.rupiah(l.total()));
                }
                root.out().println("  " + RootCommand.t("cli.budget.total", Formats.rupiah(r.current().total())));
                if (r.projected() != null) {
                    root.out().println("  " + RootCommand.t("cli.budget.whatIf", Formats.rupiah(r.projected().total()),
                            Formats.rupiah(r.difference())));
                }
            }
            return 0;
        }

        static BudgetService.Scenario scenario(List<String> add, boolean all, List<String> rates) {
            List<BudgetService.Addition> additions = new ArrayList<>();
            for (String a : add) {
                String[] p = a.split(":");
                try {
                    additions.add(new BudgetService.Addition(Category.fromKey(p[0]),
                            p.length > 1 && !p[1].isBlank() ? Integer.valueOf(p[1]) : null,
                            p.length > 3 ? FundingSource.valueOf(p[3].toUpperCase(Locale.ROOT)) : null, null,
                            p.length > 2 && !p[2].isBlank() ? Money.parse(p[2]).rupiah() : null));
                } catch (IllegalArgumentException e) {
                    throw ValidationException.of("addCategory", "budget.error.addCategory", a);
                }
            }
            List<BudgetService.RateChange> changes = new ArrayList<>();
            for (String r : rates) {
                String[] p = r.split(":");
                try {
                    changes.add(new BudgetService.RateChange(Segment.valueOf(p[0].toUpperCase(Locale.ROOT)),
                            Programme.valueOf(p[1].toUpperCase(Locale.ROOT)), null, Converters.Date.parse(p[3]),
                            new BigDecimal(p[2])));
                } catch (RuntimeException e) {
                    throw ValidationException.of("rateChange", "budget.error.rateChange", r);
                }
            }
            return new BudgetService.Scenario(additions, all, changes);
        }
    }

    @Command(name = "roster", description = "Daftar aparat / daftar kolektif BPJS ke XLSX / roster or BPJS list")
    static final class Roster implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--xlsx", required = true, paramLabel = "FILE")
        Path xlsx;

        @Option(names = "--bpjs", description = "Daftar pendaftaran kolektif BPJS / BPJS collective list")
        boolean bpjs;

        @Mixin
        Options.OnDate on;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            Services s = root.services();
            LocalDate date = on.orToday(s);
            Exports ex = new Exports(s);
            PrintWriter err = spec.commandLine().getErr();
            if (bpjs) ex.bpjsXlsx(xlsx, date, false, progress(err));
            else ex.rosterXlsx(xlsx, date, progress(err));
            root.out().println(xlsx.toAbsolutePath());
            return 0;
        }
    }

    @Command(name = "target", description = "Target cakupan tahunan / yearly coverage target")
    static final class Target implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--year", required = true)
        int year;

        @Option(names = "--category", description = "Kategori (kosong: semua) / category (empty: all)")
        String category;

        @Option(names = "--percent", required = true)
        BigDecimal percent;

        @Option(names = "--region", converter = Converters.RegionCode.class,
                description = "Kode wilayah (default: kantor) / region code (default: the office's)")
        String region;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            Services s = root.services();
            String code = region != null ? region : s.coverage().officeRegion();
            var t = s.targets().set(code, year, category == null ? null : Category.fromKey(category), percent,
                    "CLI");
            root.out().println(Json.write(java.util.Map.of("region", t.regionCode(), "year", t.year(),
                    "category", t.category() == null ? "all" : t.category().key(), "percent", t.percent())));
            return 0;
        }
    }

    @Command(name = "ledger", description = "Buku iuran: ditagih, dibayar, tunggakan / contribution ledger")
    static final class Ledger implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--year", required = true)
        int year;

        @Option(names = "--source")
        FundingSource source;

        @Mixin
        Options.Json json;

        @Option(names = "--pay", paramLabel = "YYYY-MM:SOURCE:SCOPE:AMOUNT",
                description = "Catat pembayaran / record a payment")
        List<String> pay = new ArrayList<>();

        @Option(names = "--apply-lapses", description = "Terapkan status menunggak / apply lapses (confirm)")
        boolean apply;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            Services s = root.services();
            LedgerService l = s.ledger();
            for (String p : pay) {
                String[] a = p.split(":");
                if (a.length != 4) throw ValidationException.of("pay", "ledger.error.pay", p);
                long amount;
                try {
                    amount = Money.parse(a[3]).rupiah();
                } catch (Money.NotMoneyException e) {
                    throw ValidationException.of("pay", e.key(), e.args().toArray());
                }
                l.recordPayment(YearMonth.parse(a[0]), FundingSource.valueOf(a[1].toUpperCase(Locale.ROOT)), a[2],
                        amount, LocalDate.now(s.clock()), "CLI");
            }
            var candidates = l.lapseCandidates();
            int applied = apply ? l.applyLapses(candidates.stream().map(LedgerService.LapseCandidate::enrolmentId)
                    .toList()) : 0;
            var rows = l.ledger(year, source);
            if (json.on()) {
                List<Object> months = new ArrayList<>();
                for (var m : rows) {
                    var o = new java.util.LinkedHashMap<String, Object>();
                    o.put("month", m.month().toString());
                    o.put("funding_source", m.fundingSource().name());
                    o.put("insured", m.insured());
                    o.put("billed", m.billed());
                    o.put("paid", m.paid());
                    o.put("arrears", m.arrears());
                    o.put("cumulative_arrears", m.cumulativeArrears());
                    months.add(o);
                }
                var out = new java.util.LinkedHashMap<String, Object>();
                out.put("year", year);
                out.put("lapse_months", l.lapseThreshold());
                out.put("months", months);
                List<Object> lapses = new ArrayList<>();
                for (var c : candidates) {
                    var o = new java.util.LinkedHashMap<String, Object>();
                    o.put("enrolment_id", c.enrolmentId().toString());
                    o.put("nik", c.nik());
                    o.put("name", c.fullName());
                    o.put("village_code", c.villageCode());
                    o.put("funding_source", c.fundingSource().name());
                    o.put("months_unpaid", c.monthsUnpaid());
                    o.put("arrears", c.arrears());
                    o.put("lapse_date", c.lapseDate().toString());
                    lapses.add(o);
                }
                out.put("lapse_candidates", lapses);
                out.put("lapses_applied", applied);
                root.out().println(Json.write(out));
            } else {
                for (var m : rows) {
                    root.out().println(RootCommand.t("cli.ledger.month", m.month().toString(), m.fundingSource(),
                            Formats.rupiah(m.billed()), Formats.rupiah(m.paid()), Formats.rupiah(m.arrears())));
                }
                root.out().println(RootCommand.t("cli.ledger.lapses", l.lapseThreshold(), candidates.size(),
                        applied));
            }
            return 0;
        }
    }
}
