package id.lindungdesa.imports;

import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.EnrolmentStatus;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Post;
import id.lindungdesa.persistence.ImportRunRepository;
import id.lindungdesa.persistence.Tx;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the database holds that an import compares against, read in one go (people by NIK, current posts…). */
final class DbState {
    final Map<String, List<Person>> peopleByNik = new HashMap<>();
    final Map<UUID, List<Post>> currentPostsByPerson = new HashMap<>();
    /** Posts whose end is recorded on or before today: a row describing one of them changes nothing. */
    final Map<UUID, List<Post>> endedPostsByPerson = new HashMap<>();
    final Map<UUID, List<Enrolment>> enrolmentsByPerson = new HashMap<>();
    final Map<UUID, EnrolmentState> stateToday = new HashMap<>();

    static DbState load(Tx tx, ImportRunRepository repo, LocalDate today) {
        DbState s = new DbState();
        for (Person p : repo.allPeople(tx)) {
            s.peopleByNik.computeIfAbsent(p.nik(), k -> new ArrayList<>(1)).add(p);
        }
        // A post whose recorded end is still ahead is current until then (the roster and its export show it).
        for (Post p : repo.allPosts(tx)) {
            boolean current = p.endDate() == null || p.endDate().isAfter(today);
            (current ? s.currentPostsByPerson : s.endedPostsByPerson)
                    .computeIfAbsent(p.personId(), k -> new ArrayList<>(2)).add(p);
        }
        for (Enrolment e : repo.allEnrolments(tx)) {
            s.enrolmentsByPerson.computeIfAbsent(e.personId(), k -> new ArrayList<>(1)).add(e);
        }
        // Histories come ordered by effective date: the last one effective by today is the state today.
        for (EnrolmentStatus st : repo.allStatuses(tx)) {
            if (!st.effectiveDate().isAfter(today)) s.stateToday.put(st.enrolmentId(), st.state());
            else s.stateToday.putIfAbsent(st.enrolmentId(), null);
        }
        return s;
    }
}
