package id.lindungdesa.imports;

import java.time.OffsetDateTime;

/**
 * What an applied import wrote (all in one transaction), for the wizard's receipt and the CLI. {@code runId} names
 * the stored import run (null when nothing needed writing).
 */
public record Receipt(java.util.UUID runId, String fileName, String sha256, OffsetDateTime at, int created, int changed, int unchanged,
                      int refused, int peopleAdded, int peopleUpdated, int postsAdded, int postsUpdated,
                      int enrolmentsAdded, int enrolmentsUpdated, int statusesAdded, long millis) {

    public int applied() {
        return created + changed;
    }
}
