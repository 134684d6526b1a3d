package id.lindungdesa.cli;

import id.lindungdesa.domain.Addendum;
import id.lindungdesa.domain.AddendumChange;
import id.lindungdesa.domain.Agreement;
import id.lindungdesa.domain.AgreementInForce;
import id.lindungdesa.domain.CoverageTerm;
import id.lindungdesa.service.AgreementService;
import id.lindungdesa.service.Json;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "agreements", description = "Perjanjian kerja sama (PKS) dan adendum / agreements and addenda",
        subcommands = {AgreementsCommand.ListCmd.class, AgreementsCommand.Attach.class, AgreementsCommand.Links.class})
final class AgreementsCommand {

    @Command(name = "list", description = "Daftar PKS dengan keadaan berlakunya / agreements with their in-force state")
    static final class ListCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Options.Json json;

        @Mixin
        Options.OnDate on;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            var s = root.services();
            LocalDate date = on.orToday(s);
            List<Addendum> addenda = s.agreements().addenda();
            List<Agreement> all = s.agreements().all();
            if (json.on()) {
                List<Map<String, Object>> list = new ArrayList<>();
                for (Agreement a : all) list.add(agreementJson(a, addenda, date));
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("on", date.toString());
                out.put("count", list.size());
                out.put("agreements", list);
                root.out().println(Json.write(out));
                return 0;
            }
            for (Agreement a : all) {
                AgreementInForce x = AgreementInForce.on(a, addenda, date);
                root.out().println(RootCommand.t("cli.agreements.line", a.number(), x.state(), a.validFrom(),
                        x.validTo(), a.title()));
                for (CoverageTerm t : x.terms()) {
                    root.out().println(RootCommand.t("cli.agreements.term", t.category(), t.fundingSource(),
                            t.programmesText()));
                }
            }
            if (all.isEmpty()) root.out().println(RootCommand.t("cli.agreements.none"));
            return 0;
        }
    }

    @Command(name = "attach", description = "Lampirkan dokumen pindaian PKS / attach the scanned agreement")
    static final class Attach implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NUMBER", descriptionKey = "cli.param.agreementNumber",
                description = "Nomor PKS / agreement number")
        String number;

        @Parameters(index = "1", paramLabel = "FILE")
        Path file;

        @Option(names = "--sha256", paramLabel = "HEX", description = "SHA-256 yang diharapkan / expected SHA-256")
        String sha256;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            var s = root.services();
            Agreement a = s.agreements().all().stream().filter(x -> x.number().equalsIgnoreCase(number.strip()))
                    .findFirst().orElseThrow(() -> new id.lindungdesa.i18n.LocalizedException(
                            "cli.agreements.notFound", number));
            Agreement after = s.agreements().attach(a.id(), new AgreementService.AttachmentFile(file, sha256));
            root.out().println(RootCommand.t("cli.agreements.attached", after.attachment().fileName(),
                    after.attachment().sha256()));
            return 0;
        }
    }

    @Command(name = "links", description = "Kepesertaan dan PKS yang mencakupnya / enrolments and their agreement")
    static final class Links implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Options.Json json;

        @Mixin
        Options.OnDate on;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            var s = root.services();
            LocalDate date = on.orToday(s);
            AgreementService.CoverageLinks links = s.agreements().links(date);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("on", date.toString());
            out.put("covered", links.covered().size());
            List<Map<String, Object>> unc = new ArrayList<>();
            links.uncoveredCounts().forEach((k, n) -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("category", k.category().key());
                m.put("funding_source", k.fundingSource().name());
                m.put("enrolled", n);
                unc.add(m);
            });
            out.put("uncovered", unc);
            List<Map<String, Object>> terms = new ArrayList<>();
            for (var t : links.terms()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("agreement_number", t.agreementNumber());
                m.put("category", t.term().category().key());
                m.put("funding_source", t.term().fundingSource().name());
                m.put("enrolled", t.enrolled());
                terms.add(m);
            }
            out.put("terms", terms);
            if (json.on()) {
                root.out().println(Json.write(out));
            } else {
                root.out().println(RootCommand.t("cli.links.covered", date, links.covered().size()));
                links.uncoveredCounts().forEach((k, n) -> root.out().println(RootCommand.t("cli.links.uncovered",
                        k.category(), k.fundingSource(), n)));
                for (var t : links.terms()) {
                    root.out().println(RootCommand.t("cli.links.term", t.agreementNumber(), t.term().category(),
                            t.term().fundingSource(), t.enrolled()));
                }
            }
            return 0;
        }
    }

    static Map<String, Object> agreementJson(Agreement a, List<Addendum> addenda, LocalDate on) {
        AgreementInForce x = AgreementInForce.on(a, addenda, on);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id().toString());
        m.put("version", a.version());
        m.put("number", a.number());
        m.put("title", a.title());
        m.put("signing_date", a.signingDate().toString());
        m.put("valid_from", a.validFrom().toString());
        m.put("valid_to", a.validTo().toString());
        m.put("state", x.state().name());
        m.put("in_force", x.inForce());
        List<Map<String, Object>> parties = new ArrayList<>();
        for (var p : a.parties()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("role", p.role());
            pm.put("name", p.name());
            pm.put("signatory", p.signatory());
            parties.add(pm);
        }
        m.put("parties", parties);
        m.put("legal_bases", a.legalBases());
        m.put("terms", a.terms().stream().map(AgreementsCommand::termJson).toList());
        m.put("budget_ceiling", a.budgetCeiling());
        m.put("notes", a.notes());
        m.put("monev_interval_months", a.monevIntervalMonths());
        m.put("renews_id", a.renewsId() == null ? null : a.renewsId().toString());
        if (a.attachment() != null) {
            Map<String, Object> at = new LinkedHashMap<>();
            at.put("file_name", a.attachment().fileName());
            at.put("media_type", a.attachment().mediaType());
            at.put("size_bytes", a.attachment().sizeBytes());
            at.put("sha256", a.attachment().sha256());
            m.put("attachment", at);
        } else {
            m.put("attachment", null);
        }
        List<Map<String, Object>> ads = new ArrayList<>();
        for (Addendum ad : AgreementInForce.of(a.id(), addenda)) {
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("id", ad.id().toString());
            am.put("version", ad.version());
            am.put("number", ad.number());
            am.put("signing_date", ad.signingDate().toString());
            am.put("effective_date", ad.effectiveDate().toString());
            am.put("new_valid_to", ad.newValidTo() == null ? null : ad.newValidTo().toString());
            am.put("new_budget_ceiling", ad.newBudgetCeiling());
            List<Map<String, Object>> changes = new ArrayList<>();
            for (AddendumChange c : ad.changes()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("kind", c.kind().name());
                cm.putAll(termJson(c.term()));
                changes.add(cm);
            }
            am.put("changes", changes);
            am.put("notes", ad.notes());
            am.put("applied", !ad.effectiveDate().isAfter(on));
            ads.add(am);
        }
        m.put("addenda", ads);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("on", on.toString());
        f.put("state", x.state().name());
        f.put("valid_to", x.validTo().toString());
        f.put("budget_ceiling", x.budgetCeiling());
        f.put("terms", x.terms().stream().map(AgreementsCommand::termJson).toList());
        f.put("addenda_applied", x.applied().stream().map(Addendum::number).toList());
        m.put("in_force_on", f);
        return m;
    }

    static Map<String, Object> termJson(CoverageTerm t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("category", t.category().key());
        m.put("funding_source", t.fundingSource().name());
        m.put("programmes", t.programmes().stream().map(Enum::name).toList());
        m.put("wage_base", t.wageBase());
        m.put("monthly_contribution", t.monthlyContribution());
        return m;
    }
}
