package id.lindungdesa.bundle;

import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.EnrolmentStatus;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.Region;
import java.util.List;
import java.util.UUID;

/** Receives the records of a snapshot payload one at a time, as they are read (the payload is never held whole). */
public interface SnapshotHandler {
    default void header(UUID bundleId, String districtCode, String districtName) {
    }

    /** A kecamatan or village of the district. */
    void region(Region region);

    void person(Person person);

    void post(Post post);

    void enrolment(Enrolment enrolment, List<EnrolmentStatus> history);

    void tombstone(Tombstone tombstone);

    /** A reserved section (agreements, addenda, monev, ledger) this version carries but does not import. */
    default void reserved(String section, long records) {
    }

    /** A handler that only validates. */
    SnapshotHandler NONE = new SnapshotHandler() {
        @Override
        public void region(Region region) {
        }

        @Override
        public void person(Person person) {
        }

        @Override
        public void post(Post post) {
        }

        @Override
        public void enrolment(Enrolment enrolment, List<EnrolmentStatus> history) {
        }

        @Override
        public void tombstone(Tombstone tombstone) {
        }
    };
}
