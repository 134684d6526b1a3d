package id.lindungdesa.imports;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads {@code .xlsx} (fastexcel-reader, streaming) and {@code .csv} (FastCSV) into {@link SheetData}.
 * A CSV is UTF-8 when its bytes are valid UTF-8 (a BOM is skipped), otherwise Windows-1252; its separator is the
 * one of {@code ; , TAB} that occurs most in the first lines.
 */
public final class SpreadsheetReader {
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private SpreadsheetReader() {}

    public static boolean isCsv(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".csv") || n.endsWith(".txt");
    }

    /** Receives the rows of a sheet while it is streamed; {@code false} stops the read. */
    @FunctionalInterface
    public interface RowSink {
        boolean accept(SheetData.Row row);
    }

    /** Reads a sheet into memory: {@code sheetName} null or blank means the first sheet. */
    public static SheetData read(Path file, String sheetName) {
        List<SheetData.Row> rows = new ArrayList<>();
        SheetData meta = stream(file, sheetName, rows::add);
        return new SheetData(meta.fileName(), meta.sheetName(), meta.sheetNames(), rows, meta.charset(),
                meta.separator());
    }

    /**
     * Streams a sheet row by row into {@code sink} (only the current row is held) and returns the sheet's
     * description without rows. The ceilings of {@link ImportLimits} are checked as the rows come.
     */
    public static SheetData stream(Path file, String sheetName, RowSink sink) {
        if (!Files.isRegularFile(file)) throw new ImportFileException("import.error.missing", file);
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ImportLimits.checkFileSize(file);
        if (isCsv(file)) return readCsv(file, sink);
        if (n.endsWith(".xls")) throw new ImportFileException("import.error.xls", file.getFileName());
        return readXlsx(file, sheetName, sink);
    }

    // ------------------------------------------------------------------ XLSX

    private static SheetData readXlsx(Path file, String sheetName, RowSink sink) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8);
            if (!ReadableWorkbook.isOOXMLZipHeader(head)) {
                if (ReadableWorkbook.isOLE2Header(head)) {
                    throw new ImportFileException("import.error.xls", file.getFileName());
                }
                throw new ImportFileException("import.error.notSpreadsheet", file.getFileName());
            }
        } catch (IOException e) {
            throw new ImportFileException("import.error.read", e, file.getFileName(), e.getMessage());
        }
        ImportLimits.checkZip(file);
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile())) {
            List<Sheet> sheets = wb.getSheets().toList();
            List<String> names = sheets.stream().map(Sheet::getName).toList();
            Sheet sheet;
            if (sheetName == null || sheetName.isBlank()) {
                sheet = wb.getFirstSheet();
            } else {
                sheet = wb.findSheet(sheetName).orElseThrow(
                        () -> new ImportFileException("import.error.sheet", sheetName, String.join(", ", names)));
            }
            int count = 0;
            try (var stream = sheet.openStream()) {
                var it = stream.iterator();
                while (it.hasNext()) {
                    var r = it.next();
                    ImportLimits.checkRows(file, ++count);
                    int width = Math.min(r.getCellCount(), ImportLimits.MAX_COLUMNS);
                    List<RawCell> cells = new ArrayList<>(width);
                    for (int i = 0; i < r.getCellCount(); i++) {
                        RawCell c = cell(r.getCell(i));
                        if (c.blank()) {
                            if (i < width) cells.add(c);
                            continue;
                        }
                        ImportLimits.checkColumn(file, r.getRowNum(), i);
                        ImportLimits.checkCell(file, r.getRowNum(), i, c.text());
                        cells.add(c);
                    }
                    if (cells.stream().anyMatch(c -> !c.blank()) && !sink.accept(new SheetData.Row(r.getRowNum(), cells))) {
                        break;
                    }
                }
            }
            return new SheetData(file.getFileName().toString(), sheet.getName(), names, List.of(), null, null);
        } catch (ImportFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImportFileException("import.error.read", e, file.getFileName(), e.getMessage());
        }
    }

    private static RawCell cell(Cell c) {
        if (c == null) return RawCell.EMPTY;
        CellType t = c.getType();
        return switch (t) {
            case NUMBER -> new RawCell(c.getRawValue(), true);
            case STRING -> RawCell.text(c.asString());
            case BOOLEAN -> RawCell.text(String.valueOf(c.asBoolean()));
            case FORMULA -> {
                String raw = c.getRawValue();
                // A cached formula result: numeric when it looks like a number.
                yield raw != null && raw.matches("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?") ? new RawCell(raw, true)
                        : RawCell.text(raw);
            }
            case EMPTY, ERROR -> RawCell.EMPTY;
        };
    }

    // ------------------------------------------------------------------ CSV

    /** Streams the CSV twice (character set, then records): memory does not grow with the file's size. */
    private static SheetData readCsv(Path file, RowSink sink) {
        boolean bom;
        Charset cs;
        char sep;
        try {
            try (InputStream in = Files.newInputStream(file)) {
                byte[] head = in.readNBytes(3);
                bom = head.length == 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB
                        && (head[2] & 0xff) == 0xBF;
            }
            cs = bom || validUtf8(file) ? StandardCharsets.UTF_8 : WINDOWS_1252;
            try (Reader r = reader(file, bom, cs)) {
                char[] start = new char[1 << 16];
                int n = r.read(start);
                sep = separator(n <= 0 ? "" : new String(start, 0, n));
            }
        } catch (IOException e) {
            throw new ImportFileException("import.error.read", e, file.getFileName(), e.getMessage());
        }
        int count = 0;
        try (Reader in = reader(file, bom, cs);
             CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(sep).allowExtraFields(true)
                .allowMissingFields(true).skipEmptyLines(false).ofCsvRecord(in)) {
            for (CsvRecord r : reader) {
                int line = (int) r.getStartingLineNumber();
                ImportLimits.checkRows(file, ++count);
                List<RawCell> cells = new ArrayList<>(Math.min(r.getFieldCount(), ImportLimits.MAX_COLUMNS));
                boolean any = false;
                for (int i = 0; i < r.getFieldCount(); i++) {
                    String f = r.getField(i);
                    if (f.isBlank()) {
                        if (i < ImportLimits.MAX_COLUMNS) cells.add(RawCell.EMPTY);
                        continue;
                    }
                    ImportLimits.checkColumn(file, line, i);
                    ImportLimits.checkCell(file, line, i, f);
                    cells.add(RawCell.text(f));
                    any = true;
                }
                if (!sink.accept(new SheetData.Row(line, any ? cells : List.of()))) break;
            }
        } catch (ImportFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImportFileException("import.error.read", e, file.getFileName(), e.getMessage());
        }
        String name = file.getFileName().toString();
        return new SheetData(name, name, List.of(name), List.of(), cs == WINDOWS_1252 ? "Windows-1252" : "UTF-8", sep);
    }

    private static Reader reader(Path file, boolean bom, Charset cs) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (bom) in.skipNBytes(3);
        return new BufferedReader(new InputStreamReader(in, cs), 1 << 16);
    }

    /** True when the file's bytes are valid UTF-8, read in chunks. */
    static boolean validUtf8(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader r = new InputStreamReader(Files.newInputStream(file), decoder)) {
            char[] buf = new char[1 << 16];
            while (r.read(buf) >= 0) {
                // decoding is the check
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static boolean validUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The separator that occurs most (outside quotes) in the first 20 lines: ';', ',' or TAB. */
    static char separator(String text) {
        int semi = 0;
        int comma = 0;
        int tab = 0;
        int lines = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length() && lines < 20; i++) {
            char c = text.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (!quoted) {
                if (c == ';') semi++;
                else if (c == ',') comma++;
                else if (c == '\t') tab++;
                else if (c == '\n') lines++;
            }
        }
        if (semi >= comma && semi >= tab && semi > 0) return ';';
        if (tab > comma) return '\t';
        return ',';
    }
}
