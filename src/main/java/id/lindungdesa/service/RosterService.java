package id.lindungdesa.service;

import id.lindungdesa.domain.Role;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.ContributionRate;
import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.EndReason;
import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.EnrolmentStatus;
import id.lindungdesa.domain.Nik;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.RosterRow;
import id.lindungdesa.domain.RosterRules;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.domain.VillageType;
import id.lindungdesa.domain.Warning;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.EnrolmentRepository;
import id.lindungdesa.persistence.PersonRepository;
import id.lindungdesa.persistence.PostRepository;
import id.lindungdesa.persistence.RateRepository;
import id.lindungdesa.persistence.RegionRepository;
import id.lindungdesa.persistence.Tx;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Rosters: people, their posts and terms. Every change is validated, audited and durable. */
public final class RosterService {
    private final Database db;
    private final PersonRepository people;
    private final PostRepository posts;
    private final EnrolmentRepository enrolments;
    private final RegionRepository regions;
    private final RateRepository rates;
    private final Clock clock;
    private final AuditLog audit;

    public RosterService(Database db, PersonRepository people, PostRepository posts, EnrolmentRepository enrolments,
                         RegionRepository regions, RateRepository rates, Clock clock, AuditLog audit) {
        this.db = db;
        this.people = people;
        this.posts = posts;
        this.enrolments = enrolments;
        this.regions = regions;
        this.rates = rates;
        this.clock = clock;
        this.audit = audit;
        plausibility();
    }

    /** Input for a new person (id and version are assigned). */
    public record NewPerson(String nik, String fullName, Sex sex, LocalDate birthDate, String birthPlace, String nkk,
                            String phone, EmploymentStatus employmentStatus, String homeVillageCode) {
    }

    /** Input for a new post. {@code plannedEndDate} null: from the post's usual term. */
    public record NewPost(UUID personId, String villageCode, Position position, String unitLabel, String skNumber,
                          LocalDate skDate, LocalDate startDate, LocalDate plannedEndDate) {
    }

    /** Someone already on a roster has this NIK: shown to the user, never merged silently. */
    public static final class DuplicateNikException extends id.lindungdesa.i18n.LocalizedException {
        public record Holder(Person person, List<String> villages) {
        }

        private final transient List<Holder> holders;

        public DuplicateNikException(String nik, List<Holder> holders) {
            super("roster.error.duplicateNik", nik, holders.getFirst().person().fullName(),
                    String.join(", ", holders.getFirst().villages()));
            this.holders = List.copyOf(holders);
        }

        public List<Holder> holders() {
            return holders;
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---------------------------------------------------------------- people

    /** Validates a person's fields; returns the errors (empty when fine). */
    public List<ValidationException.FieldError> validate(NewPerson p) {
        List<ValidationException.FieldError> errors = new ArrayList<>();
        Nik.Check c = Nik.check(p.nik(), today());
        if (!c.valid()) errors.add(ValidationException.FieldError.of("nik", "nik." + c.problem().name()));
        if (p.fullName() == null || p.fullName().isBlank()) {
            errors.add(ValidationException.FieldError.of("fullName", "error.required"));
        }
        if (p.sex() == null) errors.add(ValidationException.FieldError.of("sex", "error.required"));
        if (p.birthDate() != null && p.birthDate().isAfter(today())) {
            errors.add(ValidationException.FieldError.of("birthDate", "person.error.birthFuture"));
        }
        if (p.birthDate() != null) {
            id.lindungdesa.domain.Plausibility limits = plausibility();
            if (!limits.birthOk(p.birthDate())) {
                errors.add(ValidationException.FieldError.of("birthDate", "person.error.birthYear",
                        limits.birthYearMin(), p.birthDate().getYear()));
            }
        }
        tooLong(errors, "fullName", id.lindungdesa.domain.CleanText.of(p.fullName()).text(),
                id.lindungdesa.persistence.ColumnLimits.PERSON_FULL_NAME);
        tooLong(errors, "birthPlace", p.birthPlace(), id.lindungdesa.persistence.ColumnLimits.PERSON_BIRTH_PLACE);
        tooLong(errors, "phone", p.phone(), id.lindungdesa.persistence.ColumnLimits.PERSON_PHONE);
        if (p.nkk() != null && !p.nkk().isBlank() && !p.nkk().strip().matches("\\d{16}")) {
            errors.add(ValidationException.FieldError.of("nkk", "person.error.nkk"));
        }
        return errors;
    }

    private volatile id.lindungdesa.domain.Plausibility limits;

    /**
     * The plausibility limits in force today (dated rows, migration V65). Read once a day and kept, so that
     * {@link #validate(NewPerson)} stays quick enough for a form to call on the JavaFX thread.
     */
    public id.lindungdesa.domain.Plausibility plausibility() {
        LocalDate on = today();
        id.lindungdesa.domain.Plausibility l = limits;
        if (l == null || !l.on().equals(on)) {
            l = db.read(tx -> new id.lindungdesa.persistence.PlausibilityRepository().on(tx, on));
            limits = l;
        }
        return l;
    }

    /** A name without control, bidirectional-override or zero-width characters (issue 12 item 6). */
    static String cleanName(String name) {
        return name == null ? null : id.lindungdesa.domain.CleanText.of(name).text();
    }

    static void tooLong(List<ValidationException.FieldError> errors, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            errors.add(ValidationException.FieldError.of(field, "error.tooLong", max, value.strip().length()));
        }
    }

    /** Adds a person. Refuses an invalid NIK; refuses a NIK already on a roster with {@link DuplicateNikException}. */
    public Person addPerson(NewPerson input) {
        audit.require(Role.CLERK); // issue 17
        List<ValidationException.FieldError> errors = validate(input);
        if (!errors.isEmpty()) throw new ValidationException(errors);
        String nik = input.nik().strip();
        return db.write(tx -> {
            List<Person> same = people.findByNik(tx, nik);
            if (!same.isEmpty()) throw new DuplicateNikException(nik, holders(tx, same));
            Person p = new Person(UUID.randomUUID(), 1, nik, cleanName(input.fullName()), input.sex(), input.birthDate(),
                    blankToNull(input.birthPlace()), blankToNull(input.nkk()), blankToNull(input.phone()),
                    input.employmentStatus() == null ? EmploymentStatus.NON_ASN : input.employmentStatus(),
                    input.homeVillageCode());
            people.insert(tx, p, now());
            audit.record(tx, "CREATE", "person", p.id(), p.homeVillageCode(), p.id(), "Orang baru: " + p.fullName(),
                    null, p);
            return p;
        });
    }

    /** Updates a person; the version must match the stored one. */
    public Person updatePerson(Person changed) {
        audit.require(Role.CLERK); // issue 17
        NewPerson asInput = new NewPerson(changed.nik(), changed.fullName(), changed.sex(), changed.birthDate(),
                changed.birthPlace(), changed.nkk(), changed.phone(), changed.employmentStatus(),
                changed.homeVillageCode());
        List<ValidationException.FieldError> errors = validate(asInput);
        if (!errors.isEmpty()) throw new ValidationException(errors);
        Person cleaned = new Person(changed.id(), changed.version(), changed.nik(), cleanName(changed.fullName()),
                changed.sex(), changed.birthDate(), changed.birthPlace(), changed.nkk(), changed.phone(),
                changed.employmentStatus(), changed.homeVillageCode());
        return db.write(tx -> {
            Person before = people.find(tx, cleaned.id()).orElseThrow(() -> notFound("person", changed.id()));
            if (!before.nik().equals(changed.nik())) {
                List<Person> same = people.findByNik(tx, changed.nik()).stream()
                        .filter(o -> !o.id().equals(changed.id())).toList();
                if (!same.isEmpty()) throw new DuplicateNikException(changed.nik(), holders(tx, same));
            }
            Person after = people.update(tx, cleaned, now());
            audit.record(tx, "UPDATE", "person", after.id(), after.homeVillageCode(), after.id(),
                    "Data orang diubah: " + after.fullName(), before, after);
            return after;
        });
    }

    /** Removes a person (a tombstone with a reason; posts and enrolments stay in history). */
    public void removePerson(UUID id, int version, String reason) {
        audit.require(Role.CLERK); // issue 17
        if (reason == null || reason.isBlank()) throw ValidationException.of("reason", "error.required");
        db.writeVoid(tx -> {
            Person before = people.find(tx, id).orElseThrow(() -> notFound("person", id));
            people.tombstone(tx, id, version, reason, now());
            audit.record(tx, "DELETE", "person", id, before.homeVillageCode(), id, "Dihapus: " + before.fullName()
                    + " (" + reason + ")", before, null);
        });
    }

    public Optional<Person> person(UUID id) {
        return db.read(tx -> people.find(tx, id));
    }

    public List<Person> findByNik(String nik) {
        return db.read(tx -> people.findByNik(tx, nik));
    }

    // ---------------------------------------------------------------- posts

    public List<ValidationException.FieldError> validate(NewPost p) {
        List<ValidationException.FieldError> errors = new ArrayList<>();
        if (p.personId() == null) errors.add(ValidationException.FieldError.of("person", "error.required"));
        if (p.position() == null) errors.add(ValidationException.FieldError.of("position", "error.required"));
        if (p.startDate() == null) errors.add(ValidationException.FieldError.of("startDate", "error.required"));
        if (p.villageCode() == null || !Region.isValidCode(p.villageCode())
                || Region.villageTypeOf(p.villageCode()) == null) {
            errors.add(ValidationException.FieldError.of("village", "post.error.village"));
        } else if (p.position() != null && Region.villageTypeOf(p.villageCode()) == VillageType.KELURAHAN
                && (p.position().category() == Category.KEPALA_DESA || p.position().category() == Category.BPD
                || p.position().category() == Category.PERANGKAT_DESA)) {
            errors.add(ValidationException.FieldError.of("position", "post.error.kelurahan", p.position()));
        }
        if (p.startDate() != null && p.plannedEndDate() != null && !p.plannedEndDate().isAfter(p.startDate())) {
            errors.add(ValidationException.FieldError.of("plannedEndDate", "post.error.endBeforeStart"));
        }
        return errors;
    }

    /** Appoints a person to a post. */
    public Post appoint(NewPost input) {
        audit.require(Role.CLERK); // issue 17
        List<ValidationException.FieldError> errors = validate(input);
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return db.write(tx -> appointIn(tx, input));
    }

    private Post appointIn(Tx tx, NewPost input) {
        Person holder = people.find(tx, input.personId()).orElseThrow(() -> notFound("person", input.personId()));
        LocalDate planned = input.plannedEndDate() != null ? input.plannedEndDate()
                : RosterRules.plannedEnd(input.position(), input.startDate());
        Post p = new Post(UUID.randomUUID(), 1, holder.id(), input.villageCode(), input.position(),
                blankToNull(input.unitLabel()), blankToNull(input.skNumber()), input.skDate(), input.startDate(),
                planned, null, null);
        posts.insert(tx, p, now());
        audit.record(tx, "CREATE", "post", p.id(), p.villageCode(), holder.id(),
                "Pengangkatan " + p.position().labelId() + ": " + holder.fullName(), null, p);
        return p;
    }

    /**
     * Adds a new person and appoints them to a post in one transaction (the desktop's "new person" form): both
     * are validated first, so an error in either saves nothing. {@code post.personId()} is ignored.
     */
    public Post addPersonAndAppoint(NewPerson person, NewPost post) {
        audit.require(Role.CLERK); // issue 17
        List<ValidationException.FieldError> errors = new ArrayList<>(validate(person));
        NewPost probe = new NewPost(UUID.randomUUID(), post.villageCode(), post.position(), post.unitLabel(),
                post.skNumber(), post.skDate(), post.startDate(), post.plannedEndDate());
        errors.addAll(validate(probe));
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return db.write(tx -> {
            Person p = insertPersonIn(tx, person, post.villageCode());
            return appointIn(tx, new NewPost(p.id(), post.villageCode(), post.position(), post.unitLabel(),
                    post.skNumber(), post.skDate(), post.startDate(), post.plannedEndDate()));
        });
    }

    /**
     * Ends a term and appoints a successor who is not on any roster yet, in one transaction (the successor is
     * validated first; a NIK already on a roster is refused with {@link DuplicateNikException}).
     */
    public Post endAndAppointNew(UUID postId, int version, LocalDate endDate, EndReason reason, NewPerson successor,
                                 String skNumber, LocalDate skDate, LocalDate startDate) {
        audit.require(Role.CLERK); // issue 17
        List<ValidationException.FieldError> errors = validate(successor);
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return db.write(tx -> {
            Post ended = endTermIn(tx, postId, version, endDate, reason);
            Person p = insertPersonIn(tx, successor, ended.villageCode());
            NewPost next = new NewPost(p.id(), ended.villageCode(), ended.position(), ended.unitLabel(), skNumber,
                    skDate, startDate == null ? endDate : startDate, null);
            List<ValidationException.FieldError> postErrors = validate(next);
            if (!postErrors.isEmpty()) throw new ValidationException(postErrors);
            return appointIn(tx, next);
        });
    }

    private Person insertPersonIn(Tx tx, NewPerson input, String fallbackVillage) {
        String nik = input.nik().strip();
        List<Person> same = people.findByNik(tx, nik);
        if (!same.isEmpty()) throw new DuplicateNikException(nik, holders(tx, same));
        Person p = new Person(UUID.randomUUID(), 1, nik, input.fullName().strip(), input.sex(), input.birthDate(),
                blankToNull(input.birthPlace()), blankToNull(input.nkk()), blankToNull(input.phone()),
                input.employmentStatus() == null ? EmploymentStatus.NON_ASN : input.employmentStatus(),
                input.homeVillageCode() == null ? fallbackVillage : input.homeVillageCode());
        people.insert(tx, p, now());
        audit.record(tx, "CREATE", "person", p.id(), p.homeVillageCode(), p.id(), "Orang baru: " + p.fullName(),
                null, p);
        return p;
    }

    /** Updates a post's details (not for ending it: use {@link #endTerm}). */
    public Post updatePost(Post changed) {
        audit.require(Role.CLERK); // issue 17
        NewPost asInput = new NewPost(changed.personId(), changed.villageCode(), changed.position(),
                changed.unitLabel(), changed.skNumber(), changed.skDate(), changed.startDate(),
                changed.plannedEndDate());
        List<ValidationException.FieldError> errors = validate(asInput);
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return db.write(tx -> {
            Post before = posts.find(tx, changed.id()).orElseThrow(() -> notFound("post", changed.id()));
            Post after = posts.update(tx, changed, now());
            audit.record(tx, "UPDATE", "post", after.id(), after.villageCode(), after.personId(),
                    "Jabatan diubah: " + after.position().labelId(), before, after);
            return after;
        });
    }

    /** Ends a term on {@code endDate} for {@code reason}; the person's enrolments tied to it end too. */
    public Post endTerm(UUID postId, int version, LocalDate endDate, EndReason reason) {
        audit.require(Role.CLERK); // issue 17
        return db.write(tx -> endTermIn(tx, postId, version, endDate, reason));
    }

    private Post endTermIn(Tx tx, UUID postId, int version, LocalDate endDate, EndReason reason) {
        List<ValidationException.FieldError> errors = new ArrayList<>();
        if (endDate == null) errors.add(ValidationException.FieldError.of("endDate", "error.required"));
        if (reason == null) errors.add(ValidationException.FieldError.of("endReason", "error.required"));
        if (!errors.isEmpty()) throw new ValidationException(errors);
        Post before = posts.find(tx, postId).orElseThrow(() -> notFound("post", postId));
        if (before.version() != version) throw new id.lindungdesa.persistence.StaleRecordException("post", postId, version);
        if (before.endDate() != null) throw ValidationException.of("endDate", "post.error.alreadyEnded", before.endDate());
        if (endDate.isBefore(before.startDate())) throw ValidationException.of("endDate", "post.error.endBeforeStart");
        Post after = posts.update(tx, before.ended(endDate, reason), now());
        for (Enrolment e : enrolments.byPerson(tx, before.personId())) {
            if (!postId.equals(e.postId())) continue;
            enrolments.addStatus(tx, new EnrolmentStatus(UUID.randomUUID(), e.id(), EnrolmentState.ENDED, endDate,
                    "Masa jabatan berakhir: " + reason.labelId(), now(), audit.actor()));
            enrolments.touch(tx, e.id(), now());
        }
        audit.record(tx, "UPDATE", "post", postId, after.villageCode(), after.personId(),
                "Akhir masa jabatan " + after.position().labelId() + " (" + reason.labelId() + ")", before, after);
        return after;
    }

    /** One term in a joint end (s6): the post and its version, and its successor (someone on a roster, new, or none). */
    public record JointEnd(UUID postId, int version, UUID successorId, NewPerson newSuccessor) {
    }

    /**
     * Ends several terms together under one decision (SK), as when the terms of a village's BPD have run out (s6,
     * issue 13): each post ends on {@code endDate}, or on its own planned end when {@code endDate} is null; each
     * successor is appointed to the same post with the one SK, from {@code startDate} (or the end date). One
     * transaction: all or nothing.
     */
    public List<Post> endTogether(List<JointEnd> ends, LocalDate endDate, EndReason reason, String skNumber,
                                  LocalDate skDate, LocalDate startDate) {
        audit.require(Role.CLERK); // issue 17
        if (ends == null || ends.isEmpty()) throw ValidationException.of("posts", "roster.s6.together.none");
        for (JointEnd j : ends) {
            if (j.newSuccessor() == null) continue;
            List<ValidationException.FieldError> errors = validate(j.newSuccessor());
            if (!errors.isEmpty()) throw new ValidationException(errors);
        }
        return db.write(tx -> {
            List<Post> out = new ArrayList<>();
            for (JointEnd j : ends) {
                Post before = posts.find(tx, j.postId()).orElseThrow(() -> notFound("post", j.postId()));
                LocalDate end = endDate != null ? endDate : before.plannedEndDate();
                if (end == null) throw ValidationException.of("endDate", "error.required");
                Post ended = endTermIn(tx, j.postId(), j.version(), end, reason);
                UUID successor = j.successorId();
                if (successor == null && j.newSuccessor() != null) {
                    successor = insertPersonIn(tx, j.newSuccessor(), ended.villageCode()).id();
                }
                if (successor == null) {
                    out.add(ended);
                    continue;
                }
                NewPost next = new NewPost(successor, ended.villageCode(), ended.position(), ended.unitLabel(),
                        skNumber, skDate, startDate == null ? end : startDate, null);
                List<ValidationException.FieldError> errors = validate(next);
                if (!errors.isEmpty()) throw new ValidationException(errors);
                out.add(appointIn(tx, next));
            }
            return out;
        });
    }

    /** Ends a term and appoints a successor to the same post in one transaction. */
    public Post endAndAppoint(UUID postId, int version, LocalDate endDate, EndReason reason, UUID successorId,
                              String skNumber, LocalDate skDate, LocalDate startDate) {
        audit.require(Role.CLERK); // issue 17
        return db.write(tx -> {
            Post ended = endTermIn(tx, postId, version, endDate, reason);
            NewPost next = new NewPost(successorId, ended.villageCode(), ended.position(), ended.unitLabel(), skNumber,
                    skDate, startDate == null ? endDate : startDate, null);
            List<ValidationException.FieldError> errors = validate(next);
            if (!errors.isEmpty()) throw new ValidationException(errors);
            return appointIn(tx, next);
        });
    }

    public void removePost(UUID id, int version, String reason) {
        audit.require(Role.CLERK); // issue 17
        if (reason == null || reason.isBlank()) throw ValidationException.of("reason", "error.required");
        db.writeVoid(tx -> {
            Post before = posts.find(tx, id).orElseThrow(() -> notFound("post", id));
            posts.tombstone(tx, id, version, reason, now());
            audit.record(tx, "DELETE", "post", id, before.villageCode(), before.personId(),
                    "Jabatan dihapus (" + reason + ")", before, null);
        });
    }

    public List<Post> postsOf(UUID personId) {
        return db.read(tx -> posts.byPerson(tx, personId));
    }

    public Optional<Post> post(UUID id) {
        return db.read(tx -> posts.find(tx, id));
    }

    // ---------------------------------------------------------------- read models

    /** Everything needed to build roster rows and coverage within a region, read in one go. */
    public record Snapshot(LocalDate on, Map<UUID, Person> people, List<Post> posts, List<Enrolment> enrolments,
                           Map<UUID, List<EnrolmentStatus>> statuses, Map<String, Region> villages,
                           List<ContributionRate> rates, Map<UUID, List<Enrolment>> enrolmentsByPerson) {

        public static Snapshot of(LocalDate on, Map<UUID, Person> people, List<Post> posts,
                                  List<Enrolment> enrolments, Map<UUID, List<EnrolmentStatus>> statuses,
                                  Map<String, Region> villages, List<ContributionRate> rates) {
            return new Snapshot(on, people, posts, enrolments, statuses, villages, rates,
                    enrolments.stream().collect(Collectors.groupingBy(Enrolment::personId)));
        }

        /** The state of an enrolment on {@code date} from its status history, or null before its first status. */
        public EnrolmentState stateOn(UUID enrolmentId, LocalDate date) {
            EnrolmentState s = null;
            for (EnrolmentStatus st : statuses.getOrDefault(enrolmentId, List.of())) {
                if (!st.effectiveDate().isAfter(date)) s = st.state();
            }
            return s;
        }

        /** The person's enrolment that counts on {@code date}: an active one first, else the latest with a status. */
        public Optional<Enrolment> enrolmentOf(UUID personId, LocalDate date) {
            Enrolment best = null;
            for (Enrolment e : enrolmentsByPerson.getOrDefault(personId, List.of())) {
                EnrolmentState s = stateOn(e.id(), date);
                if (s == EnrolmentState.ACTIVE) return Optional.of(e);
                if (s != null) best = e;
            }
            return Optional.ofNullable(best);
        }
    }

    /**
     * Reads everything within a region in one go. The whole database is read with plain scans; one area starts
     * from its posts (an index range on the village code) and fetches only those people and their enrolments.
     */
    public Snapshot snapshot(String prefix, LocalDate on) {
        return db.read(tx -> {
            List<Post> po = posts.listWithin(tx, prefix);
            List<Person> ps;
            List<Enrolment> en;
            List<EnrolmentStatus> st;
            if (prefix == null || prefix.isEmpty()) {
                ps = people.listWithin(tx, "");
                en = enrolments.listWithin(tx, "");
                st = enrolments.historiesWithin(tx, "");
            } else {
                java.util.Set<UUID> ids = new java.util.HashSet<>();
                for (Post p : po) ids.add(p.personId());
                Map<UUID, Person> found = new HashMap<>();
                for (Person p : people.byIds(tx, ids)) found.put(p.id(), p);
                for (Person p : people.byHomeVillageWithin(tx, prefix)) found.put(p.id(), p);
                ps = new ArrayList<>(found.values());
                en = enrolments.byPersons(tx, found.keySet());
                st = enrolments.historiesOf(tx, en.stream().map(Enrolment::id).toList());
            }
            Map<UUID, Person> byId = ps.stream().collect(Collectors.toMap(Person::id, Function.identity()));
            Map<UUID, List<EnrolmentStatus>> byEnrolment = st.stream()
                    .collect(Collectors.groupingBy(EnrolmentStatus::enrolmentId));
            Map<String, Region> vs = new HashMap<>();
            for (Region r : regions.listWithin(tx, prefix, true)) {
                if (r.villageType() != null) vs.put(r.code(), r);
            }
            return Snapshot.of(on, byId, po, en, byEnrolment, vs, rates.rates(tx));
        });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private List<DuplicateNikException.Holder> holders(Tx tx, List<Person> same) {
        List<DuplicateNikException.Holder> out = new ArrayList<>();
        for (Person o : same) {
            List<String> villages = posts.byPerson(tx, o.id()).stream().map(Post::villageCode).distinct()
                    .map(c -> regions.find(tx, c).map(r -> r.name() + " (" + c + ")").orElse(c)).toList();
            out.add(new DuplicateNikException.Holder(o, villages));
        }
        return out;
    }

    static NotFoundException notFound(String type, UUID id) {
        return new NotFoundException(type, id);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Sorted by village then post order then name. */
    public static final Comparator<RosterRow> ROSTER_ORDER = Comparator.comparing(RosterRow::villageCode)
            .thenComparing(r -> r.position().ordinal()).thenComparing(RosterRow::fullName);

    /** Warnings for a roster snapshot (person and post checks, BPD size per village). */
    public static List<Warning> warnings(Snapshot s) {
        List<Warning> out = new ArrayList<>();
        for (Person p : s.people().values()) out.addAll(RosterRules.checkPerson(p, s.on()));
        Map<String, List<Post>> byVillage = new HashMap<>();
        for (Post post : s.posts()) {
            Person p = s.people().get(post.personId());
            if (p == null) continue;
            if (post.endDate() == null) out.addAll(RosterRules.checkPost(p, post, s.on()));
            byVillage.computeIfAbsent(post.villageCode(), k -> new ArrayList<>()).add(post);
        }
        for (var e : byVillage.entrySet()) {
            Warning w = RosterRules.checkBpdSize(e.getKey(), e.getValue(), s.on());
            if (w != null) out.add(w);
        }
        for (Enrolment e : s.enrolments()) {
            Person p = s.people().get(e.personId());
            EnrolmentState st = s.stateOn(e.id(), s.on());
            if (p != null && !p.enrollable() && (st == EnrolmentState.ACTIVE || st == EnrolmentState.REGISTERED)) {
                out.add(new Warning(Warning.Code.ASN_ENROLLED, p.homeVillageCode(), p.id(), e.postId(),
                        List.of(p.employmentStatus())));
            }
        }
        return out;
    }
}
