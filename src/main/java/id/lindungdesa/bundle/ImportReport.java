package id.lindungdesa.bundle;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an import found (dry run) or did, for one district's bundle. Counts are exact: a record whose content is
 * the same as the province already holds is unchanged, never changed.
 */
public record ImportReport(UUID bundleId, String districtCode, String districtName, long sequence, String period,
                           boolean dryRun, Map<String, Counts> counts, List<String> warnings, Path receipt,
                           String receiptProblem) {

    public ImportReport(UUID bundleId, String districtCode, String districtName, long sequence, String period,
                        boolean dryRun, Map<String, Counts> counts, List<String> warnings, Path receipt) {
        this(bundleId, districtCode, districtName, sequence, period, dryRun, counts, warnings, receipt, null);
    }

    /**
     * True when the import was saved but its receipt file could not be written ({@link #receiptProblem} says why;
     * the receipt is in the database: {@code bundle receipt --again BUNDLE_ID}).
     */
    public boolean savedWithoutReceiptFile() {
        return !dryRun && receiptProblem != null;
    }

    /** Per record type: new, changed, ended (ended or removed), unchanged. */
    public record Counts(long added, long changed, long ended, long unchanged) {
        public static final Counts ZERO = new Counts(0, 0, 0, 0);

        public long total() {
            return added + changed + ended + unchanged;
        }
    }

    /** Record types in report order. */
    public static final List<String> TYPES = List.of("villages", "people", "posts", "enrolments");
}
