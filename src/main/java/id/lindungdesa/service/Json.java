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
}
