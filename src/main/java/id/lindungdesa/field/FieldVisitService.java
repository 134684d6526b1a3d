package id.lindungdesa.field;

import id.lindungdesa.bundle.BundleException;
import id.lindungdesa.bundle.BundleException.Reason;
import id.lindungdesa.bundle.BundleFile;
import id.lindungdesa.bundle.BundleVerifier;
import id.lindungdesa.bundle.Dsse;
import id.lindungdesa.bundle.EncryptionKeys;
import id.lindungdesa.bundle.FieldManifest;
import id.lindungdesa.bundle.FingerprintWords;
import id.lindungdesa.bundle.Hashes;
import id.lindungdesa.bundle.Hpke;
import id.lindungdesa.bundle.KeyCrypto;
import id.lindungdesa.bundle.KeyService;
import id.lindungdesa.bundle.Manifest;
import id.lindungdesa.bundle.Period;
import id.lindungdesa.bundle.PublicKeyFile;
import id.lindungdesa.bundle.SnapshotHandler;
import id.lindungdesa.bundle.SnapshotReader;
import id.lindungdesa.bundle.Tombstone;
import id.lindungdesa.bundle.TrustService;
import id.lindungdesa.domain.AgreementInForce;
import id.lindungdesa.domain.ContributionRate;
import id.lindungdesa.domain.EncryptionKey;
import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.EnrolmentStatus;
import id.lindungdesa.domain.Office;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.Role;
import id.lindungdesa.domain.TrustedKey;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.DurableFiles;
import id.lindungdesa.persistence.EnrolmentRepository;
import id.lindungdesa.persistence.FieldVisitRepository;
import id.lindungdesa.persistence.FieldVisitRepository.Base;
import id.lindungdesa.persistence.JsonMappers;
import id.lindungdesa.persistence.PersonRepository;
import id.lindungdesa.persistence.PostRepository;
import id.lindungdesa.persistence.RegionRepository;
import id.lindungdesa.persistence.Tx;
import id.lindungdesa.service.AuditLog;
import id.lindungdesa.service.OfficeService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * Officer side of field visits (issue 15, decision 0170): opens a field package (verified against the district key,
 * pinned on first open after comparing its words), keeps the base it started from, writes signed returns of the local
 * changes sealed to the district, and marks delivered changes from the district's merge receipt.
 */
public final class FieldVisitService {
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};
    private static final TypeReference<List<AgreementInForce>> AGREEMENTS = new TypeReference<>() {};
    private static final TypeReference<List<ContributionRate>> RATES = new TypeReference<>() {};
    /**
     * The version of the return's sealed plaintext: 2 adds {@code statusSteps} and enrolment tombstones
     * (docs/bundle-format.md §7.5); the district reads 1 and 2.
     */
    static final int RETURN_VERSION = 2;

    private final Database db;
    private final FieldVisitRepository repo;
    private final PersonRepository people = new PersonRepository();
    private final PostRepository posts = new PostRepository();
    private final EnrolmentRepository enrolments = new EnrolmentRepository();
    private final RegionRepository regions = new RegionRepository();
    private final id.lindungdesa.persistence.AgreementRepository agreementRepo =
            new id.lindungdesa.persistence.AgreementRepository();
    private final id.lindungdesa.persistence.RateRepository rateRepo = new id.lindungdesa.persistence.RateRepository();
    private final OfficeService office;
    private final KeyService keys;
    private final TrustService trust;
    private final Clock clock;
    private final AuditLog audit;

    public FieldVisitService(Database db, FieldVisitRepository repo, OfficeService office, KeyService keys,
                             TrustService trust, Clock clock, AuditLog audit) {
        this.db = db;
        this.repo = repo;
        this.office = office;
        this.keys = keys;
        this.trust = trust;
        this.clock = clock;
        this.audit = audit;
    }

    /** What was opened: the package, whether the district key was pinned now, the counts and reapplied changes. */
    public record Opened(FieldManifest manifest, boolean pinned, boolean refreshed, int reapplied) {
    }

    /** The package currently opened here, if any. */
    public Optional<FieldVisitRepository.Opened> current() {
        return db.read(repo::current);
    }

    /**
     * What a package file says about itself before it is opened (its manifest is read, not yet verified): the
     * district, the kecamatan, the fingerprint words of the district key inside it, and whether that key is trusted
     * here already. The desktop shows the words for the officer to compare by phone before {@link #open}.
     */
    public record Peek(FieldManifest manifest, String districtName, String fingerprint, boolean trusted) {
    }

    public Peek peek(Path file) {
        BundleFile.Header h = BundleFile.readHeader(file, BundleFile.maxBytes());
        if (!FieldManifest.PAYLOAD_TYPE.equals(h.envelope().payloadType())) {
            throw new BundleException(Reason.UNSUPPORTED_VERSION, "field.error.notField", file.getFileName(),
                    h.envelope().payloadType());
        }
        FieldManifest m = FieldManifest.parse(h.envelope().payload());
        if (!FieldManifest.KIND_PACKAGE.equals(m.kind())) {
            throw new BundleException(Reason.UNSUPPORTED_VERSION, "field.error.notPackage", file.getFileName(),
                    m.kind());
        }
        PublicKeyFile k = m.issuerKey();
        return new Peek(m, m.issuer().name(), k == null ? "" : k.fingerprint(), trust.find(m.keyId()).isPresent());
    }

    /**
     * Opens a package. The district key inside it is trusted already, or {@code words} must be its fingerprint
     * words (or {@code confirmed} says the officer compared them), and it is pinned. Refuses, with the database
     * unchanged, a changed file, a wrong fingerprint, a package for another officer or kecamatan, an older package.
     */
    public Opened open(Path file, String words, boolean confirmed, char[] passphrase) {
        Office me = office.require();
        if (me.level() != OfficeLevel.SUBDISTRICT) throw new BundleException(Reason.WRONG_ISSUER, "field.error.notOfficer");
        BundleFile.Header h = BundleFile.readHeader(file, BundleFile.maxBytes());
        if (!FieldManifest.PAYLOAD_TYPE.equals(h.envelope().payloadType())) {
            throw new BundleException(Reason.UNSUPPORTED_VERSION, "field.error.notField", file.getFileName(),
                    h.envelope().payloadType());
        }
        FieldManifest unverified = FieldManifest.parse(h.envelope().payload());
        if (!FieldManifest.KIND_PACKAGE.equals(unverified.kind())) {
            throw new BundleException(Reason.UNSUPPORTED_VERSION, "field.error.notPackage", file.getFileName(),
                    unverified.kind());
        }
        PublicKeyFile districtKey = unverified.issuerKey();
        Optional<TrustedKey> known = trust.find(unverified.keyId());
        boolean pin = known.isEmpty();
        if (pin) {
            if (districtKey == null || !districtKey.keyId().equals(unverified.keyId())
                    || districtKey.officeLevel() != OfficeLevel.DISTRICT) {
                throw new BundleException(Reason.UNKNOWN_KEY, "bundle.error.unknownKey", unverified.keyId());
            }
            if (words != null && !words.isBlank()) {
                if (!FingerprintWords.matches(words, districtKey.fingerprint())) {
                    throw new BundleException(Reason.BAD_SIGNATURE, "field.error.fingerprint",
                            districtKey.officeName());
                }
            } else if (!confirmed) {
                throw new BundleException(Reason.UNCONFIRMED_KEY, "field.error.fingerprintNeeded",
                        districtKey.officeName(), districtKey.fingerprint());
            }
        }
        TrustedKey candidate = pin ? new TrustedKey(districtKey.keyId(), KeyCrypto.ALGORITHM, districtKey.publicKey(),
                districtKey.fingerprint(), districtKey.officeCode(), districtKey.officeName(), OfficeLevel.DISTRICT,
                OffsetDateTime.now(clock), audit.actor(), null, null, null, null) : null;
        FieldBundles.Checked c = FieldBundles.verify(file, id -> pin
                ? (id.equals(candidate.keyId()) ? Optional.of(candidate) : Optional.empty()) : trust.find(id));
        FieldManifest m = c.manifest();
        if (!Region.within(m.kecamatan().code(), m.issuer().code()) || m.issuer().level() != OfficeLevel.DISTRICT) {
            throw new BundleException(Reason.WRONG_ISSUER, "field.error.wrongKecamatan", m.kecamatan().code(),
                    m.issuer().code());
        }
        if (!m.kecamatan().code().equals(me.regionCode()) || !m.recipient().officeCode().equals(me.regionCode())) {
            throw new BundleException(Reason.WRONG_ISSUER, "field.error.wrongKecamatan", m.kecamatan().code(),
                    me.regionCode());
        }
        Optional<FieldVisitRepository.Opened> before = current();
        if (before.isPresent()) {
            var b = before.get();
            if (!b.districtCode().equals(m.issuer().code())) {
                throw new BundleException(Reason.WRONG_ISSUER, "field.error.wrongKecamatan", m.kecamatan().code(),
                        b.kecamatanCode());
            }
            if (b.packageId().equals(m.packageId())) {
                throw new BundleException(Reason.REPLAYED, "field.error.alreadyOpened", String.valueOf(m.sequence()));
            }
            if (m.sequence() <= b.sequence()) {
                throw new BundleException(Reason.OLDER_SEQUENCE, "field.error.olderPackage",
                        String.valueOf(m.sequence()), String.valueOf(b.sequence()));
            }
        }
        byte[] plain = FieldBundles.open(c, keys.encryptionKeys(), passphrase);
        Loaded data = parse(m, plain);
        if (pin) pin(districtKey);
        return db.write(tx -> {
            int reapplied = 0;
            Pending pending = before.isPresent() ? pending(tx) : Pending.EMPTY;
            load(tx, data);
            List<Base> base = new ArrayList<>();
            for (Person p : data.people) base.add(base(FieldRecords.PERSON, p.id(), p.version(), FieldRecords.of(p)));
            for (Post p : data.posts) base.add(base(FieldRecords.POST, p.id(), p.version(), FieldRecords.of(p)));
            for (Enrolment e : data.enrolments) {
                base.add(base(FieldRecords.ENROLMENT, e.id(), e.version(), FieldRecords.of(e)));
            }
            for (EnrolmentStatus st : data.statuses) base.add(statusBase(st));
            reapplied = reapply(tx, pending, base);
            repo.replaceBase(tx, base);
            repo.insertOpened(tx, new FieldVisitRepository.Opened(m.packageId(), m.sequence(), m.issuer().code(),
                    m.keyId(), m.kecamatan().code(), c.statementSha256(), OffsetDateTime.now(clock), audit.actor()));
            audit.recordText(tx, "IMPORT", "field_package", m.packageId().toString(), null,
                    "Paket lapangan #" + m.sequence() + " dari " + m.issuer().name() + " dibuka: " + m.counts()
                            + (before.isPresent() ? "; perubahan lokal diterapkan lagi: " + reapplied : ""));
            return new Opened(m, pin, before.isPresent(), reapplied);
        });
    }

    private void pin(PublicKeyFile k) {
        try {
            Path tmp = Files.createTempFile("lindungdesa-district", ".pub.json");
            try {
                Files.write(tmp, k.toJson());
                trust.add(tmp, k.fingerprint());
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new BundleException(Reason.IO, e, "bundle.error.io", "temp", e.getMessage());
        }
    }

    /** The base row of a status step the package carried (so a step not among them is the officer's). */
    private static Base statusBase(EnrolmentStatus st) {
        return base(FieldRecords.STATUS, st.id(), 0, FieldRecords.of(st));
    }

    private static Base base(String entity, UUID id, int version, Map<String, String> fields) {
        return new Base(entity, id, version, JsonMappers.MAPPER.writeValueAsString(fields));
    }

    /** The records of a package, read whole before anything is written. */
    private static final class Loaded {
        final List<Region> regions = new ArrayList<>();
        final List<Person> people = new ArrayList<>();
        final List<Post> posts = new ArrayList<>();
        final List<Enrolment> enrolments = new ArrayList<>();
        final List<EnrolmentStatus> statuses = new ArrayList<>();
        /** Read-only reference data: the agreements in force and the dated rates. */
        List<AgreementInForce> agreements = List.of();
        List<ContributionRate> rates = List.of();
    }

    private static Loaded parse(FieldManifest m, byte[] plain) {
        int nl = 0;
        while (nl < plain.length && plain[nl] != '\n') nl++;
        if (nl >= plain.length) throw new BundleException(Reason.MALFORMED, "bundle.error.truncated", "payload");
        JsonNode head = JsonMappers.MAPPER.readTree(new String(plain, 0, nl, StandardCharsets.UTF_8));
        if (!FieldManifest.KIND_PACKAGE.equals(head.path("kind").asString(""))
                || !m.packageId().toString().equals(head.path("packageId").asString(""))) {
            throw new BundleException(Reason.WRONG_TYPES, "bundle.error.value", "payload.packageId",
                    head.path("packageId").asString(""));
        }
        Map<String, Long> counts = new LinkedHashMap<>(m.counts());
        counts.remove("agreements");
        counts.remove("rates");
        Manifest snapshot = new Manifest(Manifest.FORMAT_VERSION, m.bundleId(), Manifest.KIND_DISTRICT_SNAPSHOT,
                m.issuer(), m.keyId(),
                m.sequence(), null, m.createdAt(), Period.containing(m.createdAt().toLocalDate()), counts,
                m.payload(), null, null);
        Loaded out = new Loaded();
        try {
            if (head.has("agreements")) out.agreements = JsonMappers.MAPPER.readValue(
                    JsonMappers.MAPPER.writeValueAsString(head.get("agreements")), AGREEMENTS);
            if (head.has("rates")) out.rates = JsonMappers.MAPPER.readValue(
                    JsonMappers.MAPPER.writeValueAsString(head.get("rates")), RATES);
        } catch (RuntimeException e) {
            throw new BundleException(Reason.MALFORMED, "bundle.error.value", "payload.agreements", e.getMessage());
        }
        new SnapshotReader(snapshot, new SnapshotHandler() {
            @Override
            public void region(Region r) { out.regions.add(r); }

            @Override
            public void person(Person p) { out.people.add(p); }

            @Override
            public void post(Post p) { out.posts.add(p); }

            @Override
            public void enrolment(Enrolment e, List<EnrolmentStatus> history) {
                out.enrolments.add(e);
                out.statuses.addAll(history);
            }

            @Override
            public void tombstone(Tombstone t) { }
        }, m.kecamatan().code()).read(new ByteArrayInputStream(plain, nl + 1, plain.length - nl - 1));
        return out;
    }

    /** Writes the package's records with their ids and versions (over the local copy on a refresh). */
    private void load(Tx tx, Loaded d) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Region> missing = new ArrayList<>();
        for (Region r : d.regions) if (regions.find(tx, r.code()).isEmpty()) missing.add(r);
        if (!missing.isEmpty()) regions.insertAll(tx, missing, now);
        List<Person> newPeople = new ArrayList<>();
        for (Person p : d.people) {
            Optional<Integer> v = repo.anyVersion(tx, FieldRecords.PERSON, p.id());
            if (v.isEmpty()) newPeople.add(p);
            else if (!repo.removed(tx, FieldRecords.PERSON, p.id())) overwrite(tx, FieldRecords.PERSON, p.id(), v.get(),
                    p.version(), () -> people.update(tx, p.withVersion(v.get()), now));
        }
        people.insertAll(tx, newPeople, now);
        List<Post> newPosts = new ArrayList<>();
        for (Post p : d.posts) {
            Optional<Integer> v = repo.anyVersion(tx, FieldRecords.POST, p.id());
            if (v.isEmpty()) newPosts.add(p);
            else if (!repo.removed(tx, FieldRecords.POST, p.id())) overwrite(tx, FieldRecords.POST, p.id(), v.get(),
                    p.version(), () -> posts.update(tx, FieldRecords.post(p.id(), v.get(), FieldRecords.of(p)), now));
        }
        posts.insertAll(tx, newPosts, now);
        List<Enrolment> newEnrolments = new ArrayList<>();
        for (Enrolment e : d.enrolments) {
            Optional<Integer> v = repo.anyVersion(tx, FieldRecords.ENROLMENT, e.id());
            if (v.isEmpty()) newEnrolments.add(e);
            else if (!repo.removed(tx, FieldRecords.ENROLMENT, e.id())) overwrite(tx, FieldRecords.ENROLMENT, e.id(),
                    v.get(), e.version(), () -> enrolments.update(tx,
                            FieldRecords.enrolment(e.id(), v.get(), FieldRecords.of(e)), now));
        }
        enrolments.insertAll(tx, newEnrolments, now);
        Set<UUID> known = new HashSet<>();
        List<UUID> ids = d.enrolments.stream().map(Enrolment::id).toList();
        for (EnrolmentStatus s : enrolments.historiesOf(tx, ids)) known.add(s.id());
        List<EnrolmentStatus> add = d.statuses.stream().filter(s -> !known.contains(s.id())).toList();
        if (!add.isEmpty()) enrolments.addStatuses(tx, add);
        loadReference(tx, d, now);
    }

    /**
     * The district's agreements in force and dated rates, kept read-only on the officer's desk (the agreement service
     * and the rate writes refuse changes at a kecamatan office). A newer package replaces them.
     */
    private void loadReference(Tx tx, Loaded d, OffsetDateTime now) {
        Set<UUID> addenda = new HashSet<>();
        for (var ad : agreementRepo.allAddenda(tx)) addenda.add(ad.id());
        for (AgreementInForce x : d.agreements) {
            id.lindungdesa.domain.Agreement a = x.agreement().withAttachment(null); // the scan stays at the district
            var local = agreementRepo.find(tx, a.id());
            if (local.isEmpty()) agreementRepo.insert(tx, a, now);
            else agreementRepo.update(tx, a.withVersion(local.get().version()), now);
            for (var ad : x.applied()) if (addenda.add(ad.id())) agreementRepo.insertAddendum(tx, ad, now);
        }
        if (!d.rates.isEmpty()) rateRepo.replaceRates(tx, d.rates);
    }

    private void overwrite(Tx tx, String entity, UUID id, int local, int version, Runnable update) {
        update.run();
        repo.setVersion(tx, entity, id, version);
    }

    // ---- changes since the base ----

    /** One changed record: field → {base, value}. */
    record Changed(String entity, UUID id, int baseVersion, Map<String, String> base, Map<String, String> values) {
    }

    record Added(String entity, UUID id, Map<String, String> fields) {
    }

    record Removed(String entity, UUID id, int baseVersion) {
    }

    /** A status step added here: its enrolment, id, fields, and the steps that enrolment had in the base. */
    record Step(UUID enrolmentId, UUID id, Map<String, String> fields, List<UUID> baseSteps) {
    }

    record Pending(List<Changed> changed, List<Added> added, List<Removed> removed, List<Step> steps) {
        static final Pending EMPTY = new Pending(List.of(), List.of(), List.of(), List.of());

        boolean isEmpty() {
            return changed.isEmpty() && added.isEmpty() && removed.isEmpty() && steps.isEmpty();
        }
    }

    /** The local changes since the base, sorted (the same edits always give the same list). */
    Pending pending(Tx tx) {
        Map<String, Map<UUID, Map<String, String>>> now = new TreeMap<>();
        for (Person p : repo.allPeople(tx)) put(now, FieldRecords.PERSON, p.id(), FieldRecords.of(p));
        for (Post p : repo.allPosts(tx)) put(now, FieldRecords.POST, p.id(), FieldRecords.of(p));
        for (Enrolment e : repo.allEnrolments(tx)) put(now, FieldRecords.ENROLMENT, e.id(), FieldRecords.of(e));
        List<Changed> changed = new ArrayList<>();
        List<Removed> removed = new ArrayList<>();
        Map<String, Set<UUID>> inBase = new HashMap<>();
        Map<UUID, List<UUID>> baseSteps = new HashMap<>();
        Set<UUID> baseStepIds = new HashSet<>();
        for (Base b : repo.base(tx)) {
            if (FieldRecords.STATUS.equals(b.entity())) {
                baseStepIds.add(b.recordId());
                String eid = JsonMappers.MAPPER.readValue(b.fieldsJson(), FIELDS).get("enrolmentId");
                baseSteps.computeIfAbsent(UUID.fromString(eid), k -> new ArrayList<>()).add(b.recordId());
                continue;
            }
            inBase.computeIfAbsent(b.entity(), k -> new HashSet<>()).add(b.recordId());
            Map<String, String> baseFields = JsonMappers.MAPPER.readValue(b.fieldsJson(), FIELDS);
            Map<String, String> cur = now.getOrDefault(b.entity(), Map.of()).get(b.recordId());
            if (cur == null) {
                if (repo.removed(tx, b.entity(), b.recordId())) {
                    removed.add(new Removed(b.entity(), b.recordId(), b.version()));
                }
                continue;
            }
            Map<String, String> diff = FieldRecords.changed(baseFields, cur);
            if (diff.isEmpty()) continue;
            Map<String, String> was = new TreeMap<>();
            for (String f : diff.keySet()) was.put(f, baseFields.get(f));
            changed.add(new Changed(b.entity(), b.recordId(), b.version(), was, diff));
        }
        List<Added> added = new ArrayList<>();
        for (var e : now.entrySet()) {
            for (var r : e.getValue().entrySet()) {
                if (!inBase.getOrDefault(e.getKey(), Set.of()).contains(r.getKey())) {
                    added.add(new Added(e.getKey(), r.getKey(), r.getValue()));
                }
            }
        }
        List<Step> steps = new ArrayList<>();
        Set<UUID> live = now.getOrDefault(FieldRecords.ENROLMENT, Map.of()).keySet();
        for (EnrolmentStatus st : enrolments.historiesOf(tx, live)) {
            if (baseStepIds.contains(st.id())) continue;
            List<UUID> had = new ArrayList<>(baseSteps.getOrDefault(st.enrolmentId(), List.of()));
            had.sort(null);
            steps.add(new Step(st.enrolmentId(), st.id(), FieldRecords.of(st), had));
        }
        steps.sort(java.util.Comparator.comparing(Step::enrolmentId).thenComparing(Step::id));
        java.util.Comparator<String> order = java.util.Comparator.comparingInt(FieldVisitService::rank);
        changed.sort(java.util.Comparator.comparing(Changed::entity, order).thenComparing(Changed::id));
        removed.sort(java.util.Comparator.comparing(Removed::entity, order).thenComparing(Removed::id));
        added.sort(java.util.Comparator.comparing(Added::entity, order).thenComparing(Added::id));
        return new Pending(changed, added, removed, steps);
    }

    static int rank(String entity) {
        return switch (entity) {
            case FieldRecords.PERSON -> 0;
            case FieldRecords.POST -> 1;
            default -> 2;
        };
    }

    private static void put(Map<String, Map<UUID, Map<String, String>>> m, String entity, UUID id,
                            Map<String, String> f) {
        m.computeIfAbsent(entity, k -> new TreeMap<>()).put(id, f);
    }

    /**
     * After a refresh, puts the local changes not yet returned back over the new base. A field whose change is
     * reapplied keeps the old base value in the base, so the district's merge still sees both sides.
     */
    private int reapply(Tx tx, Pending p, List<Base> base) {
        if (p.isEmpty()) return 0;
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < base.size(); i++) at.put(base.get(i).entity() + ":" + base.get(i).recordId(), i);
        int n = 0;
        for (Changed c : p.changed()) {
            Integer i = at.get(c.entity() + ":" + c.id());
            if (i == null) continue; // no longer in the kecamatan's package
            Base b = base.get(i);
            Map<String, String> fields = new LinkedHashMap<>(JsonMappers.MAPPER.readValue(b.fieldsJson(), FIELDS));
            Map<String, String> newBase = new LinkedHashMap<>(fields);
            fields.putAll(c.values());
            newBase.putAll(c.base());
            int v = repo.anyVersion(tx, c.entity(), c.id()).orElseThrow();
            switch (c.entity()) {
                case FieldRecords.PERSON -> people.update(tx, FieldRecords.person(c.id(), v, fields), now);
                case FieldRecords.POST -> posts.update(tx, FieldRecords.post(c.id(), v, fields), now);
                default -> enrolments.update(tx, FieldRecords.enrolment(c.id(), v, fields), now);
            }
            base.set(i, base(b.entity(), b.recordId(), b.version(), newBase));
            n++;
        }
        for (Removed r : p.removed()) {
            if (!at.containsKey(r.entity() + ":" + r.id()) || repo.removed(tx, r.entity(), r.id())) continue;
            int v = repo.anyVersion(tx, r.entity(), r.id()).orElseThrow();
            switch (r.entity()) {
                case FieldRecords.PERSON -> people.tombstone(tx, r.id(), v, "field", now);
                case FieldRecords.POST -> posts.tombstone(tx, r.id(), v, "field", now);
                default -> enrolments.tombstone(tx, r.id(), v, "field", now);
            }
            n++;
        }
        return n + p.added().size() + p.steps().size(); // added records and status steps stay where they are
    }

    // ---- return ----

    /** A return written: its manifest, and whether it repeats the previous one (no new edits). */
    public record Written(Path file, FieldManifest manifest, boolean repeated) {
    }

    /** The local changes since the package, as the return would carry them. */
    public Map<String, Integer> pendingCounts() {
        Pending p = db.read(this::pending);
        return Map.of("changed", p.changed().size(), "added", p.added().size(), "tombstones", p.removed().size(),
                "statusSteps", p.steps().size());
    }

    /**
     * Writes the signed return of every local change since the package, sealed to the district's encryption key.
     * Numbered per officer and chained to the previous return; without new edits it repeats the previous return's
     * number and content.
     */
    public Written writeReturn(Path out, char[] passphrase) {
        audit.require(Role.HEAD, "access.do.signBundle");
        Office me = office.require();
        if (me.level() != OfficeLevel.SUBDISTRICT) throw new BundleException(Reason.WRONG_ISSUER, "field.error.notOfficer");
        FieldVisitRepository.Opened opened = current().orElseThrow(
                () -> new BundleException(Reason.NOT_FOUND, "field.error.nothingOpened"));
        TrustedKey district = trust.find(opened.districtKeyId()).orElseThrow(
                () -> new BundleException(Reason.UNKNOWN_KEY, "bundle.error.unknownKey", opened.districtKeyId()));
        EncryptionKey to = trust.encryptionKeyOf(district.keyId()).orElseThrow(
                () -> new BundleException(Reason.NO_KEY, "field.error.noEncryptionKey", district.officeName()));
        List<KeyService.Signer> signers = keys.signers(passphrase);
        PublicKeyFile mine = keys.publicKeyFile();
        Path target = out.toAbsolutePath();
        return db.write(tx -> {
            Pending p = pending(tx);
            Map<String, Object> content = content(opened.packageId(), p);
            String contentSha = Hashes.sha256Hex(JsonMappers.MAPPER.writeValueAsBytes(content));
            Optional<FieldVisitRepository.ReturnOut> last = repo.lastReturnOut(tx);
            boolean repeat = last.isPresent() && last.get().contentSha256().equals(contentSha)
                    && last.get().deliveredAt() == null;
            long seq = repeat ? last.get().sequence() : last.map(FieldVisitRepository.ReturnOut::sequence).orElse(0L) + 1;
            UUID returnId = repeat ? last.get().returnId() : UUID.randomUUID();
            OffsetDateTime created = repeat ? last.get().createdAt() : OffsetDateTime.now(clock);
            String prev = repeat ? previousOf(tx, seq) : last.map(FieldVisitRepository.ReturnOut::statementSha256)
                    .orElse(null);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("kind", FieldManifest.KIND_RETURN);
            doc.put("formatVersion", RETURN_VERSION);
            doc.put("returnId", returnId.toString());
            doc.put("sequence", seq);
            doc.putAll(content);
            byte[] plain = JsonMappers.MAPPER.writeValueAsBytes(doc);
            Hpke.Sealed sealed = Hpke.seal(EncryptionKeys.rawPublic(to),
                    FieldManifest.info(FieldManifest.KIND_RETURN, returnId), new byte[0], plain);
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("changed", (long) p.changed().size());
            counts.put("added", (long) p.added().size());
            counts.put("tombstones", (long) p.removed().size());
            counts.put("statusSteps", (long) p.steps().size());
            FieldManifest m = new FieldManifest(FieldManifest.FORMAT_VERSION, returnId, FieldManifest.KIND_RETURN,
                    new Manifest.Issuer(me.regionCode(), me.name(), me.level()), signers.get(0).keyId(), seq, prev,
                    created, new FieldManifest.Scope(opened.kecamatanCode(), me.name()),
                    new FieldManifest.Recipient(district.officeCode(), district.officeName(), district.keyId(),
                            to.keyId()),
                    opened.packageId(), counts, mine, new FieldManifest.Encryption(Hpke.SUITE, sealed.enc()),
                    new Manifest.PayloadRef(FieldManifest.RETURN_TYPE, Hashes.sha256Hex(sealed.ciphertext()),
                            sealed.ciphertext().length));
            byte[] statement = m.toJson();
            byte[] pae = Dsse.pae(FieldManifest.PAYLOAD_TYPE, statement);
            List<Dsse.Signature> sigs = new ArrayList<>();
            for (KeyService.Signer s : signers) sigs.add(new Dsse.Signature(s.keyId(), KeyCrypto.sign(s.key(), pae)));
            byte[] env = new Dsse.Envelope(FieldManifest.PAYLOAD_TYPE, statement, sigs).toJson();
            if (!repeat) {
                repo.insertReturnOut(tx, new FieldVisitRepository.ReturnOut(seq, returnId, opened.packageId(),
                        contentSha, Hashes.sha256Hex(statement), created, null));
            }
            audit.recordText(tx, "EXPORT", "field_return", returnId.toString(), null,
                    "Kiriman balik lapangan #" + seq + (repeat ? " (diulang)" : "") + ": " + counts);
            byte[] bytes = new byte[env.length + 1 + sealed.ciphertext().length];
            System.arraycopy(env, 0, bytes, 0, env.length);
            bytes[env.length] = '\n';
            System.arraycopy(sealed.ciphertext(), 0, bytes, env.length + 1, sealed.ciphertext().length);
            try {
                DurableFiles.writeBytes(target, bytes);
            } catch (IOException e) {
                throw new BundleException(Reason.IO, e, "bundle.error.io", target, e.getMessage());
            }
            return new Written(target, m, repeat);
        });
    }

    private String previousOf(Tx tx, long seq) {
        return repo.returnsOut(tx).stream().filter(r -> r.sequence() == seq - 1).findFirst()
                .map(FieldVisitRepository.ReturnOut::statementSha256).orElse(null);
    }

    /** The deterministic part of a return: the package it answers and the change lists. */
    static Map<String, Object> content(UUID packageId, Pending p) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("packageId", packageId.toString());
        List<Map<String, Object>> changed = new ArrayList<>();
        for (Changed c : p.changed()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("entity", c.entity());
            r.put("id", c.id().toString());
            r.put("baseVersion", c.baseVersion());
            Map<String, Object> fields = new TreeMap<>();
            for (var f : c.values().entrySet()) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("base", c.base().get(f.getKey()));
                v.put("value", f.getValue());
                fields.put(f.getKey(), v);
            }
            r.put("fields", fields);
            changed.add(r);
        }
        List<Map<String, Object>> added = new ArrayList<>();
        for (Added a : p.added()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("entity", a.entity());
            r.put("id", a.id().toString());
            r.put("fields", new TreeMap<>(a.fields()));
            added.add(r);
        }
        List<Map<String, Object>> removed = new ArrayList<>();
        for (Removed t : p.removed()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("entity", t.entity());
            r.put("id", t.id().toString());
            r.put("baseVersion", t.baseVersion());
            removed.add(r);
        }
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Step st : p.steps()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("enrolmentId", st.enrolmentId().toString());
            r.put("id", st.id().toString());
            r.put("state", st.fields().get("state"));
            r.put("effectiveDate", st.fields().get("effectiveDate"));
            r.put("note", st.fields().get("note"));
            r.put("recordedAt", st.fields().get("recordedAt"));
            r.put("baseSteps", st.baseSteps().stream().map(UUID::toString).toList());
            steps.add(r);
        }
        doc.put("changed", changed);
        doc.put("added", added);
        doc.put("tombstones", removed);
        doc.put("statusSteps", steps);
        return doc;
    }

    // ---- receipt ----

    /** A receipt imported: the return it confirms, and whether the base moved to the delivered values. */
    public record Receipt(long sequence, UUID returnId, int applied, int conflicts, boolean rebased) {
    }

    /**
     * Imports the district's signed merge receipt: checks the signature by the pinned district key and that it
     * confirms a return written here, and marks that return delivered. When nothing was edited since that return,
     * the delivered values become the new base, so the next return carries only newer edits.
     */
    public Receipt importReceipt(Path file) {
        Office me = office.require();
        if (me.level() != OfficeLevel.SUBDISTRICT) throw new BundleException(Reason.WRONG_ISSUER, "field.error.notOfficer");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BundleException(Reason.IO, e, "bundle.error.io", file, e.getMessage());
        }
        Dsse.Envelope env = Dsse.parse(bytes);
        if (!FieldMergeService.RECEIPT_TYPE.equals(env.payloadType())) {
            throw new BundleException(Reason.UNSUPPORTED_VERSION, "field.error.notField", file.getFileName(),
                    env.payloadType());
        }
        TrustedKey signer = BundleVerifier.checkSignature(env, trust::find);
        JsonNode r = JsonMappers.MAPPER.readTree(env.payload());
        UUID returnId;
        try {
            returnId = UUID.fromString(r.path("returnId").asString(""));
        } catch (IllegalArgumentException e) {
            throw new BundleException(Reason.WRONG_TYPES, "bundle.error.value", "payload.returnId",
                    r.path("returnId").asString(""));
        }
        return db.write(tx -> {
            FieldVisitRepository.Opened opened = repo.current(tx).orElseThrow(
                    () -> new BundleException(Reason.NOT_FOUND, "field.error.nothingOpened"));
            if (!signer.officeCode().equals(opened.districtCode())) {
                throw new BundleException(Reason.WRONG_ISSUER, "bundle.error.issuerKey", opened.districtCode(),
                        signer.keyId(), signer.officeCode());
            }
            FieldVisitRepository.ReturnOut out = repo.returnOut(tx, returnId).orElseThrow(
                    () -> new BundleException(Reason.NOT_FOUND, "field.error.receiptUnknown", returnId));
            if (out.deliveredAt() != null) {
                throw new BundleException(Reason.REPLAYED, "field.error.receiptAgain", String.valueOf(out.sequence()));
            }
            repo.markDelivered(tx, returnId, OffsetDateTime.now(clock));
            Pending now = pending(tx);
            boolean rebase = Hashes.sha256Hex(JsonMappers.MAPPER.writeValueAsBytes(content(out.packageId(), now)))
                    .equals(out.contentSha256()) && out.packageId().equals(opened.packageId());
            if (rebase) {
                List<Base> base = new ArrayList<>();
                for (Person p : repo.allPeople(tx)) base.add(base(FieldRecords.PERSON, p.id(), p.version(), FieldRecords.of(p)));
                for (Post p : repo.allPosts(tx)) base.add(base(FieldRecords.POST, p.id(), p.version(), FieldRecords.of(p)));
                List<UUID> live = new ArrayList<>();
                for (Enrolment e : repo.allEnrolments(tx)) {
                    base.add(base(FieldRecords.ENROLMENT, e.id(), e.version(), FieldRecords.of(e)));
                    live.add(e.id());
                }
                for (EnrolmentStatus st : enrolments.historiesOf(tx, live)) base.add(statusBase(st));
                repo.replaceBase(tx, base);
            }
            int applied = r.path("applied").asInt(0);
            int conflicts = r.path("conflicts").asInt(0);
            audit.recordText(tx, "IMPORT", "field_receipt", returnId.toString(), null, "Tanda terima kiriman balik #"
                    + out.sequence() + " dari " + signer.officeName() + ": " + applied + " diterapkan, " + conflicts
                    + " konflik" + (rebase ? "; perubahan terkirim menjadi dasar baru" : ""));
            return new Receipt(out.sequence(), returnId, applied, conflicts, rebase);
        });
    }

    /** The returns written here, oldest first, with their delivery. */
    public List<FieldVisitRepository.ReturnOut> returns() {
        return db.read(repo::returnsOut);
    }
}
