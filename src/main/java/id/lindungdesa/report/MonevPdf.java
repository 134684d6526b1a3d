package id.lindungdesa.report;

import id.lindungdesa.domain.BudgetLine;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.CoverageCount;
import id.lindungdesa.domain.Office;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.BudgetService;
import id.lindungdesa.service.CoverageService;
import id.lindungdesa.task.Progress;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The monev recapitulation (rekapitulasi) as PDF with OpenPDF: letterhead with the office's name, date, coverage
 * tables, charts (drawn with {@link PdfContentByte}: the core has no JavaFX), the budget and a signature block.
 * In Indonesian.
 */
public final class MonevPdf {
    private final Messages m;
    private final BaseFont regular;
    private final BaseFont bold;

    public MonevPdf(Messages messages) {
        this.m = messages;
        try {
            regular = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, false);
            bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, false);
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    public static MonevPdf indonesian() {
        return new MonevPdf(new Messages(Messages.INDONESIAN));
    }

    private Font font(float size, boolean isBold) {
        return new Font(isBold ? bold : regular, size);
    }

    /** Writes the report; {@code coverage} or {@code budget} may be null to leave that part out. */
    public void write(OutputStream out, Office office, String clerk, LocalDate date, CoverageService.Report coverage,
                      List<CoverageService.TrendPoint> trend, BudgetService.Result budget, Progress progress)
            throws IOException {
        Document doc = new Document(PageSize.A4, 48, 48, 40, 48);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            doc.addTitle(m.get("report.pdf.title"));
            doc.addCreator("LindungDesa");
            doc.open();
            letterhead(doc, office);
            Paragraph title = new Paragraph(m.get("report.pdf.title"), font(13, true));
            title.setAlignment(Element.ALIGN_CENTER);
            doc.add(title);
            Paragraph sub = new Paragraph(m.get("report.pdf.subtitle"), font(10, false));
            sub.setAlignment(Element.ALIGN_CENTER);
            doc.add(sub);
            Paragraph when = new Paragraph(m.get("report.pdf.position", Formats.date(date, m)), font(10, false));
            when.setAlignment(Element.ALIGN_CENTER);
            when.setSpacingAfter(10);
            doc.add(when);
            progress.checkCancelled();
            if (coverage != null) {
                coverageSection(doc, writer, coverage);
                progress.checkCancelled();
                progress.update(1, 3, m.get("report.progress.charts"));
                if (trend != null && !trend.isEmpty()) {
                    doc.add(heading(m.get("report.pdf.trend")));
                    doc.add(Image.getInstance(trendChart(writer.getDirectContent(), trend, coverage)));
                }
                kecamatanSection(doc, writer, coverage, progress);
            }
            if (budget != null) {
                progress.update(2, 3, m.get("report.sheet.budget"));
                budgetSection(doc, budget);
            }
            signature(doc, office, clerk, date);
            doc.close();
        } catch (DocumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private void letterhead(Document doc, Office office) throws DocumentException {
        String name = office == null ? "LindungDesa" : office.name();
        Paragraph gov = new Paragraph(m.get("report.pdf.government", name).toUpperCase(m.locale()), font(12, true));
        gov.setAlignment(Element.ALIGN_CENTER);
        doc.add(gov);
        Paragraph dept = new Paragraph(m.get("report.pdf.department").toUpperCase(m.locale()), font(14, true));
        dept.setAlignment(Element.ALIGN_CENTER);
        doc.add(dept);
        if (office != null) {
            Paragraph code = new Paragraph(m.get("report.pdf.regionCode", office.regionCode()), font(9, false));
            code.setAlignment(Element.ALIGN_CENTER);
            doc.add(code);
        }
        PdfPTable rule = new PdfPTable(1);
        rule.setWidthPercentage(100);
        PdfPCell c = new PdfPCell(new Phrase(" ", font(2, false)));
        c.setBorder(Rectangle.BOTTOM);
        c.setBorderWidthBottom(2f);
        rule.addCell(c);
        rule.setSpacingAfter(12);
        doc.add(rule);
    }

    private Paragraph heading(String text) {
        Paragraph p = new Paragraph(text, font(11, true));
        p.setSpacingBefore(10);
        p.setSpacingAfter(6);
        return p;
    }

    private PdfPCell cell(String text, boolean head, int align) {
        PdfPCell c = new PdfPCell(new Phrase(text, font(8.5f, head)));
        c.setHorizontalAlignment(align);
        c.setPadding(3);
        if (head) c.setBackgroundColor(new Color(0xDD, 0xEB, 0xF7));
        return c;
    }

    private String pct(BigDecimal p) {
        return p == null ? "—" : String.format(m.locale(), "%.2f%%", p);
    }

    private void coverageSection(Document doc, PdfWriter writer, CoverageService.Report r) throws DocumentException {
        doc.add(heading(m.get("report.pdf.byCategory")));
        PdfPTable t = new PdfPTable(new float[] {3.2f, 1.3f, 1.3f, 1.2f, 1.2f, 1.3f});
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        for (String h : new String[] {m.get("report.col.category"), m.get("report.col.covered"),
            m.get("report.col.eligible"), m.get("report.col.percent"), m.get("report.col.target"),
            m.get("report.col.meets")}) {
            t.addCell(cell(h, true, Element.ALIGN_CENTER));
        }
        for (Category c : Category.values()) {
            CoverageCount k = r.region().of(c);
            if (k.eligible() == 0 && r.target(c).isEmpty()) continue;
            categoryRow(t, c.labelId(), k, r.target(c).map(CoverageService.Target::percent).orElse(null),
                    r.meetsTarget(c, k), false);
        }
        categoryRow(t, m.get("report.total"), r.region().total(),
                r.target(null).map(CoverageService.Target::percent).orElse(null),
                r.meetsTarget(null, r.region().total()), true);
        doc.add(t);
        CoverageService.Area a = r.region();
        Paragraph villages = new Paragraph(m.get("report.pdf.villages", a.villages(), a.registeredNone(),
                a.registeredSome(), a.fullyCovered()), font(9, false));
        villages.setSpacingBefore(6);
        doc.add(villages);
        doc.add(heading(m.get("report.pdf.chartCategory")));
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Category c : Category.values()) {
            CoverageCount k = r.region().of(c);
            if (k.eligible() == 0) continue;
            labels.add(c.labelId());
            values.add(k.percent().doubleValue());
        }
        Double target = r.target(null).map(tt -> tt.percent().doubleValue()).orElse(null);
        doc.add(Image.getInstance(barChart(writer.getDirectContent(), labels, values, target)));
    }

    private void categoryRow(PdfPTable t, String label, CoverageCount k, BigDecimal target, Boolean meets,
                             boolean isBold) {
        t.addCell(cell(label, isBold, Element.ALIGN_LEFT));
        t.addCell(cell(Integer.toString(k.covered()), isBold, Element.ALIGN_RIGHT));
        t.addCell(cell(Integer.toString(k.eligible()), isBold, Element.ALIGN_RIGHT));
        t.addCell(cell(pct(k.percent()), isBold, Element.ALIGN_RIGHT));
        t.addCell(cell(pct(target), isBold, Element.ALIGN_RIGHT));
        t.addCell(cell(meets == null ? "—" : meets ? m.get("report.yes") : m.get("report.no"), isBold,
                Element.ALIGN_CENTER));
    }

    private void kecamatanSection(Document doc, PdfWriter writer, CoverageService.Report r, Progress progress)
            throws DocumentException {
        if (r.kecamatan().isEmpty()) return;
        doc.add(heading(m.get("report.pdf.byKecamatan")));
        PdfPTable t = new PdfPTable(new float[] {3f, 1.1f, 1.1f, 1f, 1f, 1f, 1f});
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        for (String h : new String[] {m.get("report.col.kecamatan"), m.get("report.col.covered"),
            m.get("report.col.eligible"), m.get("report.col.percent"), m.get("report.villages.none"),
            m.get("report.villages.some"), m.get("report.villages.full")}) {
            t.addCell(cell(h, true, Element.ALIGN_CENTER));
        }
        for (CoverageService.Area a : r.kecamatan()) {
            progress.checkCancelled();
            t.addCell(cell(a.name(), false, Element.ALIGN_LEFT));
            t.addCell(cell(Integer.toString(a.total().covered()), false, Element.ALIGN_RIGHT));
            t.addCell(cell(Integer.toString(a.total().eligible()), false, Element.ALIGN_RIGHT));
            t.addCell(cell(pct(a.total().percent()), false, Element.ALIGN_RIGHT));
            t.addCell(cell(Integer.toString(a.registeredNone()), false, Element.ALIGN_RIGHT));
            t.addCell(cell(Integer.toString(a.registeredSome()), false, Element.ALIGN_RIGHT));
            t.addCell(cell(Integer.toString(a.fullyCovered()), false, Element.ALIGN_RIGHT));
        }
        doc.add(t);
        boolean province = r.districts().size() > 1;
        doc.add(heading(m.get(province ? "report.pdf.chartDistrict" : "report.pdf.chartKecamatan")));
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (CoverageService.Area a : province ? r.districts() : r.kecamatan()) {
            labels.add(a.name());
            values.add(a.total().percent().doubleValue());
        }
        Double target = r.target(null).map(tt -> tt.percent().doubleValue()).orElse(null);
        doc.add(Image.getInstance(barChart(writer.getDirectContent(), labels, values, target)));
    }

    private void budgetSection(Document doc, BudgetService.Result b) throws DocumentException {
        doc.add(heading(m.get("report.budget.title", Integer.toString(b.year()))
                + (b.fundingSource() == null ? "" : " — " + b.fundingSource().labelId())));
        PdfPTable t = new PdfPTable(new float[] {2.6f, 1.4f, 1f, 1.4f, 0.8f, 1.8f});
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        for (String h : new String[] {m.get("report.col.category"), m.get("report.col.source"),
            m.get("report.col.headcount"), m.get("report.col.monthly"), m.get("report.col.months"),
            m.get("report.col.amount")}) {
            t.addCell(cell(h, true, Element.ALIGN_CENTER));
        }
        for (BudgetLine l : b.current().lines()) {
            t.addCell(cell(l.category().labelId(), false, Element.ALIGN_LEFT));
            t.addCell(cell(l.fundingSource().labelId(), false, Element.ALIGN_LEFT));
            t.addCell(cell(Integer.toString(l.headcount()), false, Element.ALIGN_RIGHT));
            t.addCell(cell(Formats.rupiah(l.monthly(), m), false, Element.ALIGN_RIGHT));
            t.addCell(cell(Integer.toString(l.months()), false, Element.ALIGN_RIGHT));
            t.addCell(cell(Formats.rupiah(l.total(), m), false, Element.ALIGN_RIGHT));
        }
        PdfPCell total = cell(m.get("report.total"), true, Element.ALIGN_LEFT);
        total.setColspan(5);
        t.addCell(total);
        t.addCell(cell(Formats.rupiah(b.current().total(), m), true, Element.ALIGN_RIGHT));
        doc.add(t);
        StringBuilder sources = new StringBuilder();
        b.current().byFundingSource().forEach((k, v) -> sources.append(sources.isEmpty() ? "" : "; ")
                .append(k.labelId()).append(' ').append(Formats.rupiah(v, m)));
        if (!sources.isEmpty()) {
            Paragraph p = new Paragraph(m.get("report.budget.bySource") + ": " + sources, font(9, false));
            p.setSpacingBefore(4);
            doc.add(p);
        }
        if (b.projected() != null) {
            Paragraph p = new Paragraph(m.get("report.pdf.whatIf", Formats.rupiah(b.projected().total(), m),
                    Formats.rupiah(b.difference(), m)), font(9, false));
            doc.add(p);
        }
    }

    private void signature(Document doc, Office office, String clerk, LocalDate date) throws DocumentException {
        PdfPTable t = new PdfPTable(new float[] {1f, 1f});
        t.setWidthPercentage(100);
        t.setSpacingBefore(24);
        t.setKeepTogether(true);
        PdfPCell left = new PdfPCell(new Phrase(" "));
        left.setBorder(Rectangle.NO_BORDER);
        t.addCell(left);
        String place = office == null ? "" : office.name().replaceFirst("^(Kabupaten|Kota|Kecamatan|Provinsi) ", "");
        Paragraph p = new Paragraph();
        p.add(new Phrase(place + ", " + Formats.date(date, m) + "\n", font(10, false)));
        p.add(new Phrase(m.get("report.pdf.signRole") + "\n\n\n\n\n", font(10, false)));
        p.add(new Phrase("( " + (clerk == null ? "............................" : clerk) + " )\n", font(10, true)));
        p.add(new Phrase(m.get("report.pdf.signId"), font(9, false)));
        PdfPCell right = new PdfPCell(p);
        right.setBorder(Rectangle.NO_BORDER);
        right.setHorizontalAlignment(Element.ALIGN_CENTER);
        t.addCell(right);
        doc.add(t);
    }

    // ------------------------------------------------------------------ charts (vector, in the PDF itself)

    private static final Color BAR = new Color(0x2E, 0x75, 0xB6);
    private static final Color TARGET = new Color(0xC0, 0x39, 0x2B);
    private static final Color GRID = new Color(0xD0, 0xD0, 0xD0);

    /** Vertical bars of percentages 0–100 with an optional dashed target line. */
    PdfTemplate barChart(PdfContentByte cb, List<String> labels, List<Double> values, Double target) {
        float w = 500, h = 190, left = 30, bottom = 60, top = 10;
        PdfTemplate t = cb.createTemplate(w, h);
        float plotH = h - bottom - top;
        float plotW = w - left - 5;
        axes(t, left, bottom, plotW, plotH);
        int n = Math.max(1, values.size());
        float slot = plotW / n;
        float bw = Math.min(28, slot * 0.7f);
        for (int i = 0; i < values.size(); i++) {
            float x = left + i * slot + (slot - bw) / 2;
            float bh = (float) (Math.min(100, values.get(i)) / 100.0 * plotH);
            t.setColorFill(BAR);
            t.rectangle(x, bottom, bw, bh);
            t.fill();
            text(t, String.format(m.locale(), "%.1f", values.get(i)), x + bw / 2, bottom + bh + 2, 6, 0,
                    Element.ALIGN_CENTER);
            String label = labels.get(i).length() > 18 ? labels.get(i).substring(0, 17) + "…" : labels.get(i);
            text(t, label, x + bw / 2, bottom - 4, 6, 45, Element.ALIGN_RIGHT);
        }
        if (target != null) targetLine(t, left, bottom, plotW, plotH, target);
        return t;
    }

    /** Monthly coverage percent as a line, with the overall target as a dashed line. */
    PdfTemplate trendChart(PdfContentByte cb, List<CoverageService.TrendPoint> trend, CoverageService.Report r) {
        float w = 500, h = 170, left = 30, bottom = 40, top = 10;
        PdfTemplate t = cb.createTemplate(w, h);
        float plotH = h - bottom - top;
        float plotW = w - left - 10;
        axes(t, left, bottom, plotW, plotH);
        float step = trend.size() > 1 ? plotW / (trend.size() - 1) : plotW;
        t.setColorStroke(BAR);
        t.setLineWidth(1.5f);
        for (int i = 0; i < trend.size(); i++) {
            float x = left + i * step;
            float y = bottom + (float) (trend.get(i).total().percent().doubleValue() / 100.0 * plotH);
            if (i == 0) t.moveTo(x, y);
            else t.lineTo(x, y);
        }
        t.stroke();
        for (int i = 0; i < trend.size(); i++) {
            float x = left + i * step;
            if (i % 3 == 0 || i == trend.size() - 1) {
                text(t, trend.get(i).month().toString(), x, bottom - 4, 6, 45, Element.ALIGN_RIGHT);
            }
        }
        r.target(null).ifPresent(tt -> targetLine(t, left, bottom, plotW, plotH, tt.percent().doubleValue()));
        return t;
    }

    private void axes(PdfTemplate t, float left, float bottom, float plotW, float plotH) {
        t.setLineWidth(0.4f);
        for (int p = 0; p <= 100; p += 25) {
            float y = bottom + plotH * p / 100f;
            t.setColorStroke(GRID);
            t.moveTo(left, y);
            t.lineTo(left + plotW, y);
            t.stroke();
            text(t, p + "%", left - 3, y - 2, 6, 0, Element.ALIGN_RIGHT);
        }
        t.setColorStroke(Color.DARK_GRAY);
        t.moveTo(left, bottom);
        t.lineTo(left, bottom + plotH);
        t.stroke();
    }

    private void targetLine(PdfTemplate t, float left, float bottom, float plotW, float plotH, double target) {
        float y = bottom + (float) (target / 100.0 * plotH);
        t.saveState();
        t.setColorStroke(TARGET);
        t.setLineWidth(1f);
        t.setLineDash(4, 3, 0);
        t.moveTo(left, y);
        t.lineTo(left + plotW, y);
        t.stroke();
        t.restoreState();
        text(t, m.get("report.col.target") + " " + String.format(m.locale(), "%.2f%%", target), left + plotW,
                y + 2, 6, 0, Element.ALIGN_RIGHT);
    }

    private void text(PdfTemplate t, String s, float x, float y, float size, float rotation, int align) {
        t.beginText();
        t.setColorFill(Color.DARK_GRAY);
        t.setFontAndSize(regular, size);
        t.showTextAligned(align, s, x, y, rotation);
        t.endText();
    }
}
