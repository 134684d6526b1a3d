package id.lindungdesa.field;

import id.lindungdesa.bundle.BundleException;
import id.lindungdesa.bundle.BundleException.Reason;
import id.lindungdesa.bundle.FieldManifest;
import id.lindungdesa.bundle.KeyService;
import id.lindungdesa.bundle.TrustService;
import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.EnrolmentStatus;
import id.lindungdesa.domain.FieldPackage;
import id.lindungdesa.domain.Office;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.Role;
import id.lindungdesa.domain.TrustedKey;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.EnrolmentRepository;
import id.lindungdesa.persistence.FieldRepository;
import id.lindungdesa.persistence.FieldVisitRepository;
import id.lindungdesa.persistence.FieldVisitRepository.Conflict;
import id.lindungdesa.persistence.JsonMappers;
import id.lindungdesa.persistence.PersonRepository;
import id.lindungdesa.persistence.PostRepository;
import id.lindungdesa.persistence.Tx;
import id.lindungdesa.service.AuditLog;
import id.lindungdesa.service.OfficeService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * District side of a field return (issue 15, decision 0170): verification first (signature by a trusted, unrevoked
 * officer key; a package this district issued to that officer; every record inside the officer's kecamatan; sequence),
 * then the per-field three-way merge of {@link FieldMerge} in one transaction, every change audited with the officer
 * and the return. Conflicts wait in {@code field_conflict} for a person ({@link #resolve}).
 */
public final class FieldMergeService {
    private final Database db;
    private final FieldVisitRepository repo;
    private final FieldRepository packages;
    private final PersonRepository people = new PersonRepository();
    private final PostRepository posts = new PostRepository();
    private final EnrolmentRepository enrolments = new EnrolmentRepository();
    private final OfficeService office;
    private final KeyService keys;
    private final TrustService trust;
    private final Clock clock;
    private final AuditLog audit;

    public FieldMergeService(Database db, FieldVisitRepository repo, FieldRepository packages, OfficeService office,
                             KeyService keys, TrustService trust, Clock clock, AuditLog audit) {
        this.db = db;
        this.repo = repo;
        this.packages = packages;
        this.office = office;
        this.keys = keys;
        this.trust = trust;
        this.clock = clock;
        this.audit = audit;
    }

    /** One conflict of a merge (or an open one). */
    public record Item(UUID id, String entity, UUID recordId, String field, String base, String district,
                       String officer, String officerName, List<String> otherOfficers) {
    }

    /** What a merge did (or would do, on a dry run). */
    public record Report(FieldManifest manifest, String officer, int applied, int unchanged, List<Item> conflicts,
                         boolean dryRun, Path receipt) {
    }

    /** The payload type of a signed merge receipt (docs/bundle-format.md §7.6). */
    public static final String RECEIPT_TYPE = "application/vnd.lindungdesa.field-receipt+json";

    /** The default receipt file beside the return: {@code FILE.receipt.json}. */
    public static Path receiptFor(Path file) {
        return file.toAbsolutePath().resolveSibling(file.getFileName() + ".receipt.json");
    }

    private static final class DryRun extends RuntimeException {
        final transient Report report;

        DryRun(Report r) {
            super(null, null, false, false);
            this.report = r;
        }
    }

    public Report merge(Path file, boolean dryRun, char[] passphrase) {
        return merge(file, dryRun, passphrase, receiptFor(file));
    }

    /**
     * Verifies and merges a return; unless a dry run, writes the signed merge receipt to {@code receiptOut} after the
     * commit (a receipt that could not be written is said, the merge stays: the receipt is data, decision 0112).
     */
    public Report merge(Path file, boolean dryRun, char[] passphrase, Path receiptOut) {
        audit.require(Role.HEAD, "access.do.importBundle");
        Office me = office.require();
        if (me.level() != OfficeLevel.DISTRICT) throw new BundleException(Reason.NOT_PROVINCE, "field.error.notDistrict");
        FieldBundles.Checked c = FieldBundles.verify(file, trust::find);
        FieldManifest m = c.manifest();
        TrustedKey officer = c.signer();
        if (!FieldManifest.KIND_RETURN.equals(m.kind())) {
            throw new BundleException(Reason.UNSUPPORTED_VERSION, "field.error.notReturn", file.getFileName(), m.kind());
        }
        if (officer.officeLevel() != OfficeLevel.SUBDISTRICT || !Region.within(officer.officeCode(), me.regionCode())) {
            throw new BundleException(Reason.WRONG_ISSUER, "field.error.officerScope", officer.keyId(),
                    officer.officeName(), officer.officeCode(), me.regionCode());
        }
        FieldPackage pkg = db.read(tx -> packages.findPackage(tx, m.packageId())).orElseThrow(
                () -> new BundleException(Reason.NOT_FOUND, "field.error.unknownPackage", m.packageId()));
        if (!pkg.officerKeyId().equals(officer.keyId()) || !pkg.kecamatanCode().equals(officer.officeCode())) {
            throw new BundleException(Reason.WRONG_ISSUER, "field.error.packageOfOther", String.valueOf(pkg.sequence()),
                    pkg.officerName(), officer.officeName());
        }
        db.read(tx -> repo.lastMerged(tx, officer.keyId())).ifPresent(last -> {
            if (m.sequence() <= last.sequence()) {
                throw new BundleException(m.sequence() == last.sequence() ? Reason.REPLAYED : Reason.OLDER_SEQUENCE,
                        "field.error.replayed", String.valueOf(m.sequence()), officer.officeName(),
                        String.valueOf(last.sequence()));
            }
        });
        byte[] plain = FieldBundles.open(c, keys.encryptionKeys(), passphrase);
        List<KeyService.Signer> signers = dryRun ? List.of() : keys.signers(passphrase);
        JsonNode doc = JsonMappers.MAPPER.readTree(plain);
        int version = doc.path("formatVersion").asInt(1);
        if (version < 1 || version > FieldVisitService.RETURN_VERSION) {
            throw new BundleException(Reason.UNSUPPORTED_VERSION, "bundle.error.version", version,
                    FieldVisitService.RETURN_VERSION);
        }
        if (!FieldManifest.KIND_RETURN.equals(doc.path("kind").asString(""))
                || !m.bundleId().toString().equals(doc.path("returnId").asString(""))
                || !m.packageId().toString().equals(doc.path("packageId").asString(""))
                || doc.path("sequence").asLong(-1) != m.sequence()) {
            throw new BundleException(Reason.WRONG_TYPES, "bundle.error.value", "payload.returnId",
                    doc.path("returnId").asString(""));
        }
        Report r;
        try {
            r = db.write(tx -> {
                Report rep = apply(tx, m, pkg, officer, doc, c.statementSha256(), dryRun);
                if (dryRun) throw new DryRun(rep); // a dry run is the same merge, rolled back (decision 0023)
                return rep;
            });
        } catch (DryRun d) {
            return d.report;
        }
        Path out = receiptOut.toAbsolutePath();
        Map<String, Object> stmt = new LinkedHashMap<>();
        stmt.put("format", "lindungdesa-field-receipt");
        stmt.put("formatVersion", 1);
        stmt.put("kind", "field-merge-receipt");
        stmt.put("district", Map.of("code", me.regionCode(), "name", me.name()));
        stmt.put("returnId", m.bundleId().toString());
        stmt.put("packageId", m.packageId().toString());
        stmt.put("officerKeyId", officer.keyId());
        stmt.put("sequence", m.sequence());
        stmt.put("returnSha256", c.statementSha256());
        stmt.put("mergedAt", OffsetDateTime.now(clock).toString());
        stmt.put("applied", r.applied());
        stmt.put("unchanged", r.unchanged());
        stmt.put("conflicts", r.conflicts().size());
        byte[] body = JsonMappers.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(stmt);
        byte[] pae = id.lindungdesa.bundle.Dsse.pae(RECEIPT_TYPE, body);
        List<id.lindungdesa.bundle.Dsse.Signature> sigs = new ArrayList<>();
        for (KeyService.Signer sg : signers) {
            sigs.add(new id.lindungdesa.bundle.Dsse.Signature(sg.keyId(),
                    id.lindungdesa.bundle.KeyCrypto.sign(sg.key(), pae)));
        }
        try {
            id.lindungdesa.persistence.DurableFiles.writeBytes(out,
                    new id.lindungdesa.bundle.Dsse.Envelope(RECEIPT_TYPE, body, sigs).toJson());
        } catch (java.io.IOException e) {
            return new Report(r.manifest(), r.officer(), r.applied(), r.unchanged(), r.conflicts(), false, null);
        }
        return new Report(r.manifest(), r.officer(), r.applied(), r.unchanged(), r.conflicts(), false, out);
    }

    private Report apply(Tx tx, FieldManifest m, FieldPackage pkg, TrustedKey officer, JsonNode doc, String statement,
                         boolean dryRun) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String kec = pkg.kecamatanCode();
        Map<String, Map<UUID, Integer>> scope = repo.packageRecords(tx, pkg.packageId());
        String from = officer.officeName() + " (" + officer.keyId() + "), kiriman balik #" + m.sequence() + " "
                + m.bundleId();
        int applied = 0;
        int unchanged = 0;
        List<Item> conflicts = new ArrayList<>();
        for (JsonNode ch : doc.path("changed")) {
            String entity = entity(ch);
            UUID id = uuid(ch.path("id"));
            if (!scope.getOrDefault(entity, Map.of()).containsKey(id)) {
                throw new BundleException(Reason.WRONG_ISSUER, "field.error.outOfScope", entity, id, kec);
            }
            Map<String, String> current = current(tx, entity, id);
            JsonNode fields = ch.path("fields");
            if (current == null) { // removed at the district, edited by the officer
                Map<String, Object> officerFields = new LinkedHashMap<>();
                fields.properties().forEach(f -> officerFields.put(f.getKey(), text(f.getValue().get("value"))));
                conflicts.add(conflict(tx, m, pkg, officer, entity, id, FieldRecords.RECORD, "ADA", "DIHAPUS",
                        JsonMappers.MAPPER.writeValueAsString(officerFields), now, dryRun));
                continue;
            }
            Map<String, String> next = new LinkedHashMap<>(current);
            List<String> changedFields = new ArrayList<>();
            for (var f : fields.properties()) {
                String field = f.getKey();
                if (!FieldRecords.knows(entity, field)) {
                    throw new BundleException(Reason.WRONG_TYPES, "bundle.error.unknownField",
                            "changed." + entity + "." + field);
                }
                String base = text(f.getValue().get("base"));
                String value = text(f.getValue().get("value"));
                String district = current.get(field);
                switch (FieldMerge.field(base, district, value)) {
                    case APPLY -> {
                        next.put(field, value);
                        changedFields.add(field);
                        repo.insertApplied(tx, m.bundleId(), officer.keyId(), officer.officeName(), entity, id, field,
                                value, now);
                        applied++;
                    }
                    case UNCHANGED -> unchanged++;
                    case CONFLICT -> conflicts.add(conflict(tx, m, pkg, officer, entity, id, field, base, district,
                            value, now, dryRun));
                }
            }
            if (!changedFields.isEmpty()) {
                checkScope(entity, next, kec, id);
                int before = repo.anyVersion(tx, entity, id).orElseThrow();
                boolean untouchedAtDistrict = before == scope.get(entity).get(id);
                write(tx, entity, id, current, next, now, "Digabung dari petugas " + from + ": " + changedFields);
                if (untouchedAtDistrict) {
                    repo.advanceBase(tx, pkg.packageId(), entity, id, repo.anyVersion(tx, entity, id).orElseThrow());
                }
            }
        }
        Set<UUID> refusedPeople = new HashSet<>();
        Set<UUID> addedEnrolments = new HashSet<>();
        Set<UUID> refusedEnrolments = new HashSet<>();
        for (JsonNode ad : doc.path("added")) {
            String entity = entity(ad);
            UUID id = uuid(ad.path("id"));
            Map<String, String> fields = new LinkedHashMap<>();
            ad.path("fields").properties().forEach(f -> fields.put(f.getKey(), text(f.getValue())));
            checkScope(entity, fields, kec, id);
            if (repo.anyVersion(tx, entity, id).isPresent()) { unchanged++; continue; }
            if (FieldRecords.PERSON.equals(entity)) {
                List<Person> same = people.findByNik(tx, fields.get("nik"));
                if (!same.isEmpty()) {
                    refusedPeople.add(id);
                    conflicts.add(conflict(tx, m, pkg, officer, entity, id, "nik", null,
                            same.getFirst().fullName() + " (" + same.getFirst().id() + ")",
                            fields.get("nik") + " " + fields.get("fullName"), now, dryRun));
                    continue;
                }
                Person p = FieldRecords.person(id, 1, fields);
                people.insert(tx, p, now);
                audit.record(tx, "CREATE", "person", id, p.homeVillageCode(), id, "Ditambah petugas " + from, null, p);
            } else if (FieldRecords.POST.equals(entity)) {
                Post p = FieldRecords.post(id, 1, fields);
                if (refusedPeople.contains(p.personId())) {
                    conflicts.add(conflict(tx, m, pkg, officer, entity, id, "personId", null, null,
                            p.personId().toString(), now, dryRun));
                    continue;
                }
                posts.insert(tx, p, now);
                audit.record(tx, "CREATE", "post", id, p.villageCode(), p.personId(), "Ditambah petugas " + from,
                        null, p);
            } else {
                Enrolment e = FieldRecords.enrolment(id, 1, fields);
                if (refusedPeople.contains(e.personId())) {
                    refusedEnrolments.add(id);
                    conflicts.add(conflict(tx, m, pkg, officer, entity, id, "personId", null, null,
                            e.personId().toString(), now, dryRun));
                    continue;
                }
                enrolments.insert(tx, e, now);
                addedEnrolments.add(id);
                audit.record(tx, "CREATE", "enrolment", id, null, e.personId(), "Ditambah petugas " + from, null, e);
            }
            applied++;
        }
        for (JsonNode t : doc.path("tombstones")) {
            String entity = entity(t);
            UUID id = uuid(t.path("id"));
            Integer base = scope.getOrDefault(entity, Map.of()).get(id);
            if (base == null) throw new BundleException(Reason.WRONG_ISSUER, "field.error.outOfScope", entity, id, kec);
            Map<String, String> current = current(tx, entity, id);
            int version = repo.anyVersion(tx, entity, id).orElse(base);
            switch (FieldMerge.removal(current == null, version != base, true, false)) {
                case APPLY -> {
                    if (FieldRecords.PERSON.equals(entity)) people.tombstone(tx, id, version, "Dihapus petugas " + from, now);
                    else if (FieldRecords.POST.equals(entity)) posts.tombstone(tx, id, version, "Dihapus petugas " + from, now);
                    else enrolments.tombstone(tx, id, version, "Dihapus petugas " + from, now);
                    UUID personId = FieldRecords.PERSON.equals(entity) ? id : UUID.fromString(current.get("personId"));
                    audit.record(tx, "DELETE", entity, id, null, personId, "Dihapus petugas " + from,
                            before(entity, id, version, current), null);
                    applied++;
                }
                case UNCHANGED -> unchanged++;
                case CONFLICT -> conflicts.add(conflict(tx, m, pkg, officer, entity, id, FieldRecords.RECORD, "ADA",
                        "DIUBAH", "DIHAPUS", now, dryRun));
            }
        }
        for (JsonNode st : doc.path("statusSteps")) {
            UUID eid = uuid(st.path("enrolmentId"));
            UUID sid = uuid(st.path("id"));
            if (refusedEnrolments.contains(eid)) continue; // its enrolment waits in a conflict of its own
            if (!scope.getOrDefault(FieldRecords.ENROLMENT, Map.of()).containsKey(eid)
                    && !addedEnrolments.contains(eid)) {
                throw new BundleException(Reason.WRONG_ISSUER, "field.error.outOfScope", FieldRecords.ENROLMENT, eid,
                        kec);
            }
            EnrolmentStatus step = step(st, sid, eid, officer);
            Set<UUID> baseSteps = new HashSet<>();
            for (JsonNode b : st.path("baseSteps")) baseSteps.add(uuid(b));
            List<EnrolmentStatus> history = enrolments.history(tx, eid);
            if (history.stream().anyMatch(h -> h.id().equals(sid))) {
                unchanged++; // already here (merged before)
                continue;
            }
            String baseText = history.stream().filter(h -> baseSteps.contains(h.id())).reduce((a, b) -> b)
                    .map(h -> FieldRecords.stepText(h.state(), h.effectiveDate())).orElse(null);
            Optional<Enrolment> e = enrolments.find(tx, eid);
            if (e.isEmpty()) { // removed at the district, a status step added by the officer
                conflicts.add(conflict(tx, m, pkg, officer, FieldRecords.ENROLMENT, eid, FieldRecords.STATUS, baseText,
                        "DIHAPUS", stepJson(step), now, dryRun));
                continue;
            }
            List<EnrolmentStatus> since = history.stream().filter(h -> !baseSteps.contains(h.id())).toList();
            boolean same = since.stream().anyMatch(h -> h.state() == step.state()
                    && h.effectiveDate().equals(step.effectiveDate()));
            switch (FieldMerge.statusStep(!since.isEmpty(), same)) {
                case APPLY -> {
                    addStep(tx, e.get(), step, now, "Status kepesertaan dari petugas " + from + ": ");
                    repo.insertApplied(tx, m.bundleId(), officer.keyId(), officer.officeName(),
                            FieldRecords.ENROLMENT, eid, FieldRecords.STATUS,
                            FieldRecords.stepText(step.state(), step.effectiveDate()), now);
                    applied++;
                }
                case UNCHANGED -> unchanged++;
                case CONFLICT -> conflicts.add(conflict(tx, m, pkg, officer, FieldRecords.ENROLMENT, eid,
                        FieldRecords.STATUS, baseText, String.join(", ", since.stream()
                                .map(h -> FieldRecords.stepText(h.state(), h.effectiveDate())).toList()),
                        stepJson(step), now, dryRun));
            }
        }
        repo.insertReturnIn(tx, new FieldVisitRepository.ReturnIn(m.bundleId(), pkg.packageId(), officer.keyId(),
                officer.officeName(), m.sequence(), statement, applied, unchanged, conflicts.size(), now,
                audit.actor()));
        repo.setPackageState(tx, pkg.packageId(), FieldPackage.State.MERGED.name());
        audit.recordText(tx, "IMPORT", "field_return", m.bundleId().toString(), null,
                "Kiriman balik #" + m.sequence() + " dari " + from + " digabung: " + applied + " diterapkan, "
                        + unchanged + " tidak berubah, " + conflicts.size() + " konflik");
        return new Report(m, officer.officeName(), applied, unchanged, conflicts, dryRun, null);
    }

    private Item conflict(Tx tx, FieldManifest m, FieldPackage pkg, TrustedKey officer, String entity, UUID id,
                          String field, String base, String district, String value, OffsetDateTime now,
                          boolean dryRun) {
        List<String> others = new ArrayList<>(repo.appliedBy(tx, entity, id, field, officer.keyId()));
        for (Conflict o : repo.openOn(tx, entity, id, field)) {
            if (!o.officerKeyId().equals(officer.keyId()) && !others.contains(o.officerName())) {
                others.add(o.officerName());
            }
        }
        UUID cid = UUID.randomUUID();
        repo.insertConflict(tx, new Conflict(cid, m.bundleId(), pkg.packageId(), officer.keyId(),
                officer.officeName(), entity, id, field, base, district, value, "OPEN", null, null, null, null, now));
        audit.recordText(tx, "CONFLICT", entity, id.toString(), null, "Konflik " + field + " dari petugas "
                + officer.officeName() + ": dasar " + base + ", kabupaten " + district + ", petugas " + value
                + (others.isEmpty() ? "" : "; juga petugas " + String.join(", ", others)));
        return new Item(cid, entity, id, field, base, district, value, officer.officeName(), others);
    }

    /** A status step of the return, as the district will keep it (recorded by the officer's office). */
    private static EnrolmentStatus step(JsonNode st, UUID sid, UUID eid, TrustedKey officer) {
        EnrolmentState state;
        LocalDate effective;
        OffsetDateTime recorded;
        try {
            state = EnrolmentState.valueOf(st.path("state").asString(""));
            effective = LocalDate.parse(st.path("effectiveDate").asString(""));
            String at = text(st.get("recordedAt"));
            recorded = at == null ? null : OffsetDateTime.parse(at);
        } catch (RuntimeException ex) {
            throw new BundleException(Reason.WRONG_TYPES, "bundle.error.value", "statusSteps." + sid,
                    st.path("state").asString("") + " " + st.path("effectiveDate").asString(""));
        }
        return new EnrolmentStatus(sid, eid, state, effective, text(st.get("note")), recorded,
                officer.officeName());
    }

    /** The officer's value of a status conflict: the whole step, so settling it for the officer can add it. */
    private static String stepJson(EnrolmentStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", FieldRecords.stepText(s.state(), s.effectiveDate()));
        m.put("id", s.id().toString());
        m.put("note", s.note());
        m.put("recordedAt", s.recordedAt() == null ? null : s.recordedAt().toString());
        return JsonMappers.MAPPER.writeValueAsString(m);
    }

    /** Adds a status step to an enrolment (a new version, as a step added on the desk), audited. */
    private void addStep(Tx tx, Enrolment e, EnrolmentStatus step, OffsetDateTime now, String why) {
        EnrolmentStatus s = new EnrolmentStatus(step.id(), e.id(), step.state(), step.effectiveDate(), step.note(),
                step.recordedAt() == null ? now : step.recordedAt(), step.recordedBy());
        enrolments.addStatus(tx, s);
        enrolments.touch(tx, e.id(), now);
        audit.record(tx, "UPDATE", "enrolment", e.id(), null, e.personId(), why + s.state().labelId() + " sejak "
                + s.effectiveDate(), null, s);
    }

    /** The record as it was before a removal, for the audit entry. */
    private static Object before(String entity, UUID id, int version, Map<String, String> m) {
        if (m == null) return null;
        return switch (entity) {
            case FieldRecords.PERSON -> FieldRecords.person(id, version, m);
            case FieldRecords.POST -> FieldRecords.post(id, version, m);
            default -> FieldRecords.enrolment(id, version, m);
        };
    }

    private static void checkScope(String entity, Map<String, String> fields, String kec, UUID id) {
        String village = switch (entity) {
            case FieldRecords.PERSON -> fields.get("homeVillageCode");
            case FieldRecords.POST -> fields.get("villageCode");
            default -> null;
        };
        if (village != null && !Region.within(village, kec)) {
            throw new BundleException(Reason.WRONG_ISSUER, "field.error.outOfScope", entity, id, kec);
        }
    }

    private Map<String, String> current(Tx tx, String entity, UUID id) {
        return switch (entity) {
            case FieldRecords.PERSON -> people.find(tx, id).map(FieldRecords::of).orElse(null);
            case FieldRecords.POST -> posts.find(tx, id).map(FieldRecords::of).orElse(null);
            default -> enrolments.find(tx, id).map(FieldRecords::of).orElse(null);
        };
    }

    /** Writes the new field values of one record, audited with before and after. */
    private void write(Tx tx, String entity, UUID id, Map<String, String> before, Map<String, String> after,
                       OffsetDateTime now, String summary) {
        int v = repo.anyVersion(tx, entity, id).orElseThrow();
        switch (entity) {
            case FieldRecords.PERSON -> {
                Person was = FieldRecords.person(id, v, before);
                Person p = people.update(tx, FieldRecords.person(id, v, after), now);
                audit.record(tx, "UPDATE", "person", id, p.homeVillageCode(), id, summary, was, p);
            }
            case FieldRecords.POST -> {
                Post was = FieldRecords.post(id, v, before);
                Post p = posts.update(tx, FieldRecords.post(id, v, after), now);
                audit.record(tx, "UPDATE", "post", id, p.villageCode(), p.personId(), summary, was, p);
            }
            default -> {
                Enrolment was = FieldRecords.enrolment(id, v, before);
                Enrolment e = enrolments.update(tx, FieldRecords.enrolment(id, v, after), now);
                audit.record(tx, "UPDATE", "enrolment", id, null, e.personId(), summary, was, e);
            }
        }
    }

    private static String entity(JsonNode n) {
        String e = n.path("entity").asString("");
        if (!FieldRecords.PERSON.equals(e) && !FieldRecords.POST.equals(e) && !FieldRecords.ENROLMENT.equals(e)) {
            throw new BundleException(Reason.WRONG_TYPES, "bundle.error.value", "entity", e);
        }
        return e;
    }

    private static UUID uuid(JsonNode n) {
        try {
            return UUID.fromString(n.asString(""));
        } catch (IllegalArgumentException e) {
            throw new BundleException(Reason.WRONG_TYPES, "bundle.error.value", "id", n.asString(""));
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asString();
    }

    // ---- conflicts ----

    public List<Item> openConflicts() {
        return db.read(tx -> repo.openConflicts(tx).stream().map(c -> new Item(c.id(), c.entity(), c.recordId(),
                c.field(), c.baseValue(), c.districtValue(), c.officerValue(), c.officerName(),
                java.util.stream.Stream.concat(repo.appliedBy(tx, c.entity(), c.recordId(), c.field(),
                        c.officerKeyId()).stream(), repo.openOn(tx, c.entity(), c.recordId(), c.field()).stream()
                        .filter(o -> !o.officerKeyId().equals(c.officerKeyId())).map(Conflict::officerName))
                        .distinct().toList())).toList());
    }

    /**
     * Whose record each conflict is about, as the clerk reads it: the person's name (for a post, with its village;
     * for a new person refused for their NIK, the name the officer sent).
     */
    public Map<UUID, String> recordLabels(List<Item> items) {
        return db.read(tx -> {
            Map<UUID, String> out = new java.util.HashMap<>();
            for (Item c : items) {
                String label = switch (c.entity()) {
                    case FieldRecords.PERSON -> people.find(tx, c.recordId()).map(Person::fullName).orElse(null);
                    case FieldRecords.POST -> posts.find(tx, c.recordId()).map(p -> people.find(tx, p.personId())
                            .map(Person::fullName).orElse("?") + " · " + p.villageCode()).orElse(null);
                    default -> enrolments.find(tx, c.recordId()).flatMap(e -> people.find(tx, e.personId()))
                            .map(Person::fullName).orElse(null);
                };
                if (label == null && "nik".equals(c.field()) && c.officer() != null) label = c.officer();
                out.put(c.recordId(), label == null ? c.recordId().toString() : label);
            }
            return out;
        });
    }

    public List<FieldVisitRepository.ReturnIn> merged() {
        return db.read(repo::merged);
    }

    /** How a conflict is settled. */
    public enum Take { DISTRICT, OFFICER, VALUE }

    /**
     * Settles one conflict: the district value stays, the officer's value is taken, or a value typed by hand. The value
     * that lost stays in the record's history (the audit entry names it).
     */
    public Conflict resolve(UUID conflictId, Take take, String value) {
        audit.require(Role.CLERK, "access.do.change");
        return db.write(tx -> {
            Conflict c = repo.conflict(tx, conflictId).filter(x -> "OPEN".equals(x.state())).orElseThrow(
                    () -> new BundleException(Reason.NOT_FOUND, "field.error.noConflict", conflictId));
            OffsetDateTime now = OffsetDateTime.now(clock);
            String chosen = switch (take) {
                case DISTRICT -> c.districtValue();
                case OFFICER -> c.officerValue();
                case VALUE -> value;
            };
            if (FieldRecords.STATUS.equals(c.field()) && FieldRecords.ENROLMENT.equals(c.entity())) {
                if (take == Take.VALUE) throw new BundleException(Reason.WRONG_TYPES, "field.error.resolveRecord", c.field());
                if (take == Take.OFFICER) takeOfficersStep(tx, c, now);
            } else if (take == Take.OFFICER && FieldRecords.RECORD.equals(c.field())) {
                takeOfficersRecord(tx, c, now);
            } else if (take != Take.DISTRICT) {
                if (FieldRecords.RECORD.equals(c.field()) || ("nik".equals(c.field()) && c.baseValue() == null
                        && c.entity().equals(FieldRecords.PERSON) && repo.anyVersion(tx, c.entity(), c.recordId())
                        .isEmpty())) {
                    throw new BundleException(Reason.WRONG_TYPES, "field.error.resolveRecord", c.field());
                }
                Map<String, String> cur = current(tx, c.entity(), c.recordId());
                if (cur == null) throw new BundleException(Reason.NOT_FOUND, "field.error.resolveRecord", c.field());
                Map<String, String> next = new LinkedHashMap<>(cur);
                next.put(c.field(), chosen);
                try {
                    write(tx, c.entity(), c.recordId(), cur, next, now, "Konflik " + c.field() + " diselesaikan ("
                            + take + "): " + chosen + "; nilai kabupaten " + cur.get(c.field()) + " disimpan di riwayat");
                } catch (RuntimeException e) {
                    if (e instanceof BundleException) throw e;
                    throw new BundleException(Reason.WRONG_TYPES, "bundle.error.value", c.field(), chosen);
                }
            }
            repo.resolve(tx, c.id(), take.name(), chosen, audit.actor(), now);
            audit.recordText(tx, "RESOLVE", c.entity(), c.recordId().toString(), null, "Konflik " + c.field()
                    + " dari petugas " + c.officerName() + " diselesaikan (" + take + "): dipakai " + chosen
                    + "; kabupaten " + c.districtValue() + ", petugas " + c.officerValue() + ", dasar "
                    + c.baseValue());
            return repo.conflict(tx, c.id()).orElseThrow();
        });
    }

    /**
     * A whole-record conflict settled for the officer: when the officer removed what the district had edited, the
     * record is removed now (the district's edit stays in its history); when the officer edited what the district had
     * removed, the record comes back with the officer's changed fields applied over its last values.
     */
    private void takeOfficersRecord(Tx tx, Conflict c, OffsetDateTime now) {
        String why = "Konflik seluruh catatan dari petugas " + c.officerName() + " diselesaikan (OFFICER)";
        if ("DIHAPUS".equals(c.officerValue())) {
            Map<String, String> cur = current(tx, c.entity(), c.recordId());
            if (cur == null) return; // removed meanwhile: nothing left to do
            int v = repo.anyVersion(tx, c.entity(), c.recordId()).orElseThrow();
            switch (c.entity()) {
                case FieldRecords.PERSON -> people.tombstone(tx, c.recordId(), v, why, now);
                case FieldRecords.POST -> posts.tombstone(tx, c.recordId(), v, why, now);
                default -> enrolments.tombstone(tx, c.recordId(), v, why, now);
            }
            boolean isPerson = FieldRecords.PERSON.equals(c.entity());
            audit.record(tx, "DELETE", c.entity(), c.recordId(), isPerson ? cur.get("homeVillageCode")
                            : cur.get("villageCode"), isPerson ? c.recordId() : UUID.fromString(cur.get("personId")),
                    why + ": dihapus; perubahan kabupaten tetap di riwayat", cur, null);
            return;
        }
        Map<String, String> officerFields = new LinkedHashMap<>();
        try {
            JsonMappers.MAPPER.readTree(c.officerValue()).properties().forEach(f -> officerFields.put(f.getKey(),
                    text(f.getValue())));
        } catch (RuntimeException e) {
            throw new BundleException(Reason.WRONG_TYPES, "field.error.resolveRecord", c.field());
        }
        if (current(tx, c.entity(), c.recordId()) == null && !repo.restore(tx, c.entity(), c.recordId(), now)) {
            throw new BundleException(Reason.NOT_FOUND, "field.error.resolveRecord", c.field());
        }
        Map<String, String> cur = current(tx, c.entity(), c.recordId());
        Map<String, String> next = new LinkedHashMap<>(cur);
        for (var f : officerFields.entrySet()) {
            if (!FieldRecords.knows(c.entity(), f.getKey())) {
                throw new BundleException(Reason.WRONG_TYPES, "bundle.error.unknownField", f.getKey());
            }
            next.put(f.getKey(), f.getValue());
        }
        try {
            write(tx, c.entity(), c.recordId(), cur, next, now, why + ": dipulihkan dengan perubahan petugas "
                    + officerFields.keySet());
        } catch (RuntimeException e) {
            if (e instanceof BundleException) throw e;
            throw new BundleException(Reason.WRONG_TYPES, "bundle.error.value", c.field(), c.officerValue());
        }
    }

    /**
     * A status conflict settled for the officer: the officer's step is added to the enrolment's history (an enrolment
     * the district had removed comes back first); the district's own steps stay.
     */
    private void takeOfficersStep(Tx tx, Conflict c, OffsetDateTime now) {
        EnrolmentStatus step;
        try {
            JsonNode n = JsonMappers.MAPPER.readTree(c.officerValue());
            String[] st = n.path("step").asString("").split(" ");
            String at = text(n.get("recordedAt"));
            step = new EnrolmentStatus(UUID.fromString(n.path("id").asString("")), c.recordId(),
                    EnrolmentState.valueOf(st[0]), LocalDate.parse(st[1]), text(n.get("note")),
                    at == null ? null : OffsetDateTime.parse(at), c.officerName());
        } catch (RuntimeException e) {
            throw new BundleException(Reason.WRONG_TYPES, "field.error.resolveRecord", c.field());
        }
        if (enrolments.find(tx, c.recordId()).isEmpty()
                && !repo.restore(tx, FieldRecords.ENROLMENT, c.recordId(), now)) {
            throw new BundleException(Reason.NOT_FOUND, "field.error.resolveRecord", c.field());
        }
        if (enrolments.history(tx, c.recordId()).stream().anyMatch(h -> h.id().equals(step.id()))) return;
        addStep(tx, enrolments.find(tx, c.recordId()).orElseThrow(), step, now, "Konflik status dari petugas "
                + c.officerName() + " diselesaikan (OFFICER): ");
    }

    /** The version the package carried of a record (for the merge report and tests). */
    public Optional<Integer> baseVersion(UUID packageId, String entity, UUID id) {
        return db.read(tx -> packages.versionIn(tx, packageId, entity, id));
    }
}
