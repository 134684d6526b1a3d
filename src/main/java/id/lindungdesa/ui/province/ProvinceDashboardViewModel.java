package id.lindungdesa.ui.province;

import id.lindungdesa.bundle.Period;
import id.lindungdesa.bundle.ProvinceService;
import id.lindungdesa.bundle.ProvinceService.Dashboard;
import id.lindungdesa.bundle.ProvinceService.DistrictRow;
import id.lindungdesa.bundle.ProvinceService.Holder;
import id.lindungdesa.bundle.ProvinceService.ReportingRow;
import id.lindungdesa.bundle.ProvinceService.VillageRow;
import id.lindungdesa.i18n.Formats;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.report.ProvinceRekap;
import id.lindungdesa.service.CoverageService.Area;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.TaskExecutor;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the province dashboard; loads off the FX thread and publishes results only. Holds no Node. Reads only
 * aggregates ({@link ProvinceService}); the people of a village come one page at a time. The drill-down goes
 * kabupaten → kecamatan → desa → people ({@link Level}).
 */
public final class ProvinceDashboardViewModel {
    /** What the drill-down shows. */
    public enum Level { KECAMATAN, VILLAGES, PEOPLE }

    private final ProvinceService service;
    private final TaskExecutor tasks;
    private final ObservableList<DistrictRow> districts = FXCollections.observableArrayList();
    private final ObservableList<Area> kecamatan = FXCollections.observableArrayList();
    private final ObservableList<VillageRow> villages = FXCollections.observableArrayList();
    private final ObservableList<Holder> people = FXCollections.observableArrayList();
    private final ObservableList<ReportingRow> reporting = FXCollections.observableArrayList();
    private final ObservableList<VillageRow> noneRegistered = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notReported = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper villagesTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reportingTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper noneTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper page = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper pages = new ReadOnlyIntegerWrapper(1);
    private final ReadOnlyObjectWrapper<Level> level = new ReadOnlyObjectWrapper<>(Level.KECAMATAN);
    private final ReadOnlyObjectWrapper<Dashboard> dashboard = new ReadOnlyObjectWrapper<>();
    private DistrictRow district;
    private Area selectedKecamatan;
    private VillageRow village;

    private final id.lindungdesa.bundle.RefPackService refpacks;
    private final java.util.Map<String, id.lindungdesa.bundle.RefPackService.DistrictPack> packs =
            new java.util.HashMap<>();
    private final ReadOnlyStringWrapper packSummary = new ReadOnlyStringWrapper("");
    private int newestPack;

    public ProvinceDashboardViewModel(ProvinceService service, TaskExecutor tasks) {
        this(service, null, tasks);
    }

    /** With {@code refpacks}: which district runs which reference pack (issue 18), from receipts and bundles. */
    public ProvinceDashboardViewModel(ProvinceService service, id.lindungdesa.bundle.RefPackService refpacks,
                                      TaskExecutor tasks) {
        this.service = service;
        this.refpacks = refpacks;
        this.tasks = tasks;
    }

    /** The reference packs in one line: the newest issued, and the districts behind it. */
    public ReadOnlyStringProperty packSummaryProperty() { return packSummary.getReadOnlyProperty(); }

    /** A district's reference pack as the table shows it: "#2", "#1 · tertinggal (terbaru #2)" or "belum ada kabar". */
    public String packOf(String districtCode) {
        var d = packs.get(districtCode);
        int newest = newestPack;
        if (newest == 0) return "—";
        if (d == null || d.running() == null) return Messages.tr("refpack.ui.packUnknown", String.valueOf(newest));
        if (d.behind()) {
            return Messages.tr("refpack.ui.packBehind", String.valueOf(d.running()), String.valueOf(d.newest()));
        }
        return "#" + d.running();
    }

    /** What the dashboard loads in one background task. */
    private record Loaded(Dashboard dashboard, List<id.lindungdesa.bundle.RefPackService.DistrictPack> packs,
                          Integer newest) {
    }

    private static String packLine(Loaded l) {
        if (l.newest() == null) return Messages.tr("refpack.ui.noPackIssued");
        var codes = l.dashboard().districts().stream().map(DistrictRow::code).collect(Collectors.toSet());
        List<String> behind = new java.util.ArrayList<>();
        for (DistrictRow d : l.dashboard().districts()) {
            var p = l.packs().stream().filter(x -> x.code().equals(d.code())).findFirst();
            if (p.isEmpty() || p.get().behind()) behind.add(d.code() + " " + d.name());
        }
        for (var p : l.packs()) {
            if (!codes.contains(p.code()) && p.behind()) behind.add(p.code() + " " + p.name());
        }
        return behind.isEmpty() ? Messages.tr("refpack.ui.allCurrent", String.valueOf(l.newest()))
                : Messages.tr("refpack.ui.behindList", String.valueOf(l.newest()), behind.size(),
                String.join(", ", behind));
    }

    public ObservableList<DistrictRow> districts() { return districts; }

    public ObservableList<Area> kecamatan() { return kecamatan; }

    public ObservableList<VillageRow> villages() { return villages; }

    public ObservableList<Holder> people() { return people; }

    public ObservableList<ReportingRow> reporting() { return reporting; }

    public ObservableList<VillageRow> noneRegistered() { return noneRegistered; }

    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

    public ReadOnlyStringProperty notReportedProperty() { return notReported.getReadOnlyProperty(); }

    public ReadOnlyStringProperty villagesTitleProperty() { return villagesTitle.getReadOnlyProperty(); }

    public ReadOnlyStringProperty reportingTitleProperty() { return reportingTitle.getReadOnlyProperty(); }

    public ReadOnlyStringProperty noneTitleProperty() { return noneTitle.getReadOnlyProperty(); }

    public ReadOnlyStringProperty pageTextProperty() { return pageText.getReadOnlyProperty(); }

    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    public ReadOnlyIntegerProperty pageProperty() { return page.getReadOnlyProperty(); }

    public ReadOnlyIntegerProperty pagesProperty() { return pages.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<Level> levelProperty() { return level.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<Dashboard> dashboardProperty() { return dashboard.getReadOnlyProperty(); }

    public void load(Runnable done) {
        tasks.execute(BackgroundTask.<Loaded>of("province", p -> {
            if (!service.isProvince()) return null;
            Dashboard dash = service.dashboard(service.today());
            if (refpacks == null) return new Loaded(dash, List.of(), null);
            var ps = refpacks.districts();
            Integer newest = refpacks.inForce().map(id.lindungdesa.bundle.RefPackService.InForce::number)
                    .orElse(null);
            return new Loaded(dash, ps, newest);
        }).onSuccess(l -> {
            Dashboard d = l == null ? null : l.dashboard();
            if (l != null) {
                packs.clear();
                for (var x : l.packs()) packs.put(x.code(), x);
                newestPack = l.newest() == null ? 0 : l.newest();
                packSummary.set(refpacks == null ? "" : packLine(l));
            }
            if (d == null) {
                summary.set(Messages.tr("province.ui.notProvince"));
                districts.clear();
            } else {
                dashboard.set(d);
                districts.setAll(d.districts());
                summary.set(Messages.tr("province.ui.summary", Formats.percent(d.total().ratio()), d.total().covered(),
                        d.total().eligible(), d.villagesNoneRegistered(), d.villages(), d.period().label()));
                List<DistrictRow> late = d.notReported();
                notReported.set(late.isEmpty() ? Messages.tr("province.ui.allReported")
                        : Messages.tr("province.ui.notReported",
                        late.stream().map(DistrictRow::name).collect(Collectors.joining(", "))));
                loadReporting(d.period().label());
            }
            done.run();
        }).onFailure(e -> summary.set(String.valueOf(e.getMessage()))));
    }

    /** Drill down to a district: its kecamatan, and its desa with no one registered. */
    public void select(DistrictRow row) {
        district = row;
        selectedKecamatan = null;
        village = null;
        people.clear();
        if (row == null) {
            kecamatan.clear();
            villages.clear();
            noneRegistered.clear();
            villagesTitle.set("");
            noneTitle.set("");
            return;
        }
        LocalDate on = service.today();
        tasks.execute(BackgroundTask.<ProvinceService.Drill>of("villages", p -> service.drill(row.code(), on))
                .onSuccess(d -> {
                    noneRegistered.setAll(d.villages().stream().filter(v -> v.registeredNone()
                            && v.type() != id.lindungdesa.domain.VillageType.KELURAHAN).toList());
                    noneTitle.set(Messages.tr("province.ui.noneOf", row.name(), noneRegistered.size()));
                    villages.setAll(d.villages());
                    kecamatan.setAll(d.kecamatan());
                    level.set(Level.KECAMATAN);
                    villagesTitle.set(Messages.tr("province.ui.kecamatanOf", row.name()));
                }));
    }

    /** Drill down from a kecamatan to its villages. */
    public void openKecamatan(Area k) {
        if (k == null || district == null) return;
        selectedKecamatan = k;
        LocalDate on = service.today();
        tasks.execute(BackgroundTask.<List<VillageRow>>of("villages", p -> service.villages(k.code(), on))
                .onSuccess(vs -> {
                    villages.setAll(vs);
                    level.set(Level.VILLAGES);
                    villagesTitle.set(Messages.tr("province.ui.villagesOf", k.name() + ", " + district.name()));
                }));
    }

    /** Drill down from a village to its people, first page. */
    public void openVillage(VillageRow v) {
        if (v == null) return;
        village = v;
        showPage(0);
    }

    public void showPage(int p) {
        if (village == null) return;
        VillageRow v = village;
        LocalDate on = service.today();
        tasks.execute(BackgroundTask.<ProvinceService.PeoplePage>of("people", x -> service.people(v.code(), on, p))
                .onSuccess(pg -> {
                    people.setAll(pg.rows());
                    page.set(pg.page());
                    pages.set(pg.pages());
                    pageText.set(Messages.tr("province.ui.page", pg.page() + 1, pg.pages(), pg.total()));
                    level.set(Level.PEOPLE);
                    villagesTitle.set(Messages.tr("province.ui.peopleOf", v.name(), v.code()));
                }));
    }

    public void nextPage() {
        if (page.get() + 1 < pages.get()) showPage(page.get() + 1);
    }

    public void previousPage() {
        if (page.get() > 0) showPage(page.get() - 1);
    }

    /** One level up in the drill-down. */
    public void up() {
        if (level.get() == Level.PEOPLE && selectedKecamatan != null) {
            village = null;
            openKecamatan(selectedKecamatan);
        } else if (district != null) {
            select(district);
        }
    }

    /** The reporting list for a period label ("2026-Q4"): who reported and who has not. */
    public void loadReporting(String periodLabel) {
        Period period;
        try {
            period = Period.parse(periodLabel);
        } catch (IllegalArgumentException e) {
            reportingTitle.set(Messages.tr("province.ui.periodBad", String.valueOf(periodLabel)));
            return;
        }
        tasks.execute(BackgroundTask.<ProvinceService.Reporting>of("reporting",
                p -> service.reporting(service.officeScope(), period)).onSuccess(r -> {
                    shownReporting = r;
                    reporting.setAll(r.districts());
                    reportingTitle.set(Messages.tr("province.ui.reportingTitle", r.period().label(),
                            r.missing().size(), r.districts().size()));
                }));
    }

    private ProvinceService.Reporting shownReporting;

    /** Writes the reporting list shown (its period) as XLSX; says so when no list is shown yet. */
    public void exportReporting(Path file, Runnable done) {
        ProvinceService.Reporting r = shownReporting;
        if (r == null) {
            message.set(Messages.tr("province.ui.reportingNone"));
            return;
        }
        String office = service.officeName();
        var rekap = new ProvinceRekap(Messages.current());
        java.util.List<ProvinceRekap.ReportLine> lines = new java.util.ArrayList<>();
        for (var d : r.districts()) {
            ProvinceService.Received b = d.inPeriod() != null ? d.inPeriod() : d.last();
            lines.add(new ProvinceRekap.ReportLine(d.code(), d.name(), d.reported(), b == null ? null : b.sequence(),
                    b == null ? null : b.period(), b == null ? null : b.receivedAt()));
        }
        tasks.execute(BackgroundTask.<Path>of("export", p -> rekap.reportingXlsx(file, office, r.period().label(),
                lines, p)).onSuccess(f -> {
            message.set(Messages.tr("province.ui.exported", f.toString()));
            done.run();
        }).onFailure(e -> message.set(String.valueOf(e.getMessage()))));
    }

    /** Writes the list of desa with no one registered (the selected kabupaten, or all) as XLSX. */
    public void exportNoneRegistered(Path file, Runnable done) {
        DistrictRow d = district;
        LocalDate on = service.today();
        tasks.execute(BackgroundTask.<Path>of("export", p -> {
            var cov = service.coverage(d == null ? service.officeScope() : d.code(), on);
            return ProvinceRekap.indonesian().noneRegisteredXlsx(file, service.officeName(), cov.report(),
                    cov.noneRegistered(null), p);
        }).onSuccess(f -> {
            message.set(Messages.tr("province.ui.exported", f.toString()));
            done.run();
        }).onFailure(e -> message.set(String.valueOf(e.getMessage()))));
    }
}
