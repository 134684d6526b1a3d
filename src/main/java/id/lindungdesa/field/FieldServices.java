package id.lindungdesa.field;

import id.lindungdesa.bundle.BundleServices;
import id.lindungdesa.persistence.FieldRepository;
import id.lindungdesa.service.CoreServices;

/** The field-visit feature's services (issue 15), built once by the composition root ({@code wiring.Services}). */
public final class FieldServices {
    private final FieldPackageService packages;

    public FieldServices(CoreServices s, BundleServices bundles) {
        this.packages = new FieldPackageService(s.database(), new FieldRepository(), s.office(), bundles.keys(),
                bundles.trust(), s.agreements(), s.clock(), s.audit());
    }

    /** District side: packages issued to kecamatan officers. */
    public FieldPackageService packages() { return packages; }
}
