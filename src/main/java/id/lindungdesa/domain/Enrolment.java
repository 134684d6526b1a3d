package id.lindungdesa.domain;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** A BPJS Ketenagakerjaan enrolment of a person (optionally tied to the post it is paid for). */
public record Enrolment(UUID id, int version, UUID personId, UUID postId, String kpj, Segment segment,
                        Set<Programme> programmes, int jkkRiskClass, long wageBase, FundingSource fundingSource) {

    public Enrolment {
        programmes = programmes.isEmpty() ? EnumSet.noneOf(Programme.class) : EnumSet.copyOf(programmes);
    }
}
