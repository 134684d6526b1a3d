package id.lindungdesa.bench;

import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.Nik;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.security.PassphrasePrompt;
import id.lindungdesa.wiring.SecureOpener;
import id.lindungdesa.service.RosterService;
import id.lindungdesa.wiring.Services;
import id.lindungdesa.task.Progress;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Random;

/**
 * The child process of the crash test: a stream of saves (one person each) and imports (a region list of 50
 * villages in one transaction) on a real database, forever. Each line {@code OK …} is printed only after the
 * service call returned (i.e. after commit + {@code CHECKPOINT SYNC}): exactly what a user would have seen as
 * success. The parent kills this process with SIGKILL at a random moment and checks every reported operation.
 *
 * <p>{@code java -cp … id.lindungdesa.backup.CrashWorkload DB SEED}
 */
public final class CrashWorkload {
    private CrashWorkload() {}

    public static void main(String[] args) {
        Path db = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        Random rnd = new Random(seed);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        try (Services s = SecureOpener.open(db, "crash-test", PassphrasePrompt.NONE, Clock.systemDefaultZone())) {
            if (s.currentOffice().isEmpty()) {
                s.office().init(OfficeLevel.DISTRICT, "36.04", "DPMD Uji Crash", "Crash");
            }
            out.println("READY");
            out.flush();
            LocalDate today = LocalDate.now();
            for (int i = 0; ; i++) {
                if (rnd.nextInt(5) == 0) {
                    // an import: 50 villages under a fresh sub-district, one transaction
                    String sub = "%02d.%02d.%02d".formatted(11 + rnd.nextInt(80), 1 + rnd.nextInt(98),
                            1 + rnd.nextInt(98));
                    StringBuilder csv = new StringBuilder("kode,nama\n");
                    for (int v = 1; v <= 50; v++) csv.append(sub).append('.').append(2000 + v).append(",Desa ")
                            .append(seed).append('-').append(i).append('-').append(v).append('\n');
                    var r = s.regions().importCsv(new StringReader(csv.toString()), "crash-" + seed + "-" + i, sub,
                            Progress.NONE);
                    out.println("OK import " + sub + " " + (r.added() + r.renamed() + r.restored() + r.unchanged())
                            + " END");
                } else {
                    LocalDate birth = LocalDate.of(1960 + rnd.nextInt(40), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
                    Sex sex = rnd.nextBoolean() ? Sex.L : Sex.P;
                    String nik = Nik.compose("360401", birth, sex, 1 + rnd.nextInt(9998));
                    try {
                        Person p = s.roster().addPerson(new RosterService.NewPerson(nik, "Crash " + seed + "-" + i, sex,
                                birth, null, null, null, EmploymentStatus.NON_ASN, null));
                        out.println("OK person " + p.id() + " END");
                    } catch (RosterService.DuplicateNikException dup) {
                        continue;
                    }
                }
                out.flush();
                if (out.checkError()) return;
                if (today.getYear() < 0) break; // never: keeps the loop's exit reachable for the compiler
            }
        }
    }
}
