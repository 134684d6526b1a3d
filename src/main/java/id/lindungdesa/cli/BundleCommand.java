package id.lindungdesa.cli;

import id.lindungdesa.bundle.BundleException;
import id.lindungdesa.bundle.BundleFile;
import id.lindungdesa.bundle.FingerprintWords;
import id.lindungdesa.bundle.ImportReport;
import id.lindungdesa.bundle.BundleImportService;
import id.lindungdesa.bundle.Manifest;
import id.lindungdesa.bundle.Period;
import id.lindungdesa.bundle.PublicKeyFile;
import id.lindungdesa.bundle.Verified;
import id.lindungdesa.domain.ReceivedBundle;
import id.lindungdesa.domain.SentBundle;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.Json;
import id.lindungdesa.task.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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

@Command(name = "bundle", description = "Bundel bertanda tangan kabupaten → provinsi / signed district bundles",
        subcommands = {BundleCommand.Export.class, BundleCommand.Verify.class, BundleCommand.Import.class,
            BundleCommand.Receipt.class, BundleCommand.ListBundles.class, BundleCommand.Forward.class})
final class BundleCommand {

    /** Exit code: the import was saved, but its receipt file could not be written (decision 0112). */
    static final int SAVED_WITHOUT_RECEIPT = 4;

    static int refused(PrintWriter err, BundleException e) {
        err.println(RootCommand.t("cli.bundle.refused", e.reason().name(), e.message(Messages.current())));
        return 1;
    }

    @Command(name = "export", description = "Ekspor snapshot kabupaten bertanda tangan / export the signed "
            + "district snapshot")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;

        @Option(names = "--period", paramLabel = "YYYY-Qn", description = "Periode laporan / period (default: "
                + "this quarter)")
        String period;

        @Mixin
        Passphrase passphrase;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            Period p = null;
            if (period != null) {
                try {
                    p = Period.parse(period);
                } catch (IllegalArgumentException e) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                            RootCommand.t("cli.bundle.period"));
                }
            }
            try {
                var r = root.services().bundles().export().export(out, passphrase.get(false), p,
                        CliProgress.to(spec.commandLine().getErr()));
                Manifest m = r.manifest();
                root.out().println(RootCommand.t("cli.bundle.written", String.valueOf(m.sequence()),
                        m.period().label(), r.file()));
                root.out().println(RootCommand.t("cli.bundle.content", m.counts()));
                root.out().println(RootCommand.t("cli.bundle.sha", m.payload().sha256(),
                        String.valueOf(m.payload().size())));
                return 0;
            } catch (BundleException e) {
                return refused(spec.commandLine().getErr(), e);
            }
        }
    }

    @Command(name = "verify", description = "Periksa bundel tanpa mengubah apa pun / check a bundle, changing "
            + "nothing (exit 0: valid and trusted)")
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = "--trust", paramLabel = "FILE", description = "Percayai kunci publik ini saja (tanpa basis "
                + "data) / trust only this public key file (no database)")
        Path trust;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            try {
                Verified v;
                if (trust != null) {
                    root.applyLanguage();
                    PublicKeyFile k;
                    try {
                        k = PublicKeyFile.parse(Files.readAllBytes(trust));
                    } catch (IOException e) {
                        throw new BundleException(BundleException.Reason.NOT_FOUND, e, "bundle.error.notFound", trust);
                    }
                    v = BundleImportService.verifyWith(file, k, BundleFile.maxBytes());
                } else {
                    root.applyLanguage();
                    // verifying needs the trust registry of an existing office; never create a database for it
                    if (!id.lindungdesa.persistence.Database.exists(root.databasePath())) {
                        throw new BundleException(BundleException.Reason.NOT_FOUND, "bundle.error.noRegistry",
                                root.databasePath());
                    }
                    v = root.services().bundles().imports().verify(file);
                }
                Manifest m = v.manifest();
                PrintWriter o = root.out();
                o.println(RootCommand.t("cli.bundle.valid", m.issuer().name(), m.issuer().code(),
                        String.valueOf(m.sequence()), m.period().label(),
                        Formats.dateTime(m.createdAt(), Messages.current())));
                o.println(RootCommand.t("cli.bundle.signedBy", v.signer().keyId(),
                        FingerprintWords.grouped(v.signer().fingerprint())));
                o.println(RootCommand.t("cli.bundle.content", m.counts()));
                if (m.keyRotation() != null) {
                    o.println(RootCommand.t("cli.bundle.announces", m.keyRotation().keyId(),
                            FingerprintWords.grouped(m.keyRotation().fingerprint())));
                }
                return 0;
            } catch (BundleException e) {
                return refused(spec.commandLine().getErr(), e);
            }
        }
    }

    @Command(name = "import", description = "Impor bundel kabupaten (provinsi) / import district bundles "
            + "(province)")
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<Path> files;

        @Option(names = "--dry-run", description = "Tampilkan yang baru/berubah/berakhir/tetap tanpa menyimpan / "
                + "show new/changed/ended/unchanged without saving")
        boolean dryRun;

        @Option(names = "--receipt-out", paramLabel = "FILE", description = "Tanda terima (satu berkas saja) / "
                + "receipt file (one bundle only; default FILE.receipt.json)")
        Path receiptOut;

        @Mixin
        Options.Json jsonOption;

        @Mixin
        Passphrase passphrase;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            var imports = root.services().bundles().imports();
            char[] pass = dryRun ? null : passphrase.get(false);
            boolean json = jsonOption.on();
            int code = 0;
            boolean receiptMissing = false;
            List<Map<String, Object>> out = new ArrayList<>();
            // the office key is unlocked once for all the files (decision 0200)
            var key = dryRun ? null : imports.unlocker(pass);
            for (Path f : files) {
                try {
                    ImportReport r = dryRun ? imports.dryRun(f, Progress.NONE)
                            : imports.apply(f, key, files.size() == 1 ? receiptOut : null, Progress.NONE);
                    if (json) out.add(toJson(f, r)); else print(root.out(), f, r);
                    if (r.savedWithoutReceiptFile()) {
                        receiptMissing = true;
                        spec.commandLine().getErr().println(RootCommand.t("cli.bundle.savedWithoutReceipt", r.receiptProblem()));
                    }
                } catch (BundleException e) {
                    code = refused(spec.commandLine().getErr(), e);
                    if (json) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("file", f.toString());
                        m.put("refused", e.reason().name());
                        m.put("message", e.message(Messages.current()));
                        out.add(m);
                    }
                }
            }
            if (json) root.out().println(Json.write(Map.of("bundles", out)));
            if (code == 0 && receiptMissing) {
                spec.commandLine().getErr().println(Messages.tr("receipt.saved.exitNote"));
                return SAVED_WITHOUT_RECEIPT;
            }
            return code;
        }

        static Map<String, Object> toJson(Path f, ImportReport r) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", f.toString());
            m.put("bundleId", r.bundleId().toString());
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("code", r.districtCode());
            d.put("name", r.districtName());
            m.put("district", d);
            m.put("sequence", r.sequence());
            m.put("period", r.period());
            m.put("dryRun", r.dryRun());
            Map<String, Object> counts = new LinkedHashMap<>();
            r.counts().forEach((k, c) -> {
                Map<String, Long> cm = new LinkedHashMap<>();
                cm.put("new", c.added());
                cm.put("changed", c.changed());
                cm.put("ended", c.ended());
                cm.put("unchanged", c.unchanged());
                counts.put(k, cm);
            });
            m.put("counts", counts);
            m.put("warnings", r.warnings());
            m.put("receipt", r.receipt() == null ? null : r.receipt().toString());
            if (r.receiptProblem() != null) m.put("receiptProblem", r.receiptProblem());
            return m;
        }

        static void print(PrintWriter o, Path f, ImportReport r) {
            o.println(RootCommand.t(r.dryRun() ? "cli.bundle.importedDry" : "cli.bundle.imported", r.districtCode(),
                    r.districtName(), String.valueOf(r.sequence()), r.period()));
            o.println(String.format("  %-12s %8s %8s %8s %10s", "", RootCommand.t("cli.bundle.col.new"),
                    RootCommand.t("cli.bundle.col.changed"), RootCommand.t("cli.bundle.col.ended"),
                    RootCommand.t("cli.bundle.col.unchanged")));
            r.counts().forEach((k, c) -> o.println(String.format("  %-12s %8d %8d %8d %10d", k, c.added(),
                    c.changed(), c.ended(), c.unchanged())));
            for (String w : r.warnings()) o.println("  ! " + w);
            if (r.receipt() != null) o.println("  " + RootCommand.t("cli.bundle.receipt", r.receipt()));
        }
    }

    @Command(name = "receipt", description = "Tanda terima provinsi / province receipts",
            subcommands = {ReceiptImport.class})
    static final class Receipt implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--again", paramLabel = "BUNDLE_ID", description = "Buat lagi tanda terima bundel yang "
                + "sudah diimpor (provinsi) / write the receipt of an imported bundle again (province)")
        String again;

        @Option(names = "--out", paramLabel = "FILE", description = "Ke berkas ini / to this file (default: "
                + "beside the database, in DB.receipts/)")
        Path out;

        @Mixin
        Passphrase passphrase;

        @Override
        public Integer call() {
            if (again == null) {
                spec.commandLine().usage(spec.commandLine().getOut());
                return 2;
            }
            RootCommand root = RootCommand.of(spec);
            java.util.UUID id;
            try {
                id = java.util.UUID.fromString(again.strip());
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        Messages.tr("receipt.error.badId", again));
            }
            try {
                var r = root.services().bundles().receipts().again(id, out, () -> passphrase.get(false));
                root.out().println(Messages.tr("receipt.again.written", r.issuerCode(), r.sequence(), r.file()));
                if (r.signedAnew()) root.out().println(Messages.tr("receipt.again.signedAnew"));
                return 0;
            } catch (BundleException e) {
                return refused(spec.commandLine().getErr(), e);
            }
        }
    }

    @Command(name = "import", description = "Impor tanda terima: tandai bundel diterima / import a receipt: mark "
            + "the bundle delivered")
    static final class ReceiptImport implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            try {
                var d = root.services().bundles().receipts().importReceipt(file);
                root.out().println(RootCommand.t(d.alreadyMarked() ? "cli.bundle.alreadyMarked" : "cli.bundle.delivered",
                        String.valueOf(d.sequence()), d.province()));
                return 0;
            } catch (BundleException e) {
                return refused(spec.commandLine().getErr(), e);
            }
        }
    }

    /**
     * {@code bundle forward --out DIR [--period P] [--json]}: a province writes the district bundles it received,
     * untouched, for the national office (issue 14, decision 0131). Exit 1 when one could not be written.
     */
    @Command(name = "forward")
    static final class Forward implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "DIR", descriptionKey = "lindungdesa.bundle.forward.out")
        Path outDir;

        @Option(names = "--period", paramLabel = "YYYY-Qn", descriptionKey = "lindungdesa.bundle.forward.period")
        String period;

        @Mixin
        Options.Json jsonOption;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            if (period != null) {
                try {
                    Period.parse(period);
                } catch (RuntimeException e) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                            RootCommand.t("cli.bundle.period"));
                }
            }
            List<id.lindungdesa.bundle.BundleImportService.Forwarded> done;
            try {
                done = root.services().bundles().imports().forward(outDir, period);
            } catch (BundleException e) {
                return refused(spec.commandLine().getErr(), e);
            }
            int code = 0;
            List<Map<String, Object>> out = new ArrayList<>();
            for (var f : done) {
                if (f.problem() != null) {
                    code = 1;
                    spec.commandLine().getErr().println(RootCommand.t("cli.bundle.forward.notWritten",
                            f.bundle().issuerCode(), String.valueOf(f.bundle().sequence()), f.problem()));
                } else if (!jsonOption.on()) {
                    root.out().println(RootCommand.t("cli.bundle.forward.written", f.bundle().issuerCode(),
                            String.valueOf(f.bundle().sequence()), f.bundle().periodLabel(), f.file()));
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("district", f.bundle().issuerCode());
                m.put("sequence", f.bundle().sequence());
                m.put("period", f.bundle().periodLabel());
                m.put("bundleId", f.bundle().bundleId().toString());
                m.put("file", f.file() == null ? null : f.file().toString());
                m.put("problem", f.problem());
                out.add(m);
            }
            if (jsonOption.on()) root.out().println(Json.write(Map.of("forwarded", out)));
            else root.out().println(RootCommand.t("cli.bundle.forward.summary",
                    done.stream().filter(f -> f.problem() == null).count(), done.size(), outDir));
            return code;
        }
    }

    @Command(name = "list", description = "Bundel terkirim dan diterima / bundles sent and received")
    static final class ListBundles implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            var b = root.services().bundles();
            List<SentBundle> sent = b.export().sent();
            List<ReceivedBundle> received = b.province().received();
            for (SentBundle s : sent) {
                root.out().println(RootCommand.t("cli.bundle.sent", String.valueOf(s.sequence()), s.periodLabel(),
                        s.createdAt(), s.delivered() ? RootCommand.t("cli.bundle.sentDelivered", s.receiptOffice())
                                : RootCommand.t("cli.bundle.sentNotYet"), s.fileName()));
            }
            for (ReceivedBundle r : received) {
                root.out().println(RootCommand.t("cli.bundle.received", r.issuerCode(), String.valueOf(r.sequence()),
                        r.periodLabel(), r.importedAt(), r.issuerName()));
            }
            if (sent.isEmpty() && received.isEmpty()) root.out().println(RootCommand.t("cli.none"));
            return 0;
        }
    }
}
