package id.lindungdesa.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One monitoring and evaluation meeting of an agreement, with the coverage figures captured on its date. */
public record MonevEvaluation(UUID id, int version, UUID agreementId, LocalDate date, String participants,
                              String findings, List<CategoryCoverage> coverage, List<FollowUp> followUps) {
    public MonevEvaluation {
        coverage = List.copyOf(coverage);
        followUps = List.copyOf(followUps);
    }
}
