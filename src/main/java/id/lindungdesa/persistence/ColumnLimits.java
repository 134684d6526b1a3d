package id.lindungdesa.persistence;

import static id.lindungdesa.persistence.jooq.Tables.AGREEMENT_ATTACHMENT;
import static id.lindungdesa.persistence.jooq.Tables.ENROLMENT;
import static id.lindungdesa.persistence.jooq.Tables.PERSON;
import static id.lindungdesa.persistence.jooq.Tables.POST;

import org.jooq.Field;

/**
 * Text lengths of the columns that user input reaches, read from the schema (the jOOQ code generated from the
 * migrations), so that the dry run of an import and the services check exactly what the database would refuse
 * (issue 12 item 5). A new migration that widens a column widens the check with it.
 */
public final class ColumnLimits {
    public static final int PERSON_FULL_NAME = length(PERSON.FULL_NAME);
    public static final int PERSON_BIRTH_PLACE = length(PERSON.BIRTH_PLACE);
    public static final int PERSON_PHONE = length(PERSON.PHONE);
    public static final int PERSON_NKK = length(PERSON.NKK);
    public static final int POST_UNIT_LABEL = length(POST.UNIT_LABEL);
    public static final int POST_SK_NUMBER = length(POST.SK_NUMBER);
    public static final int ENROLMENT_KPJ = length(ENROLMENT.KPJ);
    public static final int ATTACHMENT_FILE_NAME = length(AGREEMENT_ATTACHMENT.FILE_NAME);

    private ColumnLimits() {}

    private static int length(Field<?> f) {
        int n = f.getDataType().length();
        if (n <= 0) throw new IllegalStateException("no length for " + f);
        return n;
    }
}
