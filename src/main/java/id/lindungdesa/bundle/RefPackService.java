package id.lindungdesa.bundle;

import id.lindungdesa.bundle.BundleException.Reason;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.ContributionRate;
import id.lindungdesa.domain.CoverageTarget;
import id.lindungdesa.domain.Office;
import id.lindungdesa.domain.OfficeKey;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.Role;
import id.lindungdesa.domain.Segment;
import id.lindungdesa.domain.TrustedKey;
import id.lindungdesa.domain.WageBaseDefault;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.DurableFiles;
import id.lindungdesa.persistence.JsonMappers;
import id.lindungdesa.persistence.KeyRepository;
import id.lindungdesa.persistence.RateRepository;
import id.lindungdesa.persistence.RefPackRepository;
import id.lindungdesa.persistence.RegionRepository;
import id.lindungdesa.persistence.Tx;
import id.lindungdesa.persistence.TargetRepository;
import id.lindungdesa.service.AuditLog;
import id.lindungdesa.service.OfficeService;
import id.lindungdesa.service.ValidationException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Signed reference packs from the province down (issue 18, decision 0180): the province's targets, revoked keys and
 * its own key (with a successor when rotating), numbered, chained to the previous pack, with an expiry date. The
 * district pins the province key on first import and refuses changed bytes, another key, older or replayed packs
 * and packs of another province; everything a pack applies lands in one transaction.
 */
public final class RefPackService {
    public static final String PAYLOAD_TYPE = "application/vnd.lindungdesa.reference-pack+json";
    public static final String FORMAT = "lindungdesa-reference-pack";
    /** Version 2 adds rates, wage bases and region changes (bundle-format §9); version 1 is still read. */
    public static final int VERSION = 2;
    /** The source a target applied from a pack carries ("dari provinsi, paket #N"). */
    public static final String SOURCE_PREFIX = "provinsi:paket:";
    private static final long MAX_SIZE = 16L * 1024 * 1024;
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final Database db;
    private final RefPackRepository repo = new RefPackRepository();
    private final KeyRepository keyRepo;
    private final TargetRepository targets = new TargetRepository();
    private final RateRepository rateRepo = new RateRepository();
    private final RegionRepository regionRepo = new RegionRepository();
    private final OfficeService office;
    private final KeyService keys;
    private final TrustService trust;
    private final Clock clock;
    private final AuditLog audit;

    public RefPackService(Database db, KeyRepository keyRepo, OfficeService office, KeyService keys,
                          TrustService trust, Clock clock, AuditLog audit) {
        this.db = db;
        this.keyRepo = keyRepo;
        this.office = office;
        this.keys = keys;
        this.trust = trust;
        this.clock = clock;
        this.audit = audit;
    }

    /** What an export wrote. */
    public record Exported(Path file, int number, LocalDate expiresOn, String sha256, int targets, int revocations,
                           String successorKeyId, int rates, int wageBases, int regionChanges) {
    }

    /** What an import applied. */
    public record Applied(int number, String provinceCode, LocalDate expiresOn, boolean pinned, String pinnedKeyId,
                          int targets, List<String> revoked, String successorKeyId, Counted rates,
                          Counted wageBases, RegionsApplied regions) {
    }

    /** Dated rows a pack brought: new, changed (same date, other values) and already equal. */
    public record Counted(int added, int changed, int unchanged) {
    }

    /**
     * Region changes applied inside the district: {@code kept} are codes the pack retires that still have people
     * holding posts; they stay in use and are flagged (alert {@code REFERENCE_PACK_REGION_KEPT}).
     */
    public record RegionsApplied(int added, int renamed, int retired, int restored, List<String> kept) {
    }

    /** The pack in force at this office (applied at a district, last issued at a province). */
    public record InForce(int number, String provinceCode, LocalDate expiresOn, boolean expired) {
        public String expiredSince() {
            return expiresOn.format(DMY);
        }
    }

    /** Parses "90d" (days); null gives 90 days. */
    public static int days(String expires) {
        if (expires == null || expires.isBlank()) return 90;
        String e = expires.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            int n = Integer.parseInt(e.endsWith("d") ? e.substring(0, e.length() - 1) : e);
            if (n >= 1 && n <= 3660) return n;
        } catch (NumberFormatException ignored) {
            // falls through
        }
        throw ValidationException.of("expires", "refpack.error.expires", expires);
    }

    // ---------------------------------------------------------------- province: export

    public Exported export(Path out, char[] passphrase, String expires) {
        audit.require(Role.HEAD, "access.do.signBundle");
        Office o = office.require();
        if (o.level() != OfficeLevel.PROVINCE) {
            throw new BundleException(Reason.NOT_PROVINCE, "refpack.error.notProvince");
        }
        int days = days(expires);
        List<KeyService.Signer> signers = keys.signers(passphrase);
        List<OfficeKey> own = keys.keys();
        OfficeKey retiring = own.stream().filter(k -> k.status() == OfficeKey.Status.RETIRING).findFirst()
                .orElse(null);
        OfficeKey active = keys.activeKey().orElseThrow(() -> new BundleException(Reason.NO_KEY,
                "bundle.error.noKey"));
        OfficeKey current = retiring != null ? retiring : active;
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate expiresOn = now.toLocalDate().plusDays(days);
        return db.write(tx -> {
            Optional<RefPackRepository.Row> prev = repo.latest(tx, RefPackRepository.ISSUED);
            int number = prev.map(r -> r.number() + 1).orElse(1);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("format", FORMAT);
            p.put("version", VERSION);
            p.put("province", o.regionCode());
            p.put("provinceName", o.name());
            p.put("number", number);
            p.put("previousSha256", prev.map(RefPackRepository.Row::sha256).orElse(null));
            p.put("createdAt", now.toString());
            p.put("expiresOn", expiresOn.toString());
            p.put("key", keyMap(current.keyId(), current.publicKey(), current.fingerprint()));
            p.put("successor", retiring == null ? null
                    : keyMap(active.keyId(), active.publicKey(), active.fingerprint()));
            List<Map<String, Object>> ts = new ArrayList<>();
            for (CoverageTarget t : targets.all(tx)) {
                if (!t.regionCode().equals(o.regionCode())) continue;
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("year", t.year());
                m.put("category", t.category() == null ? "all" : t.category().key());
                m.put("percent", t.percent().toPlainString());
                ts.add(m);
            }
            p.put("targets", ts);
            List<Map<String, Object>> rv = new ArrayList<>();
            for (TrustedKey k : keyRepo.trustedAll(tx)) {
                if (!k.revoked()) continue;
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("keyId", k.keyId());
                m.put("publicKey", k.publicKey());
                m.put("fingerprint", k.fingerprint());
                m.put("officeCode", k.officeCode());
                m.put("officeName", k.officeName());
                m.put("officeLevel", k.officeLevel().name());
                m.put("revokedAt", k.revokedAt().toString());
                m.put("since", k.revokedSince() == null ? null : k.revokedSince().toString());
                m.put("reason", k.revokedReason());
                rv.add(m);
            }
            p.put("revocations", rv);
            List<ContributionRate> rateRows = rateRepo.rates(tx);
            p.put("rates", rateRows.stream().map(RefPackService::rateMap).toList());
            List<WageBaseDefault> wageRows = rateRepo.wageBases(tx);
            p.put("wageBases", wageRows.stream().map(RefPackService::wageMap).toList());
            long mark = repo.regionHistoryMark(tx);
            Map<String, Object> regions = regionSection(tx, o.regionCode(), number, mark);
            p.put("regions", regions);
            int regionChanges = ((List<?>) regions.get("changes")).size();
            byte[] payload = JsonMappers.MAPPER.writeValueAsBytes(p);
            byte[] pae = Dsse.pae(PAYLOAD_TYPE, payload);
            List<Dsse.Signature> sigs = new ArrayList<>();
            for (KeyService.Signer s : signers) sigs.add(new Dsse.Signature(s.keyId(), KeyCrypto.sign(s.key(), pae)));
            byte[] env = new Dsse.Envelope(PAYLOAD_TYPE, payload, sigs).toJson();
            String sha = Hashes.sha256Hex(payload);
            repo.insert(tx, new RefPackRepository.Row(RefPackRepository.ISSUED, o.regionCode(), number, sha,
                    prev.map(RefPackRepository.Row::sha256).orElse(null), current.keyId(), now, expiresOn, now, mark));
            audit.recordText(tx, "CREATE", "reference_pack", String.valueOf(number), null,
                    "Paket data acuan #" + number + " ditandatangani, berlaku sampai " + expiresOn);
            try {
                DurableFiles.writeBytes(out, env);
            } catch (IOException e) {
                throw new BundleException(Reason.IO, e, "bundle.error.io", out, e.getMessage());
            }
            return new Exported(out, number, expiresOn, sha, ts.size(), rv.size(),
                    retiring == null ? null : active.keyId(), rateRows.size(), wageRows.size(), regionChanges);
        });
    }

    private static Map<String, Object> rateMap(ContributionRate r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id().toString());
        m.put("segment", r.segment().name());
        m.put("programme", r.programme().name());
        m.put("riskClass", r.riskClass());
        m.put("validFrom", r.validFrom().toString());
        m.put("percent", r.ratePercent() == null ? null : r.ratePercent().stripTrailingZeros().toPlainString());
        m.put("flatAmount", r.flatAmount());
        m.put("minimumAmount", r.minimumAmount());
        m.put("wageCap", r.wageCap());
        m.put("note", r.note());
        return m;
    }

    private static Map<String, Object> wageMap(WageBaseDefault w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", w.id().toString());
        m.put("category", w.category().key());
        m.put("position", w.position() == null ? null : w.position().name());
        m.put("validFrom", w.validFrom().toString());
        m.put("amount", w.amount());
        m.put("note", w.note());
        return m;
    }

    /**
     * The region list's changes since pack #1 (pack #1 is the baseline: the list both offices imported), each with
     * the number of the first pack that carries it, so a district that missed a pack still gets every change.
     */
    private Map<String, Object> regionSection(Tx tx, String province, int number, long mark) {
        List<RefPackRepository.Row> issued = repo.all(tx, RefPackRepository.ISSUED);
        long base = issued.stream().map(RefPackRepository.Row::regionMark).filter(java.util.Objects::nonNull)
                .findFirst().orElse(mark);
        List<Map<String, Object>> changes = new ArrayList<>();
        int version = 0;
        for (RefPackRepository.RegionChange c : repo.regionChangesAfter(tx, base, province)) {
            int pack = issued.stream().filter(r -> r.regionMark() != null && r.regionMark() >= c.id())
                    .mapToInt(RefPackRepository.Row::number).min().orElse(number);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pack", pack);
            m.put("code", c.code());
            m.put("change", c.changeType());
            m.put("name", c.newName() != null ? c.newName() : c.oldName());
            m.put("oldName", c.oldName());
            changes.add(m);
            version = Math.max(version, pack);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", version);
        m.put("changes", changes);
        return m;
    }

    private static Map<String, Object> keyMap(String keyId, String pub, String fingerprint) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("keyId", keyId);
        m.put("publicKey", pub);
        m.put("fingerprint", fingerprint);
        return m;
    }

    // ---------------------------------------------------------------- district: import

    /**
     * Reads a pack's or a receipt's DSSE envelope: at most {@code maxSize} bytes, a strict envelope, of
     * {@code payloadType}. The one reader of both (a refusal names the file kind through the message keys).
     */
    private static Dsse.Envelope readEnvelope(Path file, long maxSize, String payloadType, String malformedKey,
                                              String typeKey) {
        byte[] bytes;
        try {
            if (Files.size(file) > maxSize) {
                throw new BundleException(Reason.TOO_LARGE, "bundle.error.tooLarge", file.getFileName(), 0, 0);
            }
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BundleException(Reason.NOT_FOUND, e, "bundle.error.notFound", file);
        } catch (IOException e) {
            throw new BundleException(Reason.IO, e, "bundle.error.io", file, e.getMessage());
        }
        Dsse.Envelope env;
        try {
            env = Dsse.parse(bytes);
        } catch (BundleException e) {
            throw new BundleException(Reason.MALFORMED, e, malformedKey);
        }
        if (!payloadType.equals(env.payloadType())) {
            throw new BundleException(Reason.WRONG_TYPES, typeKey, env.payloadType());
        }
        return env;
    }

    /** A pack read and checked against this office, nothing applied yet. */
    public record Checked(byte[] payload, JsonNode pack, int number, String province, String keyId,
                          String fingerprint, boolean firstImport) {
    }

    /** Reads and checks a pack (signature, province, rollback), changing nothing. */
    public Checked check(Path file) {
        Office o = office.require();
        if (o.level() != OfficeLevel.DISTRICT) {
            throw new BundleException(Reason.WRONG_PROVINCE, "refpack.error.notDistrict");
        }
        Dsse.Envelope env = readEnvelope(file, MAX_SIZE, PAYLOAD_TYPE, "refpack.error.malformed",
                "refpack.error.type");
        JsonNode p;
        String province;
        int number;
        String keyId;
        String pub;
        try {
            p = JsonMappers.MAPPER.readTree(env.payload());
            if (!FORMAT.equals(p.path("format").asString()) ) {
                throw new BundleException(Reason.WRONG_TYPES, "refpack.error.type", p.path("format").asString());
            }
            int v = p.path("version").asInt();
            if (v < 1 || v > VERSION) {
                throw new BundleException(Reason.UNSUPPORTED_VERSION, "refpack.error.version",
                        p.path("version").asString());
            }
            province = p.required("province").asString();
            number = p.required("number").asInt();
            keyId = p.required("key").required("keyId").asString();
            pub = p.required("key").required("publicKey").asString();
            LocalDate.parse(p.required("expiresOn").asString());
        } catch (BundleException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BundleException(Reason.PAYLOAD_CHANGED, e, "refpack.error.malformed");
        }
        PublicKey declared = KeyCrypto.decodePublic(pub);
        if (!KeyCrypto.keyId(declared).equals(keyId)) {
            throw new BundleException(Reason.PAYLOAD_CHANGED, "refpack.error.malformed");
        }
        // mix-and-match: a pack of another province
        if (!Region.within(o.regionCode(), province) || Region.levelOf(province) != id.lindungdesa.domain
                .RegionLevel.PROVINCE) {
            throw new BundleException(Reason.WRONG_PROVINCE, "refpack.error.otherProvince", province,
                    Region.parentOf(o.regionCode()));
        }
        byte[] pae = Dsse.pae(env.payloadType(), env.payload());
        return db.read(tx -> {
            List<TrustedKey> pinned = keyRepo.trustedAll(tx).stream()
                    .filter(k -> k.officeLevel() == OfficeLevel.PROVINCE).toList();
            List<TrustedKey> usable = pinned.stream()
                    .map(k -> TrustService.lookup(keyRepo, tx, k.keyId()).orElse(k))
                    .filter(k -> !k.revoked() && !k.pending()).toList();
            boolean first = usable.isEmpty();
            boolean signed = false;
            if (first) {
                if (!pinned.isEmpty()) {
                    throw new BundleException(Reason.REVOKED_KEY, "refpack.error.pinnedRevoked");
                }
                for (Dsse.Signature s : env.signatures()) {
                    if (s.keyId().equals(keyId) && KeyCrypto.verify(declared, pae, s.sig())) signed = true;
                }
            } else {
                if (usable.stream().noneMatch(k -> k.officeCode().equals(province))) {
                    throw new BundleException(Reason.WRONG_PROVINCE, "refpack.error.otherProvince", province,
                            usable.get(0).officeCode());
                }
                boolean byPinned = false;
                for (Dsse.Signature s : env.signatures()) {
                    for (TrustedKey k : usable) {
                        if (!k.keyId().equals(s.keyId())) continue;
                        byPinned = true;
                        if (KeyCrypto.verify(KeyCrypto.decodePublic(k.publicKey()), pae, s.sig())) signed = true;
                    }
                }
                if (!byPinned) {
                    throw new BundleException(Reason.UNKNOWN_KEY, "refpack.error.otherKey",
                            env.signatures().isEmpty() ? "-" : env.signatures().get(0).keyId(),
                            usable.get(0).keyId());
                }
            }
            if (!signed) throw new BundleException(Reason.BAD_SIGNATURE, "refpack.error.signature");
            Optional<RefPackRepository.Row> last = repo.latest(tx, RefPackRepository.APPLIED);
            if (last.isPresent()) {
                RefPackRepository.Row l = last.get();
                String sha = Hashes.sha256Hex(env.payload());
                if (l.number() == number && l.sha256().equals(sha)) {
                    throw new BundleException(Reason.REPLAYED, "refpack.error.replayed", number);
                }
                if (number <= l.number()) {
                    throw new BundleException(Reason.OLDER_SEQUENCE, "refpack.error.older", number, l.number());
                }
                String prev = p.path("previousSha256").isString() ? p.path("previousSha256").asString() : null;
                if (number == l.number() + 1 && !l.sha256().equals(prev)) {
                    throw new BundleException(Reason.OLDER_SEQUENCE, "refpack.error.chain", number, l.number());
                }
            }
            return new Checked(env.payload(), p, number, province, keyId, KeyCrypto.words(declared), first);
        });
    }

    /**
     * Imports a pack: on first import {@code confirmedWords} must match the province key's fingerprint words unless
     * {@code yes} (the person compared them otherwise). All of it in one transaction.
     */
    public Applied importPack(Path file, String confirmedWords, boolean yes) {
        audit.require(Role.HEAD, "access.do.trust");
        Checked c = check(file);
        if (c.firstImport() && !yes) {
            if (confirmedWords == null || !FingerprintWords.matches(confirmedWords, c.fingerprint())) {
                throw new BundleException(Reason.UNCONFIRMED_KEY, "refpack.error.fingerprint",
                        FingerprintWords.grouped(c.fingerprint()));
            }
        }
        JsonNode p = c.pack();
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate expiresOn = LocalDate.parse(p.path("expiresOn").asString());
        String provinceName = p.path("provinceName").asString(c.province());
        List<ContributionRate> packRates;
        List<WageBaseDefault> packWages;
        List<RegionChange> packRegions;
        try {
            packRates = parseRates(p.path("rates"));
            packWages = parseWages(p.path("wageBases"));
            packRegions = parseRegions(p.path("regions").path("changes"));
        } catch (RuntimeException e) {
            throw new BundleException(Reason.WRONG_TYPES, e, "refpack.error.malformed");
        }
        String district = office.require().regionCode();
        return db.write(tx -> {
            int lastApplied = repo.latest(tx, RefPackRepository.APPLIED).map(RefPackRepository.Row::number)
                    .orElse(0);
            if (c.firstImport()) {
                keyRepo.insertTrusted(tx, new TrustedKey(c.keyId(), KeyCrypto.ALGORITHM,
                        p.path("key").path("publicKey").asString(), c.fingerprint(), c.province(), provinceName,
                        OfficeLevel.PROVINCE, now, audit.actor(), null, null, null, null));
                audit.recordText(tx, "CREATE", "trusted_key", c.keyId(), null, "Kunci provinsi disematkan dari "
                        + "paket data acuan #" + c.number() + ": " + c.fingerprint());
            }
            String successor = null;
            JsonNode succ = p.path("successor");
            if (succ.isObject()) {
                successor = succ.path("keyId").asString();
                PublicKey sk = KeyCrypto.decodePublic(succ.path("publicKey").asString());
                if (!KeyCrypto.keyId(sk).equals(successor)) {
                    throw new BundleException(Reason.PAYLOAD_CHANGED, "refpack.error.malformed");
                }
                if (keyRepo.trusted(tx, successor).isEmpty()) {
                    keyRepo.insertTrusted(tx, new TrustedKey(successor, KeyCrypto.ALGORITHM,
                            succ.path("publicKey").asString(), KeyCrypto.words(sk), c.province(), provinceName,
                            OfficeLevel.PROVINCE, now, audit.actor(), c.keyId(), null, null, null, null, null,
                            null, now));
                    audit.recordText(tx, "CREATE", "trusted_key", successor, null, "Kunci provinsi pengganti "
                            + successor + " diumumkan oleh " + c.keyId() + " (paket #" + c.number() + ")");
                }
            }
            int nt = 0;
            String source = SOURCE_PREFIX + c.number();
            for (JsonNode t : p.path("targets")) {
                String cat = t.path("category").asString();
                Category category = "all".equals(cat) ? null : Category.fromKey(cat);
                BigDecimal pct = new BigDecimal(t.path("percent").asString());
                targets.put(tx, new CoverageTarget(UUID.randomUUID(), c.province(), t.path("year").asInt(), category,
                        pct, source), now);
                nt++;
            }
            List<String> revoked = new ArrayList<>();
            for (JsonNode r : p.path("revocations")) {
                String kid = r.path("keyId").asString();
                String reason = r.path("reason").asString("dicabut / revoked") + " (provinsi, paket #"
                        + c.number() + ")";
                OffsetDateTime at = OffsetDateTime.parse(r.path("revokedAt").asString());
                OffsetDateTime since = r.path("since").isString() ? OffsetDateTime.parse(r.path("since").asString())
                        : null;
                Optional<TrustedKey> known = keyRepo.trusted(tx, kid);
                if (known.isPresent()) {
                    if (known.get().revoked()) continue;
                    keyRepo.revoke(tx, kid, reason, at, since, null);
                } else {
                    keyRepo.insertTrusted(tx, new TrustedKey(kid, KeyCrypto.ALGORITHM, r.path("publicKey").asString(),
                            r.path("fingerprint").asString(), r.path("officeCode").asString(),
                            r.path("officeName").asString(), OfficeLevel.valueOf(r.path("officeLevel").asString()),
                            now, audit.actor(), null, null, at, reason));
                }
                revoked.add(kid);
                audit.recordText(tx, "UPDATE", "trusted_key", kid, null, "Kunci dicabut oleh provinsi (paket #"
                        + c.number() + "): " + kid + " — " + reason);
            }
            Counted rc = applyRates(tx, packRates, c.number());
            Counted wc = applyWages(tx, packWages, c.number());
            RegionsApplied ra = applyRegions(tx, packRegions, lastApplied, district, c.province(), c.number(), now);
            String prev = p.path("previousSha256").isString() ? p.path("previousSha256").asString() : null;
            repo.insert(tx, new RefPackRepository.Row(RefPackRepository.APPLIED, c.province(), c.number(),
                    Hashes.sha256Hex(c.payload()), prev, c.keyId(),
                    OffsetDateTime.parse(p.path("createdAt").asString()), expiresOn, now, null));
            audit.recordText(tx, "CREATE", "reference_pack", String.valueOf(c.number()), null,
                    "Paket data acuan provinsi #" + c.number() + " diterapkan: " + nt + " target, " + revoked.size()
                            + " kunci dicabut, tarif " + rc.added() + " baru/" + rc.changed() + " diubah, dasar upah "
                            + wc.added() + " baru/" + wc.changed() + " diubah, wilayah +" + ra.added() + " ~"
                            + ra.renamed() + " -" + ra.retired() + ", tetap dipakai: " + ra.kept());
            return new Applied(c.number(), c.province(), expiresOn, c.firstImport(), c.keyId(), nt,
                    List.copyOf(revoked), successor, rc, wc, ra);
        });
    }

    // ---------------------------------------------------------------- rates, wage bases, regions (format version 2)

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNull() || v.isMissingNode() ? null : v.asString();
    }

    private static Long number(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (v.isNull() || v.isMissingNode()) return null;
        if (!v.isIntegralNumber()) throw new IllegalArgumentException(field + " is not a whole number");
        return v.longValue();
    }

    static List<ContributionRate> parseRates(JsonNode arr) {
        List<ContributionRate> out = new ArrayList<>();
        for (JsonNode r : arr) {
            String pct = text(r, "percent");
            Long flat = number(r, "flatAmount");
            if (pct == null && flat == null) throw new IllegalArgumentException("rate without percent or amount");
            Long risk = number(r, "riskClass");
            out.add(new ContributionRate(UUID.fromString(r.required("id").asString()),
                    Segment.valueOf(r.required("segment").asString()),
                    Programme.valueOf(r.required("programme").asString()), risk == null ? null : risk.intValue(),
                    LocalDate.parse(r.required("validFrom").asString()), pct == null ? null : new BigDecimal(pct),
                    flat, number(r, "minimumAmount"), number(r, "wageCap"), text(r, "note")));
        }
        return out;
    }

    static List<WageBaseDefault> parseWages(JsonNode arr) {
        List<WageBaseDefault> out = new ArrayList<>();
        for (JsonNode w : arr) {
            String pos = text(w, "position");
            Long amount = number(w, "amount");
            if (amount == null || amount < 0) throw new IllegalArgumentException("wage base without amount");
            out.add(new WageBaseDefault(UUID.fromString(w.required("id").asString()),
                    Category.fromKey(w.required("category").asString()), pos == null ? null : Position.valueOf(pos),
                    LocalDate.parse(w.required("validFrom").asString()), amount, text(w, "note")));
        }
        return out;
    }

    /** One region change a pack carries. */
    record RegionChange(int pack, String code, String change, String name, String oldName) {
    }

    static List<RegionChange> parseRegions(JsonNode arr) {
        List<RegionChange> out = new ArrayList<>();
        for (JsonNode r : arr) {
            String code = r.required("code").asString();
            String change = r.required("change").asString();
            if (!Region.isValidCode(code)) throw new IllegalArgumentException("region code " + code);
            if (!List.of("ADDED", "RENAMED", "RETIRED", "RESTORED").contains(change)) {
                throw new IllegalArgumentException("region change " + change);
            }
            String name = text(r, "name");
            if (!change.equals("RETIRED") && (name == null || name.isBlank())) {
                throw new IllegalArgumentException("region without a name");
            }
            out.add(new RegionChange(r.required("pack").asInt(), code, change, name, text(r, "oldName")));
        }
        return out;
    }

    private Counted applyRates(Tx tx, List<ContributionRate> pack, int number) {
        List<ContributionRate> here = rateRepo.rates(tx);
        int added = 0;
        int changed = 0;
        int same = 0;
        for (ContributionRate r : pack) {
            Optional<ContributionRate> ex = here.stream().filter(h -> h.segment() == r.segment()
                    && h.programme() == r.programme() && java.util.Objects.equals(h.riskClass(), r.riskClass())
                    && h.validFrom().equals(r.validFrom())).findFirst();
            if (ex.isEmpty()) {
                ContributionRate row = here.stream().anyMatch(h -> h.id().equals(r.id()))
                        ? new ContributionRate(UUID.randomUUID(), r.segment(), r.programme(), r.riskClass(),
                        r.validFrom(), r.ratePercent(), r.flatAmount(), r.minimumAmount(), r.wageCap(), r.note())
                        : r;
                rateRepo.insertRate(tx, row);
                audit.record(tx, "CREATE", "contribution_rate", row.id(), null, null, "Tarif iuran " + r.segment()
                        + " " + r.programme() + " berlaku " + r.validFrom() + " dari paket acuan provinsi #" + number,
                        null, row);
                added++;
            } else if (sameRate(ex.get(), r)) {
                same++;
            } else {
                ContributionRate old = ex.get();
                ContributionRate row = new ContributionRate(old.id(), r.segment(), r.programme(), r.riskClass(),
                        r.validFrom(), r.ratePercent(), r.flatAmount(), r.minimumAmount(), r.wageCap(), r.note());
                rateRepo.updateRate(tx, row);
                audit.record(tx, "UPDATE", "contribution_rate", old.id(), null, null, "Tarif iuran " + r.segment()
                        + " " + r.programme() + " berlaku " + r.validFrom() + " diubah oleh paket acuan provinsi #"
                        + number, old, row);
                changed++;
            }
        }
        return new Counted(added, changed, same);
    }

    private static boolean sameDecimal(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static boolean sameRate(ContributionRate a, ContributionRate b) {
        return sameDecimal(a.ratePercent(), b.ratePercent()) && java.util.Objects.equals(a.flatAmount(), b.flatAmount())
                && java.util.Objects.equals(a.minimumAmount(), b.minimumAmount())
                && java.util.Objects.equals(a.wageCap(), b.wageCap())
                && java.util.Objects.equals(a.note(), b.note());
    }

    private Counted applyWages(Tx tx, List<WageBaseDefault> pack, int number) {
        List<WageBaseDefault> here = rateRepo.wageBases(tx);
        int added = 0;
        int changed = 0;
        int same = 0;
        for (WageBaseDefault w : pack) {
            Optional<WageBaseDefault> ex = here.stream().filter(h -> h.category() == w.category()
                    && h.position() == w.position() && h.validFrom().equals(w.validFrom())).findFirst();
            if (ex.isEmpty()) {
                WageBaseDefault row = here.stream().anyMatch(h -> h.id().equals(w.id()))
                        ? new WageBaseDefault(UUID.randomUUID(), w.category(), w.position(), w.validFrom(),
                        w.amount(), w.note()) : w;
                rateRepo.insertWageBase(tx, row);
                audit.record(tx, "CREATE", "wage_base_default", row.id(), null, null, "Dasar upah " + w.category()
                        + " berlaku " + w.validFrom() + " dari paket acuan provinsi #" + number, null, row);
                added++;
            } else if (ex.get().amount() == w.amount() && java.util.Objects.equals(ex.get().note(), w.note())) {
                same++;
            } else {
                WageBaseDefault old = ex.get();
                WageBaseDefault row = new WageBaseDefault(old.id(), w.category(), w.position(), w.validFrom(),
                        w.amount(), w.note());
                rateRepo.updateWageBase(tx, row);
                audit.record(tx, "UPDATE", "wage_base_default", old.id(), null, null, "Dasar upah " + w.category()
                        + " berlaku " + w.validFrom() + " diubah oleh paket acuan provinsi #" + number, old, row);
                changed++;
            }
        }
        return new Counted(added, changed, same);
    }

    /**
     * Applies the region changes of packs after the last one applied, inside the district, with history as a
     * regions import writes it. A code to retire that still has people holding posts is kept and flagged; a code
     * flagged earlier is retired once no one holds a post there.
     */
    private RegionsApplied applyRegions(Tx tx, List<RegionChange> changes, int lastApplied, String district,
                                        String province, int number, OffsetDateTime now) {
        String source = "paket acuan provinsi #" + number;
        LocalDate today = now.toLocalDate();
        int added = 0;
        int renamed = 0;
        int retired = 0;
        int restored = 0;
        List<String> kept = new ArrayList<>();
        java.util.Set<String> flagged = new java.util.HashSet<>();
        for (RefPackRepository.Flag f : repo.openFlags(tx)) flagged.add(f.code());
        for (RegionChange c : changes) {
            if (c.pack() <= lastApplied || !Region.within(c.code(), district) || c.code().equals(district)) continue;
            Optional<Region> ex = regionRepo.find(tx, c.code());
            if (c.change().equals("RETIRED")) {
                if (ex.isEmpty() || !ex.get().active()) continue;
                int holders = repo.holders(tx, c.code(), today);
                if (holders > 0) {
                    if (!kept.contains(c.code())) kept.add(c.code());
                    if (flagged.add(c.code())) {
                        repo.insertFlag(tx, new RefPackRepository.Flag(c.code(), province, number, holders, now,
                                null, null));
                        audit.recordText(tx, "UPDATE", "region", c.code(), c.code(), "Kode wilayah " + c.code()
                                + " dihapus oleh " + source + " tetapi tetap dipakai: " + holders
                                + " orang masih memegang jabatan");
                    }
                } else {
                    regionRepo.setActive(tx, c.code(), false, now);
                    regionRepo.history(tx, c.code(), "RETIRED", ex.get().name(), null, now, source);
                    retired++;
                }
                continue;
            }
            if (ex.isEmpty()) {
                Region r = new Region(c.code(), c.name(), Region.levelOf(c.code()), Region.villageTypeOf(c.code()),
                        Region.parentOf(c.code()), true);
                regionRepo.insert(tx, r, now);
                regionRepo.historyAdded(tx, List.of(r), now, source);
                added++;
                continue;
            }
            Region old = ex.get();
            if (!old.active()) {
                regionRepo.setActive(tx, c.code(), true, now);
                regionRepo.history(tx, c.code(), "RESTORED", old.name(), c.name(), now, source);
                restored++;
            }
            if (flagged.remove(c.code())) {
                repo.resolveFlag(tx, c.code(), now, "RESTORED");
                kept.remove(c.code());
            }
            if (!old.name().equals(c.name())) {
                regionRepo.rename(tx, c.code(), c.name());
                regionRepo.history(tx, c.code(), "RENAMED", old.name(), c.name(), now, source);
                renamed++;
            }
        }
        // codes kept by an earlier pack: retired now that no one holds a post there
        for (RefPackRepository.Flag f : repo.openFlags(tx)) {
            if (kept.contains(f.code())) continue;
            Optional<Region> ex = regionRepo.find(tx, f.code());
            if (ex.isPresent() && ex.get().active() && repo.holders(tx, f.code(), today) > 0) continue;
            if (ex.isPresent() && ex.get().active()) {
                regionRepo.setActive(tx, f.code(), false, now);
                regionRepo.history(tx, f.code(), "RETIRED", ex.get().name(), null, now, "paket acuan provinsi #"
                        + f.packNumber());
                retired++;
            }
            repo.resolveFlag(tx, f.code(), now, "RETIRED");
        }
        return new RegionsApplied(added, renamed, retired, restored, List.copyOf(kept));
    }

    /** Region codes a pack retires that are kept because people still hold posts there (district). */
    public List<RefPackRepository.Flag> keptRegions() {
        return db.read(repo::openFlags);
    }

    /** The pack in force here (applied at a district; issued at a province), and whether it has expired today. */
    public Optional<InForce> inForce() {
        return inForce(LocalDate.now(clock));
    }

    /** The pack in force, and whether it had expired on {@code on}. */
    public Optional<InForce> inForce(LocalDate on) {
        return db.read(tx -> repo.latest(tx, RefPackRepository.APPLIED)
                .or(() -> repo.latest(tx, RefPackRepository.ISSUED)))
                .map(r -> new InForce(r.number(), r.provinceCode(), r.expiresOn(), on.isAfter(r.expiresOn())));
    }

    /** The freeze note as an alert (home screen, {@code alerts}): the district's applied pack has expired. */
    public List<id.lindungdesa.domain.Alert> staleAlerts(LocalDate on) {
        List<id.lindungdesa.domain.Alert> out = new ArrayList<>();
        db.read(tx -> {
            Optional<RefPackRepository.Row> r = repo.latest(tx, RefPackRepository.APPLIED);
            if (r.isPresent() && on.isAfter(r.get().expiresOn())) {
                LocalDate exp = r.get().expiresOn();
                out.add(new id.lindungdesa.domain.Alert(id.lindungdesa.domain.Alert.Kind.REFERENCE_PACK_EXPIRED,
                        id.lindungdesa.domain.Alert.Severity.MEDIUM, exp,
                        java.time.temporal.ChronoUnit.DAYS.between(on, exp),
                        new id.lindungdesa.domain.Alert.Target("refpack", null, String.valueOf(r.get().number())),
                        null, List.of(exp.format(DMY), r.get().number())));
            }
            for (RefPackRepository.Flag f : repo.openFlags(tx)) {
                String name = regionRepo.find(tx, f.code()).map(Region::name).orElse(f.code());
                LocalDate d = f.flaggedAt().toLocalDate();
                out.add(new id.lindungdesa.domain.Alert(id.lindungdesa.domain.Alert.Kind.REFERENCE_PACK_REGION_KEPT,
                        id.lindungdesa.domain.Alert.Severity.MEDIUM, d, java.time.temporal.ChronoUnit.DAYS.between(on, d),
                        new id.lindungdesa.domain.Alert.Target("refpack", null, f.code()), f.code(),
                        List.of(f.code(), name, repo.holders(tx, f.code(), on), f.packNumber())));
            }
            return null;
        });
        return out;
    }

    /** The expiry date of the pack applied here when it had expired on {@code on} (freeze), else empty. */
    public Optional<LocalDate> expiredOn(LocalDate on) {
        return db.read(tx -> repo.latest(tx, RefPackRepository.APPLIED)).map(RefPackRepository.Row::expiresOn)
                .filter(on::isAfter);
    }

    /** The freeze note reports carry, in the current language, or empty while the pack is in force. */
    public Optional<String> staleNote(LocalDate on) {
        return staleAlerts(on).stream()
                .filter(a -> a.kind() == id.lindungdesa.domain.Alert.Kind.REFERENCE_PACK_EXPIRED).findFirst()
                .map(a -> id.lindungdesa.i18n.Messages.tr("refpack.expired", a.args().get(0)));
    }

    // ---------------------------------------------------------------- pack numbers in district bundles

    /** The pack applied at this district, for its bundle manifests (null: none applied). */
    static Manifest.ReferencePackRef packInForce(Tx tx) {
        return new RefPackRepository().latest(tx, RefPackRepository.APPLIED)
                .map(r -> new Manifest.ReferencePackRef(r.number(), r.sha256())).orElse(null);
    }

    /**
     * At a province that has issued packs: the warning a district bundle made under an older pack (or none, or one
     * this province did not issue) is imported with. Never silent, never refused.
     */
    static Optional<String> olderPackWarning(Tx tx, Office me, Manifest m) {
        if (me.level() != OfficeLevel.PROVINCE) return Optional.empty();
        List<RefPackRepository.Row> issued = new RefPackRepository().all(tx, RefPackRepository.ISSUED);
        if (issued.isEmpty()) return Optional.empty();
        int newest = issued.get(issued.size() - 1).number();
        Manifest.ReferencePackRef ref = m.referencePack();
        if (ref == null) {
            return Optional.of(id.lindungdesa.i18n.Messages.tr("refpack.warn.bundleNoPack", m.issuer().code(),
                    newest));
        }
        Optional<RefPackRepository.Row> same = issued.stream().filter(r -> r.number() == ref.number()).findFirst();
        if (same.isEmpty() || !same.get().sha256().equals(ref.sha256())) {
            return Optional.of(id.lindungdesa.i18n.Messages.tr("refpack.warn.bundleOtherPack", m.issuer().code(),
                    ref.number()));
        }
        if (ref.number() < newest) {
            return Optional.of(id.lindungdesa.i18n.Messages.tr("refpack.warn.bundleOlderPack", m.issuer().code(),
                    ref.number(), newest));
        }
        return Optional.empty();
    }

    /** Remembers, at the province, the pack a received bundle names. */
    static void recordBundlePack(Tx tx, Manifest m) {
        new RefPackRepository().markBundle(tx, m.bundleId(), m.referencePack().number());
    }

    // ---------------------------------------------------------------- the receipt back to the province

    public static final String RECEIPT_TYPE = "application/vnd.lindungdesa.refpack-receipt+json";
    public static final String RECEIPT_FORMAT = "lindungdesa-refpack-receipt";
    private static final long MAX_RECEIPT = 1024L * 1024;

    /** A receipt the district wrote. */
    public record ReceiptWritten(Path file, int number, String provinceCode) {
    }

    /** District: signs "I applied pack #N" for the pack in force, to send to the province. */
    public ReceiptWritten writeReceipt(Path out, char[] passphrase) {
        audit.require(Role.HEAD, "access.do.signBundle");
        Office o = office.require();
        if (o.level() != OfficeLevel.DISTRICT) {
            throw new BundleException(Reason.WRONG_PROVINCE, "refpack.error.notDistrict");
        }
        RefPackRepository.Row r = db.read(tx -> repo.latest(tx, RefPackRepository.APPLIED))
                .orElseThrow(() -> new BundleException(Reason.NOT_FOUND, "refpack.error.noPackApplied"));
        List<String> kept = keptRegions().stream().map(RefPackRepository.Flag::code).toList();
        List<KeyService.Signer> signers = keys.signers(passphrase);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", RECEIPT_FORMAT);
        m.put("version", 1);
        m.put("province", r.provinceCode());
        m.put("number", r.number());
        m.put("packSha256", r.sha256());
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("code", o.regionCode());
        d.put("name", o.name());
        m.put("district", d);
        m.put("appliedAt", r.recordedAt().toString());
        m.put("keptRegions", kept);
        m.put("createdAt", OffsetDateTime.now(clock).toString());
        byte[] payload = JsonMappers.MAPPER.writeValueAsBytes(m);
        byte[] pae = Dsse.pae(RECEIPT_TYPE, payload);
        List<Dsse.Signature> sigs = new ArrayList<>();
        for (KeyService.Signer sg : signers) sigs.add(new Dsse.Signature(sg.keyId(), KeyCrypto.sign(sg.key(), pae)));
        try {
            DurableFiles.writeBytes(out, new Dsse.Envelope(RECEIPT_TYPE, payload, sigs).toJson());
        } catch (IOException e) {
            throw new BundleException(Reason.IO, e, "bundle.error.io", out, e.getMessage());
        }
        return new ReceiptWritten(out, r.number(), r.provinceCode());
    }

    /** A receipt the province imported; {@code newest} is the province's newest pack. */
    public record ReceiptImported(String districtCode, String districtName, int number, int newest,
                                  List<String> keptRegions) {
        public boolean behind() {
            return number < newest;
        }
    }

    /**
     * Province: reads a district's receipt, verified against the trust registry (a trusted, unrevoked key of that
     * district) and against the packs issued here; stored once. Every refusal changes nothing.
     */
    public ReceiptImported importReceipt(Path file) {
        audit.require(Role.CLERK);
        Office o = office.require();
        if (o.level() != OfficeLevel.PROVINCE) {
            throw new BundleException(Reason.NOT_PROVINCE, "refpack.error.notProvince");
        }
        Dsse.Envelope env = readEnvelope(file, MAX_RECEIPT, RECEIPT_TYPE, "refpack.error.receiptMalformed",
                "refpack.error.notReceipt");
        String province;
        int number;
        String packSha;
        String district;
        String districtName;
        OffsetDateTime appliedAt;
        List<String> kept = new ArrayList<>();
        try {
            JsonNode p = JsonMappers.MAPPER.readTree(env.payload());
            if (!RECEIPT_FORMAT.equals(p.path("format").asString()) || p.path("version").asInt() != 1) {
                throw new BundleException(Reason.UNSUPPORTED_VERSION, "refpack.error.version",
                        p.path("version").asString());
            }
            province = p.required("province").asString();
            number = p.required("number").asInt();
            packSha = p.required("packSha256").asString();
            district = p.required("district").required("code").asString();
            districtName = p.required("district").required("name").asString();
            appliedAt = OffsetDateTime.parse(p.required("appliedAt").asString());
            for (JsonNode k : p.path("keptRegions")) kept.add(k.asString());
        } catch (BundleException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BundleException(Reason.WRONG_TYPES, e, "refpack.error.receiptMalformed");
        }
        if (!province.equals(o.regionCode())) {
            throw new BundleException(Reason.WRONG_PROVINCE, "refpack.error.receiptOtherProvince", province,
                    o.regionCode());
        }
        if (!Region.isValidCode(district) || Region.levelOf(district) != id.lindungdesa.domain.RegionLevel.REGENCY
                || !Region.within(district, province)) {
            throw new BundleException(Reason.WRONG_ISSUER, "refpack.error.receiptIssuer", district);
        }
        byte[] pae = Dsse.pae(RECEIPT_TYPE, env.payload());
        String statementSha = Hashes.sha256Hex(env.payload());
        final int n = number;
        return db.write(tx -> {
            boolean known = false;
            boolean revoked = false;
            String signer = null;
            for (Dsse.Signature sg : env.signatures()) {
                Optional<TrustedKey> k = TrustService.lookup(keyRepo, tx, sg.keyId());
                if (k.isEmpty() || !k.get().officeCode().equals(district)) continue;
                if (k.get().revoked()) {
                    revoked = true;
                    continue;
                }
                if (k.get().pending()) continue;
                known = true;
                if (KeyCrypto.verify(KeyCrypto.decodePublic(k.get().publicKey()), pae, sg.sig())) signer = sg.keyId();
            }
            if (!known) {
                if (revoked) throw new BundleException(Reason.REVOKED_KEY, "refpack.error.receiptRevoked", district);
                throw new BundleException(Reason.UNKNOWN_KEY, "refpack.error.receiptKey", district,
                        env.signatures().isEmpty() ? "-" : env.signatures().get(0).keyId());
            }
            if (signer == null) throw new BundleException(Reason.BAD_SIGNATURE, "refpack.error.receiptSignature");
            List<RefPackRepository.Row> issued = repo.all(tx, RefPackRepository.ISSUED);
            if (issued.stream().noneMatch(r -> r.number() == n && r.sha256().equals(packSha))) {
                throw new BundleException(Reason.WRONG_TYPES, "refpack.error.receiptUnknownPack", district, n);
            }
            if (repo.receipts(tx).stream().anyMatch(r -> r.districtCode().equals(district) && r.packNumber() == n)) {
                throw new BundleException(Reason.REPLAYED, "refpack.error.receiptReplayed", district, n);
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            repo.insertReceipt(tx, new RefPackRepository.Receipt(district, districtName, n, packSha, appliedAt, now,
                    signer, statementSha, kept.isEmpty() ? null : String.join(",", kept)));
            audit.recordText(tx, "IMPORT", "reference_pack_receipt", district + "#" + n, null,
                    "Tanda terima paket data acuan #" + n + " dari " + district + " " + districtName
                            + (kept.isEmpty() ? "" : "; kode wilayah tetap dipakai: " + String.join(", ", kept)));
            int newest = issued.get(issued.size() - 1).number();
            return new ReceiptImported(district, districtName, n, newest, List.copyOf(kept));
        });
    }

    /**
     * At the province: which district runs which pack, from its receipts and from the pack number its latest bundle
     * names; {@code newest} is the newest pack issued here.
     */
    public record DistrictPack(String code, String name, Integer byReceipt, Integer byBundle, int newest,
                               List<String> keptRegions) {
        /** The newest pack the district is known to run, or null when nothing says. */
        public Integer running() {
            if (byReceipt == null) return byBundle;
            if (byBundle == null) return byReceipt;
            return Math.max(byReceipt, byBundle);
        }

        public boolean behind() {
            return newest > 0 && (running() == null || running() < newest);
        }
    }

    /** Province: every district heard of (receipts, bundles, trusted district keys), by code. */
    public List<DistrictPack> districts() {
        Office o = office.require();
        return db.read(tx -> {
            int newest = repo.latest(tx, RefPackRepository.ISSUED).map(RefPackRepository.Row::number).orElse(0);
            Map<String, String> names = new java.util.TreeMap<>();
            Map<String, Integer> byReceipt = new java.util.HashMap<>();
            Map<String, List<String>> kept = new java.util.HashMap<>();
            Map<String, Integer> byBundle = new java.util.HashMap<>();
            for (TrustedKey k : keyRepo.trustedAll(tx)) {
                if (k.officeLevel() == OfficeLevel.DISTRICT && Region.within(k.officeCode(), o.regionCode())) {
                    names.putIfAbsent(k.officeCode(), k.officeName());
                }
            }
            for (RefPackRepository.BundlePack b : repo.latestBundlePacks(tx)) {
                if (!Region.within(b.districtCode(), o.regionCode())) continue;
                names.put(b.districtCode(), b.districtName());
                if (b.packNumber() != null) byBundle.put(b.districtCode(), b.packNumber());
            }
            for (RefPackRepository.Receipt r : repo.receipts(tx)) {
                names.put(r.districtCode(), r.districtName());
                if (byReceipt.getOrDefault(r.districtCode(), 0) < r.packNumber()) {
                    byReceipt.put(r.districtCode(), r.packNumber());
                    kept.put(r.districtCode(), r.keptRegions() == null ? List.of()
                            : List.of(r.keptRegions().split(",")));
                }
            }
            List<DistrictPack> out = new ArrayList<>();
            for (var e : names.entrySet()) {
                out.add(new DistrictPack(e.getKey(), e.getValue(), byReceipt.get(e.getKey()),
                        byBundle.get(e.getKey()), newest, kept.getOrDefault(e.getKey(), List.of())));
            }
            return out;
        });
    }

    /** The pack number a target came from, if it came from a pack ("dari provinsi, paket #N"). */
    public static Optional<Integer> packOf(String source) {
        if (source == null || !source.startsWith(SOURCE_PREFIX)) return Optional.empty();
        try {
            return Optional.of(Integer.parseInt(source.substring(SOURCE_PREFIX.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
