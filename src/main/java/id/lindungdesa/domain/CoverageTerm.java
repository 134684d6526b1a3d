package id.lindungdesa.domain;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an agreement covers for one category and funding source: the programmes, and the wage base and/or monthly
 * contribution per person it sets (either may be null when the agreement leaves it to the rate tables).
 */
public record CoverageTerm(Category category, FundingSource fundingSource, Set<Programme> programmes, Long wageBase,
                           Long monthlyContribution) {

    public CoverageTerm {
        programmes = programmes == null || programmes.isEmpty() ? EnumSet.noneOf(Programme.class)
                : EnumSet.copyOf(programmes);
    }

    /** The key two terms clash on: one category paid from one funding source. */
    public Key key() {
        return new Key(category, fundingSource);
    }

    public record Key(Category category, FundingSource fundingSource) {
    }

    /** "JKK+JKM". */
    public String programmesText() {
        return programmes.stream().map(Enum::name).collect(Collectors.joining("+"));
    }

    /** Parses "JKK,JKM" / "JKK+JKM". */
    public static Set<Programme> parseProgrammes(String s) {
        EnumSet<Programme> out = EnumSet.noneOf(Programme.class);
        if (s == null) return out;
        for (String p : s.split("[,+ ]+")) {
            if (!p.isBlank()) out.add(Programme.valueOf(p.strip().toUpperCase(java.util.Locale.ROOT)));
        }
        return out;
    }
}
