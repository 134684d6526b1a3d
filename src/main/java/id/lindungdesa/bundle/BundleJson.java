package id.lindungdesa.bundle;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The strict JSON reader/writer for bundles, key files and receipts: duplicate keys are refused
 * ({@link StreamReadFeature#STRICT_DUPLICATE_DETECTION}), strings, numbers and nesting are capped.
 */
public final class BundleJson {
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(100_000).maxNumberLength(40).maxNestingDepth(32).maxNameLength(200).build())
            .build();
    public static final JsonMapper MAPPER = JsonMapper.builder(FACTORY).build();

    private BundleJson() {}
}
