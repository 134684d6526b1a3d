package id.lindungdesa.bundle;

import id.lindungdesa.persistence.JsonMappers;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The strict JSON reader/writer for bundles, key files and receipts: now the program's one configuration,
 * {@link JsonMappers} (duplicate keys refused, strings, numbers and nesting capped). Kept as a name for code that
 * still refers to it; use {@link JsonMappers#MAPPER}.
 */
@Deprecated
public final class BundleJson {
    public static final JsonFactory FACTORY = JsonMappers.FACTORY;
    public static final JsonMapper MAPPER = JsonMappers.MAPPER;

    private BundleJson() {}
}
