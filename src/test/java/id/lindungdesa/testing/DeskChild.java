package id.lindungdesa.testing;

import id.lindungdesa.cli.Cli;
import id.lindungdesa.domain.Person;
import id.lindungdesa.persistence.StaleRecordException;
import id.lindungdesa.wiring.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A desk in a process of its own (issue 16, ConcurrentDesksTest). It first does its preparation, then creates the
 * file {@code args[0]} ("ready") and waits until the file {@code args[1]} ("go") appears, then acts: so two desks
 * act at the same moment, not one after the other.
 * <ul>
 *   <li>{@code READY GO import URL BUNDLE RECEIPT}: opens the server database once (migrations checked, classes
 *       loaded) and reads the bundle, then runs {@code lindungdesa --db URL bundle import BUNDLE --receipt-out
 *       RECEIPT}; exits with the command's exit code.</li>
 *   <li>{@code READY GO edit URL LOGIN PASSWORD PERSON_ID NEW_NAME}: opens the database, signs in as the clerk
 *       LOGIN and loads the person with its version, then saves it with the new name. Prints "SAVED" (exit 0), or "STALE" and the
 *       message (exit 1).</li>
 * </ul>
 */
public final class DeskChild {
    private DeskChild() {}

    public static void main(String[] args) throws Exception {
        Path ready = Path.of(args[0]);
        Path go = Path.of(args[1]);
        String mode = args[2];
        String url = args[3];
        if (mode.equals("import")) {
            try (Services s = Services.open(Path.of(url), "test")) {
                s.office().require();
            }
            byte[] bundle = Files.readAllBytes(Path.of(args[4]));
            if (bundle.length == 0) throw new IllegalStateException("empty bundle");
            await(ready, go);
            System.exit(Cli.run(new String[] {"--db", url, "bundle", "import", args[4], "--receipt-out", args[5]},
                    (db, lang) -> 0));
        }
        try (Services s = Services.open(Path.of(url), "test")) {
            s.users().signIn(args[4], args[5].toCharArray());
            Person p = s.roster().person(UUID.fromString(args[6])).orElseThrow();
            Person edit = new Person(p.id(), p.version(), p.nik(), args[7], p.sex(), p.birthDate(), p.birthPlace(),
                    p.nkk(), p.phone(), p.employmentStatus(), p.homeVillageCode());
            await(ready, go);
            s.roster().updatePerson(edit);
            System.out.println("SAVED");
            System.out.flush();
        } catch (StaleRecordException e) {
            System.out.println("STALE " + e.getMessage());
            System.out.flush();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void await(Path ready, Path go) throws Exception {
        Files.writeString(ready, "ready");
        long until = System.nanoTime() + 120_000_000_000L;
        while (!Files.exists(go)) {
            if (System.nanoTime() > until) throw new IllegalStateException("no go file " + go);
            Thread.sleep(5);
        }
    }
}
