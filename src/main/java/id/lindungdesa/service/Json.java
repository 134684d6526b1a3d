package id.lindungdesa.service;

import tools.jackson.databind.json.JsonMapper;

/** The one Jackson mapper for audit snapshots and CLI output (ISO dates, NIKs as strings). */
public final class Json {
    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    public static String write(Object o) {
        return o == null ? null : MAPPER.writeValueAsString(o);
    }
}
