package id.lindungdesa.service;

/**
 * Called by services before an operation that changes many rows at once (region import, roster import, bundle
 * import, encryption): it returns only once a verified backup is on disk and throws when none could be made (then
 * the operation does not go on). The backup feature implements it; the composition root wires it in, so services
 * never import the backup feature.
 */
@FunctionalInterface
public interface BackupHook {
    /** No backup (tests and databases with nothing worth keeping yet). */
    BackupHook NONE = reason -> { };

    void beforeRiskyOperation(String reason);
}
