package id.lindungdesa.bundle;

import id.lindungdesa.persistence.JsonMappers;
import id.lindungdesa.domain.Enrolment;
import id.lindungdesa.domain.EnrolmentStatus;
import id.lindungdesa.domain.Person;
import id.lindungdesa.domain.Post;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.RegionLevel;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.PrettyPrinter;

/**
 * Writes a district snapshot payload with Jackson's streaming generator: one record per line inside each section,
 * so the file is readable and diffable, and never held whole in memory. Sections must be written in
 * {@link #SECTIONS} order (the reader accepts any order).
 */
public final class SnapshotWriter implements AutoCloseable {
    /** Core sections, in writing order. */
    public static final List<String> CORE = List.of("subdistricts", "villages", "people", "posts", "enrolments",
            "tombstones");
    /** Reserved sections, absent in version 1 exports (built by other features later). */
    public static final List<String> RESERVED = List.of("agreements", "addenda", "monev", "ledger");
    public static final List<String> SECTIONS = java.util.stream.Stream.concat(CORE.stream(), RESERVED.stream())
            .toList();

    private final JsonGenerator g;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private String section;

    public SnapshotWriter(OutputStream out) {
        this.g = JsonMappers.MAPPER.writer().with(new LinePrinter()).createGenerator(out);
    }

    public void begin(UUID bundleId, String districtCode, String districtName) {
        g.writeStartObject();
        g.writeStringProperty("kind", Manifest.KIND_DISTRICT_SNAPSHOT);
        g.writeNumberProperty("formatVersion", Manifest.SNAPSHOT_FORMAT_VERSION);
        g.writeStringProperty("bundleId", bundleId.toString());
        g.writeName("district");
        g.writeStartObject();
        g.writeStringProperty("code", districtCode);
        g.writeStringProperty("name", districtName);
        g.writeEndObject();
    }

    public void section(String name) {
        if (section != null) g.writeEndArray();
        section = name;
        counts.put(name, 0L);
        g.writeName(name);
        g.writeStartArray();
    }

    private void count() {
        counts.merge(section, 1L, Long::sum);
    }

    public void region(Region r) {
        g.writeStartObject();
        g.writeStringProperty("code", r.code());
        g.writeStringProperty("name", r.name());
        if (r.level() == RegionLevel.VILLAGE) {
            g.writeStringProperty("type", r.villageType() == null ? null : r.villageType().name());
            g.writeStringProperty("subdistrictCode", r.parentCode());
        }
        g.writeBooleanProperty("active", r.active());
        g.writeEndObject();
        count();
    }

    public void person(Person p) {
        g.writeStartObject();
        g.writeStringProperty("id", p.id().toString());
        g.writeNumberProperty("version", p.version());
        g.writeStringProperty("nik", p.nik());
        g.writeStringProperty("fullName", p.fullName());
        g.writeStringProperty("sex", p.sex().name());
        date("birthDate", p.birthDate());
        g.writeStringProperty("birthPlace", p.birthPlace());
        g.writeStringProperty("nkk", p.nkk());
        g.writeStringProperty("phone", p.phone());
        g.writeStringProperty("employmentStatus", p.employmentStatus().name());
        g.writeStringProperty("homeVillageCode", p.homeVillageCode());
        g.writeEndObject();
        count();
    }

    public void post(Post p) {
        g.writeStartObject();
        g.writeStringProperty("id", p.id().toString());
        g.writeNumberProperty("version", p.version());
        g.writeStringProperty("personId", p.personId().toString());
        g.writeStringProperty("villageCode", p.villageCode());
        g.writeStringProperty("category", p.category().name());
        g.writeStringProperty("position", p.position().name());
        g.writeStringProperty("unitLabel", p.unitLabel());
        g.writeStringProperty("skNumber", p.skNumber());
        date("skDate", p.skDate());
        date("startDate", p.startDate());
        date("plannedEndDate", p.plannedEndDate());
        date("endDate", p.endDate());
        g.writeStringProperty("endReason", p.endReason() == null ? null : p.endReason().name());
        g.writeEndObject();
        count();
    }

    public void enrolment(Enrolment e, List<EnrolmentStatus> history) {
        g.writeStartObject();
        g.writeStringProperty("id", e.id().toString());
        g.writeNumberProperty("version", e.version());
        g.writeStringProperty("personId", e.personId().toString());
        g.writeStringProperty("postId", e.postId() == null ? null : e.postId().toString());
        g.writeStringProperty("kpj", e.kpj());
        g.writeStringProperty("segment", e.segment().name());
        g.writeName("programmes");
        g.writeStartArray();
        for (Programme p : e.programmes()) g.writeString(p.name());
        g.writeEndArray();
        g.writeNumberProperty("jkkRiskClass", e.jkkRiskClass());
        g.writeNumberProperty("wageBase", e.wageBase());
        g.writeStringProperty("fundingSource", e.fundingSource().name());
        g.writeName("statusHistory");
        g.writeStartArray();
        for (EnrolmentStatus s : history) {
            g.writeStartObject();
            g.writeStringProperty("id", s.id().toString());
            g.writeStringProperty("status", s.state().name());
            date("effectiveDate", s.effectiveDate());
            g.writeStringProperty("note", s.note());
            g.writeStringProperty("recordedAt", s.recordedAt().toString());
            g.writeStringProperty("recordedBy", s.recordedBy());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        count();
    }

    public void tombstone(Tombstone t) {
        g.writeStartObject();
        g.writeStringProperty("type", t.type());
        g.writeStringProperty("id", t.id().toString());
        g.writeNumberProperty("version", t.version());
        dateTime("deletedAt", t.deletedAt());
        g.writeStringProperty("reason", t.reason());
        g.writeEndObject();
        count();
    }

    private void date(String name, LocalDate d) {
        g.writeStringProperty(name, d == null ? null : d.toString());
    }

    private void dateTime(String name, OffsetDateTime d) {
        g.writeStringProperty(name, d == null ? null : d.toString());
    }

    /** Ends the payload; returns the record count per section. */
    public Map<String, Long> finish() {
        if (section != null) g.writeEndArray();
        section = null;
        g.writeEndObject();
        g.writeRaw('\n');
        g.flush();
        return counts;
    }

    @Override
    public void close() {
        g.close();
    }

    /** Top level: one property per line; sections: one record per line; records: compact. */
    static final class LinePrinter implements PrettyPrinter {
        private int depth;

        @Override
        public void writeRootValueSeparator(JsonGenerator g) {
            g.writeRaw('\n');
        }

        @Override
        public void writeStartObject(JsonGenerator g) {
            g.writeRaw('{');
            depth++;
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) {
            if (depth == 1) g.writeRaw("\n  ");
        }

        @Override
        public void writeObjectNameValueSeparator(JsonGenerator g) {
            g.writeRaw(depth == 1 ? ": " : ":");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) {
            g.writeRaw(depth == 1 ? ",\n  " : ",");
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) {
            depth--;
            if (depth == 0 && entries > 0) g.writeRaw('\n');
            g.writeRaw('}');
        }

        @Override
        public void writeStartArray(JsonGenerator g) {
            g.writeRaw('[');
            depth++;
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) {
            if (depth == 2) g.writeRaw("\n    ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) {
            g.writeRaw(depth == 2 ? ",\n    " : ",");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) {
            depth--;
            if (depth == 1 && values > 0) g.writeRaw("\n  ");
            g.writeRaw(']');
        }
    }
}
