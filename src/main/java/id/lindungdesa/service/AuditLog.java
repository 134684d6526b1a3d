package id.lindungdesa.service;

import id.lindungdesa.domain.AuditEntry;
import id.lindungdesa.domain.Role;
import id.lindungdesa.domain.User;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.persistence.AuditRepository;
import id.lindungdesa.persistence.AuditRepository.ChainKey;
import id.lindungdesa.persistence.AuditRepository.ChainRow;
import id.lindungdesa.persistence.AuditRepository.Head;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.EnrolmentRepository;
import id.lindungdesa.persistence.PersonRepository;
import id.lindungdesa.persistence.PostRepository;
import id.lindungdesa.persistence.Tx;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Records who changed what, before and after, in the same transaction as the change. The trail is a keyed chain
 * (HMAC-SHA256, key in {@code <db>.audit-key.json} outside the database) whose head is written outside the
 * database after every commit and given to other offices in bundles and receipts (decision 0111).
 */
public final class AuditLog {
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final Database db;
    private final AuditRepository repo;
    private final Clock clock;
    private final Supplier<String> actor;
    private final Session session;
    private final Path keyPath;
    private volatile AuditKeyFile keyFile;
    private volatile String keyProblem;
    private volatile boolean dirty;

    public AuditLog(Database db, AuditRepository repo, Clock clock, Supplier<String> actor) {
        this(db, repo, clock, actor, new Session());
    }

    /**
     * {@code session}: who is signed in (issue 17): each entry names that user (login and name) and the office;
     * {@code actor} names the author while nobody is signed in (before set-up).
     */
    public AuditLog(Database db, AuditRepository repo, Clock clock, Supplier<String> actor, Session session) {
        this.db = db;
        this.repo = repo;
        this.clock = clock;
        this.actor = actor;
        this.session = session;
        this.keyPath = AuditKeyFile.pathFor(db.base());
        setUpKey(false);
        db.onCommitted(this::afterCommit);
        db.onReplaced(() -> setUpKey(true));
    }

    /**
     * Loads the chain key, or makes one (a new database, or one made before keyed chains: its existing entries are
     * the legacy part, sealed by the hash of its last entry). {@code replaced}: another file was swapped in (restore,
     * encryption): the head remembered outside is reset to that file's head.
     */
    private void setUpKey(boolean replaced) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        keyProblem = null;
        AuditKeyFile f;
        try {
            f = AuditKeyFile.read(keyPath);
        } catch (IOException | RuntimeException e) {
            keyProblem = Messages.tr("audit.problem.keyUnreadable", keyPath, e.getMessage());
            log.warn(keyProblem);
            f = null;
        }
        AuditKeyFile loaded = f;
        Optional<ChainRow> row = db.read(repo::chainRow);
        Head head = db.read(repo::head);
        if (loaded != null && row.isPresent() && !row.get().keyId().equals(loaded.keyId())) {
            keyProblem = Messages.tr("audit.problem.keyForeign", keyPath, loaded.keyId(), row.get().keyId());
        }
        if (loaded == null) {
            if (row.isPresent() && keyProblem == null) {
                keyProblem = Messages.tr("audit.problem.keyMissing", keyPath, row.get().keyId(),
                        String.valueOf(row.get().legacyUntil() + 1));
            }
            long legacy = row.map(ChainRow::legacyUntil).orElse(head.count());
            String legacyHead = row.map(ChainRow::legacyHead).orElse(head.mac());
            f = AuditKeyFile.create(legacy, legacyHead, now).withHead(head, now);
        } else if (row.isEmpty()) {
            // the file exists but this trail was never keyed (a backup from before keyed chains was restored)
            f = loaded.withLegacy(head.count(), head.mac()).withHead(head, now);
        } else if (replaced) {
            f = loaded.withHead(head, now);
        } else {
            f = loaded;
        }
        AuditKeyFile use = f;
        if (row.isEmpty() || !row.get().keyId().equals(use.keyId())) {
            try {
                db.writeVoid(tx -> repo.insertChainRow(tx, new ChainRow(use.keyId(), use.legacyUntil(),
                        use.legacyHead(), now)));
            } catch (RuntimeException e) {
                log.warn("audit chain row not written", e);
            }
        }
        repo.useKey(new ChainKey(use.keyId(), use.key(), use.legacyUntil()));
        keyFile = use;
        if (use != loaded) save(use);
    }

    private void save(AuditKeyFile f) {
        try {
            f.write(keyPath);
        } catch (IOException | RuntimeException e) {
            log.warn("audit key file {} not written: {}", keyPath, e.toString());
        }
    }

    /** After each commit that appended entries: the head goes outside the database. */
    private void afterCommit() {
        if (!dirty) return;
        dirty = false;
        try {
            Head h = db.read(repo::head);
            AuditKeyFile f = keyFile.withHead(h, OffsetDateTime.now(clock));
            keyFile = f;
            save(f);
        } catch (RuntimeException e) {
            log.warn("audit head not written", e);
        }
    }

    /** A record change as audited: what {@link #capture} hands to undo (issue 13). */
    public record Change(String entityType, UUID entityId, Object before, Object after) {
    }

    /** The result of work run under {@link #capture}, with the record changes it audited, in order. */
    public record Captured<T>(T result, List<Change> changes) {
    }

    private static final ThreadLocal<List<Change>> CAPTURING = new ThreadLocal<>();

    /** Runs {@code work} on this thread and returns, with its result, the record changes it audited. */
    public static <T> Captured<T> capture(Supplier<T> work) {
        List<Change> outer = CAPTURING.get();
        List<Change> changes = new java.util.ArrayList<>();
        CAPTURING.set(changes);
        try {
            T result = work.get();
            if (outer != null) outer.addAll(changes);
            return new Captured<>(result, List.copyOf(changes));
        } finally {
            CAPTURING.set(outer);
        }
    }

    public void record(Tx tx, String action, String entityType, UUID entityId, String villageCode, UUID personId,
                       String summary, Object before, Object after) {
        List<Change> capturing = CAPTURING.get();
        if (capturing != null) capturing.add(new Change(entityType, entityId, before, after));
        dirty = true;
        User u = session.user().orElse(null);
        repo.append(tx, OffsetDateTime.now(clock), actor(), u == null ? null : u.login(),
                u == null ? null : session.officeCode(), action, entityType,
                entityId == null ? null : entityId.toString(), villageCode, personId, summary, Json.write(before),
                Json.write(after));
    }

    public void recordText(Tx tx, String action, String entityType, String entityId, String villageCode,
                           String summary) {
        dirty = true;
        User u = session.user().orElse(null);
        repo.append(tx, OffsetDateTime.now(clock), actor(), u == null ? null : u.login(),
                u == null ? null : session.officeCode(), action, entityType, entityId, villageCode, null,
                summary, null, null);
    }

    /** The person recorded as the author of changes: the signed-in user, else the office's clerk. */
    public String actor() {
        return session.user().map(User::name).orElseGet(actor);
    }

    /** Who is signed in (issue 17). */
    public Session session() {
        return session;
    }

    /** The one line at a service entry point that writes: refuses unless the signed-in user holds {@code role}. */
    public void require(Role role) {
        session.require(role);
    }

    /** As {@link #require(Role)}, naming what was tried ({@code actionKey}, e.g. "access.do.signBundle"). */
    public void require(Role role, String actionKey) {
        session.require(role, actionKey);
    }

    public List<AuditEntry> forPerson(UUID personId) {
        return db.read(tx -> repo.forPerson(tx, personId, 500));
    }

    public List<AuditEntry> forVillage(String villageCode) {
        return db.read(tx -> repo.forVillage(tx, villageCode, 500));
    }

    /** The breaks of the keyed chain and of the head kept outside the database (see {@link #check()}). */
    public List<AuditRepository.Break> verify() {
        return check().problems().stream().map(p -> new AuditRepository.Break(p.seq(), p.at(), p.what())).toList();
    }

    public long count() {
        return db.read(repo::count);
    }

    /** The trail's head now (entry count + MAC): goes into bundle manifests and receipts. */
    public Head head(Tx tx) {
        return repo.head(tx);
    }

    public Head head() {
        return db.read(repo::head);
    }

    /** Remembers, outside the database, a head given to another office ({@code in}: which bundle or receipt). */
    public void anchored(Head h, String in) {
        AuditKeyFile f = keyFile.withAnchor(h, OffsetDateTime.now(clock), in);
        keyFile = f;
        save(f);
    }

    /** One problem found by {@link #check()}: the entry (0: the trail as a whole), when it was written, what. */
    public record Problem(long seq, OffsetDateTime at, String what) {
    }

    /** What {@link #check()} found; {@link #first()} is the first entry that fails. */
    public record Report(long entries, Head head, List<Problem> problems) {
        public boolean intact() {
            return problems.isEmpty();
        }

        public Optional<Problem> first() {
            return problems.stream().findFirst();
        }
    }

    /**
     * Checks the whole trail: every entry's MAC and link; that it still reaches the head recorded outside the
     * database after the last commit and the last head given to another office; the heads stated in this office's
     * bundles; and that the people, posts and enrolments still hold what the trail last recorded for them.
     */
    public Report check() {
        return db.read(tx -> {
            List<Problem> out = new ArrayList<>();
            if (keyProblem != null) out.add(new Problem(0, null, keyProblem));
            for (var b : repo.verify(tx)) out.add(new Problem(b.seq(), b.at(), b.reason()));
            AuditKeyFile f = keyFile;
            Head now = repo.head(tx);
            if (f.legacyUntil() > 0) reaches(tx, new Head(f.legacyUntil(), f.legacyHead()), null,
                    Messages.tr("audit.what.legacy"), out);
            if (f.head() != null) reaches(tx, f.head(), f.headAt(), Messages.tr("audit.what.outside"), out);
            if (f.anchored() != null) {
                reaches(tx, f.anchored(), f.anchoredAt(), Messages.tr("audit.what.anchored", f.anchoredIn()), out);
            }
            for (Head h : repo.exportedHeads(tx)) reaches(tx, h, null, Messages.tr("audit.what.bundle"), out);
            checkData(tx, out);
            out.sort(Comparator.comparingLong(Problem::seq));
            return new Report(now.count(), now, List.copyOf(out));
        });
    }

    /** True when entry {@code h.count} exists with MAC {@code h.mac}. */
    public boolean contains(Head h) {
        return db.read(tx -> h.count() == 0 || repo.entry(tx, h.count()).map(e -> e.hash().equals(h.mac()))
                .orElse(false));
    }

    private void reaches(Tx tx, Head h, OffsetDateTime at, String what, List<Problem> out) {
        if (h.count() == 0) return;
        Optional<AuditEntry> e = repo.entry(tx, h.count());
        if (e.isEmpty()) {
            out.add(new Problem(h.count(), at, Messages.tr("audit.problem.headMissing", what, String.valueOf(h.count()),
                    at == null ? "" : " (" + at + ")", String.valueOf(repo.count(tx)))));
        } else if (!e.get().hash().equals(h.mac())) {
            out.add(new Problem(h.count(), e.get().at(), Messages.tr("audit.problem.headDiffers", what)));
        }
    }

    private static final List<String> DATA_TYPES = List.of("person", "post", "enrolment");

    /** The latest trail entry of each person, post and enrolment must match the row as it is now. */
    private void checkData(Tx tx, List<Problem> out) {
        Map<String, AuditEntry> last = new HashMap<>();
        repo.forEachOfTypes(tx, DATA_TYPES, e -> {
            if (e.entityId() != null) last.put(e.entityType() + ":" + e.entityId(), e);
        });
        PersonRepository people = new PersonRepository();
        PostRepository posts = new PostRepository();
        EnrolmentRepository enrolments = new EnrolmentRepository();
        for (AuditEntry e : last.values()) {
            if (e.afterJson() == null || "DELETE".equals(e.action())) continue;
            UUID id;
            try {
                id = UUID.fromString(e.entityId());
            } catch (IllegalArgumentException ex) {
                continue;
            }
            Optional<?> row = switch (e.entityType()) {
                case "person" -> people.find(tx, id);
                case "post" -> posts.find(tx, id);
                default -> enrolments.find(tx, id);
            };
            JsonNode recorded = Json.MAPPER.readTree(e.afterJson());
            if (!recorded.isObject() || !e.entityId().equals(recorded.path("id").asString(""))) continue;
            if (row.isEmpty()) {
                out.add(new Problem(e.seq(), e.at(), Messages.tr("audit.problem.gone", e.entityType(), id)));
                continue;
            }
            JsonNode current = Json.MAPPER.valueToTree(row.get());
            // a change made by the program always raises the version; some (status changes, touches) are recorded
            // on another entity, so a newer row is not a finding. The same version with other content is.
            if (recorded.has("version") && current.has("version")) {
                long was = recorded.get("version").asLong();
                long is = current.get("version").asLong();
                if (is > was) continue;
                if (is < was) {
                    out.add(new Problem(e.seq(), e.at(), Messages.tr("audit.problem.older", e.entityType(), id, String.valueOf(is),
                            String.valueOf(was))));
                    continue;
                }
            }
            List<String> differ = new ArrayList<>();
            for (var it = recorded.properties().iterator(); it.hasNext(); ) {
                var p = it.next();
                if (current.has(p.getKey()) && !current.get(p.getKey()).equals(p.getValue())) differ.add(p.getKey());
            }
            if (!differ.isEmpty()) {
                out.add(new Problem(e.seq(), e.at(), Messages.tr("audit.problem.changed", e.entityType(), id,
                        String.join(", ", differ))));
            }
        }
    }
}
