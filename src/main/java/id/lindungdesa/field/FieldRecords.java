package id.lindungdesa.field;

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
import id.lindungdesa.domain.Segment;
import id.lindungdesa.domain.Sex;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The records a field visit carries, as field name → text value (null for empty): the unit of the three-way merge
 * (decision 0170). Dates are ISO, enums their names, programmes a sorted comma list, money whole rupiah.
 */
public final class FieldRecords {
    public static final String PERSON = "person";
    public static final String POST = "post";
    public static final String ENROLMENT = "enrolment";
    /**
     * A step of an enrolment's status history (officer side: a base row per step the package carried; district side:
     * the field of a conflict between status steps added on both sides).
     */
    public static final String STATUS = "status";
    /** The pseudo-field of a conflict between an edit on one side and a removal on the other. */
    public static final String RECORD = "_record";

    private FieldRecords() {}

    public static Map<String, String> of(Person p) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("nik", p.nik());
        m.put("fullName", p.fullName());
        m.put("sex", name(p.sex()));
        m.put("birthDate", str(p.birthDate()));
        m.put("birthPlace", p.birthPlace());
        m.put("nkk", p.nkk());
        m.put("phone", p.phone());
        m.put("employmentStatus", name(p.employmentStatus()));
        m.put("homeVillageCode", p.homeVillageCode());
        return m;
    }

    public static Map<String, String> of(Post p) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("personId", str(p.personId()));
        m.put("villageCode", p.villageCode());
        m.put("position", name(p.position()));
        m.put("unitLabel", p.unitLabel());
        m.put("skNumber", p.skNumber());
        m.put("skDate", str(p.skDate()));
        m.put("startDate", str(p.startDate()));
        m.put("plannedEndDate", str(p.plannedEndDate()));
        m.put("endDate", str(p.endDate()));
        m.put("endReason", name(p.endReason()));
        return m;
    }

    public static Map<String, String> of(Enrolment e) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("personId", str(e.personId()));
        m.put("postId", str(e.postId()));
        m.put("kpj", e.kpj());
        m.put("segment", name(e.segment()));
        m.put("programmes", e.programmes().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        m.put("jkkRiskClass", String.valueOf(e.jkkRiskClass()));
        m.put("wageBase", String.valueOf(e.wageBase()));
        m.put("fundingSource", name(e.fundingSource()));
        return m;
    }

    /** A status step as the return carries it (the state, its date, the note and when it was recorded). */
    public static Map<String, String> of(EnrolmentStatus s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("enrolmentId", str(s.enrolmentId()));
        m.put("state", name(s.state()));
        m.put("effectiveDate", str(s.effectiveDate()));
        m.put("note", s.note());
        m.put("recordedAt", str(s.recordedAt()));
        return m;
    }

    /** A status step as the clerk reads it in a conflict: state and date, e.g. {@code LAPSED 2026-11-01}. */
    public static String stepText(EnrolmentState state, LocalDate effective) {
        return state.name() + " " + effective;
    }

    public static Person person(UUID id, int version, Map<String, String> m) {
        return new Person(id, version, m.get("nik"), m.get("fullName"), Sex.valueOf(m.get("sex")),
                date(m.get("birthDate")), m.get("birthPlace"), m.get("nkk"), m.get("phone"),
                EmploymentStatus.valueOf(m.get("employmentStatus")), m.get("homeVillageCode"));
    }

    public static Post post(UUID id, int version, Map<String, String> m) {
        return new Post(id, version, UUID.fromString(m.get("personId")), m.get("villageCode"),
                Position.valueOf(m.get("position")), m.get("unitLabel"), m.get("skNumber"), date(m.get("skDate")),
                date(m.get("startDate")), date(m.get("plannedEndDate")), date(m.get("endDate")),
                m.get("endReason") == null ? null : EndReason.valueOf(m.get("endReason")));
    }

    public static Enrolment enrolment(UUID id, int version, Map<String, String> m) {
        Set<Programme> ps = EnumSet.noneOf(Programme.class);
        String list = m.get("programmes");
        if (list != null && !list.isBlank()) for (String s : list.split(",")) ps.add(Programme.valueOf(s.strip()));
        return new Enrolment(id, version, UUID.fromString(m.get("personId")),
                m.get("postId") == null ? null : UUID.fromString(m.get("postId")), m.get("kpj"),
                Segment.valueOf(m.get("segment")), ps, Integer.parseInt(m.get("jkkRiskClass")),
                Long.parseLong(m.get("wageBase")), FundingSource.valueOf(m.get("fundingSource")));
    }

    /** The fields whose value differs: field → new value (sorted by field name). */
    public static Map<String, String> changed(Map<String, String> base, Map<String, String> now) {
        Map<String, String> out = new TreeMap<>();
        for (var e : now.entrySet()) {
            if (!Objects.equals(base.get(e.getKey()), e.getValue())) out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /** Whether {@code entity} names a field the merge knows. */
    public static boolean knows(String entity, String field) {
        Map<String, String> sample = switch (entity) {
            case PERSON -> PERSON_FIELDS;
            case POST -> POST_FIELDS;
            case ENROLMENT -> ENROLMENT_FIELDS;
            default -> Map.of();
        };
        return sample.containsKey(field);
    }

    private static final Map<String, String> PERSON_FIELDS = keys("nik", "fullName", "sex", "birthDate", "birthPlace",
            "nkk", "phone", "employmentStatus", "homeVillageCode");
    private static final Map<String, String> POST_FIELDS = keys("personId", "villageCode", "position", "unitLabel",
            "skNumber", "skDate", "startDate", "plannedEndDate", "endDate", "endReason");
    private static final Map<String, String> ENROLMENT_FIELDS = keys("personId", "postId", "kpj", "segment",
            "programmes", "jkkRiskClass", "wageBase", "fundingSource");

    private static Map<String, String> keys(String... ks) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : ks) m.put(k, k);
        return Map.copyOf(m);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }
}
