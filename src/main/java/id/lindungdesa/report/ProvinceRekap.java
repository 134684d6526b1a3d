package id.lindungdesa.report;

import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.CoverageCount;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.CoverageService.Area;
import id.lindungdesa.service.CoverageService.Report;
import id.lindungdesa.task.Progress;
import java.awt.Color;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The provincial rekapitulasi (province or national office): coverage per kabupaten/kota and category against the
 * targets, the reporting list of a period, and the desa with no one registered; as XLSX (fastexcel) and as PDF
 * (OpenPDF, landscape). In Indonesian. Kept apart from {@link MonevPdf} (the district's monev report).
 * Written through {@link Exports#atomically}: a failed or cancelled export leaves no file.
 */
public final class ProvinceRekap {
    private final Messages m;

    public ProvinceRekap(Messages messages) {
        this.m = messages;
    }

    public static ProvinceRekap indonesian() {
        return new ProvinceRekap(new Messages(Messages.INDONESIAN));
    }

    /** A kabupaten/kota line: its coverage and the targets in force for it (percent; absent when none). */
    public record DistrictLine(Area area, Map<Category, BigDecimal> targets, BigDecimal overallTarget) {
    }

    /** A kabupaten/kota in the reporting list: its bundle of the period, or none. */
    public record ReportLine(String code, String name, boolean reported, Long sequence, String period,
                             OffsetDateTime receivedAt) {
    }

    /** What the rekap shows. */
    public record Input(String office, LocalDate on, Report report, List<DistrictLine> districts,
                        String periodLabel, List<ReportLine> reporting, List<Area> noneRegistered) {
    }

    // ------------------------------------------------------------------ XLSX

    public Path xlsx(Path file, Input in, Progress progress) {
        return Exports.atomically(file, progress, out -> {
            Workbook wb = new Workbook(out, "LindungDesa", "1.0");
            Worksheet ws = wb.newWorksheet(m.get("province.rekap.sheet.districts"));
            title(ws, m.get("province.rekap.title"), in.office() + " — " + m.get("report.onDate", in.on()));
            String[] head = new String[6 + Category.values().length * 3];
            head[0] = m.get("report.col.code");
            head[1] = m.get("province.rekap.col.district");
            head[2] = m.get("report.col.covered");
            head[3] = m.get("report.col.eligible");
            head[4] = m.get("report.col.percent");
            head[5] = m.get("report.col.target");
            int c = 6;
            for (Category cat : Category.values()) {
                head[c++] = cat.labelId() + " " + m.get("report.col.coveredShort");
                head[c++] = cat.labelId() + " " + m.get("report.col.eligibleShort");
                head[c++] = cat.labelId() + " " + m.get("report.col.target");
            }
            header(ws, 3, head);
            int row = 4;
            for (DistrictLine d : in.districts()) {
                areaRow(ws, row++, d.area(), d.overallTarget(), d.targets());
            }
            areaRow(ws, row, new Area("", m.get("report.total"), in.report().region().level(),
                    in.report().region().byCategory(), in.report().region().total(), 0, 0, 0, 0, 0),
                    in.report().target(null).map(t -> t.percent()).orElse(null), Map.of());
            ws.style(row, 1).bold().set();
            ws.width(0, 10);
            ws.width(1, 28);
            ws.freezePane(2, 4);
            progress.checkCancelled();
            reportingSheet(wb.newWorksheet(m.get("province.rekap.sheet.reporting")), in.periodLabel(), in.office(),
                    in.reporting());
            progress.checkCancelled();
            noneSheet(wb.newWorksheet(m.get("province.rekap.sheet.none")), in.office(), in.report(),
                    in.noneRegistered(), progress);
            wb.finish();
        });
    }

    /** The desa with no one registered, per kabupaten/kota and kecamatan, as XLSX. */
    public Path noneRegisteredXlsx(Path file, String office, Report report, List<Area> villages, Progress progress) {
        return Exports.atomically(file, progress, out -> {
            Workbook wb = new Workbook(out, "LindungDesa", "1.0");
            noneSheet(wb.newWorksheet(m.get("province.rekap.sheet.none")), office, report, villages, progress);
            wb.finish();
        });
    }

    /**
     * The reporting list of a period alone as XLSX (issue 14 item 5: the province dashboard's export): the same sheet
     * as in the rekapitulasi, every kabupaten/kota, reported or missing, with its bundle of the period or its last.
     */
    public Path reportingXlsx(Path file, String office, String periodLabel, List<ReportLine> lines,
                              Progress progress) {
        return Exports.atomically(file, progress, out -> {
            Workbook wb = new Workbook(out, "LindungDesa", "1.0");
            reportingSheet(wb.newWorksheet(m.get("province.rekap.sheet.reporting")), periodLabel, office, lines);
            wb.finish();
        });
    }

    private void reportingSheet(Worksheet rep, String periodLabel, String office, List<ReportLine> lines) {
        title(rep, m.get("province.rekap.reportingTitle", periodLabel), office);
        header(rep, 3, m.get("report.col.code"), m.get("province.rekap.col.district"),
                m.get("province.rekap.col.status"), m.get("province.rekap.col.sequence"),
                m.get("province.rekap.col.period"), m.get("province.rekap.col.received"));
        int r = 4;
        for (ReportLine l : lines) {
            rep.value(r, 0, l.code());
            rep.value(r, 1, l.name());
            rep.value(r, 2, m.get(l.reported() ? "province.rekap.reported" : "province.rekap.missing"));
            if (l.sequence() != null) rep.value(r, 3, l.sequence());
            rep.value(r, 4, l.period());
            if (l.receivedAt() != null) rep.value(r, 5, Formats.date(l.receivedAt().toLocalDate(), m));
            r++;
        }
        rep.width(1, 28);
        rep.freezePane(0, 4);
    }

    private void noneSheet(Worksheet ws, String office, Report report, List<Area> villages, Progress progress) {
        title(ws, m.get("province.rekap.noneTitle"), office + " — " + m.get("report.onDate", report.on()));
        Map<String, String> names = new HashMap<>();
        for (Area a : report.districts()) names.put(a.code(), a.name());
        for (Area a : report.kecamatan()) names.put(a.code(), a.name());
        header(ws, 3, m.get("province.rekap.col.district"), m.get("report.col.kecamatan"), m.get("report.col.code"),
                m.get("report.col.village"), m.get("province.rekap.col.holders"), m.get("report.col.eligible"));
        int r = 4;
        for (Area v : villages) {
            if ((r & 255) == 0) progress.checkCancelled();
            String kec = v.code().substring(0, v.code().lastIndexOf('.'));
            String dis = v.code().substring(0, 5);
            ws.value(r, 0, names.getOrDefault(dis, dis));
            ws.value(r, 1, names.getOrDefault(kec, kec));
            ws.value(r, 2, v.code());
            ws.value(r, 3, v.name());
            ws.value(r, 4, v.holders());
            ws.value(r, 5, v.total().eligible());
            r++;
        }
        ws.width(0, 26);
        ws.width(1, 22);
        ws.width(2, 16);
        ws.width(3, 26);
        ws.freezePane(0, 4);
    }

    private void areaRow(Worksheet ws, int row, Area a, BigDecimal overall, Map<Category, BigDecimal> targets) {
        ws.value(row, 0, a.code());
        ws.value(row, 1, a.name());
        ws.value(row, 2, a.total().covered());
        ws.value(row, 3, a.total().eligible());
        ws.value(row, 4, a.total().percent());
        ws.style(row, 4).format(XlsxReports.PERCENT).set();
        if (overall != null) {
            ws.value(row, 5, overall);
            ws.style(row, 5).format(XlsxReports.PERCENT).set();
        }
        int c = 6;
        for (Category cat : Category.values()) {
            CoverageCount k = a.of(cat);
            ws.value(row, c++, k.covered());
            ws.value(row, c++, k.eligible());
            BigDecimal t = targets.get(cat);
            if (t != null) ws.value(row, c, t);
            c++;
        }
    }

    private static void header(Worksheet ws, int row, String... titles) {
        for (int c = 0; c < titles.length; c++) {
            ws.value(row, c, titles[c]);
            ws.style(row, c).bold().fillColor("DDEBF7").set();
        }
    }

    private static void title(Worksheet ws, String title, String subtitle) {
        ws.value(0, 0, title);
        ws.style(0, 0).bold().fontSize(13).set();
        ws.value(1, 0, subtitle);
    }

    // ------------------------------------------------------------------ PDF

    public Path pdf(Path file, Input in, Progress progress) {
        return Exports.atomically(file, progress, out -> {
            BaseFont regular;
            BaseFont bold;
            try {
                regular = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, false);
                bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, false);
            } catch (DocumentException e) {
                throw new IOException(e.getMessage(), e);
            }
            Font title = new Font(bold, 13);
            Font normal = new Font(regular, 9);
            Font head = new Font(bold, 8);
            Font cell = new Font(regular, 8);
            Document doc = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
            try {
                PdfWriter.getInstance(doc, out);
                doc.addTitle(m.get("province.rekap.title"));
                doc.addCreator("LindungDesa");
                doc.open();
                Paragraph t = new Paragraph(m.get("province.rekap.title"), title);
                t.setAlignment(Element.ALIGN_CENTER);
                doc.add(t);
                Paragraph sub = new Paragraph(in.office() + " — " + m.get("province.rekap.position",
                        Formats.date(in.on(), m)), normal);
                sub.setAlignment(Element.ALIGN_CENTER);
                sub.setSpacingAfter(10);
                doc.add(sub);
                List<Category> cats = List.of(Category.values());
                PdfPTable table = new PdfPTable(3 + cats.size());
                table.setWidthPercentage(100);
                table.setHeaderRows(1);
                table.addCell(cell(m.get("province.rekap.col.district"), head, true));
                for (Category c : cats) table.addCell(cell(c.labelId(), head, true));
                table.addCell(cell(m.get("report.total"), head, true));
                table.addCell(cell(m.get("report.col.target"), head, true));
                for (DistrictLine d : in.districts()) {
                    progress.checkCancelled();
                    table.addCell(cell(d.area().code() + " " + d.area().name(), cell, false));
                    for (Category c : cats) table.addCell(cell(pct(d.area().of(c), d.targets().get(c)), cell, false));
                    table.addCell(cell(pct(d.area().total(), null), cell, false));
                    table.addCell(cell(d.overallTarget() == null ? "—" : d.overallTarget().toPlainString() + "%",
                            cell, false));
                }
                Area all = in.report().region();
                table.addCell(cell(m.get("report.total"), head, false));
                for (Category c : cats) table.addCell(cell(pct(all.of(c), null), head, false));
                table.addCell(cell(pct(all.total(), null), head, false));
                table.addCell(cell(in.report().target(null).map(x -> x.percent().toPlainString() + "%").orElse("—"),
                        head, false));
                doc.add(table);
                Paragraph v = new Paragraph(m.get("province.rekap.villages", all.villages(), all.registeredNone(),
                        all.registeredSome(), all.fullyCovered()), normal);
                v.setSpacingBefore(8);
                doc.add(v);
                Paragraph rt = new Paragraph(m.get("province.rekap.reportingTitle", in.periodLabel()), head);
                rt.setSpacingBefore(10);
                rt.setSpacingAfter(4);
                doc.add(rt);
                PdfPTable rep = new PdfPTable(new float[] {4, 2, 2, 2, 2});
                rep.setWidthPercentage(100);
                rep.setHeaderRows(1);
                for (String h : List.of(m.get("province.rekap.col.district"), m.get("province.rekap.col.status"),
                        m.get("province.rekap.col.sequence"), m.get("province.rekap.col.period"),
                        m.get("province.rekap.col.received"))) {
                    rep.addCell(cell(h, head, true));
                }
                for (ReportLine l : in.reporting()) {
                    rep.addCell(cell(l.code() + " " + l.name(), cell, false));
                    rep.addCell(cell(m.get(l.reported() ? "province.rekap.reported" : "province.rekap.missing"),
                            l.reported() ? cell : head, false));
                    rep.addCell(cell(l.sequence() == null ? "—" : "#" + l.sequence(), cell, false));
                    rep.addCell(cell(l.period() == null ? "—" : l.period(), cell, false));
                    rep.addCell(cell(l.receivedAt() == null ? "—" : Formats.date(l.receivedAt().toLocalDate(), m),
                            cell, false));
                }
                doc.add(rep);
                doc.close();
            } catch (DocumentException e) {
                throw new IOException(e.getMessage(), e);
            }
        });
    }

    private static String pct(CoverageCount k, BigDecimal target) {
        if (k.eligible() == 0) return "—";
        String s = k.percent().toPlainString() + "% (" + k.covered() + "/" + k.eligible() + ")";
        return target == null ? s : s + " / " + target.stripTrailingZeros().toPlainString() + "%";
    }

    private static PdfPCell cell(String text, Font font, boolean head) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setPadding(3);
        if (head) c.setBackgroundColor(new Color(0xDD, 0xEB, 0xF7));
        return c;
    }
}
