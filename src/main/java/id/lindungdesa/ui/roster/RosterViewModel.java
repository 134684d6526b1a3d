package id.lindungdesa.ui.roster;

import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.Office;
import id.lindungdesa.domain.Region;
import id.lindungdesa.domain.RegionLevel;
import id.lindungdesa.domain.RosterRow;
import id.lindungdesa.domain.Warning;
import id.lindungdesa.i18n.Messages;
import id.lindungdesa.service.RegionService;
import id.lindungdesa.service.RosterFilter;
import id.lindungdesa.service.RosterReadModel;
import id.lindungdesa.service.RosterService;
import id.lindungdesa.task.BackgroundTask;
import id.lindungdesa.task.TaskExecutor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The roster screen's state, without any {@code Node}: the village navigator (kecamatan → desa with head-counts
 * and a coverage badge), the roster rows filtered by {@link RosterFilter}, and the warnings for what is selected.
 * Loads off the UI thread through the {@link TaskExecutor}; tested with {@code SyncTaskExecutor}.
 */
public final class RosterViewModel {

    /** Coverage badge of a village or kecamatan: nobody eligible, no one covered, some, all. */
    public enum Badge {
        EMPTY, NONE, SOME, FULL;

        public static Badge of(int covered, int eligible) {
            if (eligible == 0) return EMPTY;
            if (covered == 0) return NONE;
            return covered >= eligible ? FULL : SOME;
        }
    }

    /** Enrolment-status filter choices. */
    public enum StatusChoice {
        ALL(null, false), ACTIVE(EnrolmentState.ACTIVE, false), NOT_ENROLLED(null, true),
        REGISTERED(EnrolmentState.REGISTERED, false), LAPSED(EnrolmentState.LAPSED, false),
        ENDED(EnrolmentState.ENDED, false);

        final EnrolmentState state;
        final boolean none;

        StatusChoice(EnrolmentState state, boolean none) {
            this.state = state;
            this.none = none;
        }

        public String label() {
            return Messages.tr("roster.status." + name());
        }
    }

    /**
     * Term filter choices: every post; terms whose planned end has passed but are not closed ("masa jabatan
     * berakhir"); terms ending within 90 days.
     */
    public enum TermChoice {
        ALL, ENDED, ENDING_90;

        public static final int WINDOW_DAYS = 90;

        public String label() {
            return Messages.tr("roster.s6.term." + name());
        }

        boolean test(RosterRow r, LocalDate on) {
            if (this == ALL) return true;
            LocalDate end = r.plannedEndDate();
            if (end == null || on == null) return false;
            if (this == ENDED) return !end.isAfter(on);
            return end.isAfter(on) && !end.isAfter(on.plusDays(WINDOW_DAYS));
        }
    }

    /** A node of the navigator: the district (level 0), a kecamatan (1) or a village (2). */
    public record NavNode(String code, String name, int level, int holders, int covered, int eligible, Badge badge,
                          List<NavNode> children) {
        public String label() {
            return name + " (" + holders + ")";
        }
    }

    /** Everything read in one background load. */
    public record Loaded(LocalDate on, List<RosterRow> rows, NavNode tree, List<Warning> warnings) {
    }

    private final RosterService roster;
    private final RegionService regions;
    private final id.lindungdesa.service.DistrictFigures figures;
    private final Supplier<Optional<Office>> currentOffice;
    private final TaskExecutor tasks;
    private final ObservableList<RosterRow> rows = FXCollections.observableArrayList();
    private final FilteredList<RosterRow> filtered = new FilteredList<>(rows, r -> true);
    private final ReadOnlyObjectWrapper<NavNode> tree = new ReadOnlyObjectWrapper<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<Category> category = new SimpleObjectProperty<>();
    private final ObjectProperty<StatusChoice> status = new SimpleObjectProperty<>(StatusChoice.ALL);
    private final ObjectProperty<TermChoice> term = new SimpleObjectProperty<>(TermChoice.ALL);
    private LocalDate on;
    private Map<UUID, String> names = Map.of();
    private final ObjectProperty<String> village = new SimpleObjectProperty<>();
    private final ObjectProperty<RosterRow> selected = new SimpleObjectProperty<>();
    private final ObservableList<String> visibleWarnings = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<Throwable> loadError = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RosterFilter> filter = new ReadOnlyObjectWrapper<>(RosterFilter.ALL);
    private List<Warning> warnings = List.of();
    private Map<String, NavNode> byCode = Map.of();
    private final List<Runnable> loadedListeners = new ArrayList<>();
    private final ChangeListener<Object> refilter = (o, a, b) -> applyFilter();
    private final ChangeListener<Object> rewarn = (o, a, b) -> updateWarnings();

    public RosterViewModel(RosterService roster, RegionService regions, Supplier<Optional<Office>> currentOffice,
                           TaskExecutor tasks) {
        this(roster, regions, null, currentOffice, tasks);
    }

    /**
     * With {@code figures} (issue 14) the navigator's counts and the per-village coverage come from SQL aggregation
     * ({@link id.lindungdesa.service.DistrictFigures#villageCoverage}), not from the snapshot in memory.
     */
    public RosterViewModel(RosterService roster, RegionService regions, id.lindungdesa.service.DistrictFigures figures,
                           Supplier<Optional<Office>> currentOffice, TaskExecutor tasks) {
        this.roster = roster;
        this.regions = regions;
        this.figures = figures;
        this.currentOffice = currentOffice;
        this.tasks = tasks;
        search.addListener(refilter);
        category.addListener(refilter);
        status.addListener(refilter);
        term.addListener(refilter);
        village.addListener(refilter);
        village.addListener(rewarn);
        selected.addListener(rewarn);
    }

    /** Reads the office's roster in the background and publishes it; {@code then} runs after it is shown. */
    public void reload() {
        loading.set(true);
        String scope = currentOffice.get().map(o -> o.regionCode()).orElse("");
        tasks.execute(BackgroundTask.<Loaded>of(Messages.tr("roster.loading"), p -> load(roster, regions, figures, scope))
                .onSuccess(this::publish)
                .onFailure(e -> {
                    loading.set(false);
                    loadError.set(e);
                }));
    }

    /** Runs after every successful load (on the UI thread). */
    public void onLoaded(Runnable r) {
        loadedListeners.add(r);
    }

    /** Runs once after the next successful load (on the UI thread). */
    public void onLoadedOnce(Runnable r) {
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            loadedListeners.remove(self[0]);
            r.run();
        };
        loadedListeners.add(self[0]);
    }

    static Loaded load(RosterService roster, RegionService regions, String scope) {
        return load(roster, regions, null, scope);
    }

    /** One load; with {@code figures} the counts are SQL aggregates, else computed from the snapshot. */
    static Loaded load(RosterService roster, RegionService regions, id.lindungdesa.service.DistrictFigures figures,
                       String scope) {
        LocalDate on = roster.today();
        RosterService.Snapshot s = roster.snapshot(scope, on);
        List<RosterRow> rows = RosterReadModel.rows(s, false);
        Map<String, RosterReadModel.VillageCoverage> cov = figures == null ? RosterReadModel.coverage(s, on)
                : figures.villageCoverage(scope, on);
        Map<String, String> kecNames = new HashMap<>();
        String districtName = scope;
        for (Region r : regions.within(scope)) {
            if (r.level() == RegionLevel.SUBDISTRICT) kecNames.put(r.code(), r.name());
            if (r.code().equals(scope)) districtName = r.name();
        }
        Map<String, List<RosterReadModel.VillageCoverage>> byKec = new TreeMap<>();
        for (RosterReadModel.VillageCoverage v : cov.values()) {
            byKec.computeIfAbsent(v.kecamatanCode(), k -> new ArrayList<>()).add(v);
        }
        List<NavNode> kecs = new ArrayList<>();
        int allHolders = 0;
        int allCovered = 0;
        int allEligible = 0;
        for (var e : byKec.entrySet()) {
            List<NavNode> desa = new ArrayList<>();
            int h = 0;
            int c = 0;
            int el = 0;
            int full = 0;
            int none = 0;
            e.getValue().sort(Comparator.comparing(RosterReadModel.VillageCoverage::code));
            for (RosterReadModel.VillageCoverage v : e.getValue()) {
                Badge b = Badge.of(v.total().covered(), v.total().eligible());
                desa.add(new NavNode(v.code(), v.name(), 2, v.holders(), v.total().covered(), v.total().eligible(), b,
                        List.of()));
                h += v.holders();
                c += v.total().covered();
                el += v.total().eligible();
                if (b == Badge.FULL) full++;
                if (b == Badge.NONE) none++;
            }
            Badge kb = el == 0 ? Badge.EMPTY : full == desa.size() ? Badge.FULL : c == 0 ? Badge.NONE : Badge.SOME;
            kecs.add(new NavNode(e.getKey(), kecNames.getOrDefault(e.getKey(), e.getKey()), 1, h, c, el, kb,
                    List.copyOf(desa)));
            allHolders += h;
            allCovered += c;
            allEligible += el;
        }
        NavNode root = new NavNode(scope, districtName.isEmpty() ? Messages.tr("roster.allVillages") : districtName,
                0, allHolders, allCovered, allEligible, Badge.of(allCovered, allEligible), List.copyOf(kecs));
        return new Loaded(on, rows, root, RosterService.warnings(s));
    }

    /** What one refresh after an edit read: the villages touched, their rows, coverage and warnings. */
    public record Touched(LocalDate on, Set<String> villages, List<RosterRow> rows,
                          Map<String, RosterReadModel.VillageCoverage> coverage, List<Warning> warnings) {
    }

    /**
     * After an edit of {@code personId} (issue 14): re-reads only the villages the person holds or held a post in
     * (before and after the edit) and puts their rows, navigator counts and warnings in place; the rest of the
     * district is not read again. Falls back to {@link #reload()} before the first load.
     */
    public void refreshPerson(UUID personId) {
        if (tree.get() == null || personId == null) {
            reload();
            return;
        }
        Set<String> before = new java.util.TreeSet<>();
        for (RosterRow r : rows) if (r.personId().equals(personId)) before.add(r.villageCode());
        tasks.execute(BackgroundTask.<Touched>of(Messages.tr("roster.loading"),
                        p -> loadTouched(roster, personId, before))
                .onSuccess(this::publishTouched)
                .onFailure(e -> loadError.set(e)));
    }

    /** The background half of {@link #refreshPerson}: one read per village touched. */
    public static Touched loadTouched(RosterService roster, UUID personId, Set<String> before) {
        LocalDate on = roster.today();
        Set<String> villages = new java.util.TreeSet<>(before);
        for (id.lindungdesa.domain.Post p : roster.postsOf(personId)) villages.add(p.villageCode());
        List<RosterRow> out = new ArrayList<>();
        Map<String, RosterReadModel.VillageCoverage> cov = new HashMap<>();
        java.util.LinkedHashSet<Warning> warns = new java.util.LinkedHashSet<>();
        for (String v : villages) {
            RosterService.Snapshot s = roster.snapshot(v, on);
            out.addAll(RosterReadModel.rows(s, false));
            RosterReadModel.VillageCoverage c = RosterReadModel.coverage(s, on).get(v);
            if (c != null) cov.put(v, c);
            for (Warning w : RosterService.warnings(s)) {
                if (w.villageCode() == null || villages.contains(w.villageCode())) warns.add(w);
            }
        }
        return new Touched(on, villages, out, cov, List.copyOf(warns));
    }

    /** The UI half: swaps the touched villages' rows, counts and warnings in; the rest stays as it was. */
    void publishTouched(Touched t) {
        UUID keep = selected.get() == null ? null : selected.get().postId();
        rows.removeIf(r -> t.villages().contains(r.villageCode()));
        List<RosterRow> fresh = new ArrayList<>(t.rows());
        fresh.sort(RosterService.ROSTER_ORDER);
        for (RosterRow r : fresh) {
            int at = java.util.Collections.binarySearch(rows, r, RosterService.ROSTER_ORDER);
            rows.add(at < 0 ? -at - 1 : at, r);
        }
        List<Warning> ws = new ArrayList<>();
        for (Warning w : warnings) {
            if (w.villageCode() != null && t.villages().contains(w.villageCode())) continue;
            ws.add(w);
        }
        java.util.LinkedHashSet<Warning> merged = new java.util.LinkedHashSet<>(ws);
        merged.addAll(t.warnings());
        warnings = List.copyOf(merged);
        NavNode root = withVillages(tree.get(), t.coverage(), t.villages());
        Map<String, NavNode> index = new HashMap<>();
        index(root, index);
        byCode = index;
        tree.set(root);
        if (keep != null) selected.set(rows.stream().filter(r -> r.postId().equals(keep)).findFirst().orElse(null));
        applyFilter();
        updateWarnings();
        loading.set(false);
        loadError.set(null);
        List.copyOf(loadedListeners).forEach(Runnable::run);
    }

    /** The navigator with the touched villages' counts replaced and their kecamatan and the district re-summed. */
    static NavNode withVillages(NavNode root, Map<String, RosterReadModel.VillageCoverage> cov, Set<String> touched) {
        List<NavNode> kecs = new ArrayList<>();
        int allHolders = 0;
        int allCovered = 0;
        int allEligible = 0;
        for (NavNode k : root.children()) {
            List<NavNode> desa = new ArrayList<>();
            int h = 0;
            int c = 0;
            int el = 0;
            int full = 0;
            for (NavNode v : k.children()) {
                NavNode n = v;
                if (touched.contains(v.code())) {
                    RosterReadModel.VillageCoverage vc = cov.get(v.code());
                    int holders = vc == null ? 0 : vc.holders();
                    int covered = vc == null ? 0 : vc.total().covered();
                    int eligible = vc == null ? 0 : vc.total().eligible();
                    n = new NavNode(v.code(), v.name(), 2, holders, covered, eligible, Badge.of(covered, eligible),
                            List.of());
                }
                desa.add(n);
                h += n.holders();
                c += n.covered();
                el += n.eligible();
                if (n.badge() == Badge.FULL) full++;
            }
            Badge kb = el == 0 ? Badge.EMPTY : full == desa.size() ? Badge.FULL : c == 0 ? Badge.NONE : Badge.SOME;
            kecs.add(new NavNode(k.code(), k.name(), 1, h, c, el, kb, List.copyOf(desa)));
            allHolders += h;
            allCovered += c;
            allEligible += el;
        }
        return new NavNode(root.code(), root.name(), 0, allHolders, allCovered, allEligible,
                Badge.of(allCovered, allEligible), List.copyOf(kecs));
    }

    void publish(Loaded l) {
        Map<String, NavNode> index = new HashMap<>();
        index(l.tree(), index);
        byCode = index;
        warnings = l.warnings();
        on = l.on();
        Map<UUID, String> n = new HashMap<>();
        for (RosterRow r : l.rows()) n.putIfAbsent(r.personId(), r.fullName());
        names = n;
        UUID keep = selected.get() == null ? null : selected.get().postId();
        rows.setAll(l.rows());
        tree.set(l.tree());
        if (keep != null) selected.set(rows.stream().filter(r -> r.postId().equals(keep)).findFirst().orElse(null));
        applyFilter();
        updateWarnings();
        loading.set(false);
        loadError.set(null);
        List.copyOf(loadedListeners).forEach(Runnable::run);
    }

    private static void index(NavNode n, Map<String, NavNode> out) {
        out.put(n.code(), n);
        n.children().forEach(c -> index(c, out));
    }

    private void applyFilter() {
        StatusChoice st = status.get() == null ? StatusChoice.ALL : status.get();
        RosterFilter f = RosterFilter.ALL.withText(search.get()).withCategory(category.get())
                .withStatus(st.state, st.none).withVillage(village.get());
        filter.set(f);
        TermChoice t = term.get() == null ? TermChoice.ALL : term.get();
        LocalDate day = on;
        filtered.setPredicate(t == TermChoice.ALL ? f : f.and(r -> t.test(r, day)));
    }

    private void updateWarnings() {
        RosterRow row = selected.get();
        List<String> out = new ArrayList<>();
        for (Warning w : warnings) {
            boolean show;
            if (row != null) {
                show = row.personId().equals(w.personId()) || row.postId().equals(w.postId())
                        || (w.personId() == null && row.villageCode().equals(w.villageCode()));
            } else {
                show = w.villageCode() != null && Region.within(w.villageCode(), village.get());
            }
            // A village's warnings name their person: seven "Masa jabatan berakhir …" lines are told apart.
            String who = w.personId() == null ? null : names.get(w.personId());
            if (show) out.add(who == null ? text(w) : who + ": " + text(w));
        }
        visibleWarnings.setAll(out);
    }

    /** A warning in the user's language. */
    public static String text(Warning w) {
        return Messages.tr("warning." + w.code().name(), w.args().toArray());
    }

    // ------------------------------------------------------------------ accessors

    public ObservableList<RosterRow> allRows() { return rows; }

    /** The rows the table shows (search, filters and village applied). */
    public FilteredList<RosterRow> rows() { return filtered; }

    public ReadOnlyObjectProperty<NavNode> treeProperty() { return tree.getReadOnlyProperty(); }

    public StringProperty searchProperty() { return search; }

    public ObjectProperty<Category> categoryProperty() { return category; }

    public ObjectProperty<StatusChoice> statusProperty() { return status; }

    /** The term filter (all, ended, ending within 90 days). */
    public ObjectProperty<TermChoice> termProperty() { return term; }

    /** The date the roster was read for. */
    public LocalDate on() { return on; }

    /** Selected region code in the navigator (district, kecamatan or village), or null for all. */
    public ObjectProperty<String> villageProperty() { return village; }

    public ObjectProperty<RosterRow> selectedProperty() { return selected; }

    public ObservableList<String> visibleWarnings() { return visibleWarnings; }

    public BooleanProperty loadingProperty() { return loading; }

    public ReadOnlyObjectProperty<Throwable> loadErrorProperty() { return loadError.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<RosterFilter> filterProperty() { return filter.getReadOnlyProperty(); }

    public NavNode node(String code) { return byCode.get(code); }

    public List<Warning> warnings() { return warnings; }

    /** The selected village's code when a single village (desa) is selected, else null. */
    public String selectedVillage() {
        NavNode n = village.get() == null ? null : byCode.get(village.get());
        return n != null && n.level() == 2 ? n.code() : null;
    }

    /** Every village (desa/kelurahan) of the navigator, for choosers. */
    public List<NavNode> villages() {
        List<NavNode> out = new ArrayList<>();
        if (tree.get() != null) tree.get().children().forEach(k -> out.addAll(k.children()));
        return out;
    }

    public TaskExecutor tasks() { return tasks; }
}
