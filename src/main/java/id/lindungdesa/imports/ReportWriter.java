package id.lindungdesa.imports;

import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import java.io.IOException;
import java.io.OutputStream;
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
                s.value(r++, 1, run.rows().size());
                s.width(0, 28);
                s.width(1, 40);

                Worksheet d = wb.newWorksheet(m.get("import.report.rows"));
                String[] head = {m.get("import.col.row"), m.get("import.col.class"), "NIK", m.get("import.col.name"),
                    m.get("import.col.village"), m.get("import.col.position"), m.get("import.col.changes"),
                    m.get("import.col.column"), m.get("import.col.reason"), m.get("import.col.notes")};
                for (int i = 0; i < head.length; i++) {
                    d.value(0, i, head[i]);
                    d.style(0, i).bold().fillColor("DDEBF7").set();
                }
                int row = 1;
                for (RowResult x : run.rows()) {
                    d.value(row, 0, x.row());
                    d.value(row, 1, x.cls().label(m.indonesian()));
                    if (x.nik() != null) d.inlineString(row, 2, x.nik());
                    if (x.name() != null) d.value(row, 3, x.name());
                    if (x.villageName() != null) {
                        d.value(row, 4, x.villageName() + (x.villageCode() == null ? "" : " (" + x.villageCode() + ")"));
                    }
                    if (x.position() != null) d.value(row, 5, x.position().label(m.indonesian()));
                    if (!x.changes().isEmpty()) d.value(row, 6, x.changesText(m));
                    if (!x.problems().isEmpty()) {
                        d.value(row, 7, String.join("; ", x.problems().stream().map(RowProblem::column).distinct()
                                .toList()));
                        d.value(row, 8, x.problems().stream().map(p -> p.reason(m)).reduce((a, b) -> a + "; " + b)
                                .orElse(""));
                        d.style(row, 1).fontColor("C00000").set();
                    }
                    if (!x.notes().isEmpty()) d.value(row, 9, x.notesText(m));
                    row++;
                }
                d.setAutoFilter(0, 0, Math.max(0, row - 1), head.length - 1);
                d.freezePane(0, 1);
                int[] widths = {7, 14, 20, 28, 30, 24, 30, 22, 70, 50};
                for (int i = 0; i < widths.length; i++) d.width(i, widths[i]);
            }
            pending.commit();
        } catch (IOException e) {
            throw new ImportFileException("import.error.write", e, out, e.getMessage());
        }
    }
}
