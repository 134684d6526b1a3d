package id.lindungdesa.domain;

/** Covered and eligible office-holders of one category, as captured on a date. */
public record CategoryCoverage(Category category, int covered, int eligible) {
    public double ratio() {
        return eligible == 0 ? 0 : (double) covered / eligible;
    }
}
