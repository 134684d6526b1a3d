package id.lindungdesa.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The ceilings of a roster file (decision record 0115). They lie far above any real district (the largest
 * province roster seen has ~60,000 rows; Excel's own cell limit is 32,767 characters), and keep a hostile or
 * broken file from exhausting memory: a file is refused early, before parsing, with a message that says which
 * ceiling and what to do.
 */
public final class ImportLimits {
    /** Rows in a sheet (header and title rows included). */
    public static final int MAX_ROWS = 200_000;
    /** Characters in one cell (Excel's own limit). */
    public static final int MAX_CELL_CHARS = 32_767;
    /** Columns with data in a row. */
    public static final int MAX_COLUMNS = 256;
    /** Size of the file itself (XLSX or CSV). */
    public static final long MAX_FILE_BYTES = 100L << 20;
    /** Unpacked size of one part of an XLSX workbook. */
    public static final long MAX_ENTRY_BYTES = 256L << 20;
    /** Unpacked size of all parts together. */
    public static final long MAX_TOTAL_BYTES = 512L << 20;
    /** Unpacked ÷ packed size of a part above which it is taken for a zip bomb (real sheets: 5–30). */
    public static final int MAX_RATIO = 100;
    /** A part may unpack to this much whatever its ratio (tiny parts compress well). */
    static final long RATIO_FREE_BYTES = 1L << 20;
    /** Parts in a workbook. */
    public static final int MAX_ENTRIES = 1_000;

    private ImportLimits() {}

    static void checkFileSize(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new ImportFileException("import.error.fileTooLarge", file.getFileName(), mb(size),
                        mb(MAX_FILE_BYTES));
            }
        } catch (IOException e) {
            throw new ImportFileException("import.error.read", e, file.getFileName(), e.getMessage());
        }
    }

    /**
     * Reads the workbook's central directory and unpacks every part into nothing, counting: refuses too many
     * parts, a part larger than {@link #MAX_ENTRY_BYTES} or with a ratio above {@link #MAX_RATIO}, and a total
     * above {@link #MAX_TOTAL_BYTES}. The declared sizes are not trusted: the bytes are counted as they come.
     */
    static void checkZip(Path file) {
        long fileSize;
        try {
            fileSize = Files.size(file);
        } catch (IOException e) {
            throw new ImportFileException("import.error.read", e, file.getFileName(), e.getMessage());
        }
        long total = 0;
        byte[] buf = new byte[1 << 16];
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                throw new ImportFileException("import.error.zipEntries", file.getFileName(), zip.size(), MAX_ENTRIES);
            }
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) continue;
                long packed = Math.max(1, e.getCompressedSize());
                if (packed > fileSize) throw new ImportFileException("import.error.zipDamaged", file.getFileName());
                if (e.getSize() > MAX_ENTRY_BYTES) {
                    throw new ImportFileException("import.error.zipEntryTooLarge", file.getFileName(), e.getName(),
                            mb(e.getSize()), mb(MAX_ENTRY_BYTES));
                }
                long n = 0;
                try (InputStream in = zip.getInputStream(e)) {
                    for (int r; (r = in.read(buf)) > 0; ) {
                        n += r;
                        total += r;
                        if (n > MAX_ENTRY_BYTES) {
                            throw new ImportFileException("import.error.zipEntryTooLarge", file.getFileName(),
                                    e.getName(), "> " + mb(MAX_ENTRY_BYTES), mb(MAX_ENTRY_BYTES));
                        }
                        if (n > RATIO_FREE_BYTES && n / packed > MAX_RATIO) {
                            throw new ImportFileException("import.error.zipRatio", file.getFileName(), e.getName(),
                                    MAX_RATIO);
                        }
                        if (total > MAX_TOTAL_BYTES) {
                            throw new ImportFileException("import.error.zipTotal", file.getFileName(),
                                    mb(MAX_TOTAL_BYTES));
                        }
                    }
                }
            }
        } catch (ZipException e) {
            throw new ImportFileException("import.error.zipDamaged", e, file.getFileName());
        } catch (IOException e) {
            throw new ImportFileException("import.error.read", e, file.getFileName(), e.getMessage());
        }
    }

    /** Refuses a row beyond {@link #MAX_ROWS} ({@code count} is the number of rows read so far, this one included). */
    static void checkRows(Path file, int count) {
        if (count > MAX_ROWS) throw new ImportFileException("import.error.tooManyRows", file.getFileName(), MAX_ROWS);
    }

    static void checkCell(Path file, int row, int column, String text) {
        if (text != null && text.length() > MAX_CELL_CHARS) {
            throw new ImportFileException("import.error.cellTooLong", file.getFileName(), row, column + 1,
                    text.length(), MAX_CELL_CHARS);
        }
    }

    static void checkColumn(Path file, int row, int column) {
        if (column >= MAX_COLUMNS) {
            throw new ImportFileException("import.error.tooManyColumns", file.getFileName(), row, column + 1,
                    MAX_COLUMNS);
        }
    }

    private static String mb(long bytes) {
        return String.valueOf((bytes + (1 << 20) - 1) >> 20);
    }
}
