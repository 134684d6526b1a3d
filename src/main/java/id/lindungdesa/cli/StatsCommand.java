package id.lindungdesa.cli;

import id.lindungdesa.domain.Category;
import id.lindungdesa.service.Json;
import id.lindungdesa.service.StatsService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "stats", description = "Ringkasan isi basis data / database summary")
final class StatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Options.Json json;

    @Mixin
    Options.OnDate on;

    /** Province and national offices: one province's figures (issue 14; README "Province and national figures"). */
    @picocli.CommandLine.Option(names = "--province", paramLabel = "CODE", converter = Converters.RegionCode.class)
    String province;

    @Override
    public Integer call() {
        RootCommand root = RootCommand.of(spec);
        var s = root.services();
        if (ProvinceCli.applies(s)) return ProvinceCli.stats(root, s, on.orToday(s), province, json.on());
        if (province != null) {
            throw id.lindungdesa.service.ValidationException.of("province", "province.cli.error.notProvince");
        }
        StatsService.Stats stats = s.stats().stats(on.orToday(s));
        if (json.on()) {
            root.out().println(Json.write(CliJson.stats(stats)));
        } else {
            var v = stats.villages();
            root.out().println(RootCommand.t("cli.stats.on", stats.on()));
            root.out().println(RootCommand.t("cli.stats.villages", v.kecamatan(), v.desa(), v.desaAdat(),
                    v.kelurahan()));
            root.out().println(RootCommand.t("cli.stats.people", stats.people(), stats.officeHolders(),
                    stats.enrolledActive()));
            for (Category c : Category.values()) {
                root.out().println(RootCommand.t("cli.stats.posts", c, stats.posts().get(c)));
            }
        }
        return 0;
    }
}
