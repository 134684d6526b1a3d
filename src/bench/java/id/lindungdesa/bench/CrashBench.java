package id.lindungdesa.bench;

import id.lindungdesa.cli.Cli;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lindungdesa bench crash --kills N}: SIGKILL a stream of saves and imports N times; check nothing is lost. */
@Command(name = "crash", description = "Uji ketahanan: bunuh proses (SIGKILL) saat menyimpan, buka ulang, periksa /"
        + " kill a writing process with SIGKILL at random moments, reopen, check every reported save is present")
final class CrashBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--kills", defaultValue = "50") int kills;
    @Option(names = "--seed", defaultValue = "1") long seed;
    @Option(names = "--min-ms", defaultValue = "20") long minMs;
    @Option(names = "--max-ms", defaultValue = "3000") long maxMs;
    @Option(names = "--dir", description = "Folder for the test database (default: a new temp folder)") Path dir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path folder = dir != null ? dir : Files.createTempDirectory("lindungdesa-crash");
        Path db = folder.resolve("crash");
        long t0 = System.nanoTime();
        var s = CrashHarness.run(db, kills, seed, minMs, maxMs, line -> {
            out.println(line);
            out.flush();
        });
        long secs = (System.nanoTime() - t0) / 1_000_000_000L;
        long maxReopen = s.runs().stream().mapToLong(CrashHarness.Run::reopenMs).max().orElse(0);
        out.println("crash: " + s.kills() + " kills in " + secs + " s, " + s.totalReported() + " operations reported"
                + " successful, " + s.totalMissing() + " missing, " + s.failedOpens() + " failed opens, "
                + s.auditBreaks() + " audit breaks; slowest reopen " + maxReopen + " ms; database now " + s.people()
                + " people, " + s.villages() + " regions; " + db);
        return s.allGood() ? 0 : Cli.REFUSED;
    }
}
