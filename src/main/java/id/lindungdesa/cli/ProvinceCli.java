package id.lindungdesa.cli;

import id.lindungdesa.bundle.Period;
import id.lindungdesa.bundle.ProvinceService;
import id.lindungdesa.bundle.ProvinceService.Received;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.CoverageCount;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.report.ProvinceRekap;
import id.lindungdesa.service.CoverageService.Area;
import id.lindungdesa.service.CoverageService.Target;
import id.lindungdesa.service.Json;
import id.lindungdesa.wiring.Services;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code stats}, {@code report coverage} and {@code report reporting} at a province or national office: the
 * figures of the imported district data ({@link ProvinceService}), with the district's JSON keys plus
 * {@code districts} (and {@code provinces} at a national office). Keys are documented in README "Province and
 * national figures" and are a contract.
 */
final class ProvinceCli {
    private ProvinceCli() {}

    /** True when the database is a province's or a national office's. */
    static boolean applies(Services s) {
        return s.bundles().province().isProvince();
    }

    private static Map<String, Object> bundle(Received b) {
        if (b == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sequence", b.sequence());
        m.put("period", b.period());
        m.put("created_at", b.createdAt() == null ? null : b.createdAt().toString());
        m.put("received_at", b.receivedAt() == null ? null : b.receivedAt().toString());
        return m;
    }

    private static boolean national(Services s, String scope) {
        return scope.isEmpty();
    }

    // ------------------------------------------------------------------ stats

    static int stats(RootCommand root, Services s, LocalDate on, String province, boolean json) {
        ProvinceService p = s.bundles().province();
        String scope = p.scope(province, null);
        ProvinceService.Stats st = p.stats(scope, on);
        if (json) {
            Map<String, Object> out = CliJson.stats(st.totals());
            out.put("scope", scopeOf(p, scope));
            List<Object> ds = new ArrayList<>();
            for (var d : st.districts()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("code", d.code());
                m.put("name", d.name());
                m.put("people", d.people());
                m.put("office_holders", d.officeHolders());
                Map<String, Object> posts = new LinkedHashMap<>();
                d.posts().forEach((c, n) -> posts.put(c.key(), n));
                m.put("posts", posts);
                m.put("enrolled_active", d.enrolledActive());
                m.put("last_bundle_sequence", d.lastBundle() == null ? null : d.lastBundle().sequence());
                m.put("last_bundle_period", d.lastBundle() == null ? null : d.lastBundle().period());
                // the instant (UTC): H2 keeps the writer's offset, PostgreSQL gives UTC; the same on both
                m.put("last_bundle_received_at", d.lastBundle() == null ? null
                        : d.lastBundle().receivedAt().toInstant().toString());
                ds.add(m);
            }
            out.put("districts", ds);
            if (national(s, scope)) {
                Map<String, Map<String, Object>> provs = new LinkedHashMap<>();
                for (var d : st.districts()) {
                    String pc = d.code().substring(0, 2);
                    Map<String, Object> m = provs.computeIfAbsent(pc, k -> {
                        Map<String, Object> x = new LinkedHashMap<>();
                        x.put("code", k);
                        x.put("districts", 0);
                        x.put("people", 0);
                        x.put("office_holders", 0);
                        x.put("enrolled_active", 0);
                        return x;
                    });
                    m.merge("districts", 1, (a, b) -> (Integer) a + (Integer) b);
                    m.merge("people", d.people(), (a, b) -> (Integer) a + (Integer) b);
                    m.merge("office_holders", d.officeHolders(), (a, b) -> (Integer) a + (Integer) b);
                    m.merge("enrolled_active", d.enrolledActive(), (a, b) -> (Integer) a + (Integer) b);
                }
                out.put("provinces", new ArrayList<>(provs.values()));
            }
            root.out().println(Json.write(out));
        } else {
            var t = st.totals();
            var v = t.villages();
            root.out().println(RootCommand.t("cli.stats.on", t.on()));
            root.out().println(RootCommand.t("cli.stats.villages", v.kecamatan(), v.desa(), v.desaAdat(),
                    v.kelurahan()));
            root.out().println(RootCommand.t("cli.stats.people", t.people(), t.officeHolders(), t.enrolledActive()));
            for (Category c : Category.values()) {
                root.out().println(RootCommand.t("cli.stats.posts", c, t.posts().get(c)));
            }
            for (var d : st.districts()) {
                root.out().println(RootCommand.t("province.cli.statsDistrict", d.code(), d.name(), d.people(),
                        d.enrolledActive(), d.lastBundle() == null ? "—" : "#" + d.lastBundle().sequence() + " "
                                + d.lastBundle().period()));
            }
        }
        return 0;
    }

    private static Map<String, Object> scopeOf(ProvinceService p, String scope) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", scope.isEmpty() ? "00" : scope);
        m.put("level", scope.isEmpty() ? "national" : scope.indexOf('.') < 0 ? "province" : "district");
        return m;
    }

    // ------------------------------------------------------------------ coverage

    static int coverage(RootCommand root, Services s, LocalDate on, String province, String district, boolean json,
                        Path xlsx, Path pdf, PrintWriter err) {
        ProvinceService p = s.bundles().province();
        String scope = p.scope(province, district);
        ProvinceService.Coverage c = p.coverage(scope, on);
        if (xlsx != null || pdf != null) {
            ProvinceRekap.Input in = rekap(p, c, on);
            if (xlsx != null) ProvinceRekap.indonesian().xlsx(xlsx, in, ReportCommand.progress(err));
            if (pdf != null) ProvinceRekap.indonesian().pdf(pdf, in, ReportCommand.progress(err));
        }
        if (json) {
            Map<String, Object> base = CliJson.coverage(c.report(), null);
            Map<String, Object> out = new LinkedHashMap<>();
            for (var e : base.entrySet()) {
                if (e.getKey().equals("kecamatan")) {
                    out.put("districts", districts(c));
                    if (scope.isEmpty()) out.put("provinces", provinces(c));
                }
                if (!e.getKey().equals("districts")) out.put(e.getKey(), e.getValue());
            }
            out.put("scope", scopeOf(p, scope));
            Json.write(out, root.out()); // streamed: a national report holds every village
            root.out().println();
        } else {
            Messages m = Messages.current();
            var r = c.report();
            root.out().printf("%s — %s%n", r.region().name(), Formats.date(on));
            for (Category cat : Category.values()) {
                var k = r.region().of(cat);
                if (k.eligible() == 0) continue;
                root.out().printf("  %-18s %6d / %6d  %6s%%%s%n", cat.label(m.indonesian()), k.covered(),
                        k.eligible(), k.percent(), r.target(cat).map(x -> "  " + RootCommand.t("cli.coverage.target",
                                x.percent().toPlainString())).orElse(""));
            }
            var k = r.region().total();
            root.out().printf("  %-18s %6d / %6d  %6s%%%s%n", RootCommand.t("cli.coverage.total"), k.covered(),
                    k.eligible(), k.percent(), r.target(null).map(x -> "  " + RootCommand.t("cli.coverage.target",
                            x.percent().toPlainString())).orElse(""));
            root.out().println("  " + RootCommand.t("cli.coverage.villages", r.region().villages(),
                    r.region().registeredNone(), r.region().registeredSome(), r.region().fullyCovered()));
            for (Area d : r.districts()) {
                root.out().printf("  %-6s %-28s %6d / %6d  %6s%%%n", d.code(), d.name(), d.total().covered(),
                        d.total().eligible(), d.total().percent());
            }
        }
        if (xlsx != null) err.println("XLSX: " + xlsx.toAbsolutePath());
        if (pdf != null) err.println("PDF: " + pdf.toAbsolutePath());
        return 0;
    }

    private static Map<String, Object> count(CoverageCount k, Target t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("covered", k.covered());
        m.put("eligible", k.eligible());
        m.put("percent", k.percent());
        BigDecimal tp = t == null ? null : t.percent();
        m.put("target_percent", tp);
        m.put("meets_target", tp == null ? null : k.percent().compareTo(tp) >= 0);
        return m;
    }

    private static Map<String, Object> area(Area a, Map<Category, Target> targets, Target overall) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", a.code());
        m.put("name", a.name());
        m.putAll(count(a.total(), overall));
        Map<String, Object> byCat = new LinkedHashMap<>();
        for (Category cat : Category.values()) byCat.put(cat.key(), count(a.of(cat), targets.get(cat)));
        m.put("by_category", byCat);
        m.put("villages", a.villages());
        m.put("registered_none", a.registeredNone());
        m.put("registered_some", a.registeredSome());
        m.put("fully_covered", a.fullyCovered());
        return m;
    }

    private static List<Object> districts(ProvinceService.Coverage c) {
        List<Object> out = new ArrayList<>();
        for (Area d : c.report().districts()) {
            out.add(area(d, c.districtTargets().getOrDefault(d.code(), Map.of()), c.districtOverall().get(d.code())));
        }
        return out;
    }

    private static List<Object> provinces(ProvinceService.Coverage c) {
        List<Object> out = new ArrayList<>();
        for (Area pr : c.provinces()) {
            Map<String, Object> m = area(pr, Map.of(), null);
            m.put("districts", c.report().districts().stream().filter(d -> d.code().startsWith(pr.code() + "."))
                    .count());
            out.add(m);
        }
        return out;
    }

    static ProvinceRekap.Input rekap(ProvinceService p, ProvinceService.Coverage c, LocalDate on) {
        List<ProvinceRekap.DistrictLine> lines = new ArrayList<>();
        for (Area d : c.report().districts()) {
            Map<Category, BigDecimal> t = new java.util.EnumMap<>(Category.class);
            c.districtTargets().getOrDefault(d.code(), Map.of()).forEach((k, v) -> t.put(k, v.percent()));
            Target o = c.districtOverall().get(d.code());
            lines.add(new ProvinceRekap.DistrictLine(d, t, o == null ? null : o.percent()));
        }
        Period period = Period.containing(on);
        List<ProvinceRekap.ReportLine> rep = new ArrayList<>();
        for (var r : p.reporting(c.scope(), period).districts()) {
            Received b = r.inPeriod() != null ? r.inPeriod() : r.last();
            rep.add(new ProvinceRekap.ReportLine(r.code(), r.name(), r.reported(), b == null ? null : b.sequence(),
                    b == null ? null : b.period(), b == null ? null : b.receivedAt()));
        }
        return new ProvinceRekap.Input(p.officeName(), on, c.report(), lines, period.label(), rep,
                c.noneRegistered(null));
    }

    // ------------------------------------------------------------------ reporting

    static int reporting(RootCommand root, Services s, String periodLabel, String province, boolean json) {
        ProvinceService p = s.bundles().province();
        Period period;
        if (periodLabel == null) {
            period = Period.containing(p.today());
        } else {
            try {
                period = Period.parse(periodLabel);
            } catch (IllegalArgumentException e) {
                throw id.lindungdesa.service.ValidationException.of("period", "province.cli.error.period",
                        periodLabel);
            }
        }
        String scope = p.scope(province, null);
        ProvinceService.Reporting r = p.reporting(scope, period);
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("period", period.label());
            out.put("from", period.from().toString());
            out.put("to", period.to().toString());
            out.put("scope", scopeOf(p, scope));
            out.put("kabupaten", r.districts().size());
            out.put("reported", r.districts().size() - r.missing().size());
            out.put("missing", r.missing().size());
            List<Object> ds = new ArrayList<>();
            for (var d : r.districts()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("code", d.code());
                m.put("name", d.name());
                m.put("status", d.reported() ? "reported" : "missing");
                m.put("bundle", bundle(d.inPeriod()));
                m.put("last_bundle", bundle(d.last()));
                ds.add(m);
            }
            out.put("districts", ds);
            root.out().println(Json.write(out));
        } else {
            root.out().println(RootCommand.t("province.cli.reporting", period.label(), r.missing().size(),
                    r.districts().size()));
            for (var d : r.districts()) {
                Received b = d.inPeriod();
                root.out().printf("  %-6s %-30s %s%n", d.code(), d.name(), b == null
                        ? RootCommand.t("province.cli.missing") + (d.last() == null ? ""
                        : " (" + RootCommand.t("province.cli.lastBundle", d.last().sequence(), d.last().period()) + ")")
                        : "#" + b.sequence() + " " + Formats.date(b.receivedAt().toLocalDate()));
            }
        }
        return 0;
    }
}
