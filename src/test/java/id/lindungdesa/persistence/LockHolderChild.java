package id.lindungdesa.persistence;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A second process for {@link LockHolderTest}: opens the database (retrying while the test holds it for a moment),
 * prints {@code HELD}, and keeps it until its standard input closes. Mode {@code raw} holds the file through plain
 * JDBC, as a foreign program would, so no owner file is written.
 */
public final class LockHolderChild {
    private LockHolderChild() {}

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        boolean raw = args.length > 1 && args[1].equals("raw");
        AutoCloseable held = null;
        for (int i = 0; i < 600 && held == null; i++) {
            try {
                held = raw ? Database.connect(db, null) : Database.open(db, Database.Options.of("holder-test"));
            } catch (DatabaseLockedException | java.sql.SQLException e) {
                Thread.sleep(20);
            }
        }
        if (held == null) {
            System.out.println("NEVER");
            return;
        }
        System.out.println("HELD");
        System.out.flush();
        System.in.transferTo(java.io.OutputStream.nullOutputStream());
        held.close();
        System.out.println(new String("DONE".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }
}
