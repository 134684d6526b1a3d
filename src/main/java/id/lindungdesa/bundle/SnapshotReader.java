package id.lindungdesa.bundle;

import id.lindungdesa.persistence.JsonMappers;
import id.lindungdesa.bundle.BundleException.Reason;
import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.EndReason;
import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.EnrolmentStatus;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.RegionLevel;
import id.lindungdesa.domain.Segment;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.domain.VillageType;
import id.lindungdesa.domain.Category;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Reads a district snapshot payload as a stream of tokens: one record at a time is built as a small tree, checked
 * field by field (types, codes, enums; NIKs must be strings of 16 digits) and handed to a {@link SnapshotHandler}.
 * Memory does not grow with the payload. Any error stops the read with a {@link BundleException}.
 */
public final class SnapshotReader {
    private static final String UUID_RE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final Manifest manifest;
    private final SnapshotHandler handler;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private String district;

    private final String scope;

    public SnapshotReader(Manifest manifest, SnapshotHandler handler) {
        this(manifest, handler, manifest.issuer().code());
    }

    /**
     * A snapshot limited to {@code scope} inside the issuing district (a field package names its kecamatan in the
     * {@code district} object, issue 15); region codes must still lie within the issuer's district.
     */
    public SnapshotReader(Manifest manifest, SnapshotHandler handler, String scope) {
        this.manifest = manifest;
        this.handler = handler;
        this.scope = scope;
    }

    /** Reads the payload; returns the record count per section (checked against the manifest). */
    public Map<String, Long> read(InputStream in) {
        try (JsonParser p = JsonMappers.MAPPER.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw structure("payload", "object");
            Set<String> seen = new HashSet<>();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                p.nextToken();
                seen.add(name);
                switch (name) {
                    case "kind" -> expect(p.getValueAsString(null), Manifest.KIND_DISTRICT_SNAPSHOT, "payload.kind", p);
                    case "formatVersion" -> {
                        // the snapshot payload is still version 1 inside a version-2 bundle (only the manifest grew)
                        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getIntValue() < 1
                                || p.getIntValue() > manifest.formatVersion()) {
                            throw new BundleException(Reason.WRONG_TYPES, "bundle.error.value", "payload.formatVersion",
                                    p.getString());
                        }
                    }
                    case "bundleId" -> expect(p.getValueAsString(null), manifest.bundleId().toString(),
                            "payload.bundleId", p);
                    case "district" -> district(p.readValueAsTree());
                    default -> {
                        if (!SnapshotWriter.SECTIONS.contains(name)) {
                            throw new BundleException(Reason.WRONG_TYPES, "bundle.error.unknownField", "payload." + name);
                        }
                        if (district == null) throw structure("payload.district", "object before the sections");
                        section(p, name);
                    }
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) throw structure("payload", "object");
            if (p.nextToken() != null) throw structure("payload", "nothing after the closing brace");
            for (String required : List.of("kind", "formatVersion", "bundleId", "district")) {
                if (!seen.contains(required)) throw structure("payload." + required, "present");
            }
            for (String s : SnapshotWriter.CORE) {
                if (!seen.contains(s)) throw structure("payload." + s, "array");
            }
        } catch (JacksonException e) {
            throw Dsse.malformed(e);
        }
        for (Map.Entry<String, Long> c : counts.entrySet()) {
            Long stated = manifest.counts().get(c.getKey());
            if (stated == null || stated.longValue() != c.getValue()) {
                throw new BundleException(Reason.WRONG_TYPES, "bundle.error.counts", c.getKey(), stated, c.getValue());
            }
        }
        return counts;
    }

    public List<String> warnings() {
        return warnings;
    }

    private static void expect(String actual, String wanted, String path, JsonParser p) {
        if (p.currentToken() != JsonToken.VALUE_STRING || !wanted.equals(actual)) {
            throw new BundleException(Reason.WRONG_TYPES, "bundle.error.value", path, String.valueOf(actual));
        }
    }

    private static BundleException structure(String path, String expected) {
        return new BundleException(Reason.WRONG_TYPES, "bundle.error.type", path, expected, "something else");
    }

    private void district(JsonNode n) {
        Fields f = new Fields(n, "payload.district");
        String code = f.str("code");
        String name = f.str("name");
        f.done();
        if (!code.equals(scope)) {
            throw new BundleException(Reason.WRONG_ISSUER, "bundle.error.districtMismatch", code, scope);
        }
        district = manifest.issuer().code();
        handler.header(manifest.bundleId(), code, name);
    }

    private void section(JsonParser p, String name) {
        if (p.currentToken() != JsonToken.START_ARRAY) throw structure("payload." + name, "array");
        if (counts.containsKey(name)) throw structure("payload." + name, "one section");
        long i = 0;
        boolean reserved = SnapshotWriter.RESERVED.contains(name);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) throw structure("payload." + name + "[" + i + "]", "object");
            if (reserved) {
                p.skipChildren();
            } else {
                JsonNode n = p.readValueAsTree();
                record(name, new Fields(n, name + "[" + i + "]"));
            }
            i++;
        }
        counts.put(name, i);
        if (reserved) {
            warnings.add(name);
            handler.reserved(name, i);
        }
    }

    private void record(String section, Fields f) {
        switch (section) {
            case "subdistricts" -> {
                String code = code(f, "code", "\\d{2}\\.\\d{2}\\.\\d{2}");
                Region r = new Region(code, f.str("name"), RegionLevel.SUBDISTRICT, null, district, f.bool("active"));
                f.done();
                handler.region(r);
            }
            case "villages" -> {
                String code = code(f, "code", "\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}");
                Region r = new Region(code, f.str("name"), RegionLevel.VILLAGE, f.optEnum("type", VillageType.class),
                        code(f, "subdistrictCode", "\\d{2}\\.\\d{2}\\.\\d{2}"), f.bool("active"));
                f.done();
                handler.region(r);
            }
            case "people" -> {
                Person p = new Person(uuid(f), version(f), f.matching("nik", "\\d{16}", true), f.str("fullName"),
                        f.enumOf("sex", Sex.class), f.optDate("birthDate"), f.optStr("birthPlace"),
                        f.matching("nkk", "\\d{16}", false), f.optStr("phone"),
                        f.enumOf("employmentStatus", EmploymentStatus.class),
                        f.matching("homeVillageCode", "\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}", false));
                f.done();
                handler.person(p);
            }
            case "posts" -> {
                UUID id = uuid(f);
                int version = version(f);
                UUID person = f.uuid("personId");
                String village = code(f, "villageCode", "\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}");
                Category category = f.enumOf("category", Category.class);
                Position position = f.enumOf("position", Position.class);
                if (position.category() != category) {
                    throw new BundleException(Reason.WRONG_TYPES, "bundle.error.value", f.path() + ".category",
                            category.name());
                }
                Post post = new Post(id, version, person, village, position, f.optStr("unitLabel"),
                        f.optStr("skNumber"), f.optDate("skDate"), f.date("startDate"), f.optDate("plannedEndDate"),
                        f.optDate("endDate"), f.optEnum("endReason", EndReason.class));
                f.done();
                handler.post(post);
            }
            case "enrolments" -> {
                UUID id = uuid(f);
                int version = version(f);
                UUID person = f.uuid("personId");
                UUID post = f.optUuid("postId");
                String kpj = f.optStr("kpj");
                Segment segment = f.enumOf("segment", Segment.class);
                JsonNode progs = f.array("programmes", true);
                EnumSet<Programme> programmes = EnumSet.noneOf(Programme.class);
                for (JsonNode pn : progs) {
                    if (!pn.isString()) throw Fields.wrong(f.path() + ".programmes", "strings", pn);
                    programmes.add(f.parseEnum(pn.stringValue(), "programmes", Programme.class));
                }
                int risk = f.integer("jkkRiskClass");
                long wage = f.num("wageBase");
                if (risk < 1 || risk > 5 || wage < 0) {
                    throw new BundleException(Reason.WRONG_TYPES, "bundle.error.value", f.path(), risk + "/" + wage);
                }
                FundingSource funding = f.enumOf("fundingSource", FundingSource.class);
                JsonNode hist = f.array("statusHistory", true);
                f.done();
                List<EnrolmentStatus> history = new ArrayList<>(hist.size());
                int j = 0;
                for (JsonNode hn : hist) {
                    Fields h = new Fields(hn, f.path() + ".statusHistory[" + j++ + "]");
                    history.add(new EnrolmentStatus(h.uuid("id"), id, h.enumOf("status", EnrolmentState.class),
                            h.date("effectiveDate"), h.optStr("note"), h.dateTime("recordedAt"), h.str("recordedBy")));
                    h.done();
                }
                handler.enrolment(new Enrolment(id, version, person, post, kpj, segment, programmes, risk, wage,
                        funding), history);
            }
            case "tombstones" -> {
                String type = f.str("type");
                if (!Tombstone.TYPES.contains(type)) {
                    throw new BundleException(Reason.WRONG_TYPES, "bundle.error.value", f.path() + ".type", type);
                }
                Tombstone t = new Tombstone(type, uuid(f), version(f), f.dateTime("deletedAt"), f.optStr("reason"));
                f.done();
                handler.tombstone(t);
            }
            default -> throw new IllegalStateException(section);
        }
    }

    private static UUID uuid(Fields f) {
        f.matching("id", UUID_RE, true);
        return f.uuid("id");
    }

    private static int version(Fields f) {
        int v = f.integer("version");
        if (v < 0) throw new BundleException(Reason.WRONG_TYPES, "bundle.error.value", f.path() + ".version", v);
        return v;
    }

    /** A region code of the given shape that lies within the issuing district. */
    private String code(Fields f, String name, String regex) {
        String c = f.matching(name, regex, true);
        if (!c.startsWith(district + ".")) {
            throw new BundleException(Reason.WRONG_ISSUER, "bundle.error.outsideDistrict", f.path() + "." + name, c,
                    district);
        }
        return c;
    }
}
