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

    @Override
    public Integer call() {
        RootCommand root = RootCommand.of(spec);
        var s = root.services();
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
