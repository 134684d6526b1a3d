package id.lindungdesa.report;

import id.lindungdesa.domain.BudgetLine;
import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.CoverageCount;
import id.lindungdesa.domain.RosterRow;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.BudgetService;
import id.lindungdesa.service.CoverageService;
import id.lindungdesa.task.Progress;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Spreadsheets (XLSX, fastexcel) in Indonesian: roster, the BPJS collective registration list, coverage tables and
 * the budget. NIK, NKK and KPJ are written as text (never numbers, so Excel cannot turn them into 3.60405E+15);
 * rupiah as whole numbers with a thousands format; percentages as numbers with two decimals.
 */
public final class XlsxReports {
    static final String RUPIAH = "#,##0";
    static final String PERCENT = "0.00";
    private final Messages m;

    public XlsxReports(Messages messages) {
        this.m = messages;
    }

    /** Always Indonesian, whatever the screen language (the documents go to Indonesian offices). */
    public static XlsxReports indonesian() {
        return new XlsxReports(new Messages(Messages.INDONESIAN));
    }

    private Workbook workbook(OutputStream out) {
        Workbook wb = new Workbook(out, "LindungDesa", "1.0");
        wb.properties().setTitle("LindungDesa");
        return wb;
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

    // ------------------------------------------------------------------ roster

    public void roster(OutputStream out, String title, List<RosterRow> rows, Progress progress) throws IOException {
        Workbook wb = workbook(out);
        Worksheet ws = wb.newWorksheet(m.get("report.sheet.roster"));
        title(ws, m.get("report.roster.title"), title);
        header(ws, 3, m.get("report.col.no"), "NIK", m.get("report.col.name"), m.get("report.col.sex"),
                m.get("report.col.birthDate"), m.get("report.col.position"), m.get("report.col.unit"),
                m.get("report.col.village"), m.get("report.col.villageCode"), m.get("report.col.start"),
                m.get("report.col.plannedEnd"), m.get("report.col.employment"), "KPJ", m.get("report.col.state"),
                m.get("report.col.monthly"));
        int r = 4;
        for (RosterRow x : rows) {
            if ((r & 255) == 0) {
                progress.checkCancelled();
                progress.update(r - 4, rows.size(), m.get("report.progress.rows", r - 4, rows.size()));
            }
            ws.value(r, 0, r - 3);
            ws.value(r, 1, x.nik());
            ws.value(r, 2, x.fullName());
            ws.value(r, 3, x.sex() == null ? "" : x.sex().name());
            if (x.birthDate() != null) ws.value(r, 4, x.birthDate());
            ws.style(r, 4).format("dd-mm-yyyy").set();
            ws.value(r, 5, x.position().label(m.indonesian()));
            ws.value(r, 6, x.unitLabel());
            ws.value(r, 7, x.villageName());
            ws.value(r, 8, x.villageCode());
            if (x.startDate() != null) ws.value(r, 9, x.startDate());
            ws.style(r, 9).format("dd-mm-yyyy").set();
            if (x.plannedEndDate() != null) ws.value(r, 10, x.plannedEndDate());
            ws.style(r, 10).format("dd-mm-yyyy").set();
            // Labels, never constant names: the roster import reads back every label written here (issue 13).
            ws.value(r, 11, x.employmentStatus() == null ? "" : x.employmentStatus().label(m.indonesian()));
            ws.value(r, 12, x.kpj());
            ws.value(r, 13, x.enrolmentState() == null ? m.get("report.state.none")
                    : x.enrolmentState().label(m.indonesian()));
            ws.value(r, 14, x.monthlyContribution());
            ws.style(r, 14).format(RUPIAH).set();
            r++;
        }
        widths(ws, 5, 18, 28, 6, 12, 26, 16, 22, 14, 12, 12, 10, 14, 18, 12);
        ws.freezePane(0, 4);
        wb.finish();
    }

    private static void widths(Worksheet ws, double... w) {
        for (int i = 0; i < w.length; i++) ws.width(i, w[i]);
    }

    // ------------------------------------------------------------------ BPJS collective registration list

    public void bpjsList(OutputStream out, String office, List<ReportData.BpjsRow> rows, Progress progress)
            throws IOException {
        Workbook wb = workbook(out);
        Worksheet ws = wb.newWorksheet(m.get("report.sheet.bpjs"));
        title(ws, m.get("report.bpjs.title"), office);
        header(ws, 3, m.get("report.col.no"), "NIK", m.get("report.col.name"), m.get("report.col.birthPlace"),
                m.get("report.col.birthDate"), m.get("report.col.sex"), m.get("report.col.phone"),
                m.get("report.col.position"), m.get("report.col.village"), m.get("report.col.kecamatan"),
                m.get("report.col.segment"), m.get("report.col.programmes"), m.get("report.col.wage"),
                m.get("report.col.source"), "KPJ", m.get("report.col.state"));
        int r = 4;
        for (ReportData.BpjsRow x : rows) {
            if ((r & 255) == 0) {
                progress.checkCancelled();
                progress.update(r - 4, rows.size(), m.get("report.progress.rows", r - 4, rows.size()));
            }
            ws.value(r, 0, r - 3);
            ws.value(r, 1, x.nik());
            ws.value(r, 2, x.fullName());
            ws.value(r, 3, x.birthPlace());
            if (x.birthDate() != null) ws.value(r, 4, x.birthDate());
            ws.style(r, 4).format("dd-mm-yyyy").set();
            ws.value(r, 5, x.sex());
            ws.value(r, 6, x.phone());
            ws.value(r, 7, x.position());
            ws.value(r, 8, x.village());
            ws.value(r, 9, x.kecamatan());
            ws.value(r, 10, x.segment());
            ws.value(r, 11, x.programmes());
            ws.value(r, 12, x.wage());
            ws.style(r, 12).format(RUPIAH).set();
            ws.value(r, 13, x.fundingSource());
            ws.value(r, 14, x.kpj());
            ws.value(r, 15, x.state());
            r++;
        }
        widths(ws, 5, 18, 28, 14, 12, 6, 14, 24, 22, 20, 18, 14, 12, 12, 14, 18);
        ws.freezePane(0, 4);
        wb.finish();
    }

    // ------------------------------------------------------------------ coverage

    public void coverage(OutputStream out, String office, CoverageService.Report r,
                         List<CoverageService.TrendPoint> trend, Progress progress) throws IOException {
        coverage(out, office, r, trend, null, progress);
    }

    /** {@code note}: a line under the title, e.g. the expired province reference data (issue 18), or null. */
    public void coverage(OutputStream out, String office, CoverageService.Report r,
                         List<CoverageService.TrendPoint> trend, String note, Progress progress) throws IOException {
        Workbook wb = workbook(out);
        Worksheet ws = wb.newWorksheet(m.get("report.sheet.summary"));
        title(ws, m.get("report.coverage.title"), office + " — " + m.get("report.onDate", r.on()));
        if (note != null) {
            ws.value(2, 0, note);
            ws.style(2, 0).bold().set();
        }
        header(ws, 3, m.get("report.col.category"), m.get("report.col.covered"), m.get("report.col.eligible"),
                m.get("report.col.percent"), m.get("report.col.target"), m.get("report.col.meets"));
        int row = 4;
        for (Category c : Category.values()) {
            CoverageCount k = r.region().of(c);
            categoryRow(ws, row++, c.labelId(), k, r.target(c).map(CoverageService.Target::percent).orElse(null),
                    r.meetsTarget(c, k));
        }
        categoryRow(ws, row, m.get("report.total"), r.region().total(),
                r.target(null).map(CoverageService.Target::percent).orElse(null),
                r.meetsTarget(null, r.region().total()));
        ws.style(row, 0).bold().set();
        row += 2;
        ws.value(row++, 0, m.get("report.villagesSummary"));
        ws.value(row, 0, m.get("report.villages.all"));
        ws.value(row++, 1, r.region().villages());
        ws.value(row, 0, m.get("report.villages.none"));
        ws.value(row++, 1, r.region().registeredNone());
        ws.value(row, 0, m.get("report.villages.some"));
        ws.value(row++, 1, r.region().registeredSome());
        ws.value(row, 0, m.get("report.villages.full"));
        ws.value(row, 1, r.region().fullyCovered());
        widths(ws, 28, 14, 14, 12, 12, 14);
        progress.update(1, 4, m.get("report.sheet.kecamatan"));
        areaSheet(wb.newWorksheet(m.get("report.sheet.kecamatan")), m.get("report.col.kecamatan"), r.kecamatan(),
                progress);
        progress.update(2, 4, m.get("report.sheet.villages"));
        areaSheet(wb.newWorksheet(m.get("report.sheet.villages")), m.get("report.col.village"), r.villages(),
                progress);
        if (trend != null && !trend.isEmpty()) {
            Worksheet t = wb.newWorksheet(m.get("report.sheet.trend"));
            header(t, 0, m.get("report.col.month"), m.get("report.col.covered"), m.get("report.col.eligible"),
                    m.get("report.col.percent"));
            int i = 1;
            for (CoverageService.TrendPoint p : trend) {
                t.value(i, 0, p.month().toString());
                t.value(i, 1, p.total().covered());
                t.value(i, 2, p.total().eligible());
                t.value(i, 3, p.total().percent());
                t.style(i, 3).format(PERCENT).set();
                i++;
            }
            widths(t, 12, 14, 14, 12);
        }
        progress.update(4, 4, m.get("report.progress.saving"));
        wb.finish();
    }

    private void categoryRow(Worksheet ws, int row, String label, CoverageCount k, java.math.BigDecimal target,
                             Boolean meets) {
        ws.value(row, 0, label);
        ws.value(row, 1, k.covered());
        ws.value(row, 2, k.eligible());
        ws.value(row, 3, k.percent());
        ws.style(row, 3).format(PERCENT).set();
        if (target != null) {
            ws.value(row, 4, target);
            ws.style(row, 4).format(PERCENT).set();
            ws.value(row, 5, meets != null && meets ? m.get("report.yes") : m.get("report.no"));
        }
    }

    private void areaSheet(Worksheet ws, String nameTitle, List<CoverageService.Area> areas, Progress progress) {
        String[] head = new String[5 + Category.values().length * 2];
        head[0] = m.get("report.col.code");
        head[1] = nameTitle;
        head[2] = m.get("report.col.covered");
        head[3] = m.get("report.col.eligible");
        head[4] = m.get("report.col.percent");
        int c = 5;
        for (Category cat : Category.values()) {
            head[c++] = cat.labelId() + " " + m.get("report.col.coveredShort");
            head[c++] = cat.labelId() + " " + m.get("report.col.eligibleShort");
        }
        header(ws, 0, head);
        int row = 1;
        for (CoverageService.Area a : areas) {
            if ((row & 127) == 0) progress.checkCancelled();
            ws.value(row, 0, a.code());
            ws.value(row, 1, a.name());
            ws.value(row, 2, a.total().covered());
            ws.value(row, 3, a.total().eligible());
            ws.value(row, 4, a.total().percent());
            ws.style(row, 4).format(PERCENT).set();
            int col = 5;
            for (Category cat : Category.values()) {
                ws.value(row, col++, a.of(cat).covered());
                ws.value(row, col++, a.of(cat).eligible());
            }
            row++;
        }
        ws.width(0, 14);
        ws.width(1, 26);
        ws.freezePane(2, 1);
    }

    // ------------------------------------------------------------------ budget

    public void budget(OutputStream out, String office, BudgetService.Result b) throws IOException {
        Workbook wb = workbook(out);
        budgetSheet(wb.newWorksheet(m.get("report.sheet.budget")), office, b, b.current(),
                m.get("report.budget.title", Integer.toString(b.year())));
        if (b.projected() != null) {
            budgetSheet(wb.newWorksheet(m.get("report.sheet.whatIf")), office, b, b.projected(),
                    m.get("report.budget.whatIfTitle", Integer.toString(b.year())));
        }
        wb.finish();
    }

    private void budgetSheet(Worksheet ws, String office, BudgetService.Result b, id.lindungdesa.domain.Budget.Result br,
                             String title) {
        title(ws, title, office + (b.fundingSource() == null ? "" : " — " + b.fundingSource().labelId()));
        header(ws, 3, m.get("report.col.category"), m.get("report.col.source"), m.get("report.col.headcount"),
                m.get("report.col.monthly"), m.get("report.col.months"), m.get("report.col.amount"));
        int row = 4;
        for (BudgetLine l : br.lines()) {
            ws.value(row, 0, l.category().labelId());
            ws.value(row, 1, l.fundingSource().labelId());
            ws.value(row, 2, l.headcount());
            ws.value(row, 3, l.monthly());
            ws.style(row, 3).format(RUPIAH).set();
            ws.value(row, 4, l.months());
            ws.value(row, 5, l.total());
            ws.style(row, 5).format(RUPIAH).set();
            row++;
        }
        ws.value(row, 0, m.get("report.total"));
        ws.value(row, 5, br.total());
        ws.style(row, 0).bold().set();
        ws.style(row, 5).bold().format(RUPIAH).set();
        row += 2;
        ws.value(row++, 0, m.get("report.budget.bySource"));
        for (var e : br.byFundingSource().entrySet()) {
            ws.value(row, 0, e.getKey().labelId());
            ws.value(row, 5, e.getValue());
            ws.style(row, 5).format(RUPIAH).set();
            row++;
        }
        if (br == b.projected()) {
            ws.value(row + 1, 0, m.get("report.budget.difference"));
            ws.value(row + 1, 5, b.difference());
            ws.style(row + 1, 5).format(RUPIAH).set();
        }
        widths(ws, 24, 16, 12, 14, 10, 18);
    }
}
