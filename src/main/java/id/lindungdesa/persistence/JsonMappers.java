package id.lindungdesa.persistence;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Jackson 3 configuration of the program: audit snapshots, CLI output, bundles, receipts, public and
 * private key files, backup side files and settings, column-mapping files. Reading is strict: duplicate keys are
 * refused ({@link StreamReadFeature#STRICT_DUPLICATE_DETECTION}); strings, numbers, names and nesting are capped
 * (every file the program reads may come from someone else: a flash disk, another office).
 * In {@code persistence} so that every layer above may use it.
 */
public final class JsonMappers {
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(100_000).maxNumberLength(40).maxNestingDepth(32).maxNameLength(200).build())
            .build();
    /** Thread-safe once built; share it. */
    public static final JsonMapper MAPPER = JsonMapper.builder(FACTORY).build();

    private JsonMappers() {}
}
