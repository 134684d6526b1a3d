package id.lindungdesa.bench;

import id.lindungdesa.persistence.Database;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lindungdesa bench alerts}: builds a demo district (with its agreements and monev) in a temporary database,
 * then times the "needs attention" list, the enrolment–agreement links and the in-force computation.
 */
@Command(name = "alerts", description = "Ukur daftar perlu perhatian dan PKS berlaku / time alerts and agreements in force")
final class AlertsBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--regions", paramLabel = "FILE", description = "CSV kode,nama (default: synthetic regions)")
    Path regions;

    @Option(names = "--within", paramLabel = "CODE", defaultValue = "36.04")
    String within;

    @Option(names = "--rounds", defaultValue = "5")
    int rounds;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("lindungdesa-bench-alerts");
        try (Services s = new Services(Database.open(dir.resolve("bench"), Database.Options.of("bench")),
                Clock.systemDefaultZone())) {
            long t0 = System.nanoTime();
            var r = s.demo().generate(regions, within, 1, Progress.NONE);
            long t1 = System.nanoTime();
            out.printf("demo district %s: %d villages, %d people, %d enrolments, agreements %d: %.0f ms%n",
                    r.districtCode(), r.villages(), r.people(), r.enrolments(), s.agreements().all().size(),
                    (t1 - t0) / 1e6);
            LocalDate today = LocalDate.now(s.clock());
            String prefix = s.currentOffice().map(o -> o.regionCode()).orElse("");
            long s0 = System.nanoTime();
            for (int i = 0; i < rounds; i++) s.roster().snapshot(prefix, today);
            long s1 = System.nanoTime();
            out.printf("roster snapshot (read by both below): %.1f ms%n", (s1 - s0) / 1e6 / rounds);
            int n = 0;
            long a0 = System.nanoTime();
            for (int i = 0; i < rounds; i++) n = s.alerts().alerts(today).size();
            long a1 = System.nanoTime();
            out.printf("alerts (needs attention), %d items: %.1f ms per list%n", n, (a1 - a0) / 1e6 / rounds);
            long l0 = System.nanoTime();
            int covered = 0;
            for (int i = 0; i < rounds; i++) covered = s.agreements().links(today).covered().size();
            long l1 = System.nanoTime();
            out.printf("enrolment-agreement links, %d covered: %.1f ms per computation%n", covered,
                    (l1 - l0) / 1e6 / rounds);
            int k = 1000;
            var all = s.agreements().all();
            var addenda = s.agreements().addenda();
            long f0 = System.nanoTime();
            int inForce = 0;
            for (int i = 0; i < k; i++) {
                LocalDate d = LocalDate.of(2023, 1, 1).plusDays(i);
                for (var a : all) if (id.lindungdesa.domain.AgreementInForce.on(a, addenda, d).inForce()) inForce++;
            }
            long f1 = System.nanoTime();
            out.printf("agreement in force (pure), %d dates x %d agreements: %.2f us per computation (%d in force)%n",
                    k, all.size(), (f1 - f0) / 1e3 / (k * Math.max(1, all.size())), inForce);
            long m0 = System.nanoTime();
            s.monev().coverageOn(today);
            long m1 = System.nanoTime();
            out.printf("monev coverage capture: %.1f ms%n", (m1 - m0) / 1e6);
        }
        return 0;
    }
}
