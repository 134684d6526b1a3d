package id.lindungdesa.persistence;

import org.jooq.DSLContext;

/**
 * A unit of work handed to repositories. Only persistence code may call {@link #dsl()}
 * (an ArchUnit rule keeps jOOQ inside this package tree).
 */
public final class Tx {
    private final DSLContext dsl;

    Tx(DSLContext dsl) {
        this.dsl = dsl;
    }

    public DSLContext dsl() {
        return dsl;
    }
}
