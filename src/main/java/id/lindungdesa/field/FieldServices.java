package id.lindungdesa.field;

import id.lindungdesa.bundle.BundleServices;
import id.lindungdesa.persistence.FieldRepository;
import id.lindungdesa.service.CoreServices;

/** The field-visit feature's services (issue 15), built once by the composition root ({@code wiring.Services}). */
public final class FieldServices {
    private final FieldPackageService packages;
    private final FieldVisitService visits;
    private final FieldMergeService merges;

    public FieldServices(CoreServices s, BundleServices bundles) {
        this.packages = new FieldPackageService(s.database(), new FieldRepository(), s.office(), bundles.keys(),
                bundles.trust(), s.agreements(), s.clock(), s.audit());
        var visitRepo = new id.lindungdesa.persistence.FieldVisitRepository();
        this.visits = new FieldVisitService(s.database(), visitRepo, s.office(), bundles.keys(), bundles.trust(),
                s.clock(), s.audit());
        this.merges = new FieldMergeService(s.database(), visitRepo, new FieldRepository(), s.office(),
                bundles.keys(), bundles.trust(), s.clock(), s.audit());
    }

    /** Officer side: open packages, write returns, import receipts. */
    public FieldVisitService visits() { return visits; }

    /** District side: merge returns, settle conflicts. */
    public FieldMergeService merges() { return merges; }

    /** District side: packages issued to kecamatan officers. */
    public FieldPackageService packages() { return packages; }
}
