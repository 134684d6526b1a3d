package id.lindungdesa.imports;

import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.EnrolmentStatus;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.RosterRules;
import id.lindungdesa.domain.Segment;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Compares parsed rows with the database: a person is matched by NIK, a post by (person, position, village, unit),
 * an enrolment by its post. Produces each row's class and the plan of writes. Within the file, a later row with a
 * NIK seen before is refused when it names a different person or repeats the same post (rows never overwrite each
 * other); the same person with another post is a second post (acting and concurrent posts are normal).
 */
final class Classifier {

    /** Everything an apply writes. */
    static final class Plan {
        final List<Person> newPeople = new ArrayList<>();
        final List<Person[]> personUpdates = new ArrayList<>();
        final List<Post> newPosts = new ArrayList<>();
        final List<Post[]> postUpdates = new ArrayList<>();
        final List<Enrolment> newEnrolments = new ArrayList<>();
        final List<Enrolment[]> enrolmentUpdates = new ArrayList<>();
        final List<EnrolmentStatus> newStatuses = new ArrayList<>();
        final Set<UUID> statusOnly = new LinkedHashSet<>();
        /** Per applied row: its result, ids and, for a changed row, what it was and what it becomes. */
        final List<Applied> applied = new ArrayList<>();
    }

    /** A row that writes: for CHANGED rows {@code before}/{@code after} hold the changed records. */
    record Applied(RowResult result, UUID personId, UUID postId, Map<String, Object> before,
                   Map<String, Object> after) {
    }

    /** The first row of a NIK: only what later rows are compared with (a dry run keeps one per NIK). */
    private record Seen(int row, String name, id.lindungdesa.domain.Sex sex, LocalDate birthDate,
                        Set<String> postKeys) {
    }

    private final DbState db;
    private final LocalDate today;
    private final Function<Position, Optional<Long>> defaultWage;
    private final String actor;
    private final OffsetDateTime now;
    private final Plan plan = new Plan();
    /** False for a dry run: rows are classified and counted, the writes are not kept. */
    private final boolean keepPlan;
    private final Map<String, Seen> seen = new HashMap<>();
    /** Person id per NIK for people created by this file. */
    private final Map<String, Person> created = new HashMap<>();
    private final Set<UUID> personTouched = new HashSet<>();

    Classifier(DbState db, LocalDate today, Function<Position, Optional<Long>> defaultWage, String actor,
               OffsetDateTime now) {
        this(db, today, defaultWage, actor, now, true);
    }

    Classifier(DbState db, LocalDate today, Function<Position, Optional<Long>> defaultWage, String actor,
               OffsetDateTime now, boolean keepPlan) {
        this.keepPlan = keepPlan;
        this.db = db;
        this.today = today;
        this.defaultWage = defaultWage;
        this.actor = actor;
        this.now = now;
    }

    Plan plan() {
        return plan;
    }

    RowResult classify(ParsedRow p, RowParser columns) {
        List<RowProblem> problems = new ArrayList<>(p.problems());
        // Duplicates within the file.
        if (p.nik() != null) {
            Seen s = seen.get(p.nik());
            if (s == null) {
                if (p.fullName() != null) {
                    Set<String> keys = new HashSet<>();
                    if (p.position() != null && p.villageCode() != null) keys.add(p.postKey());
                    seen.put(p.nik(), new Seen(p.row(), p.fullName(), p.sex(), p.birthDate(), keys));
                }
            } else if (p.fullName() != null && !sameName(s.name(), p.fullName())
                    || conflicts(s, p)) {
                problems.add(RowProblem.of(columns.column(Field.NIK), "import.error.duplicateNik", s.row(), s.name()));
            } else if (p.position() != null && p.villageCode() != null && !s.postKeys().add(p.postKey())) {
                problems.add(RowProblem.of(columns.column(Field.NIK), "import.error.duplicatePost", s.row()));
            }
        }
        if (!problems.isEmpty()) return refused(p, problems);

        // Person.
        List<Person> inDb = db.peopleByNik.getOrDefault(p.nik(), List.of());
        if (inDb.size() > 1) {
            return refused(p, List.of(RowProblem.of(columns.column(Field.NIK), "import.error.nikTwiceInDb",
                    inDb.size())));
        }
        List<String> changes = new ArrayList<>();
        boolean isNew = false;
        Person person;
        Person before = inDb.isEmpty() ? null : inDb.getFirst();
        Person[] personUpdate = null;
        if (before == null) {
            person = created.get(p.nik());
            if (person == null) {
                person = new Person(UUID.randomUUID(), 1, p.nik(), p.fullName(), p.sex(), p.birthDate(),
                        p.birthPlace(), p.nkk(), p.phone(),
                        p.employment() == null ? EmploymentStatus.NON_ASN : p.employment(), null);
                created.put(p.nik(), person);
                isNew = true;
            }
        } else {
            person = before;
            if (!personTouched.contains(before.id())) {
                Person after = new Person(before.id(), before.version(), before.nik(),
                        pick(p.fullName(), before.fullName(), Field.NAME, changes),
                        pick(p.sex(), before.sex(), Field.SEX, changes),
                        pick(p.birthDate(), before.birthDate(), Field.BIRTH_DATE, changes),
                        pick(p.birthPlace(), before.birthPlace(), Field.BIRTH_PLACE, changes),
                        pick(p.nkk(), before.nkk(), Field.NKK, changes),
                        pick(p.phone(), before.phone(), Field.PHONE, changes),
                        pick(p.employment(), before.employmentStatus(), Field.EMPLOYMENT, changes),
                        before.homeVillageCode());
                if (!changes.isEmpty()) personUpdate = new Person[] {before, after};
            }
        }
        EmploymentStatus employment = p.employment() != null ? p.employment() : person.employmentStatus();

        // Post: the person's current post of this position in this village (and unit, when several).
        Post post = null;
        if (!isNew && before != null) post = matchPost(before.id(), p);
        if (!isNew && before == null) post = matchNewPost(person.id(), p);
        if (post == null && before != null) {
            // A row describing a post whose end is recorded (an older export, a term ended since): it changes
            // nothing and never re-creates the post.
            Post ended = matchEnded(before.id(), p);
            if (ended != null) return endedPost(p, before, personUpdate, changes, ended, columns);
        }
        boolean newPost = post == null;
        Post[] postUpdate = null;
        if (newPost) {
            LocalDate start = p.startDate() != null ? p.startDate() : p.skDate();
            if (start == null) {
                rollbackNewPerson(p, isNew);
                return refused(p, List.of(RowProblem.of(columns.column(Field.START_DATE), "import.error.startMissing",
                        columns.column(Field.SK_DATE))));
            }
            post = new Post(UUID.randomUUID(), 1, person.id(), p.villageCode(), p.position(), p.unitLabel(),
                    p.skNumber(), p.skDate(), start, RosterRules.plannedEnd(p.position(), start), null, null);
        } else if (db.currentPostsByPerson.getOrDefault(person.id(), List.of()).contains(post)) {
            List<String> postChanges = new ArrayList<>();
            Post after = new Post(post.id(), post.version(), post.personId(), post.villageCode(), post.position(),
                    pick(p.unitLabel(), post.unitLabel(), Field.UNIT, postChanges),
                    pick(p.skNumber(), post.skNumber(), Field.SK_NUMBER, postChanges),
                    pick(p.skDate(), post.skDate(), Field.SK_DATE, postChanges),
                    pick(p.startDate(), post.startDate(), Field.START_DATE, postChanges),
                    post.plannedEndDate(), post.endDate(), post.endReason());
            if (!postChanges.isEmpty()) {
                postUpdate = new Post[] {post, after};
                changes.addAll(postChanges);
            }
        }

        // Enrolment.
        Enrolment newEnrolment = null;
        Enrolment[] enrolmentUpdate = null;
        EnrolmentStatus newStatus = null;
        if (p.hasEnrolment()) {
            if (employment != EmploymentStatus.NON_ASN) {
                rollbackNewPerson(p, isNew);
                return refused(p, List.of(RowProblem.of(columns.column(Field.KPJ), "enrolment.error.asn", employment)));
            }
            Enrolment existing = newPost && isNew ? null : matchEnrolment(person.id(), post.id(), p);
            if (existing == null) {
                Segment segment = p.segment() != null ? p.segment()
                        : p.position().category() == Category.KEPALA_DESA
                        || p.position().category() == Category.PERANGKAT_DESA ? Segment.PU : Segment.BPU;
                Set<Programme> programmes = p.programmes() != null ? p.programmes()
                        : EnumSet.of(Programme.JKK, Programme.JKM);
                Long wage = p.wage() != null ? p.wage() : defaultWage.apply(p.position()).orElse(null);
                List<RowProblem> ep = new ArrayList<>();
                if (wage == null) ep.add(RowProblem.of(columns.column(Field.WAGE), "import.error.wageMissing",
                        p.position()));
                if (!programmes.contains(Programme.JKK) || !programmes.contains(Programme.JKM)) {
                    ep.add(RowProblem.of(columns.column(Field.PROGRAMMES), "enrolment.error.jkkJkm"));
                }
                if (segment == Segment.BPU && programmes.contains(Programme.JP)) {
                    ep.add(RowProblem.of(columns.column(Field.PROGRAMMES), "enrolment.error.bpuJp"));
                }
                if (!ep.isEmpty()) {
                    rollbackNewPerson(p, isNew);
                    return refused(p, ep);
                }
                newEnrolment = new Enrolment(UUID.randomUUID(), 1, person.id(), post.id(), p.kpj(), segment,
                        programmes, 1, wage, p.funding() != null ? p.funding() : FundingSource.APBD);
                EnrolmentState state = p.status() != null ? p.status()
                        : p.kpj() != null ? EnrolmentState.ACTIVE : EnrolmentState.REGISTERED;
                newStatus = new EnrolmentStatus(UUID.randomUUID(), newEnrolment.id(), state,
                        p.statusDate() != null ? p.statusDate() : today, "Impor", now, actor);
                if (!isNew && !newPost) changes.add("ENROLMENT");
            } else {
                List<String> ec = new ArrayList<>();
                Set<Programme> programmes = pick(p.programmes(), existing.programmes(), Field.PROGRAMMES, ec);
                Segment segment = pick(p.segment(), existing.segment(), Field.SEGMENT, ec);
                List<RowProblem> ep = new ArrayList<>();
                if (!programmes.contains(Programme.JKK) || !programmes.contains(Programme.JKM)) {
                    ep.add(RowProblem.of(columns.column(Field.PROGRAMMES), "enrolment.error.jkkJkm"));
                }
                if (segment == Segment.BPU && programmes.contains(Programme.JP)) {
                    ep.add(RowProblem.of(columns.column(Field.PROGRAMMES), "enrolment.error.bpuJp"));
                }
                if (!ep.isEmpty()) return refused(p, ep);
                Enrolment after = new Enrolment(existing.id(), existing.version(), existing.personId(),
                        existing.postId() != null ? existing.postId() : post.id(),
                        pick(p.kpj(), existing.kpj(), Field.KPJ, ec), segment, programmes, existing.jkkRiskClass(),
                        pick(p.wage(), existing.wageBase(), Field.WAGE, ec),
                        pick(p.funding(), existing.fundingSource(), Field.FUNDING, ec));
                if (!ec.isEmpty()) {
                    enrolmentUpdate = new Enrolment[] {existing, after};
                    changes.addAll(ec);
                }
                EnrolmentState current = db.stateToday.get(existing.id());
                if (p.status() != null && p.status() != current) {
                    newStatus = new EnrolmentStatus(UUID.randomUUID(), existing.id(), p.status(),
                            p.statusDate() != null ? p.statusDate() : today, "Impor", now, actor);
                    changes.add(Field.STATUS.name());
                }
            }
        }

        // Commit the row's writes to the plan.
        if (before != null) personTouched.add(before.id());
        if (keepPlan && isNew) plan.newPeople.add(person);
        if (keepPlan && personUpdate != null) plan.personUpdates.add(personUpdate);
        if (keepPlan && postUpdate != null) plan.postUpdates.add(postUpdate);
        if (keepPlan && newPost) plan.newPosts.add(post);
        if (keepPlan && newEnrolment != null) plan.newEnrolments.add(newEnrolment);
        if (keepPlan && enrolmentUpdate != null) plan.enrolmentUpdates.add(enrolmentUpdate);
        if (keepPlan && newStatus != null) {
            plan.newStatuses.add(newStatus);
            if (newEnrolment == null && enrolmentUpdate == null) plan.statusOnly.add(newStatus.enrolmentId());
        }
        if (newPost) {
            db.currentPostsByPerson.computeIfAbsent(person.id(), k -> new ArrayList<>()).add(post);
            newPostIds.add(post.id());
        }
        if (newEnrolment != null) {
            newEnrolmentIds.add(newEnrolment.id());
            db.enrolmentsByPerson.computeIfAbsent(person.id(), k -> new ArrayList<>()).add(newEnrolment);
        }
        RowClass cls = newPost ? RowClass.NEW : changes.isEmpty() ? RowClass.UNCHANGED : RowClass.CHANGED;
        RowResult result = new RowResult(p.row(), cls, p.nik(), p.fullName(), p.villageCode(), p.villageName(),
                p.position(), cls == RowClass.CHANGED ? changes : List.of(), List.of(), null, null, p.notes());
        if (!keepPlan) return result;
        if (cls == RowClass.NEW) {
            plan.applied.add(new Applied(result, person.id(), post.id(), null, null));
        } else if (cls == RowClass.CHANGED) {
            Map<String, Object> b = new java.util.LinkedHashMap<>();
            Map<String, Object> a = new java.util.LinkedHashMap<>();
            if (personUpdate != null) {
                b.put("person", personUpdate[0]);
                a.put("person", personUpdate[1]);
            }
            if (postUpdate != null) {
                b.put("post", postUpdate[0]);
                a.put("post", postUpdate[1]);
            }
            if (enrolmentUpdate != null) {
                b.put("enrolment", enrolmentUpdate[0]);
                a.put("enrolment", enrolmentUpdate[1]);
            }
            if (newEnrolment != null) a.put("enrolment", newEnrolment);
            if (newStatus != null) a.put("status", newStatus);
            plan.applied.add(new Applied(result, person.id(), post.id(), b, a));
        }
        return result;
    }

    private final Set<UUID> newPostIds = new HashSet<>();

    private void rollbackNewPerson(ParsedRow p, boolean isNew) {
        if (isNew) created.remove(p.nik());
    }

    private Post matchPost(UUID personId, ParsedRow p) {
        List<Post> same = new ArrayList<>();
        for (Post post : db.currentPostsByPerson.getOrDefault(personId, List.of())) {
            if (post.position() == p.position() && post.villageCode().equals(p.villageCode())) same.add(post);
        }
        // A post created earlier in this file is the same post only with the same unit.
        same.removeIf(post -> newPostIds.contains(post.id())
                && !Objects.toString(p.unitLabel(), "").equalsIgnoreCase(Objects.toString(post.unitLabel(), "")));
        if (same.size() <= 1) return same.isEmpty() ? null : same.getFirst();
        for (Post post : same) {
            if (p.unitLabel() != null && p.unitLabel().equalsIgnoreCase(Objects.toString(post.unitLabel(), ""))) {
                return post;
            }
        }
        return p.unitLabel() == null ? same.getFirst() : null;
    }

    /** A person created earlier in this file: their posts so far. */
    private Post matchNewPost(UUID personId, ParsedRow p) {
        return matchPost(personId, p);
    }

    /**
     * The enrolment a row of this post describes: the one made for the post; else one made for no post; else, as the
     * roster and its export show a person's enrolment on every post they hold (a perangkat who is also Plt kepala
     * desa is enrolled once), the person's enrolment with the row's KPJ, or the one the roster shows (active first,
     * else the last with a state today). Never a second enrolment for the same person from their own export.
     */
    private Enrolment matchEnrolment(UUID personId, UUID postId, ParsedRow p) {
        String kpj = p.kpj();
        List<Enrolment> es = db.enrolmentsByPerson.getOrDefault(personId, List.of());
        for (Enrolment e : es) if (postId.equals(e.postId())) return e;
        List<Enrolment> loose = es.stream().filter(e -> e.postId() == null).toList();
        if (loose.size() == 1) return loose.getFirst();
        if (kpj != null) {
            for (Enrolment e : es) if (kpj.equals(e.kpj()) && !newEnrolmentIds.contains(e.id())) return e;
        }
        Enrolment shown = null;
        for (Enrolment e : es) {
            if (newEnrolmentIds.contains(e.id())) continue;
            EnrolmentState s = db.stateToday.get(e.id());
            if (s == EnrolmentState.ACTIVE) return e;
            // An ended enrolment is the row's only when the row says so: otherwise the row enrols again.
            if (s == EnrolmentState.ENDED && p.status() != EnrolmentState.ENDED) continue;
            if (s != null) shown = e;
        }
        return shown;
    }

    private final Set<UUID> newEnrolmentIds = new HashSet<>();

    /** The person's ended post of this position and village that started on the row's start date (or SK date). */
    private Post matchEnded(UUID personId, ParsedRow p) {
        LocalDate start = p.startDate() != null ? p.startDate() : p.skDate();
        if (start == null || p.position() == null || p.villageCode() == null) return null;
        for (Post post : db.endedPostsByPerson.getOrDefault(personId, List.of())) {
            if (post.position() == p.position() && post.villageCode().equals(p.villageCode())
                    && post.startDate().equals(start)) {
                return post;
            }
        }
        return null;
    }

    /** A row that describes an ended post: the person's own fields may change, the post and enrolment never. */
    private RowResult endedPost(ParsedRow p, Person before, Person[] personUpdate, List<String> changes, Post ended,
                                RowParser columns) {
        personTouched.add(before.id());
        if (keepPlan && personUpdate != null) plan.personUpdates.add(personUpdate);
        List<RowProblem> notes = new ArrayList<>(p.notes());
        notes.add(RowProblem.of(columns.column(Field.POSITION), "import.note.postEnded",
                id.lindungdesa.i18n.Formats.date(ended.endDate())));
        RowClass cls = changes.isEmpty() ? RowClass.UNCHANGED : RowClass.CHANGED;
        RowResult result = new RowResult(p.row(), cls, p.nik(), p.fullName(), p.villageCode(), p.villageName(),
                p.position(), cls == RowClass.CHANGED ? changes : List.of(), List.of(), null, null, notes);
        if (keepPlan && cls == RowClass.CHANGED) {
            Map<String, Object> b = new java.util.LinkedHashMap<>();
            Map<String, Object> a = new java.util.LinkedHashMap<>();
            b.put("person", personUpdate[0]);
            a.put("person", personUpdate[1]);
            plan.applied.add(new Applied(result, before.id(), ended.id(), b, a));
        }
        return result;
    }

    private static RowResult refused(ParsedRow p, List<RowProblem> problems) {
        return new RowResult(p.row(), RowClass.REFUSED, p.nik(), p.fullName(), p.villageCode(), p.villageName(),
                p.position(), List.of(), problems, p.suggestion(), p.suggestedFor(), p.notes());
    }

    private static boolean sameName(String a, String b) {
        return a.replaceAll("\\s+", " ").strip().equalsIgnoreCase(b.replaceAll("\\s+", " ").strip());
    }

    private static boolean conflicts(Seen a, ParsedRow b) {
        return a.sex() != null && b.sex() != null && a.sex() != b.sex()
                || a.birthDate() != null && b.birthDate() != null && !a.birthDate().equals(b.birthDate());
    }

    /** The file's value when given, else the stored one; records the field when they differ. */
    private static <T> T pick(T fromFile, T stored, Field f, List<String> changes) {
        if (fromFile == null) return stored;
        if (fromFile instanceof String s && stored instanceof String t) {
            if (s.strip().equals(t.strip())) return stored;
        } else if (fromFile.equals(stored)) {
            return stored;
        }
        changes.add(f.name());
        return fromFile;
    }

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
