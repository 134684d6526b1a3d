package id.lindungdesa.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which column holds which {@link Field}, plus the village names the user has confirmed (a close match accepted in
 * the wizard, or written by hand: name as in the file → region code). Saved as a small JSON file for next time:
 * <pre>{ "sheet": "Aparat", "headerRow": 4, "columns": { "NIK": "No KTP", … }, "villages": { "Sukamju": "36.04.01.2001" } }</pre>
 * Columns are saved by header text, so a saved mapping works for a file whose columns are in another order.
 */
public final class ColumnMapping {
    private static final JsonMapper JSON = id.lindungdesa.persistence.JsonMappers.MAPPER;

    private final Map<Field, Integer> columns = new EnumMap<>(Field.class);
    private final Map<String, String> villages = new LinkedHashMap<>();
    private String sheet;
    private Integer headerRow;

    public ColumnMapping copy() {
        ColumnMapping m = new ColumnMapping();
        m.columns.putAll(columns);
        m.villages.putAll(villages);
        m.sheet = sheet;
        m.headerRow = headerRow;
        return m;
    }

    /** Recognises every header cell; the first column naming a field wins. */
    public static ColumnMapping guess(List<String> headers) {
        ColumnMapping m = new ColumnMapping();
        for (int i = 0; i < headers.size(); i++) {
            Field f = Field.recognise(headers.get(i));
            if (f != null && !m.columns.containsKey(f)) m.columns.put(f, i);
        }
        return m;
    }

    public Integer column(Field f) {
        return columns.get(f);
    }

    public boolean has(Field f) {
        return columns.containsKey(f);
    }

    /** Maps {@code f} to a column (0-based), or removes it when {@code column} is null or negative. */
    public void set(Field f, Integer column) {
        if (column == null || column < 0) {
            columns.remove(f);
        } else {
            columns.values().removeIf(c -> c.equals(column));
            columns.put(f, column);
        }
    }

    public Map<Field, Integer> columns() {
        return Map.copyOf(columns);
    }

    public Map<String, String> villages() {
        return Map.copyOf(villages);
    }

    /** Confirms that {@code nameInFile} means the village {@code code}. */
    public void confirmVillage(String nameInFile, String code) {
        villages.put(nameInFile.strip(), code);
    }

    public String sheet() {
        return sheet;
    }

    public void setSheet(String sheet) {
        this.sheet = sheet;
    }

    /** The header row (1-based, as in the spreadsheet) or null: found automatically. */
    public Integer headerRow() {
        return headerRow;
    }

    public void setHeaderRow(Integer headerRow) {
        this.headerRow = headerRow;
    }

    // ------------------------------------------------------------------ file

    /** Writes the mapping, naming each column by its header text. */
    public void save(Path file, List<String> headers) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "lindungdesa-import-mapping/1");
        if (sheet != null) root.put("sheet", sheet);
        if (headerRow != null) root.put("headerRow", headerRow);
        ObjectNode cols = root.putObject("columns");
        for (var e : columns.entrySet()) {
            int c = e.getValue();
            cols.put(e.getKey().name(), c < headers.size() && !headers.get(c).isBlank() ? headers.get(c)
                    : "#" + (c + 1));
        }
        ObjectNode vs = root.putObject("villages");
        villages.forEach(vs::put);
        try {
            id.lindungdesa.persistence.DurableFiles.writeString(file,
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (IOException e) {
            throw new ImportFileException("import.error.write", e, file, e.getMessage());
        }
    }

    /** A mapping read from a file; its columns are matched to a sheet's headers by {@link ColumnMapping#apply}. */
    public record Saved(String sheet, Integer headerRow, Map<Field, String> columns, Map<String, String> villages) {
    }

    public static Saved load(Path file) {
        try {
            JsonNode root = JSON.readTree(Files.readString(file));
            Map<Field, String> cols = new EnumMap<>(Field.class);
            JsonNode c = root.path("columns");
            for (var name : c.propertyNames()) {
                try {
                    cols.put(Field.valueOf(name), c.get(name).asString());
                } catch (IllegalArgumentException e) {
                    throw new ImportFileException("import.error.mappingField", file.getFileName(), name);
                }
            }
            Map<String, String> vs = new LinkedHashMap<>();
            JsonNode v = root.path("villages");
            for (var name : v.propertyNames()) vs.put(name, v.get(name).asString());
            String sheet = root.hasNonNull("sheet") ? root.get("sheet").asString() : null;
            Integer header = root.hasNonNull("headerRow") ? root.get("headerRow").asInt() : null;
            return new Saved(sheet, header, cols, vs);
        } catch (ImportFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImportFileException("import.error.mappingFile", e, file.getFileName(), e.getMessage());
        }
    }

    /** Applies a saved mapping to a sheet's headers; returns the header texts that were not found. */
    public List<String> apply(Saved saved, List<String> headers) {
        List<String> missing = new ArrayList<>();
        for (var e : saved.columns().entrySet()) {
            String want = e.getValue();
            int found = -1;
            if (want.startsWith("#")) {
                try {
                    found = Integer.parseInt(want.substring(1)) - 1;
                } catch (NumberFormatException ex) {
                    found = -1;
                }
            } else {
                String n = Field.normalise(want);
                for (int i = 0; i < headers.size(); i++) {
                    if (Field.normalise(headers.get(i)).equals(n)) {
                        found = i;
                        break;
                    }
                }
            }
            if (found < 0) missing.add(want);
            else set(e.getKey(), found);
        }
        villages.putAll(saved.villages());
        return missing;
    }
}
