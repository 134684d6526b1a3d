package id.lindungdesa.service;

import id.lindungdesa.domain.Office;
import id.lindungdesa.domain.OfficeLevel;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.RegionLevel;
import id.lindungdesa.persistence.Database;
import id.lindungdesa.persistence.OfficeRepository;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The office a database belongs to, set up once. */
public final class OfficeService {
    private final Database db;
    private final OfficeRepository repo;
    private final Clock clock;
    private final AuditLog audit;
    private final List<java.util.function.Consumer<Office>> setUpListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public OfficeService(Database db, OfficeRepository repo, Clock clock, AuditLog audit) {
        this.db = db;
        this.repo = repo;
        this.clock = clock;
        this.audit = audit;
    }

    public Optional<Office> office() {
        return db.read(repo::find);
    }

    public Office require() {
        return office().orElseThrow(() -> new IllegalStateException(
                "Kantor belum diatur. Jalankan 'office init' dulu. / The office is not set up: run 'office init' first."));
    }

    /**
     * Called after a new office is set up (e.g. the bundle feature makes the office key pair). Listeners run in the
     * order they were registered, so the composition root registers the one that makes the clerk the actor first.
     */
    public void onSetUp(java.util.function.Consumer<Office> listener) {
        setUpListeners.add(listener);
    }

    /** Sets up the office; refuses when one exists or the input is wrong. */
    public Office init(OfficeLevel level, String code, String name, String clerk) {
        List<ValidationException.FieldError> errors = new ArrayList<>();
        if (level == null) errors.add(ValidationException.FieldError.of("level", "error.required"));
        if (!Region.isValidCode(code)) {
            errors.add(ValidationException.FieldError.of("code", "office.error.code", String.valueOf(code)));
        } else if (level == OfficeLevel.NATIONAL) {
            if (!OfficeLevel.NATIONAL_CODE.equals(code)) {
                errors.add(ValidationException.FieldError.of("code", "office.error.codeLevel", code, level));
            }
        } else if (level != null) {
            RegionLevel expected = switch (level) {
                case PROVINCE, NATIONAL -> RegionLevel.PROVINCE;
                case DISTRICT -> RegionLevel.REGENCY;
                case SUBDISTRICT -> RegionLevel.SUBDISTRICT;
            };
            if (Region.levelOf(code) != expected) {
                errors.add(ValidationException.FieldError.of("code", "office.error.codeLevel", code, level));
            }
        }
        if (name == null || name.isBlank()) errors.add(ValidationException.FieldError.of("name", "error.required"));
        if (clerk == null || clerk.isBlank()) errors.add(ValidationException.FieldError.of("clerk", "error.required"));
        if (!errors.isEmpty()) throw new ValidationException(errors);
        Office office = new Office(UUID.randomUUID(), level, code, name.strip(), clerk.strip(),
                OffsetDateTime.now(clock));
        db.writeVoid(tx -> {
            if (repo.find(tx).isPresent()) throw ValidationException.of("office", "office.error.exists");
            repo.insert(tx, office);
            audit.record(tx, "CREATE", "office", office.id(), null, null, "Kantor diatur: " + office.name(), null,
                    office);
        });
        setUpListeners.forEach(l -> l.accept(office));
        return office;
    }

    public Optional<String> setting(String key) {
        return db.read(tx -> repo.setting(tx, key));
    }

    public void putSetting(String key, String value) {
        db.writeVoid(tx -> repo.putSetting(tx, key, value));
    }
}
