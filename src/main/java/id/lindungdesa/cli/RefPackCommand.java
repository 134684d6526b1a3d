package id.lindungdesa.cli;

import id.lindungdesa.bundle.BundleException;
import id.lindungdesa.bundle.RefPackService;
import id.lindungdesa.service.Json;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Issue 18: signed reference packs from the province down (targets, revocations, the province key). */
@Command(name = "refpack", description = "Paket data acuan provinsi bertanda tangan / signed province reference "
        + "packs", subcommands = {RefPackCommand.Export.class, RefPackCommand.Import.class,
            RefPackCommand.Status.class, RefPackCommand.Receipt.class, RefPackCommand.Rate.class,
            RefPackCommand.WageBase.class})
final class RefPackCommand {

    @Command(name = "export", description = "Tulis paket data acuan (provinsi) / write a reference pack (province)")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;

        @Option(names = "--expires", paramLabel = "Nd", description = "Masa berlaku / valid for (default 90d)")
        String expires;

        @Mixin
        Passphrase passphrase;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            RefPackService rp = root.services().bundles().refpacks();
            RefPackService.days(expires); // a bad --expires is refused before the passphrase prompt
            try {
                var r = rp.export(out, passphrase.get(false), expires);
                root.out().println(RootCommand.t("refpack.cli.written", String.valueOf(r.number()),
                        r.expiresOn().format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")),
                        r.file().toAbsolutePath()));
                root.out().println(RootCommand.t("refpack.cli.content", String.valueOf(r.targets()),
                        String.valueOf(r.revocations())));
                root.out().println(RootCommand.t("refpack.cli.contentMore", String.valueOf(r.rates()),
                        String.valueOf(r.wageBases()), String.valueOf(r.regionChanges())));
                if (r.successorKeyId() != null) {
                    root.out().println(RootCommand.t("refpack.cli.successor", r.successorKeyId()));
                }
                return 0;
            } catch (BundleException e) {
                return BundleCommand.refused(spec.commandLine().getErr(), e);
            }
        }
    }

    @Command(name = "import", description = "Terapkan paket data acuan (kabupaten) / apply a reference pack "
            + "(district)")
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = "--fingerprint", paramLabel = "WORDS",
                description = "Kata sidik jari kunci provinsi (impor pertama) / the province key's words (first import)")
        String fingerprint;

        @Option(names = "--yes", description = "Kata sidik jari sudah dibandingkan / words already compared")
        boolean yes;

        @Mixin
        Options.Json json;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            RefPackService rp = root.services().bundles().refpacks();
            try {
                var a = rp.importPack(file, fingerprint, yes);
                if (json.on()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("number", a.number());
                    m.put("province", a.provinceCode());
                    m.put("expires_on", a.expiresOn().toString());
                    m.put("pinned", a.pinned());
                    m.put("key_id", a.pinnedKeyId());
                    m.put("targets", a.targets());
                    m.put("revoked", a.revoked());
                    m.put("successor_key_id", a.successorKeyId());
                    m.put("rates", counted(a.rates()));
                    m.put("wage_bases", counted(a.wageBases()));
                    Map<String, Object> rg = new LinkedHashMap<>();
                    rg.put("added", a.regions().added());
                    rg.put("renamed", a.regions().renamed());
                    rg.put("retired", a.regions().retired());
                    rg.put("restored", a.regions().restored());
                    rg.put("kept", a.regions().kept());
                    m.put("regions", rg);
                    root.out().println(Json.write(m));
                    return 0;
                }
                if (a.pinned()) root.out().println(RootCommand.t("refpack.cli.pinned", a.pinnedKeyId()));
                root.out().println(RootCommand.t("refpack.cli.applied", String.valueOf(a.number()),
                        String.valueOf(a.targets()), String.valueOf(a.revoked().size()),
                        a.expiresOn().format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy"))));
                for (String k : a.revoked()) root.out().println(RootCommand.t("refpack.cli.revoked", k));
                root.out().println(RootCommand.t("refpack.cli.rates", String.valueOf(a.rates().added()),
                        String.valueOf(a.rates().changed()), String.valueOf(a.rates().unchanged()),
                        String.valueOf(a.wageBases().added()), String.valueOf(a.wageBases().changed()),
                        String.valueOf(a.wageBases().unchanged())));
                var rg = a.regions();
                root.out().println(RootCommand.t("refpack.cli.regions", String.valueOf(rg.added()),
                        String.valueOf(rg.renamed()), String.valueOf(rg.retired()), String.valueOf(rg.restored())));
                for (String k : rg.kept()) root.out().println(RootCommand.t("refpack.cli.kept", k));
                if (a.successorKeyId() != null) {
                    root.out().println(RootCommand.t("refpack.cli.successorTrusted", a.successorKeyId()));
                }
                return 0;
            } catch (BundleException e) {
                return BundleCommand.refused(spec.commandLine().getErr(), e);
            }
        }
    }

    @Command(name = "receipt", description = "Tanda terima paket data acuan / reference pack receipts",
            subcommands = {Receipt.Write.class, Receipt.Import.class})
    static final class Receipt {

        @Command(name = "write", description = "Tulis tanda terima bertanda tangan untuk provinsi (kabupaten) / "
                + "write the signed receipt for the province (district)")
        static final class Write implements Callable<Integer> {
            @Spec
            CommandSpec spec;

            @Option(names = "--out", required = true, paramLabel = "FILE")
            Path out;

            @Mixin
            Passphrase passphrase;

            @Override
            public Integer call() {
                RootCommand root = RootCommand.of(spec);
                try {
                    var w = root.services().bundles().refpacks().writeReceipt(out, passphrase.get(false));
                    root.out().println(RootCommand.t("refpack.cli.receiptWritten", String.valueOf(w.number()),
                            w.file().toAbsolutePath()));
                    return 0;
                } catch (BundleException e) {
                    return BundleCommand.refused(spec.commandLine().getErr(), e);
                }
            }
        }

        @Command(name = "import", description = "Baca tanda terima kabupaten (provinsi) / read a district's "
                + "receipt (province)")
        static final class Import implements Callable<Integer> {
            @Spec
            CommandSpec spec;

            @Parameters(index = "0", paramLabel = "FILE")
            Path file;

            @Mixin
            Options.Json json;

            @Override
            public Integer call() {
                RootCommand root = RootCommand.of(spec);
                try {
                    var r = root.services().bundles().refpacks().importReceipt(file);
                    if (json.on()) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("district", r.districtCode());
                        m.put("name", r.districtName());
                        m.put("number", r.number());
                        m.put("newest", r.newest());
                        m.put("behind", r.behind());
                        m.put("kept_regions", r.keptRegions());
                        root.out().println(Json.write(m));
                        return 0;
                    }
                    root.out().println(RootCommand.t("refpack.cli.receiptImported", r.districtCode(),
                            r.districtName(), String.valueOf(r.number())));
                    if (r.behind()) {
                        root.out().println(RootCommand.t("refpack.cli.districtBehind", r.districtCode(),
                                r.districtName(), String.valueOf(r.number()), String.valueOf(r.newest())));
                    }
                    for (String k : r.keptRegions()) root.out().println(RootCommand.t("refpack.cli.kept", k));
                    return 0;
                } catch (BundleException e) {
                    return BundleCommand.refused(spec.commandLine().getErr(), e);
                }
            }
        }
    }

    static Map<String, Object> counted(RefPackService.Counted c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("added", c.added());
        m.put("changed", c.changed());
        m.put("unchanged", c.unchanged());
        return m;
    }

    @Command(name = "status", description = "Paket data acuan yang berlaku / the pack in force")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Options.Json json;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            var s = root.services();
            var f = s.bundles().refpacks().inForce();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", f.map(RefPackService.InForce::number).orElse(null));
            m.put("province", f.map(RefPackService.InForce::provinceCode).orElse(null));
            m.put("expires_on", f.map(x -> x.expiresOn().toString()).orElse(null));
            m.put("expired", f.map(RefPackService.InForce::expired).orElse(false));
            var kept = s.bundles().refpacks().keptRegions();
            m.put("kept_regions", kept.stream().map(k -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("code", k.code());
                x.put("pack", k.packNumber());
                x.put("holders", k.holders());
                return x;
            }).toList());
            boolean province = s.office().require().level() == id.lindungdesa.domain.OfficeLevel.PROVINCE;
            var districts = province ? s.bundles().refpacks().districts()
                    : java.util.List.<RefPackService.DistrictPack>of();
            if (province) {
                m.put("districts", districts.stream().map(d -> {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("code", d.code());
                    x.put("name", d.name());
                    x.put("pack_by_receipt", d.byReceipt());
                    x.put("pack_by_bundle", d.byBundle());
                    x.put("running", d.running());
                    x.put("behind", d.behind());
                    x.put("kept_regions", d.keptRegions());
                    return x;
                }).toList());
            }
            if (json.on()) {
                root.out().println(Json.write(m));
            } else if (f.isEmpty()) {
                root.out().println(RootCommand.t("refpack.cli.none"));
            } else {
                root.out().println(RootCommand.t("refpack.cli.status", String.valueOf(f.get().number()),
                        f.get().expiredSince()));
                if (f.get().expired()) root.out().println(RootCommand.t("refpack.expired", f.get().expiredSince()));
                for (var k : kept) root.out().println(RootCommand.t("refpack.cli.kept", k.code()));
            }
            for (var d : json.on() ? java.util.List.<RefPackService.DistrictPack>of() : districts) {
                if (d.running() == null) {
                    root.out().println(RootCommand.t("refpack.cli.districtNone", d.code(), d.name(),
                            String.valueOf(d.newest())));
                } else if (d.behind()) {
                    root.out().println(RootCommand.t("refpack.cli.districtBehind", d.code(), d.name(),
                            String.valueOf(d.running()), String.valueOf(d.newest())));
                } else {
                    root.out().println(RootCommand.t("refpack.cli.district", d.code(), d.name(),
                            String.valueOf(d.running())));
                }
            }
            return 0;
        }
    }

    /** The province only: its dated rates and wage bases travel in the next pack. */
    static void requireProvince(RootCommand root) {
        if (root.services().office().require().level() != id.lindungdesa.domain.OfficeLevel.PROVINCE) {
            throw new BundleException(BundleException.Reason.NOT_PROVINCE, "refpack.error.ratesAtProvince");
        }
    }

    @Command(name = "rate", description = "Tarif iuran bertanggal untuk paket berikutnya (provinsi) / dated "
            + "contribution rates for the next pack (province)", subcommands = {Rate.Set.class})
    static final class Rate {
        @Command(name = "set", description = "Tetapkan tarif iuran bertanggal / set a dated contribution rate")
        static final class Set implements Callable<Integer> {
            @Spec
            CommandSpec spec;

            @Option(names = "--segment", required = true, paramLabel = "PU|BPU")
            id.lindungdesa.domain.Segment segment;

            @Option(names = "--programme", required = true, paramLabel = "JKK|JKM|JHT|JP")
            id.lindungdesa.domain.Programme programme;

            @Option(names = "--risk-class", paramLabel = "1-5", description = "Kelas risiko (JKK) / risk class")
            Integer riskClass;

            @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD")
            java.time.LocalDate from;

            @Option(names = "--percent", paramLabel = "P", description = "Persen dari upah / percent of the wage")
            java.math.BigDecimal percent;

            @Option(names = "--flat", paramLabel = "RUPIAH", description = "Iuran tetap / flat amount")
            Long flat;

            @Option(names = "--minimum", paramLabel = "RUPIAH")
            Long minimum;

            @Option(names = "--wage-cap", paramLabel = "RUPIAH", description = "Batas upah / wage cap (JP)")
            Long wageCap;

            @Option(names = "--note", paramLabel = "TEXT")
            String note;

            @Override
            public Integer call() {
                RootCommand root = RootCommand.of(spec);
                try {
                    requireProvince(root);
                } catch (BundleException e) {
                    return BundleCommand.refused(spec.commandLine().getErr(), e);
                }
                var r = root.services().enrolments().setRate(segment, programme, riskClass, from, percent, flat,
                        minimum, wageCap, note).rate();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("segment", r.segment().name());
                m.put("programme", r.programme().name());
                m.put("risk_class", r.riskClass());
                m.put("valid_from", r.validFrom().toString());
                m.put("percent", r.ratePercent() == null ? null : r.ratePercent().toPlainString());
                m.put("flat_amount", r.flatAmount());
                m.put("minimum_amount", r.minimumAmount());
                m.put("wage_cap", r.wageCap());
                root.out().println(Json.write(m));
                return 0;
            }
        }
    }

    @Command(name = "wage-base", description = "Dasar upah bertanggal untuk paket berikutnya (provinsi) / dated "
            + "wage bases for the next pack (province)", subcommands = {WageBase.Set.class})
    static final class WageBase {
        @Command(name = "set", description = "Tetapkan dasar upah bertanggal / set a dated wage base")
        static final class Set implements Callable<Integer> {
            @Spec
            CommandSpec spec;

            @Option(names = "--category", required = true, paramLabel = "CATEGORY")
            String category;

            @Option(names = "--position", paramLabel = "POSITION", description = "Satu jabatan (opsional) / one post")
            id.lindungdesa.domain.Position position;

            @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD")
            java.time.LocalDate from;

            @Option(names = "--amount", required = true, paramLabel = "RUPIAH")
            long amount;

            @Option(names = "--note", paramLabel = "TEXT")
            String note;

            @Override
            public Integer call() {
                RootCommand root = RootCommand.of(spec);
                try {
                    requireProvince(root);
                } catch (BundleException e) {
                    return BundleCommand.refused(spec.commandLine().getErr(), e);
                }
                id.lindungdesa.domain.Category c;
                try {
                    c = id.lindungdesa.domain.Category.fromKey(category);
                } catch (IllegalArgumentException e) {
                    throw id.lindungdesa.service.ValidationException.of("--category", "wagebase.error.category",
                            category);
                }
                var w = root.services().enrolments().setWageBase(c, position, from, amount, note).wageBase();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("category", w.category().key());
                m.put("position", w.position() == null ? null : w.position().name());
                m.put("valid_from", w.validFrom().toString());
                m.put("amount", w.amount());
                root.out().println(Json.write(m));
                return 0;
            }
        }
    }
}
