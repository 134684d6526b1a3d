package id.lindungdesa.bundle;

import id.lindungdesa.persistence.BundleRepository;
import id.lindungdesa.persistence.KeyRepository;
import id.lindungdesa.persistence.ProvinceRepository;
import id.lindungdesa.persistence.RegionRepository;
import id.lindungdesa.service.CoreServices;

/** The signed-bundle feature's services, built once by the composition root ({@code wiring.Services}). */
public final class BundleServices {
    private final KeyService keys;
    private final TrustService trust;
    private final ExportService export;
    private final BundleImportService imports;
    private final ReceiptService receipts;
    private final ProvinceService province;
    private final RefPackService refpacks;

    public BundleServices(CoreServices s) {
        KeyRepository keyRepo = new KeyRepository();
        BundleRepository bundleRepo = new BundleRepository();
        ProvinceRepository provRepo = new ProvinceRepository();
        this.keys = new KeyService(s.database(), keyRepo, s.office(), s.clock(), s.audit());
        this.trust = new TrustService(s.database(), keyRepo, s.office(), s.clock(), s.audit());
        this.export = new ExportService(s.database(), bundleRepo, new RegionRepository(), s.office(), keys, s.clock(),
                s.audit());
        this.receipts = new ReceiptService(s.database(), bundleRepo, keyRepo, s.office(), keys, s.clock(), s.audit());
        this.imports = new BundleImportService(s.database(), bundleRepo, keyRepo, provRepo, s.office(), keys, receipts,
                s.clock(), s.audit());
        this.province = new ProvinceService(s.database(), provRepo, bundleRepo, s.office(), s.targets(), s.clock());
        this.refpacks = new RefPackService(s.database(), keyRepo, s.office(), keys, trust, s.clock(), s.audit());
        s.office().onSetUp(keys::onOfficeSetUp);
    }

    public KeyService keys() { return keys; }

    public TrustService trust() { return trust; }

    public ExportService export() { return export; }

    public BundleImportService imports() { return imports; }

    public ReceiptService receipts() { return receipts; }

    public ProvinceService province() { return province; }

    /** Reference packs from the province down (issue 18). */
    public RefPackService refpacks() { return refpacks; }
}
