package id.lindungdesa.bench;

import id.lindungdesa.persistence.Database;
import id.lindungdesa.security.PassphrasePrompt;
import id.lindungdesa.wiring.SecureOpener;
import id.lindungdesa.wiring.Services;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Kills {@link CrashWorkload} processes with SIGKILL ({@code Process.destroyForcibly()}) at random moments, many
 * times over one database, and after each kill reopens the database and checks that every operation the child
 * reported as successful is present and the audit chain is intact. Used by the test suite (a few kills) and by
 * {@code lindungdesa bench crash} (many).
 */
public final class CrashHarness {
    private CrashHarness() {}

    /** One kill: how long after READY, how many operations it reported, how long reopening took. */
    public record Run(int n, long killAfterMs, int reportedOps, long reopenMs, int missing, boolean auditIntact) {
    }

    public record Summary(int kills, int totalReported, int totalMissing, int failedOpens, int auditBreaks,
                          long people, long villages, List<Run> runs) {
        public boolean allGood() {
            return totalMissing == 0 && failedOpens == 0 && auditBreaks == 0;
        }
    }

    private record Op(String kind, String key, long count) {
    }

    public static Summary run(Path db, int kills, long seed, long minKillMs, long maxKillMs, Consumer<String> log)
            throws Exception {
        return run(db, kills, seed, minKillMs, maxKillMs, log, (k, pid) -> { });
    }

    /** As above; {@code whileRunning} is called with the kill number and the child's pid once it is writing. */
    public static Summary run(Path db, int kills, long seed, long minKillMs, long maxKillMs, Consumer<String> log,
                              java.util.function.BiConsumer<Integer, Long> whileRunning) throws Exception {
        Random rnd = new Random(seed);
        List<Op> reported = new ArrayList<>();
        List<Run> runs = new ArrayList<>();
        int failedOpens = 0;
        int auditBreaks = 0;
        int missingTotal = 0;
        long people = 0;
        long villages = 0;
        for (int k = 1; k <= kills; k++) {
            Process p = start(db, seed * 1000 + k);
            List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
            StringBuilder other = new StringBuilder();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        if (line.equals("READY")) ready.countDown();
                        else if (line.startsWith("OK ") && line.endsWith(" END")) lines.add(line);
                        else if (other.length() < 4000) other.append(line).append('\n');
                    }
                } catch (IOException ignored) {
                    // the pipe closes when the child dies
                }
            }, "crash-reader");
            reader.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (!ready.await(200, TimeUnit.MILLISECONDS)) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    p.destroyForcibly().waitFor();
                    reader.join(5_000);
                    throw new IllegalStateException("child " + k + " did not start (exit "
                            + (p.isAlive() ? "none" : p.exitValue()) + "): " + other + tail(errFile(db)));
                }
            }
            long wait = minKillMs + (long) (rnd.nextDouble() * (maxKillMs - minKillMs));
            long t1 = System.nanoTime();
            try {
                whileRunning.accept(k, p.pid());
            } catch (RuntimeException | Error e) {
                p.destroyForcibly().waitFor();
                throw e;
            }
            long left = wait - (System.nanoTime() - t1) / 1_000_000;
            if (left > 0) Thread.sleep(left);
            p.destroyForcibly();
            p.waitFor(60, TimeUnit.SECONDS);
            reader.join(10_000);
            List<String> got;
            synchronized (lines) {
                got = new ArrayList<>(lines);
            }
            for (String l : got) {
                String[] f = l.split(" ");
                reported.add(f[1].equals("import") ? new Op("import", f[2], Long.parseLong(f[3]))
                        : new Op("person", f[2], 1));
            }
            long t0 = System.nanoTime();
            int missing = 0;
            boolean auditOk;
            try (Services s = SecureOpener.open(db, "crash-check", PassphrasePrompt.NONE, Clock.systemDefaultZone())) {
                long reopen = (System.nanoTime() - t0) / 1_000_000;
                for (Op op : reported) {
                    boolean present = op.kind().equals("person")
                            ? s.roster().person(UUID.fromString(op.key())).isPresent()
                            : s.regions().within(op.key()).stream().filter(r -> r.code().length() > op.key().length())
                            .count() == op.count();
                    if (!present) {
                        missing++;
                        log.accept("MISSING after kill " + k + ": " + op);
                    }
                }
                auditOk = s.audit().verify().isEmpty();
                if (!auditOk) auditBreaks++;
                people = (Integer) s.stats().stats(java.time.LocalDate.now()).people();
                villages = s.regions().within("").size();
                missingTotal += missing;
                Run run = new Run(k, wait, got.size(), reopen, missing, auditOk);
                runs.add(run);
                log.accept("kill " + k + ": after " + wait + " ms, " + got.size() + " ops reported, reopened in "
                        + reopen + " ms, " + missing + " missing, audit " + (auditOk ? "intact" : "BROKEN"));
            } catch (RuntimeException e) {
                failedOpens++;
                runs.add(new Run(k, wait, got.size(), -1, -1, false));
                log.accept("kill " + k + ": DATABASE DID NOT OPEN: " + e);
            }
        }
        return new Summary(kills, reported.size(), missingTotal, failedOpens, auditBreaks, people, villages, runs);
    }

    private static Path errFile(Path db) {
        return Path.of(Database.basePath(db) + ".crash-child.err");
    }

    private static String tail(Path f) {
        try {
            String s = Files.readString(f);
            return s.length() > 3000 ? s.substring(s.length() - 3000) : s;
        } catch (IOException e) {
            return "";
        }
    }

    private static Process start(Path db, long seed) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp",
                System.getProperty("java.class.path"), CrashWorkload.class.getName(),
                Database.basePath(db).toString(), Long.toString(seed));
        Files.createDirectories(Database.basePath(db).toAbsolutePath().getParent());
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(errFile(db).toFile())).start();
    }
}
