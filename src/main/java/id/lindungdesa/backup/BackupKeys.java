package id.lindungdesa.backup;

import java.nio.file.Path;

/**
 * What backups need of the database's file key, which the security feature owns ({@code security.KeyFile}): the
 * key file to copy beside encrypted backups, the key's id, and opening a copied key file with its passphrase. The
 * composition root hands the implementation in ({@code wiring.FileKeys}); backup never imports security.
 */
public interface BackupKeys {
    /** The key file kept beside the database at {@code dbBase} (it may not exist: an unencrypted database). */
    Path keyFileOf(Path dbBase);

    /** The id of the file key whose H2 file password is {@code filePassword}. */
    String keyId(String filePassword);

    /** Opens a key file with its passphrase and returns the H2 file password; throws on a wrong passphrase. */
    String unlock(Path keyFile, char[] passphrase);
}
