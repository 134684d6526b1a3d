package id.lindungdesa.service;

import id.lindungdesa.persistence.JsonMappers;
import tools.jackson.databind.json.JsonMapper;

/** Audit snapshots and CLI output (ISO dates, NIKs as strings) through the one configuration, {@link JsonMappers}. */
public final class Json {
    public static final JsonMapper MAPPER = JsonMappers.MAPPER;

    private Json() {}

    public static String write(Object o) {
        return o == null ? null : MAPPER.writeValueAsString(o);
    }

    /**
     * Writes {@code o} as {@link #write(Object)} does, straight into {@code out} (no string of the whole document;
     * large CLI outputs such as a national coverage report); {@code out} is flushed, not closed.
     */
    public static void write(Object o, java.io.Writer out) {
        MAPPER.writeValue(new java.io.FilterWriter(out) {
            @Override
            public void close() throws java.io.IOException {
                flush();
            }
        }, o);
    }
}
