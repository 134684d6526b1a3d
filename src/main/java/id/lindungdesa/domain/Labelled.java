package id.lindungdesa.domain;

/** Something with an Indonesian and an English label. */
public interface Labelled {
    String labelId();

    String labelEn();

    default String label(boolean indonesian) {
        return indonesian ? labelId() : labelEn();
    }
}
