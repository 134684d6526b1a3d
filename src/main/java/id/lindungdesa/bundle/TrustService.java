package id.lindungdesa.bundle;

import id.lindungdesa.bundle.BundleException.Reason;
import id.lindungdesa.domain.Office;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.TrustedKey;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.KeyRepository;
import id.lindungdesa.service.AuditLog;
import id.lindungdesa.service.OfficeService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
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
            audit.recordText(tx, "CREATE", "trusted_key", t.keyId(), null,
                    "Kunci dipercaya: " + t.officeName() + " (" + t.officeCode() + "), " + t.fingerprint());
        });
        return t;
    }

    /** A province trusts offices within it; a district or sub-district trusts the offices above it. */
    static void checkRelation(Office me, String code, OfficeLevel level) {
        boolean ok = me.level() == OfficeLevel.PROVINCE
                ? level != OfficeLevel.PROVINCE && Region.within(code, me.regionCode())
                : Region.within(me.regionCode(), code) && !code.equals(me.regionCode());
        if (!ok) throw new BundleException(Reason.WRONG_PROVINCE, "bundle.error.notRelated", code, me.regionCode());
    }

    public List<TrustedKey> list() {
        return db.read(repo::trustedAll);
    }

    public Optional<TrustedKey> find(String keyId) {
        return db.read(tx -> repo.trusted(tx, keyId));
    }

    public TrustedKey revoke(String keyId, String reason) {
        String why = reason == null || reason.isBlank() ? "dicabut / revoked" : reason.strip();
        db.writeVoid(tx -> {
            if (repo.trusted(tx, keyId).isEmpty()) {
                throw new BundleException(Reason.UNKNOWN_KEY, "bundle.error.unknownKey", keyId);
            }
            if (repo.revoke(tx, keyId, why, OffsetDateTime.now(clock)) == 0) {
                throw new BundleException(Reason.REVOKED_KEY, "bundle.error.alreadyRevoked", keyId);
            }
            audit.recordText(tx, "UPDATE", "trusted_key", keyId, null, "Kunci dicabut: " + keyId + " — " + why);
        });
        return find(keyId).orElseThrow();
    }
}
