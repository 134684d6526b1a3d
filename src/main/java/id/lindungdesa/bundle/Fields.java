package id.lindungdesa.bundle;

import id.lindungdesa.bundle.BundleException.Reason;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Strict, typed reading of one JSON object: every field read is checked for its type, and {@link #done()} refuses
 * fields this format version does not know. Errors name the path (e.g. {@code people[12].nik}).
 */
final class Fields {
    private final JsonNode node;
    private final String path;
    private final Set<String> read = new HashSet<>();

    Fields(JsonNode node, String path) {
        if (node == null || !node.isObject()) throw wrong(path, "object", node);
        this.node = node;
        this.path = path;
    }

    static BundleException wrong(String path, String expected, JsonNode found) {
        String f = found == null || found.isMissingNode() ? "nothing"
                : found.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        return new BundleException(Reason.WRONG_TYPES, "bundle.error.type", path, expected, f);
    }

    private JsonNode get(String name, boolean required, String expected) {
        read.add(name);
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            if (required) throw wrong(path + "." + name, expected, v);
            return null;
        }
        return v;
    }

    String str(String name) {
        return string(name, true);
    }

    String optStr(String name) {
        return string(name, false);
    }

    private String string(String name, boolean required) {
        JsonNode v = get(name, required, "string");
        if (v == null) return null;
        if (!v.isString()) throw wrong(path + "." + name, "string", v);
        return v.stringValue();
    }

    long num(String name) {
        JsonNode v = get(name, true, "whole number");
        if (!v.isIntegralNumber() || !v.canConvertToLong()) throw wrong(path + "." + name, "whole number", v);
        return v.longValue();
    }

    int integer(String name) {
        JsonNode v = get(name, true, "whole number");
        if (!v.isIntegralNumber() || !v.canConvertToInt()) throw wrong(path + "." + name, "whole number", v);
        return v.intValue();
    }

    boolean bool(String name) {
        JsonNode v = get(name, true, "true/false");
        if (!v.isBoolean()) throw wrong(path + "." + name, "true/false", v);
        return v.booleanValue();
    }

    UUID uuid(String name) {
        return parseUuid(str(name), name);
    }

    UUID optUuid(String name) {
        String s = optStr(name);
        return s == null ? null : parseUuid(s, name);
    }

    private UUID parseUuid(String s, String name) {
        try {
            if (s.length() != 36) throw new IllegalArgumentException();
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw new BundleException(Reason.WRONG_TYPES, "bundle.error.value", path + "." + name, s);
        }
    }

    LocalDate date(String name) {
        return parseDate(str(name), name);
    }

    LocalDate optDate(String name) {
        String s = optStr(name);
        return s == null ? null : parseDate(s, name);
    }

    private LocalDate parseDate(String s, String name) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new BundleException(Reason.WRONG_TYPES, "bundle.error.value", path + "." + name, s);
        }
    }

    OffsetDateTime dateTime(String name) {
        return parseDateTime(str(name), name);
    }

    OffsetDateTime optDateTime(String name) {
        String s = optStr(name);
        return s == null ? null : parseDateTime(s, name);
    }

    private OffsetDateTime parseDateTime(String s, String name) {
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            throw new BundleException(Reason.WRONG_TYPES, "bundle.error.value", path + "." + name, s);
        }
    }

    <E extends Enum<E>> E enumOf(String name, Class<E> type) {
        return parseEnum(str(name), name, type);
    }

    <E extends Enum<E>> E optEnum(String name, Class<E> type) {
        String s = optStr(name);
        return s == null ? null : parseEnum(s, name, type);
    }

    <E extends Enum<E>> E parseEnum(String s, String name, Class<E> type) {
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            throw new BundleException(Reason.WRONG_TYPES, "bundle.error.value", path + "." + name, s);
        }
    }

    /** The few shapes records are checked against, compiled once (a national import checks millions of fields). */
    private static final java.util.concurrent.ConcurrentHashMap<String, java.util.regex.Pattern> PATTERNS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** A string that must match {@code regex}. */
    String matching(String name, String regex, boolean required) {
        String s = string(name, required);
        if (s != null && !PATTERNS.computeIfAbsent(regex, java.util.regex.Pattern::compile).matcher(s).matches()) {
            throw new BundleException(Reason.WRONG_TYPES, "bundle.error.value", path + "." + name, s);
        }
        return s;
    }

    Fields obj(String name) {
        JsonNode v = get(name, true, "object");
        return new Fields(v, path + "." + name);
    }

    Fields optObj(String name) {
        JsonNode v = get(name, false, "object");
        return v == null ? null : new Fields(v, path + "." + name);
    }

    JsonNode array(String name, boolean required) {
        JsonNode v = get(name, required, "array");
        if (v != null && !v.isArray()) throw wrong(path + "." + name, "array", v);
        return v;
    }

    String path() {
        return path;
    }

    /** Refuses fields this version does not know. */
    void done() {
        Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
        while (it.hasNext()) {
            String k = it.next().getKey();
            if (!read.contains(k)) throw new BundleException(Reason.WRONG_TYPES, "bundle.error.unknownField",
                    path + "." + k);
        }
    }
}
