package id.lindungdesa.domain;

/**
 * One line of a budget: {@code headcount} people of a category, paid from a funding source, at {@code monthly}
 * rupiah for {@code months} months. {@code total} = headcount x monthly x months, exact.
 */
public record BudgetLine(Category category, FundingSource fundingSource, int headcount, long monthly, int months,
                         long total) {

    public static BudgetLine of(Category category, FundingSource source, int headcount, long monthly, int months) {
        return new BudgetLine(category, source, headcount, monthly, months,
                Contribution.budget(headcount, monthly, months));
    }
}
