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
    private String note;

    /** A line under the date, e.g. the expired province reference data (issue 18); null for none. */
    public MonevPdf withNote(String note) {
        this.note = note;
        return this;
    }

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

    /**
     * What the ledger says about the budget's year: paid so far (the budget's lines are then the whole year's
     * amount, and the remainder is budget minus paid). Null: no ledger part.
     */
    public record Paid(long amount, LocalDate asOf) {
    }

    /** Writes the monev recapitulation; {@code coverage} or {@code budget} may be null to leave that part out. */
    public void write(OutputStream out, Office office, String clerk, LocalDate date, CoverageService.Report coverage,
                      List<CoverageService.TrendPoint> trend, BudgetService.Result budget, Progress progress)
            throws IOException {
        write(out, office, clerk, date, coverage, trend, budget, null, false, progress);
    }

    /** The budget alone, titled as a budget, with paid and remaining from the ledger when {@code paid} is given. */
    public void writeBudget(OutputStream out, Office office, String clerk, LocalDate date, BudgetService.Result budget,
                            Paid paid, Progress progress) throws IOException {
        write(out, office, clerk, date, null, null, budget, paid, true, progress);
    }

    /** The monev recapitulation with the ledger's paid amount in its budget appendix. */
    public void write(OutputStream out, Office office, String clerk, LocalDate date, CoverageService.Report coverage,
                      List<CoverageService.TrendPoint> trend, BudgetService.Result budget, Paid paid,
                      Progress progress) throws IOException {
        write(out, office, clerk, date, coverage, trend, budget, paid, false, progress);
    }

    private void write(OutputStream out, Office office, String clerk, LocalDate date, CoverageService.Report coverage,
                       List<CoverageService.TrendPoint> trend, BudgetService.Result budget, Paid paid,
                       boolean budgetOnly, Progress progress) throws IOException {
        Document doc = new Document(PageSize.A4, 48, 48, 40, 48);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            String titleText = budgetOnly
                    ? m.get("report.s6.budgetPdf.title", Integer.toString(budget.year())).toUpperCase(m.locale())
                    : m.get("report.pdf.title");
            doc.addTitle(titleText);
            doc.addCreator("LindungDesa");
            doc.open();
            letterhead(doc, office);
            Paragraph title = new Paragraph(titleText, font(13, true));
            title.setAlignment(Element.ALIGN_CENTER);
            doc.add(title);
            String subText = budgetOnly ? m.get("report.s6.budgetPdf.subtitle")
                    + (budget.fundingSource() == null ? "" : " — " + budget.fundingSource().labelId())
                    : m.get("report.pdf.subtitle");
            Paragraph sub = new Paragraph(subText, font(10, false));
            sub.setAlignment(Element.ALIGN_CENTER);
            doc.add(sub);
            Paragraph when = new Paragraph(m.get("report.pdf.position", Formats.date(date, m)), font(10, false));
            when.setAlignment(Element.ALIGN_CENTER);
            when.setSpacingAfter(10);
            doc.add(when);
            if (note != null) {
                Paragraph n = new Paragraph(note, font(10, true));
                n.setAlignment(Element.ALIGN_CENTER);
                n.setSpacingAfter(10);
                doc.add(n);
            }
            progress.checkCancelled();
            if (coverage != null) {
                coverageSection(doc, writer, coverage);
                progress.checkCancelled();
                progress.update(1, 3, m.get("report.progress.charts"));
                if (trend != null && !trend.isEmpty()) {
                    chart(doc, m.get("report.pdf.trend"), trendChart(writer.getDirectContent(), trend, coverage));
                }
                kecamatanSection(doc, writer, coverage, progress);
            }
            if (budget != null) {
                progress.update(2, 3, m.get("report.sheet.budget"));
                budgetSection(doc, writer, budget, paid, budgetOnly);
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

    private static final float CELL_SIZE = 8.5f;
    private static final float CELL_PADDING = 3;

    private PdfPCell cell(String text, boolean head, int align) {
        PdfPCell c = new PdfPCell(new Phrase(text, font(CELL_SIZE, head)));
        c.setHorizontalAlignment(align);
        c.setPadding(CELL_PADDING);
        if (head) c.setBackgroundColor(new Color(0xDD, 0xEB, 0xF7));
        return c;
    }

    private String pct(BigDecimal p) {
        return p == null ? "—" : String.format(m.locale(), "%.2f%%", p);
    }

    /** A count with the thousands separator of the report's language ("5.735"). */
    private String count(long n) {
        return String.format(m.locale(), "%,d", n);
    }

    /**
     * Column widths (relative weights turned into points over the page width) wide enough that the longest word of
     * every cell fits on one line: a header wraps between words, never inside one ("Belum mendaftark/an").
     */
    float[] widths(float available, float[] weights, List<String[]> cells) {
        int n = weights.length;
        float[] min = new float[n];
        for (String[] row : cells) {
            for (int i = 0; i < Math.min(n, row.length); i++) {
                if (row[i] == null) continue;
                for (String word : row[i].split("\\s+")) {
                    // Measured in bold (headers and totals are bold), plus the padding and a hair of slack.
                    float w = bold.getWidthPoint(word, CELL_SIZE) + 2 * CELL_PADDING + 2;
                    if (w > min[i]) min[i] = w;
                }
            }
        }
        float[] out = new float[n];
        boolean[] fixed = new boolean[n];
        for (int round = 0; round < n; round++) {
            float freeWidth = available;
            float freeWeight = 0;
            for (int i = 0; i < n; i++) {
                if (fixed[i]) freeWidth -= min[i];
                else freeWeight += weights[i];
            }
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                if (fixed[i]) {
                    out[i] = min[i];
                    continue;
                }
                out[i] = freeWeight == 0 ? 0 : freeWidth * weights[i] / freeWeight;
                if (out[i] < min[i]) {
                    fixed[i] = true;
                    changed = true;
                }
            }
            if (!changed) break;
        }
        return out;
    }

    /** A table whose columns fit their words, 100% wide, header row repeated on each page. */
    private PdfPTable table(Document doc, float[] weights, String[] headers, List<String[]> body) {
        List<String[]> all = new ArrayList<>();
        all.add(headers);
        all.addAll(body);
        float available = doc.right() - doc.left();
        PdfPTable t = new PdfPTable(widths(available, weights, all));
        t.setTotalWidth(available);
        t.setLockedWidth(true);
        t.setHeaderRows(1);
        for (String h : headers) t.addCell(cell(h, true, Element.ALIGN_CENTER));
        return t;
    }

    /**
     * Starts a new page unless the heading and the start of what follows it ({@code needed} points) fit on this
     * one: a heading never stays alone at the bottom of a page.
     */
    private void keepWithNext(Document doc, PdfWriter writer, float needed) {
        float left = writer.getVerticalPosition(true) - doc.bottom();
        if (left < needed) doc.newPage();
    }

    /** Height of the heading plus the table's header and first rows (or all of it when short). */
    private static float start(PdfPTable t, int rows) {
        float h = 34; // the heading with its spacing
        int n = Math.min(t.size(), rows);
        for (int i = 0; i < n; i++) h += t.getRowHeight(i);
        return h;
    }

    /** A heading with its table: both on the same page (a long table then continues with its header repeated). */
    private void headedTable(Document doc, PdfWriter writer, String heading, PdfPTable t) throws DocumentException {
        keepWithNext(doc, writer, start(t, 4));
        doc.add(heading(heading));
        doc.add(t);
    }

    /** A heading with its chart, kept on one page. */
    private void chart(Document doc, String heading, PdfTemplate chart) throws DocumentException {
        PdfPTable box = new PdfPTable(1);
        box.setWidthPercentage(100);
        box.setKeepTogether(true);
        box.setSpacingBefore(10);
        PdfPCell h = new PdfPCell(new Phrase(heading, font(11, true)));
        h.setBorder(Rectangle.NO_BORDER);
        h.setPaddingLeft(0);
        h.setPaddingBottom(6);
        box.addCell(h);
        PdfPCell c = new PdfPCell(Image.getInstance(chart), false);
        c.setBorder(Rectangle.NO_BORDER);
        c.setPadding(0);
        box.addCell(c);
        doc.add(box);
    }

    private void coverageSection(Document doc, PdfWriter writer, CoverageService.Report r) throws DocumentException {
        String[] headers = {m.get("report.col.category"), m.get("report.col.covered"), m.get("report.col.eligible"),
            m.get("report.col.percent"), m.get("report.col.target"), m.get("report.col.meets")};
        List<String[]> body = new ArrayList<>();
        List<Boolean> boldRows = new ArrayList<>();
        for (Category c : Category.values()) {
            CoverageCount k = r.region().of(c);
            if (k.eligible() == 0 && r.target(c).isEmpty()) continue;
            body.add(categoryRow(r, c.labelId(), c, k));
            boldRows.add(false);
        }
        body.add(categoryRow(r, m.get("report.total"), null, r.region().total()));
        boldRows.add(true);
        PdfPTable t = table(doc, new float[] {3.2f, 1.3f, 1.3f, 1.2f, 1.2f, 1.3f}, headers, body);
        int[] align = {Element.ALIGN_LEFT, Element.ALIGN_RIGHT, Element.ALIGN_RIGHT, Element.ALIGN_RIGHT,
            Element.ALIGN_RIGHT, Element.ALIGN_CENTER};
        for (int i = 0; i < body.size(); i++) addRow(t, body.get(i), align, boldRows.get(i));
        headedTable(doc, writer, m.get("report.pdf.byCategory"), t);
        CoverageService.Area a = r.region();
        Paragraph villages = new Paragraph(m.get("report.pdf.villages", count(a.villages()), count(a.registeredNone()),
                count(a.registeredSome()), count(a.fullyCovered())), font(9, false));
        villages.setSpacingBefore(6);
        doc.add(villages);
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Category c : Category.values()) {
            CoverageCount k = r.region().of(c);
            if (k.eligible() == 0) continue;
            labels.add(c.labelId());
            values.add(k.percent().doubleValue());
        }
        Double target = r.target(null).map(tt -> tt.percent().doubleValue()).orElse(null);
        chart(doc, m.get("report.pdf.chartCategory"), barChart(writer.getDirectContent(), labels, values, target));
    }

    private void addRow(PdfPTable t, String[] row, int[] align, boolean isBold) {
        for (int i = 0; i < row.length; i++) t.addCell(cell(row[i], isBold, align[i]));
    }

    /**
     * A category's line. Its target is the category's own, or else the overall target the province set (a
     * category without its own target is measured against that one: the column is never empty while a target
     * exists).
     */
    private String[] categoryRow(CoverageService.Report r, String label, Category c, CoverageCount k) {
        BigDecimal target = (c == null ? r.target(null) : r.target(c).or(() -> r.target(null)))
                .map(CoverageService.Target::percent).orElse(null);
        Boolean meets = target == null ? null : k.percent().compareTo(target) >= 0;
        return new String[] {label, count(k.covered()), count(k.eligible()), pct(k.percent()), pct(target),
            meets == null ? "—" : meets ? m.get("report.yes") : m.get("report.no")};
    }

    private void kecamatanSection(Document doc, PdfWriter writer, CoverageService.Report r, Progress progress)
            throws DocumentException {
        if (r.kecamatan().isEmpty()) return;
        BigDecimal target = r.target(null).map(CoverageService.Target::percent).orElse(null);
        List<String> headerList = new ArrayList<>(List.of(m.get("report.col.kecamatan"), m.get("report.col.covered"),
                m.get("report.col.eligible"), m.get("report.col.percent")));
        if (target != null) headerList.add(m.get("report.col.target"));
        headerList.addAll(List.of(m.get("report.villages.none"), m.get("report.villages.some"),
                m.get("report.villages.full")));
        String[] headers = headerList.toArray(String[]::new);
        List<String[]> body = new ArrayList<>();
        for (CoverageService.Area a : r.kecamatan()) {
            progress.checkCancelled();
            List<String> row = new ArrayList<>(List.of(a.name(), count(a.total().covered()),
                    count(a.total().eligible()), pct(a.total().percent())));
            if (target != null) row.add(pct(target));
            row.addAll(List.of(count(a.registeredNone()), count(a.registeredSome()), count(a.fullyCovered())));
            body.add(row.toArray(String[]::new));
        }
        float[] weights = target != null ? new float[] {3f, 1.1f, 1.1f, 1f, 1f, 1f, 1f, 1f}
                : new float[] {3f, 1.1f, 1.1f, 1f, 1f, 1f, 1f};
        PdfPTable t = table(doc, weights, headers, body);
        int[] align = new int[headers.length];
        java.util.Arrays.fill(align, Element.ALIGN_RIGHT);
        align[0] = Element.ALIGN_LEFT;
        for (String[] row : body) addRow(t, row, align, false);
        headedTable(doc, writer, m.get("report.pdf.byKecamatan"), t);
        boolean province = r.districts().size() > 1;
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (CoverageService.Area a : province ? r.districts() : r.kecamatan()) {
            labels.add(a.name());
            values.add(a.total().percent().doubleValue());
        }
        Double t2 = target == null ? null : target.doubleValue();
        chart(doc, m.get(province ? "report.pdf.chartDistrict" : "report.pdf.chartKecamatan"),
                barChart(writer.getDirectContent(), labels, values, t2));
    }

    /**
     * The budget as one table: its lines, a subtotal per funding source when there are several, the total and,
     * with the ledger, what is paid and what remains. Kept on one page with its heading when it fits on one.
     */
    private void budgetSection(Document doc, PdfWriter writer, BudgetService.Result b, Paid paid, boolean budgetOnly)
            throws DocumentException {
        String heading = m.get(budgetOnly ? "report.s6.budget.lines" : "report.budget.title",
                Integer.toString(b.year()))
                + (budgetOnly || b.fundingSource() == null ? "" : " — " + b.fundingSource().labelId());
        String[] headers = {m.get("report.col.category"), m.get("report.col.source"), m.get("report.col.headcount"),
            m.get("report.col.monthly"), m.get("report.col.months"), m.get("report.col.amount")};
        List<String[]> body = new ArrayList<>();
        for (BudgetLine l : b.current().lines()) {
            body.add(new String[] {l.category().labelId(), l.fundingSource().labelId(), count(l.headcount()),
                Formats.rupiah(l.monthly(), m), count(l.months()), Formats.rupiah(l.total(), m)});
        }
        var bySource = b.current().byFundingSource();
        List<String[]> totals = new ArrayList<>();
        if (bySource.size() > 1) {
            bySource.forEach((k, v) -> totals.add(new String[] {m.get("report.s6.budget.subtotal", k.labelId()),
                Formats.rupiah(v, m)}));
        }
        totals.add(new String[] {m.get(paid != null ? "report.s6.budget.wholeYear" : "report.total",
            Integer.toString(b.year())), Formats.rupiah(b.current().total(), m)});
        if (paid != null) {
            totals.add(new String[] {m.get("report.s6.budget.paid", Formats.date(paid.asOf(), m)),
                Formats.rupiah(paid.amount(), m)});
            totals.add(new String[] {m.get("report.s6.budget.remaining"),
                Formats.rupiah(b.current().total() - paid.amount(), m)});
        }
        if (b.projected() != null) {
            totals.add(new String[] {m.get("report.budget.whatIfTitle", Integer.toString(b.year())),
                Formats.rupiah(b.projected().total(), m)});
            totals.add(new String[] {m.get("report.budget.difference"), Formats.rupiah(b.difference(), m)});
        }
        List<String[]> measured = new ArrayList<>(body);
        for (String[] tl : totals) measured.add(new String[] {null, null, null, null, null, tl[1]});
        PdfPTable t = table(doc, new float[] {2.6f, 1.4f, 1f, 1.4f, 0.8f, 1.8f}, headers, measured);
        int[] align = {Element.ALIGN_LEFT, Element.ALIGN_LEFT, Element.ALIGN_RIGHT, Element.ALIGN_RIGHT,
            Element.ALIGN_RIGHT, Element.ALIGN_RIGHT};
        for (String[] row : body) addRow(t, row, align, false);
        for (String[] tl : totals) {
            PdfPCell label = cell(tl[0], true, Element.ALIGN_LEFT);
            label.setColspan(5);
            t.addCell(label);
            t.addCell(cell(tl[1], true, Element.ALIGN_RIGHT));
        }
        // One table on one page when it fits there; a longer one continues with its header repeated.
        float height = start(t, t.size());
        float page = doc.top() - doc.bottom();
        keepWithNext(doc, writer, height < page ? height : start(t, 4));
        doc.add(heading(heading));
        doc.add(t);
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
                text(t, java.time.format.DateTimeFormatter.ofPattern("MMM yyyy", m.locale()).format(trend.get(i).month()),
                        x, bottom - 4, 6, 45, Element.ALIGN_RIGHT);
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
