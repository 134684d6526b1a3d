package id.lindungdesa.imports;

import id.lindungdesa.domain.CleanText;
import id.lindungdesa.domain.EmploymentStatus;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.Nik;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Plausibility;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.Segment;
import id.lindungdesa.domain.Sex;
import id.lindungdesa.persistence.ColumnLimits;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads one data row through the mapping and the normalisers into a {@link ParsedRow}, collecting every problem. */
final class RowParser {
    private final ColumnMapping mapping;
    private final List<String> headers;
    private final VillageMatcher villages;
    private final LocalDate today;
    /** Post names repeat on every page of a roster: parse each spelling once. */
    private final java.util.Map<String, Optional<Posts.Parsed>> postCache = new java.util.HashMap<>();

    private final Plausibility limits;
    /** Hidden characters removed from the row being parsed (notes for the report). */
    private List<RowProblem> notes = new ArrayList<>();

    RowParser(ColumnMapping mapping, List<String> headers, VillageMatcher villages, LocalDate today) {
        this(mapping, headers, villages, today, Plausibility.fallback(today));
    }

    RowParser(ColumnMapping mapping, List<String> headers, VillageMatcher villages, LocalDate today,
              Plausibility limits) {
        this.mapping = mapping;
        this.headers = headers;
        this.villages = villages;
        this.today = today;
        this.limits = limits;
    }

    /** The header text of a field's column (for reasons), or the field's label when unmapped. */
    String column(Field f) {
        Integer c = mapping.column(f);
        if (c != null && c < headers.size() && !headers.get(c).isBlank()) return headers.get(c).strip();
        return f.labelId();
    }

    private RawCell cell(SheetData.Row r, Field f) {
        Integer c = mapping.column(f);
        return c == null ? RawCell.EMPTY : r.cell(c);
    }

    /** The cell's text without control, bidirectional-override and zero-width characters (noted for the report). */
    private String text(SheetData.Row r, Field f) {
        CleanText c = CleanText.of(cell(r, f).text());
        if (c.changed()) {
            RowProblem note = RowProblem.of(column(f), "import.note.cleaned", c.removedText());
            if (!notes.contains(note)) notes.add(note);
        }
        String s = c.text();
        return s.isEmpty() ? null : s.replaceAll("\\s+", " ");
    }

    /** Refuses text longer than its column in the database (the apply would fail on it). */
    private void length(Field f, String value, int max, List<RowProblem> problems) {
        if (value != null && value.length() > max) {
            problems.add(RowProblem.of(column(f), "import.error.tooLong", value.length(), max));
        }
    }

    ParsedRow parse(SheetData.Row r) {
        List<RowProblem> problems = new ArrayList<>();
        notes = new ArrayList<>();

        // NIK: always text; a number stored by Excel has lost its 16th digit (or shows as 3.60405E+15).
        RawCell nikCell = cell(r, Field.NIK);
        String nik = null;
        if (nikCell.numeric()) {
            String raw = nikCell.text();
            problems.add(RowProblem.of(column(Field.NIK), raw.matches(".*[eE].*") ? "nik.SCIENTIFIC_NOTATION"
                    : "import.error.nikNumber", raw));
        } else {
            Nik.Check c = Nik.check(nikCell.text(), today);
            if (c.valid()) nik = c.nik();
            else problems.add(RowProblem.of(column(Field.NIK), "nik." + c.problem().name()));
        }

        String name = text(r, Field.NAME);
        if (name == null) problems.add(RowProblem.of(column(Field.NAME), "error.required"));

        Sex sex = null;
        String sexText = text(r, Field.SEX);
        if (sexText != null) {
            Optional<Sex> s = Values.sex(sexText);
            if (s.isEmpty()) problems.add(RowProblem.of(column(Field.SEX), "import.error.sex", sexText));
            else sex = s.get();
        }
        if (sex == null && nik != null) sex = Nik.check(nik, today).sex();

        String birthPlace = text(r, Field.BIRTH_PLACE);
        LocalDate birth = date(r, Field.BIRTH_DATE, problems);
        String placeDate = text(r, Field.BIRTH_PLACE_DATE);
        if (placeDate != null) {
            String[] pd = Dates.splitPlaceDate(placeDate);
            if (birthPlace == null && !pd[0].isBlank()) birthPlace = pd[0];
            if (birth == null && !pd[1].isBlank()) {
                Optional<LocalDate> d = Dates.parse(pd[1]);
                if (d.isEmpty()) problems.add(RowProblem.of(column(Field.BIRTH_PLACE_DATE), "import.error.date", pd[1]));
                else birth = d.get();
            }
        }
        if (birth != null && birth.isAfter(today)) {
            problems.add(RowProblem.of(column(Field.BIRTH_DATE), "person.error.birthFuture"));
        }
        if (!limits.birthOk(birth)) {
            problems.add(RowProblem.of(column(mapping.has(Field.BIRTH_DATE) ? Field.BIRTH_DATE
                    : Field.BIRTH_PLACE_DATE), "person.error.birthYear", limits.birthYearMin(), birth.getYear()));
        }
        String phone = text(r, Field.PHONE);
        String nkk = text(r, Field.NKK);
        if (nkk != null && cell(r, Field.NKK).numeric()) {
            problems.add(RowProblem.of(column(Field.NKK), "import.error.nkkNumber", nkk));
        } else if (nkk != null && !nkk.matches("\\d{16}")) {
            problems.add(RowProblem.of(column(Field.NKK), "person.error.nkk"));
        }
        EmploymentStatus employment = null;
        String empText = text(r, Field.EMPLOYMENT);
        if (empText != null) {
            Optional<EmploymentStatus> e = Values.employment(empText);
            if (e.isEmpty()) problems.add(RowProblem.of(column(Field.EMPLOYMENT), "import.error.employment", empText));
            else employment = e.get();
        }

        // Post.
        Position position = null;
        String unit = text(r, Field.UNIT);
        String posText = text(r, Field.POSITION);
        if (posText == null) {
            problems.add(RowProblem.of(column(Field.POSITION), "error.required"));
        } else {
            final String u = unit;
            Optional<Posts.Parsed> p = postCache.computeIfAbsent(posText + "\u0000" + unit,
                    k -> Posts.parse(posText, u));
            if (p.isEmpty()) {
                problems.add(RowProblem.of(column(Field.POSITION), "import.error.position", posText));
            } else {
                position = p.get().position();
                unit = p.get().unitLabel();
            }
        }
        String villageCode = null;
        String villageName = text(r, Field.VILLAGE);
        Region suggestion = null;
        String suggestedFor = null;
        VillageMatcher.Match m = villages.find(villageName, text(r, Field.KECAMATAN), text(r, Field.VILLAGE_CODE));
        if (m.found()) {
            villageCode = m.code();
            villageName = villages.region(villageCode).name();
        } else {
            String col = villageName == null && mapping.has(Field.VILLAGE_CODE) ? column(Field.VILLAGE_CODE)
                    : column(Field.VILLAGE);
            if (m.suggestion() != null) {
                suggestion = m.suggestion();
                suggestedFor = villageName;
                problems.add(RowProblem.of(col, m.problemKey(), villageName, m.suggestion().name(),
                        m.suggestion().code()));
            } else {
                problems.add(RowProblem.of(col, m.problemKey(), m.candidates().isEmpty() ? ""
                        : String.join(", ", m.candidates())));
            }
        }
        if (villageCode != null && position != null
                && Region.villageTypeOf(villageCode) == id.lindungdesa.domain.VillageType.KELURAHAN
                && (position.category() == id.lindungdesa.domain.Category.KEPALA_DESA
                || position.category() == id.lindungdesa.domain.Category.BPD
                || position.category() == id.lindungdesa.domain.Category.PERANGKAT_DESA)) {
            problems.add(RowProblem.of(column(Field.POSITION), "post.error.kelurahan", position));
        }
        String sk = text(r, Field.SK_NUMBER);
        LocalDate skDate = date(r, Field.SK_DATE, problems);
        LocalDate start = date(r, Field.START_DATE, problems);

        // Enrolment (only when the row says something about one).
        String kpj = text(r, Field.KPJ);
        if (kpj != null && cell(r, Field.KPJ).numeric()) kpj = plainInteger(cell(r, Field.KPJ).text());
        if (kpj != null) {
            kpj = kpj.replaceAll("[\\s.-]", "");
            if (!kpj.matches("\\d{8,13}")) problems.add(RowProblem.of(column(Field.KPJ), "enrolment.error.kpj"));
        }
        Set<Programme> programmes = null;
        String progText = text(r, Field.PROGRAMMES);
        if (progText != null) {
            Optional<Set<Programme>> ps = Values.programmes(progText);
            if (ps.isEmpty()) problems.add(RowProblem.of(column(Field.PROGRAMMES), "import.error.programmes", progText));
            else programmes = EnumSet.copyOf(ps.get());
        }
        for (Field f : new Field[] {Field.JKK, Field.JKM, Field.JHT, Field.JP}) {
            String y = text(r, f);
            if (y == null) continue;
            Optional<Boolean> b = Values.yes(y);
            if (b.isEmpty()) {
                problems.add(RowProblem.of(column(f), "import.error.yesNo", y));
            } else if (b.get()) {
                if (programmes == null) programmes = EnumSet.noneOf(Programme.class);
                programmes.add(Programme.valueOf(f.name()));
            }
        }
        Segment segment = null;
        String segText = text(r, Field.SEGMENT);
        if (segText != null) {
            Optional<Segment> s = Values.segment(segText);
            if (s.isEmpty()) problems.add(RowProblem.of(column(Field.SEGMENT), "import.error.segment", segText));
            else segment = s.get();
        }
        Long wage = null;
        RawCell wageCell = cell(r, Field.WAGE);
        if (!wageCell.blank()) {
            Optional<Long> w = Values.rupiah(wageCell);
            if (w.isEmpty() || w.get() <= 0) {
                problems.add(RowProblem.of(column(Field.WAGE), "import.error.wage", wageCell.text()));
            } else if (!limits.wageOk(w.get())) {
                problems.add(RowProblem.of(column(Field.WAGE), "enrolment.error.wageRange", limits.wageMin(),
                        limits.wageMax(), w.get()));
            } else {
                wage = w.get();
            }
        }
        FundingSource funding = null;
        String fundText = text(r, Field.FUNDING);
        if (fundText != null) {
            Optional<FundingSource> f = Values.funding(fundText);
            if (f.isEmpty()) problems.add(RowProblem.of(column(Field.FUNDING), "import.error.funding", fundText));
            else funding = f.get();
        }
        EnrolmentState status = null;
        String statusText = text(r, Field.STATUS);
        if (statusText != null && Values.notEnrolled(statusText)) {
            statusText = null; // what the roster export writes for a post with no enrolment
        }
        if (statusText != null) {
            Optional<EnrolmentState> s = Values.status(statusText);
            if (s.isEmpty()) problems.add(RowProblem.of(column(Field.STATUS), "import.error.status", statusText));
            else status = s.get();
        }
        LocalDate statusDate = date(r, Field.STATUS_DATE, problems);
        boolean hasEnrolment = kpj != null || programmes != null || status != null;

        // Every text column's length in the schema: what the dry run passes, the apply can write.
        length(Field.NAME, name, ColumnLimits.PERSON_FULL_NAME, problems);
        length(mapping.has(Field.BIRTH_PLACE) ? Field.BIRTH_PLACE : Field.BIRTH_PLACE_DATE, birthPlace,
                ColumnLimits.PERSON_BIRTH_PLACE, problems);
        length(Field.PHONE, phone, ColumnLimits.PERSON_PHONE, problems);
        length(mapping.has(Field.UNIT) ? Field.UNIT : Field.POSITION, unit, ColumnLimits.POST_UNIT_LABEL, problems);
        length(Field.SK_NUMBER, sk, ColumnLimits.POST_SK_NUMBER, problems);
        length(Field.NKK, nkk, ColumnLimits.PERSON_NKK, problems);
        length(Field.KPJ, kpj, ColumnLimits.ENROLMENT_KPJ, problems);

        return new ParsedRow(r.number(), nik, name, sex, birth, birthPlace, phone, nkk, employment, position, unit,
                villageCode, villageName, sk, skDate, start, hasEnrolment, kpj, segment, programmes, wage, funding,
                status, statusDate, problems, suggestion, suggestedFor, List.copyOf(notes));
    }

    private LocalDate date(SheetData.Row r, Field f, List<RowProblem> problems) {
        RawCell c = cell(r, f);
        if (c.blank()) return null;
        Optional<LocalDate> d = Dates.parse(c);
        if (d.isEmpty()) {
            problems.add(RowProblem.of(column(f), "import.error.date", c.text()));
            return null;
        }
        return d.get();
    }

    private static String plainInteger(String raw) {
        try {
            return new java.math.BigDecimal(raw).toBigIntegerExact().toString();
        } catch (ArithmeticException | NumberFormatException e) {
            return raw;
        }
    }
}
