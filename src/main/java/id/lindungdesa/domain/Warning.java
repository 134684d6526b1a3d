package id.lindungdesa.domain;

import java.util.List;
import java.util.UUID;

/**
 * Something on a roster a clerk should look at. {@code code} is a message key (i18n bundle "warning.CODE"),
 * {@code args} its parameters.
 */
public record Warning(Code code, String villageCode, UUID personId, UUID postId, List<Object> args) {

    public enum Code {
        NIK_BIRTHDATE_MISMATCH, NIK_SEX_MISMATCH, APPOINTED_OUTSIDE_20_42, KEPALA_DESA_UNDER_25, AGE_60_REACHED,
        TERM_ENDED, TERM_ENDING_SOON, BPD_SIZE, ASN_ENROLLED, DUPLICATE_NIK
    }

    public Warning {
        args = List.copyOf(args);
    }
}
