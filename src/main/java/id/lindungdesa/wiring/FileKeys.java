package id.lindungdesa.wiring;

import id.lindungdesa.backup.BackupKeys;
import id.lindungdesa.security.KeyFile;
import java.nio.file.Path;
import java.util.HexFormat;

/** The security feature's key file, as backups need it: the one owner of key material is {@link KeyFile}. */
public final class FileKeys implements BackupKeys {
    /** The only instance; stateless. */
    public static final FileKeys INSTANCE = new FileKeys();

    private FileKeys() {}

    @Override
    public Path keyFileOf(Path dbBase) {
        return KeyFile.pathFor(dbBase);
    }

    @Override
    public String keyId(String filePassword) {
        return new KeyFile.FileKey(HexFormat.of().parseHex(filePassword)).id();
    }

    @Override
    public String unlock(Path keyFile, char[] passphrase) {
        return KeyFile.unlockFile(keyFile, passphrase).h2Password();
    }
}
