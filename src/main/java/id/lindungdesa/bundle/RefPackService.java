package id.lindungdesa.bundle;

import id.lindungdesa.bundle.BundleException.Reason;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.CoverageTarget;
import id.lindungdesa.domain.Office;
import id.lindungdesa.domain.OfficeKey;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.Role;
import id.lindungdesa.domain.TrustedKey;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.DurableFiles;
import id.lindungdesa.persistence.JsonMappers;
import id.lindungdesa.persistence.KeyRepository;
import id.lindungdesa.persistence.RefPackRepository;
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
    public static final int VERSION = 1;
    /** The source a target applied from a pack carries ("dari provinsi, paket #N"). */
    public static final String SOURCE_PREFIX = "provinsi:paket:";
    private static final long MAX_SIZE = 16L * 1024 * 1024;
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final Database db;
    private final RefPackRepository repo = new RefPackRepository();
    private final KeyRepository keyRepo;
    private final TargetRepository targets = new TargetRepository();
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
                           String successorKeyId) {
    }

    /** What an import applied. */
    public record Applied(int number, String provinceCode, LocalDate expiresOn, boolean pinned, String pinnedKeyId,
                          int targets, List<String> revoked, String successorKeyId) {
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
            byte[] payload = JsonMappers.MAPPER.writeValueAsBytes(p);
            byte[] pae = Dsse.pae(PAYLOAD_TYPE, payload);
            List<Dsse.Signature> sigs = new ArrayList<>();
            for (KeyService.Signer s : signers) sigs.add(new Dsse.Signature(s.keyId(), KeyCrypto.sign(s.key(), pae)));
            byte[] env = new Dsse.Envelope(PAYLOAD_TYPE, payload, sigs).toJson();
            String sha = Hashes.sha256Hex(payload);
            repo.insert(tx, new RefPackRepository.Row(RefPackRepository.ISSUED, o.regionCode(), number, sha,
                    prev.map(RefPackRepository.Row::sha256).orElse(null), current.keyId(), now, expiresOn, now));
            audit.recordText(tx, "CREATE", "reference_pack", String.valueOf(number), null,
                    "Paket data acuan #" + number + " ditandatangani, berlaku sampai " + expiresOn);
            try {
                DurableFiles.writeBytes(out, env);
            } catch (IOException e) {
                throw new BundleException(Reason.IO, e, "bundle.error.io", out, e.getMessage());
            }
            return new Exported(out, number, expiresOn, sha, ts.size(), rv.size(),
                    retiring == null ? null : active.keyId());
        });
    }

    private static Map<String, Object> keyMap(String keyId, String pub, String fingerprint) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("keyId", keyId);
        m.put("publicKey", pub);
        m.put("fingerprint", fingerprint);
        return m;
    }

    // ---------------------------------------------------------------- district: import

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
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_SIZE) {
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
            throw new BundleException(Reason.MALFORMED, e, "refpack.error.malformed");
        }
        if (!PAYLOAD_TYPE.equals(env.payloadType())) {
            throw new BundleException(Reason.WRONG_TYPES, "refpack.error.type", env.payloadType());
        }
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
            if (p.path("version").asInt() != VERSION) {
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
        return db.write(tx -> {
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
            String prev = p.path("previousSha256").isString() ? p.path("previousSha256").asString() : null;
            repo.insert(tx, new RefPackRepository.Row(RefPackRepository.APPLIED, c.province(), c.number(),
                    Hashes.sha256Hex(c.payload()), prev, c.keyId(),
                    OffsetDateTime.parse(p.path("createdAt").asString()), expiresOn, now));
            audit.recordText(tx, "CREATE", "reference_pack", String.valueOf(c.number()), null,
                    "Paket data acuan provinsi #" + c.number() + " diterapkan: " + nt + " target, " + revoked.size()
                            + " kunci dicabut");
            return new Applied(c.number(), c.province(), expiresOn, c.firstImport(), c.keyId(), nt,
                    List.copyOf(revoked), successor);
        });
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
        Optional<RefPackRepository.Row> r = db.read(tx -> repo.latest(tx, RefPackRepository.APPLIED));
        if (r.isEmpty() || !on.isAfter(r.get().expiresOn())) return List.of();
        LocalDate exp = r.get().expiresOn();
        return List.of(new id.lindungdesa.domain.Alert(id.lindungdesa.domain.Alert.Kind.REFERENCE_PACK_EXPIRED,
                id.lindungdesa.domain.Alert.Severity.MEDIUM, exp, java.time.temporal.ChronoUnit.DAYS.between(on, exp),
                new id.lindungdesa.domain.Alert.Target("refpack", null, String.valueOf(r.get().number())), null,
                List.of(exp.format(DMY), r.get().number())));
    }

    /** The freeze note reports carry, in the current language, or empty while the pack is in force. */
    public Optional<String> staleNote(LocalDate on) {
        return staleAlerts(on).stream().findFirst()
                .map(a -> id.lindungdesa.i18n.Messages.tr("refpack.expired", a.args().get(0)));
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
