package id.lindungdesa.cli;

import id.lindungdesa.domain.Office;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.RegionService;
import id.lindungdesa.task.Progress;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "office", description = "Kantor / office", subcommands = {OfficeCommand.Init.class,
    OfficeCommand.Show.class})
final class OfficeCommand {

    @Command(name = "init", description = "Atur kantor (sekali) / set up the office (once)")
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--level", required = true, paramLabel = "district|subdistrict|province|national")
        String level;

        @Option(names = "--code", required = true, paramLabel = "CODE", description = "Kode wilayah, mis. 36.04")
        String code;

        @Option(names = "--name", required = true, paramLabel = "NAME")
        String name;

        @Option(names = "--clerk", required = true, paramLabel = "NAME", description = "Nama petugas / clerk's name")
        String clerk;

        @Option(names = "--province-key", paramLabel = "FILE", description = "Kunci publik provinsi, disematkan "
                + "sekarang (kabupaten) / the province's public key, pinned now (district)")
        java.nio.file.Path provinceKey;

        @Option(names = "--fingerprint", paramLabel = "WORDS", description = "Kata sidik jari kunci provinsi yang "
                + "dibacakan provinsi / the province key's words as the province read them")
        String fingerprint;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            OfficeLevel l = switch (level.toLowerCase(Locale.ROOT)) {
                case "district", "kabupaten", "kota" -> OfficeLevel.DISTRICT;
                case "subdistrict", "kecamatan" -> OfficeLevel.SUBDISTRICT;
                case "province", "provinsi" -> OfficeLevel.PROVINCE;
                case "national", "nasional" -> OfficeLevel.NATIONAL;
                default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        RootCommand.t("cli.office.levelAll"));
            };
            id.lindungdesa.bundle.PublicKeyFile pk = null;
            if (provinceKey != null) {
                if (l != OfficeLevel.DISTRICT) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                            RootCommand.t("cli.office.provinceKeyDistrict"));
                }
                try { // checked before the office is set up: a refusal leaves the database as it was
                    pk = root.services().bundles().trust().checkProvinceKeyForSetUp(provinceKey, fingerprint, code);
                } catch (id.lindungdesa.bundle.BundleException e) {
                    return BundleCommand.refused(spec.commandLine().getErr(), e);
                }
            }
            Office o = root.services().office().init(l, code, name, clerk);
            root.out().println(RootCommand.t("cli.office.setUp", o.name(), o.regionCode(), o.level()));
            if (pk != null) {
                root.services().bundles().trust().add(provinceKey, fingerprint);
                root.out().println(RootCommand.t("refpack.cli.pinned", pk.keyId() + " (" + pk.officeName() + ")"));
            }
            try {
                var r = root.services().regions().importBuiltinAtSetUp(
                        o.level() == OfficeLevel.NATIONAL ? null : o.regionCode(), Progress.NONE);
                root.out().println(Messages.tr("office.regionsImported", r.within(), r.kecamatan(), r.desa(),
                        r.desaAdat(), r.kelurahan()));
            } catch (RegionService.BadFileException e) {
                // The office stays set up; a newer list can be imported with 'regions import FILE'.
                spec.commandLine().getErr().println(Messages.tr("office.regionsMissing", o.regionCode()));
            }
            return 0;
        }
    }

    @Command(name = "show", description = "Tampilkan kantor / show the office")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            RootCommand root = RootCommand.of(spec);
            var o = root.services().office().office();
            if (o.isEmpty()) {
                root.out().println(RootCommand.t("cli.office.none"));
                return 1;
            }
            root.out().println(RootCommand.t("cli.office.show", o.get().name(), o.get().regionCode(),
                    o.get().level(), o.get().clerkName()));
            return 0;
        }
    }
}
