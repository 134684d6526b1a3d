package id.lindungdesa.cli;

import id.lindungdesa.domain.Budget;
import id.lindungdesa.domain.BudgetLine;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.CoverageCount;
import id.lindungdesa.domain.RegionLevel;
import id.lindungdesa.service.BudgetService;
import id.lindungdesa.service.CoverageService;
import id.lindungdesa.service.CoverageService.Area;
import id.lindungdesa.service.CoverageService.Report;
import id.lindungdesa.service.CoverageService.Target;
import id.lindungdesa.service.CoverageService.TrendPoint;
import id.lindungdesa.service.StatsService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON the CLI prints, built from the services' typed records. Keys, their order and values are a contract
 * ({@code stats --json}, {@code report coverage --json}, {@code report budget --json}): change them only on purpose.
 */
final class CliJson {
    private CliJson() {}

    static Map<String, Object> stats(StatsService.Stats s) {
        Map<String, Object> villages = new LinkedHashMap<>();
        villages.put("kecamatan", s.villages().kecamatan());
        villages.put("desa", s.villages().desa());
        villages.put("desa_adat", s.villages().desaAdat());
        villages.put("kelurahan", s.villages().kelurahan());
        Map<String, Object> posts = new LinkedHashMap<>();
        s.posts().forEach((c, n) -> posts.put(c.key(), n));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("villages", villages);
        out.put("people", s.people());
        out.put("office_holders", s.officeHolders());
        out.put("posts", posts);
        out.put("enrolled_active", s.enrolledActive());
        out.put("on", s.on().toString());
        return out;
    }

    static Map<String, Object> coverage(Report r, List<TrendPoint> trend) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("on", r.on().toString());
        Map<String, Object> region = new LinkedHashMap<>();
        region.put("code", r.region().code());
        region.put("name", r.region().name());
        out.put("region", region);
        List<Object> cats = new ArrayList<>();
        for (Category c : Category.values()) {
            CoverageCount k = r.region().of(c);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("category", c.key());
            m.put("label", c.labelId());
            m.putAll(count(k));
            m.put("target_percent", r.target(c).map(Target::percent).orElse(null));
            m.put("meets_target", r.meetsTarget(c, k));
            cats.add(m);
        }
        out.put("categories", cats);
        Map<String, Object> total = count(r.region().total());
        total.put("target_percent", r.target(null).map(Target::percent).orElse(null));
        total.put("meets_target", r.meetsTarget(null, r.region().total()));
        out.put("total", total);
        out.put("villages_summary", villageSummary(r.region()));
        if (r.districts().size() > 1) out.put("districts", areas(r.districts()));
        out.put("kecamatan", areas(r.kecamatan()));
        out.put("villages", areas(r.villages()));
        if (trend != null) {
            List<Object> t = new ArrayList<>();
            for (TrendPoint p : trend) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("month", p.month().toString());
                m.put("on", p.on().toString());
                m.putAll(count(p.total()));
                t.add(m);
            }
            out.put("trend", t);
        }
        return out;
    }

    private static Map<String, Object> count(CoverageCount k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("covered", k.covered());
        m.put("eligible", k.eligible());
        m.put("percent", k.percent());
        return m;
    }

    private static Map<String, Object> villageSummary(Area a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("villages", a.villages());
        m.put("registered_none", a.registeredNone());
        m.put("registered_some", a.registeredSome());
        m.put("fully_covered", a.fullyCovered());
        return m;
    }

    private static List<Object> areas(List<Area> areas) {
        List<Object> out = new ArrayList<>();
        for (Area a : areas) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", a.code());
            m.put("name", a.name());
            m.putAll(count(a.total()));
            Map<String, Object> byCat = new LinkedHashMap<>();
            for (Category c : Category.values()) {
                CoverageCount k = a.of(c);
                if (k.eligible() > 0) byCat.put(c.key(), count(k));
            }
            m.put("by_category", byCat);
            if (a.level() == RegionLevel.VILLAGE) {
                m.put("status", a.fullyCovered() == 1 ? "fully_covered"
                        : a.registeredNone() == 1 ? "registered_none" : "registered_some");
            } else {
                m.putAll(villageSummary(a));
            }
            out.add(m);
        }
        return out;
    }

    static Map<String, Object> budget(BudgetService.Result r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("year", r.year());
        out.put("funding_source", r.fundingSource() == null ? null : r.fundingSource().name());
        out.put("basis_date", r.basis().toString());
        out.putAll(budget(r.current()));
        if (r.projected() != null) {
            Map<String, Object> p = budget(r.projected());
            p.put("difference", r.difference());
            out.put("what_if", p);
        }
        return out;
    }

    private static Map<String, Object> budget(Budget.Result b) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Object> lines = new ArrayList<>();
        for (BudgetLine l : b.lines()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("category", l.category().key());
            m.put("funding_source", l.fundingSource().name());
            m.put("headcount", l.headcount());
            m.put("monthly", l.monthly());
            m.put("months", l.months());
            m.put("total", l.total());
            lines.add(m);
        }
        out.put("lines", lines);
        Map<String, Object> bySource = new LinkedHashMap<>();
        b.byFundingSource().forEach((k, v) -> bySource.put(k.name(), v));
        out.put("by_funding_source", bySource);
        Map<String, Object> byCat = new LinkedHashMap<>();
        b.byCategory().forEach((k, v) -> byCat.put(k.key(), v));
        out.put("by_category", byCat);
        out.put("total", b.total());
        return out;
    }
}
