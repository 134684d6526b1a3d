package id.lindungdesa.cli;

import id.lindungdesa.domain.Alert;
import id.lindungdesa.service.AlertService;
import id.lindungdesa.service.Json;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(name = "alerts", description = "Perlu perhatian / needs attention")
final class AlertsCommand implements Callable<Integer> {
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
        List<Alert> alerts = s.alerts().alerts(date);
        if (json.on()) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Alert a : alerts) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", a.kind().name());
                m.put("severity", a.severity().name());
                m.put("date", a.date().toString());
                m.put("days", a.days());
                m.put("message", AlertService.message(a));
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("type", a.target().type());
                t.put("id", a.target().id() == null ? null : a.target().id().toString());
                t.put("key", a.target().key());
                m.put("target", t);
                m.put("village_code", a.villageCode());
                list.add(m);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("on", date.toString());
            out.put("count", list.size());
            Map<String, Integer> counts = new LinkedHashMap<>();
            AlertService.counts(alerts).forEach((k, v) -> counts.put(k.name(), v));
            out.put("counts", counts);
            out.put("alerts", list);
            root.out().println(Json.write(out));
        } else {
            for (Alert a : alerts) root.out().println("[" + a.severity() + "] " + AlertService.message(a));
            if (alerts.isEmpty()) root.out().println(RootCommand.t("cli.alerts.none"));
        }
        return 0;
    }
}
