package id.lindungdesa.bundle;

import id.lindungdesa.bundle.BundleException.Reason;
import id.lindungdesa.domain.Office;
import id.lindungdesa.domain.OfficeKey;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.KeyRepository;
import id.lindungdesa.service.AuditLog;
import id.lindungdesa.service.OfficeService;
import id.lindungdesa.service.ValidationException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** This office's signing keys: made at set-up (or with {@code keys init}), rotated, used to sign. */
public final class KeyService {
    private final Database db;
    private final KeyRepository repo;
    private final OfficeService office;
    private final Clock clock;
    private final AuditLog audit;
    private final id.lindungdesa.persistence.EncryptionKeyRepository encRepo =
            new id.lindungdesa.persistence.EncryptionKeyRepository();

    public KeyService(Database db, KeyRepository repo, OfficeService office, Clock clock, AuditLog audit) {
        this.db = db;
        this.repo = repo;
        this.office = office;
        this.clock = clock;
        this.audit = audit;
    }

    /** A key able to sign: its id and decrypted private key. */
    public record Signer(String keyId, PrivateKey key) {
    }

    public List<OfficeKey> keys() {
        return db.read(repo::officeKeys);
    }

    /** The key that signs (the newest ACTIVE one). */
    public Optional<OfficeKey> activeKey() {
        return keys().stream().filter(k -> k.status() == OfficeKey.Status.ACTIVE).findFirst();
    }

    /** Makes the office's first key pair; refuses when one exists or the passphrase is too short. */
    public OfficeKey init(char[] passphrase) {
        audit.require(id.lindungdesa.domain.Role.HEAD, "access.do.keys"); // issue 17
        Office o = office.require();
        checkPassphrase(passphrase);
        KeyPair kp = KeyCrypto.generate();
        OfficeKey k = newKey(passphrase, OfficeKey.Status.ACTIVE, kp);
        var enc = EncryptionKeys.make(k.keyId(), kp.getPrivate(), passphrase, k.createdAt());
        db.writeVoid(tx -> {
            if (!repo.officeKeys(tx).isEmpty()) throw ValidationException.of("key", "bundle.error.keyExists");
            repo.insert(tx, k);
            encRepo.insertOwn(tx, enc);
            audit.recordText(tx, "CREATE", "office_key", k.keyId(), null,
                    "Kunci kantor dibuat untuk " + o.name() + ": " + k.fingerprint());
        });
        return k;
    }

    /** At office set-up: makes the key when a passphrase is at hand (LINDUNGDESA_PASSPHRASE), else leaves it. */
    public void onOfficeSetUp(Office o) {
        Passphrases.fromEnvironment().ifPresent(p -> {
            if (keys().isEmpty() && p.length >= Passphrases.MIN_LENGTH) init(p);
        });
    }

    /**
     * Rotates: a new ACTIVE key under the same passphrase; the old one becomes RETIRING, keeps signing and
     * announces the new one in every bundle until the province's receipt confirms it (see docs/bundle-format.md).
     */
    public OfficeKey rotate(char[] passphrase) {
        audit.require(id.lindungdesa.domain.Role.HEAD, "access.do.keys"); // issue 17
        OfficeKey current = activeKey().orElseThrow(() -> new BundleException(Reason.NO_KEY, "bundle.error.noKey"));
        KeyCrypto.decryptPrivate(current.encryptedPrivate(), passphrase, current.keyId());
        if (keys().stream().anyMatch(k -> k.status() == OfficeKey.Status.RETIRING)) {
            throw ValidationException.of("key", "bundle.error.rotationPending");
        }
        OfficeKey k = newKey(passphrase, OfficeKey.Status.ACTIVE);
        db.writeVoid(tx -> {
            repo.setStatus(tx, current.keyId(), OfficeKey.Status.RETIRING, OffsetDateTime.now(clock));
            repo.insert(tx, k);
            audit.recordText(tx, "UPDATE", "office_key", k.keyId(), null,
                    "Kunci baru " + k.keyId() + " menggantikan " + current.keyId());
        });
        return k;
    }

    /** The keys that sign the next bundle (ACTIVE first, then RETIRING), decrypted with the passphrase. */
    public List<Signer> signers(char[] passphrase) {
        List<OfficeKey> ks = keys();
        List<Signer> out = new ArrayList<>();
        for (OfficeKey.Status s : List.of(OfficeKey.Status.RETIRING, OfficeKey.Status.ACTIVE)) {
            for (OfficeKey k : ks) {
                if (k.status() == s) {
                    out.add(new Signer(k.keyId(), KeyCrypto.decryptPrivate(k.encryptedPrivate(), passphrase,
                            k.keyId())));
                }
            }
        }
        if (out.isEmpty()) throw new BundleException(Reason.NO_KEY, "bundle.error.noKey");
        return out;
    }

    /** Marks RETIRING keys RETIRED (the province has confirmed the new key). */
    public void finishRotation(id.lindungdesa.persistence.Tx tx) {
        for (OfficeKey k : repo.officeKeys(tx)) {
            if (k.status() == OfficeKey.Status.RETIRING) {
                repo.setStatus(tx, k.keyId(), OfficeKey.Status.RETIRED, OffsetDateTime.now(clock));
            }
        }
    }

    public PublicKeyFile publicKeyFile() {
        Office o = office.require();
        OfficeKey k = activeKey().orElseThrow(() -> new BundleException(Reason.NO_KEY, "bundle.error.noKey"));
        var enc = db.read(tx -> encRepo.ownFor(tx, k.keyId())).map(e -> new id.lindungdesa.domain.EncryptionKey(
                e.keyId(), e.signingKeyId(), e.algorithm(), e.publicKey(), null, e.signature(), e.createdAt()));
        return new PublicKeyFile(k.keyId(), k.publicKey(), k.fingerprint(), o.regionCode(), o.name(), o.level(),
                k.createdAt(), enc.orElse(null));
    }

    /**
     * This office's encryption key, signed by the active key; made now (with the passphrase) when the office's keys
     * predate field visits (issue 15).
     */
    public id.lindungdesa.domain.EncryptionKey encryptionKey(char[] passphrase) {
        OfficeKey k = activeKey().orElseThrow(() -> new BundleException(Reason.NO_KEY, "bundle.error.noKey"));
        var existing = db.read(tx -> encRepo.ownFor(tx, k.keyId()));
        if (existing.isPresent()) return existing.get();
        var enc = EncryptionKeys.make(k.keyId(), KeyCrypto.decryptPrivate(k.encryptedPrivate(), passphrase,
                k.keyId()), passphrase, OffsetDateTime.now(clock));
        db.writeVoid(tx -> {
            encRepo.insertOwn(tx, enc);
            audit.recordText(tx, "CREATE", "office_enc_key", enc.keyId(), null,
                    "Kunci enkripsi X25519 dibuat, ditandatangani " + k.keyId());
        });
        return enc;
    }

    /** All of this office's encryption keys, newest first. */
    public List<id.lindungdesa.domain.EncryptionKey> encryptionKeys() {
        return db.read(encRepo::ownAll);
    }

    /** Writes the active public key file that another office enrols. */
    public PublicKeyFile exportPublic(Path out) {
        PublicKeyFile f = publicKeyFile();
        try {
            id.lindungdesa.persistence.DurableFiles.writeBytes(out, f.toJson());
        } catch (IOException e) {
            throw new BundleException(Reason.IO, e, "bundle.error.io", out, e.getMessage());
        }
        return f;
    }

    private OfficeKey newKey(char[] passphrase, OfficeKey.Status status) {
        return newKey(passphrase, status, KeyCrypto.generate());
    }

    private OfficeKey newKey(char[] passphrase, OfficeKey.Status status, KeyPair kp) {
        String id = KeyCrypto.keyId(kp.getPublic());
        return new OfficeKey(id, KeyCrypto.ALGORITHM, KeyCrypto.encodePublic(kp.getPublic()),
                KeyCrypto.encryptPrivate(kp.getPrivate(), passphrase, id, KeyCrypto.iterations()),
                KeyCrypto.words(kp.getPublic()), status, OffsetDateTime.now(clock), null);
    }

    static void checkPassphrase(char[] p) {
        if (p == null || p.length < Passphrases.MIN_LENGTH) {
            throw ValidationException.of("passphrase", "bundle.error.passphraseShort", Passphrases.MIN_LENGTH);
        }
    }
}
