package id.lindungdesa.bundle;

import id.lindungdesa.bundle.BundleException.Reason;
import id.lindungdesa.domain.Office;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.TrustedKey;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.persistence.KeyRepository;
import id.lindungdesa.persistence.Tx;
import id.lindungdesa.service.AuditLog;
import id.lindungdesa.service.OfficeService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The trust registry: public keys of other offices, enrolled only after a person compared the fingerprint words
 * (read over the phone), revocable. A province enrols its districts' keys; a district its province's key.
 */
public final class TrustService {
    private final Database db;
    private final KeyRepository repo;
    private final OfficeService office;
    private final Clock clock;
    private final AuditLog audit;
    private final id.lindungdesa.persistence.EncryptionKeyRepository encRepo =
            new id.lindungdesa.persistence.EncryptionKeyRepository();

    public TrustService(Database db, KeyRepository repo, OfficeService office, Clock clock, AuditLog audit) {
        this.db = db;
        this.repo = repo;
        this.office = office;
        this.clock = clock;
        this.audit = audit;
    }

    /** Reads a public key file (its fingerprint recomputed) without enrolling it. */
    public PublicKeyFile inspect(Path file) {
        try {
            if (Files.size(file) > 64 * 1024) {
                throw new BundleException(Reason.TOO_LARGE, "bundle.error.tooLarge", file.getFileName(), 0, 0);
            }
            return PublicKeyFile.parse(Files.readAllBytes(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BundleException(Reason.NOT_FOUND, e, "bundle.error.notFound", file);
        } catch (IOException e) {
            throw new BundleException(Reason.IO, e, "bundle.error.io", file, e.getMessage());
        }
    }

    /**
     * Enrols the key in {@code file}; {@code confirmedWords} are the fingerprint words the person compared with the
     * other office (must match).
     */
    public TrustedKey add(Path file, String confirmedWords) {
        audit.require(id.lindungdesa.domain.Role.HEAD, "access.do.trust"); // issue 17
        PublicKeyFile k = inspect(file);
        if (!FingerprintWords.matches(confirmedWords, k.fingerprint())) {
            throw new BundleException(Reason.BAD_SIGNATURE, "bundle.error.fingerprintMismatch", k.fingerprint());
        }
        Office me = office.require();
        checkRelation(me, k.officeCode(), k.officeLevel());
        TrustedKey t = new TrustedKey(k.keyId(), KeyCrypto.ALGORITHM, k.publicKey(), k.fingerprint(), k.officeCode(),
                k.officeName(), k.officeLevel(), OffsetDateTime.now(clock), audit.actor(), null, null, null, null);
        db.writeVoid(tx -> {
            Optional<TrustedKey> existing = repo.trusted(tx, t.keyId());
            if (existing.isPresent()) {
                throw new BundleException(Reason.MALFORMED, "bundle.error.alreadyTrusted", t.keyId(),
                        existing.get().revoked() ? "revoked" : "trusted");
            }
            repo.insertTrusted(tx, t);
            if (k.encryptionKey() != null) encRepo.insertTrusted(tx, k.encryptionKey());
            audit.recordText(tx, "CREATE", "trusted_key", t.keyId(), null,
                    "Kunci dipercaya: " + t.officeName() + " (" + t.officeCode() + "), " + t.fingerprint());
        });
        return t;
    }

    /**
     * Office set-up with the province key pinned at once (issue 18): checks, before anything is written, that the
     * key file is a province key of the province around {@code districtCode} and that {@code confirmedWords} are its
     * fingerprint words. Refusals are {@link BundleException}s.
     */
    public PublicKeyFile checkProvinceKeyForSetUp(Path file, String confirmedWords, String districtCode) {
        PublicKeyFile k = inspect(file);
        if (confirmedWords == null || !FingerprintWords.matches(confirmedWords, k.fingerprint())) {
            throw new BundleException(Reason.BAD_SIGNATURE, "bundle.error.fingerprintMismatch",
                    FingerprintWords.grouped(k.fingerprint()));
        }
        if (k.officeLevel() != OfficeLevel.PROVINCE || !Region.isValidCode(districtCode)
                || !Region.within(districtCode, k.officeCode())) {
            throw new BundleException(Reason.WRONG_PROVINCE, "bundle.error.notRelated", k.officeCode(),
                    districtCode);
        }
        return k;
    }

    /**
     * A province trusts offices within it; the national office trusts districts of every province; a district or
     * sub-district trusts the offices above it; a district also trusts its kecamatan officers (field visits, issue 15).
     */
    static void checkRelation(Office me, String code, OfficeLevel level) {
        boolean officer = me.level() == OfficeLevel.DISTRICT && level == OfficeLevel.SUBDISTRICT
                && Region.within(code, me.regionCode());
        boolean ok = officer || (me.level() == OfficeLevel.NATIONAL
                ? level == OfficeLevel.DISTRICT // district keys of any province (issue 14, decision 0131)
                : me.level() == OfficeLevel.PROVINCE
                ? level != OfficeLevel.PROVINCE && level != OfficeLevel.NATIONAL && Region.within(code, me.regionCode())
                : Region.within(me.regionCode(), code) && !code.equals(me.regionCode()));
        if (!ok) throw new BundleException(Reason.WRONG_PROVINCE, "bundle.error.notRelated", code, me.regionCode());
    }

    public List<TrustedKey> list() {
        return db.read(tx -> repo.trustedAll(tx).stream().map(k -> effective(tx, k)).toList());
    }

    /** The encryption key published beside a trusted signing key (issue 15), if its file had one. */
    public Optional<id.lindungdesa.domain.EncryptionKey> encryptionKeyOf(String signingKeyId) {
        return db.read(tx -> encRepo.trustedFor(tx, signingKeyId));
    }

    public Optional<TrustedKey> find(String keyId) {
        return db.read(tx -> lookup(tx, keyId));
    }

    /** Unrevoked, confirmed-or-not-pending keys of {@code officeCode} (a second enrolment deserves a warning). */
    public List<TrustedKey> activeKeysOf(String officeCode) {
        return list().stream().filter(k -> k.officeCode().equals(officeCode) && !k.revoked()).toList();
    }

    /**
     * The key as verification must see it: a key announced (transitively) by a key revoked with an effective time
     * at or before the announcement counts as revoked, unless a person confirmed it. Revocation writes this down
     * ({@link #revoke}); the look-up repeats it so a revocation made before that rule existed also holds.
     */
    public Optional<TrustedKey> lookup(Tx tx, String keyId) {
        return lookup(repo, tx, keyId);
    }

    /** {@link #lookup(Tx, String)} for services that hold only the repository (import, receipts). */
    static Optional<TrustedKey> lookup(KeyRepository repo, Tx tx, String keyId) {
        return repo.trusted(tx, keyId).map(k -> effective(repo, tx, k));
    }

    private TrustedKey effective(Tx tx, TrustedKey k) {
        return effective(repo, tx, k);
    }

    private static TrustedKey effective(KeyRepository repo, Tx tx, TrustedKey k) {
        if (k.revoked() || k.confirmedAt() != null) return k;
        TrustedKey child = k;
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (child.introducedByKey() != null && seen.add(child.keyId())) {
            Optional<TrustedKey> parent = repo.trusted(tx, child.introducedByKey());
            if (parent.isEmpty()) break;
            TrustedKey p = parent.get();
            if (p.revoked() && !child.addedAt().isBefore(p.compromisedSince())) {
                return k.asRevoked(p.revokedAt(), Messages.tr("trust.revokedVia", p.keyId()), p.keyId());
            }
            if (p.confirmedAt() != null) break;
            child = p;
        }
        return k;
    }

    /** The announcement chain of a key: the key first, then the key that announced it, and so on. */
    public List<TrustedKey> chain(String keyId) {
        return db.read(tx -> {
            List<TrustedKey> out = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            Optional<TrustedKey> k = lookup(tx, keyId);
            while (k.isPresent() && seen.add(k.get().keyId())) {
                out.add(k.get());
                k = k.get().introducedByKey() == null ? Optional.empty() : lookup(tx, k.get().introducedByKey());
            }
            return out;
        });
    }

    /** Keys a given key announced (direct announcements, in order). */
    public List<TrustedKey> announcedBy(String keyId) {
        return db.read(tx -> repo.announcedBy(tx, keyId).stream().map(k -> effective(tx, k)).toList());
    }

    /** What a revocation did: the key, the keys revoked with it through its announcements, and those kept. */
    public record Revocation(TrustedKey key, List<TrustedKey> alsoRevoked, List<TrustedKey> keptAnnouncedBefore) {
    }

    public TrustedKey revoke(String keyId, String reason) {
        return revoke(keyId, reason, null).key();
    }

    /**
     * Revokes {@code keyId}, believed compromised since {@code since} (null: since it was enrolled), and with it every
     * key it announced at or after that time, transitively (a thief who stole the key may have rotated it). Keys it
     * announced before {@code since} are kept and reported.
     */
    public Revocation revoke(String keyId, String reason, OffsetDateTime since) {
        audit.require(id.lindungdesa.domain.Role.HEAD, "access.do.trust"); // issue 17
        String why = reason == null || reason.isBlank() ? "dicabut / revoked" : reason.strip();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<TrustedKey> also = new ArrayList<>();
        List<TrustedKey> kept = new ArrayList<>();
        db.writeVoid(tx -> {
            TrustedKey k = repo.trusted(tx, keyId)
                    .orElseThrow(() -> new BundleException(Reason.UNKNOWN_KEY, "bundle.error.unknownKey", keyId));
            if (repo.revoke(tx, keyId, why, now, since, null) == 0) {
                throw new BundleException(Reason.REVOKED_KEY, "bundle.error.alreadyRevoked", keyId);
            }
            audit.recordText(tx, "UPDATE", "trusted_key", keyId, null, "Kunci dicabut: " + keyId + " — " + why
                    + (since == null ? "" : " (sejak " + since + ")"));
            OffsetDateTime from = since != null ? since : k.addedAt();
            java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(keyId));
            java.util.Set<String> seen = new java.util.HashSet<>(List.of(keyId));
            while (!todo.isEmpty()) {
                String parent = todo.poll();
                for (TrustedKey child : repo.announcedBy(tx, parent)) {
                    if (!seen.add(child.keyId())) continue;
                    if (child.addedAt().isBefore(from)) {
                        kept.add(child);
                        continue;
                    }
                    String r = Messages.tr("trust.revokedVia", parent);
                    if (repo.revoke(tx, child.keyId(), r, now, from, parent) > 0) {
                        also.add(repo.trusted(tx, child.keyId()).orElseThrow());
                        audit.recordText(tx, "UPDATE", "trusted_key", child.keyId(), null,
                                "Kunci dicabut bersama " + parent + ": " + child.keyId());
                    }
                    todo.add(child.keyId());
                }
            }
        });
        return new Revocation(find(keyId).orElseThrow(), List.copyOf(also), List.copyOf(kept));
    }

    /**
     * A person compared the words of an announced key with its office (by phone): the key becomes trusted. Only for a
     * key that is pending, or that was revoked because the key announcing it was (a key revoked directly stays so).
     */
    public TrustedKey confirm(String keyId, String confirmedWords) {
        audit.require(id.lindungdesa.domain.Role.HEAD, "access.do.trust"); // issue 17
        db.writeVoid(tx -> {
            TrustedKey k = repo.trusted(tx, keyId)
                    .orElseThrow(() -> new BundleException(Reason.UNKNOWN_KEY, "bundle.error.unknownKey", keyId));
            TrustedKey e = effective(tx, k);
            boolean chainRevoked = e.revoked() && e.revokedVia() != null;
            if (!k.pending() && !chainRevoked) {
                throw new BundleException(e.revoked() ? Reason.REVOKED_KEY : Reason.MALFORMED,
                        e.revoked() ? "trust.error.confirmRevoked" : "trust.error.notPending", keyId);
            }
            if (!FingerprintWords.matches(confirmedWords, k.fingerprint())) {
                throw new BundleException(Reason.BAD_SIGNATURE, "bundle.error.fingerprintMismatch", k.fingerprint());
            }
            repo.confirm(tx, keyId, OffsetDateTime.now(clock), audit.actor());
            audit.recordText(tx, "UPDATE", "trusted_key", keyId, null, "Kunci dikonfirmasi: " + keyId + " — "
                    + k.officeName() + " (" + k.officeCode() + "), " + k.fingerprint());
        });
        return find(keyId).orElseThrow();
    }

    /** True when {@code officeCode} has a revoked key: its announcements then wait for confirmation. */
    static boolean officeHasRevokedKey(KeyRepository repo, Tx tx, String officeCode) {
        return repo.trustedAll(tx).stream().anyMatch(k -> k.officeCode().equals(officeCode) && k.revoked());
    }
}
