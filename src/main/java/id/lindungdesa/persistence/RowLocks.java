package id.lindungdesa.persistence;

import static id.lindungdesa.persistence.jooq.Tables.ROW_LOCK;

import org.jooq.SQLDialect;

/**
 * Named row locks for several processes writing one server database (issue 16, decision 0190): a transaction that
 * must not race another's check-then-insert (the audit chain's next number, a district's next bundle) locks the
 * row of that name with {@code SELECT … FOR UPDATE} first; the other waits until the first commits or rolls back,
 * then reads what it committed. On the embedded H2 file the file lock and {@link Database}'s write lock already
 * leave one writer, so nothing is locked there.
 */
public final class RowLocks {
    /** The audit chain's head: held from the first appended entry until the transaction ends. */
    public static final String AUDIT_CHAIN = "audit_chain";

    private RowLocks() {}

    /** Locks the row named {@code name} (made when missing) until the transaction ends; a no-op on H2. */
    public static void lock(Tx tx, String name) {
        if (tx.dsl().dialect().family() != SQLDialect.POSTGRES) return;
        if (!AUDIT_CHAIN.equals(name)) {
            // a second transaction inserting the same name waits for the first, then inserts nothing
            tx.dsl().insertInto(ROW_LOCK).set(ROW_LOCK.NAME, name).onConflictDoNothing().execute();
        }
        tx.dsl().select(ROW_LOCK.NAME).from(ROW_LOCK).where(ROW_LOCK.NAME.eq(name)).forUpdate().fetch();
    }

    /** The lock of one issuing office's bundle sequence. */
    public static String bundlesOf(String issuerCode, String kind) {
        return "bundle:" + kind + ":" + issuerCode;
    }
}
