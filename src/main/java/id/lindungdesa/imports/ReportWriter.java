package id.lindungdesa.imports;

import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The dry-run report as an XLSX workbook (fastexcel, streaming): a summary sheet with the counts, and one row per
 * data row with its class, the fields that change and, for refused rows, the column and the reason. Written in the
 * user's language; the NIK is written as text so that Excel cannot round it.
 */
final class ReportWriter {
    private ReportWriter() {}

    /**
     * One row of the report as a line of tab-separated texts in the user's language (row, class ordinal, NIK, name,
     * village, position, changes, columns, reasons, notes): a dry run writes these while it streams, so that the
     * report lists every row without the dry run keeping them.
     */
    static String line(RowResult x, Messages m) {
        String[] f = new String[10];
        f[0] = Integer.toString(x.row());
        f[1] = Integer.toString(x.cls().ordinal());
        f[2] = x.nik() == null ? "" : x.nik();
        f[3] = x.name() == null ? "" : x.name();
        f[4] = x.villageName() == null ? ""
                : x.villageName() + (x.villageCode() == null ? "" : " (" + x.villageCode() + ")");
        f[5] = x.position() == null ? "" : x.position().label(m.indonesian());
        f[6] = x.changes().isEmpty() ? "" : x.changesText(m);
        f[7] = x.problems().isEmpty() ? ""
                : String.join("; ", x.problems().stream().map(RowProblem::column).distinct().toList());
        f[8] = x.problems().isEmpty() ? ""
                : x.problems().stream().map(p -> p.reason(m)).reduce((a, b) -> a + "; " + b).orElse("");
        f[9] = x.notes().isEmpty() ? "" : x.notesText(m);
        StringBuilder b = new StringBuilder(128);
        for (int i = 0; i < f.length; i++) {
            if (i > 0) b.append('\t');
            String t = f[i];
            for (int j = 0; j < t.length(); j++) {
                char c = t.charAt(j);
                switch (c) {
                    case '\\' -> b.append("\\\\");
                    case '\t' -> b.append("\\t");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    default -> b.append(c);
                }
            }
        }
        return b.toString();
    }

    private static String[] fields(String line) {
        String[] f = new String[10];
        int k = 0;
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < line.length(); j++) {
            char c = line.charAt(j);
            if (c == '\t') {
                f[k++] = b.toString();
                b.setLength(0);
            } else if (c == '\\' && j + 1 < line.length()) {
                char e = line.charAt(++j);
                b.append(e == 't' ? '\t' : e == 'n' ? '\n' : e == 'r' ? '\r' : e);
            } else {
                b.append(c);
            }
        }
        f[k] = b.toString();
        return f;
    }

    static void write(DryRun run, Receipt receipt, Path out) {
        Messages m = Messages.current();
        try (id.lindungdesa.persistence.DurableFiles.Pending pending = id.lindungdesa.persistence.DurableFiles.begin(out)) {
            try (OutputStream os = pending.out(); Workbook wb = new Workbook(os, "LindungDesa", "1.0")) {
                Worksheet s = wb.newWorksheet(m.get("import.report.summary"));
                int r = 0;
                s.value(r, 0, m.get("import.report.title"));
                s.style(r, 0).bold().fontSize(13).set();
                r += 2;
                s.value(r, 0, m.get("import.report.file"));
                s.value(r++, 1, run.file().getFileName().toString());
                s.value(r, 0, m.get("import.report.sheet"));
                s.value(r++, 1, run.sheet().sheetName());
                s.value(r, 0, m.get("import.report.headerRow"));
                s.value(r++, 1, run.headerRow());
                s.value(r, 0, m.get("import.report.kind"));
                s.value(r++, 1, receipt == null ? m.get("import.report.dryRun") : m.get("import.report.applied",
                        Formats.dateTime(receipt.at(), m)));
                r++;
                Map<RowClass, Integer> counts = run.counts();
                for (RowClass c : RowClass.values()) {
                    s.value(r, 0, c.label(m.indonesian()));
                    s.value(r++, 1, counts.get(c));
                }
                s.value(r, 0, m.get("import.report.total"));
                s.value(r++, 1, run.total());
                s.width(0, 28);
                s.width(1, 40);
                s.finish(); // the rows sheet below is flushed as it goes: zip entries are written one at a time

                Worksheet d = wb.newWorksheet(m.get("import.report.rows"));
                String[] head = {m.get("import.col.row"), m.get("import.col.class"), "NIK", m.get("import.col.name"),
                    m.get("import.col.village"), m.get("import.col.position"), m.get("import.col.changes"),
                    m.get("import.col.column"), m.get("import.col.reason"), m.get("import.col.notes")};
                for (int i = 0; i < head.length; i++) {
                    d.value(0, i, head[i]);
                    d.style(0, i).bold().fillColor("DDEBF7").set();
                }
                // Set before the first flush: fastexcel writes them ahead of the rows.
                d.freezePane(0, 1);
                int[] widths = {7, 14, 20, 28, 30, 24, 30, 22, 70, 50};
                for (int i = 0; i < widths.length; i++) d.width(i, widths[i]);
                int row = 1;
                try (BufferedReader lines = Files.newBufferedReader(run.reportLines(), StandardCharsets.UTF_8)) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        String[] f = fields(line);
                        d.value(row, 0, Integer.parseInt(f[0]));
                        d.value(row, 1, RowClass.values()[Integer.parseInt(f[1])].label(m.indonesian()));
                        if (!f[2].isEmpty()) d.inlineString(row, 2, f[2]);
                        for (int i = 3; i <= 9; i++) {
                            if (!f[i].isEmpty()) d.value(row, i, f[i]);
                        }
                        if (!f[8].isEmpty()) d.style(row, 1).fontColor("C00000").set();
                        if (row % 1000 == 0) d.flush();
                        row++;
                    }
                }
                d.setAutoFilter(0, 0, Math.max(0, row - 1), head.length - 1);
            }
            pending.commit();
        } catch (IOException e) {
            throw new ImportFileException("import.error.write", e, out, e.getMessage());
        }
    }
}
