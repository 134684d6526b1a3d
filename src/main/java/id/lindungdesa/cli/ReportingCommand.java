package id.lindungdesa.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code report reporting [--period 2026-Q4] [--json] [--province CODE]}: at a province or national office, every
 * kabupaten/kota of its region list and whether it reported (sent a district bundle) for the period.
 */
@Command(name = "reporting", description = "Kabupaten/kota yang sudah dan belum melapor / who reported for a period")
final class ReportingCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Options.Json json;

    @Option(names = "--period", paramLabel = "YYYY-Qn")
    String period;

    @Option(names = "--province", paramLabel = "CODE", converter = Converters.RegionCode.class)
    String province;

    @Override
    public Integer call() {
        RootCommand root = RootCommand.of(spec);
        var s = root.services();
        if (!ProvinceCli.applies(s)) {
            throw id.lindungdesa.service.ValidationException.of("period", "province.cli.error.notProvince");
        }
        return ProvinceCli.reporting(root, s, period, province, json.on());
    }
}
