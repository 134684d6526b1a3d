package id.lindungdesa.persistence;

import static id.lindungdesa.persistence.jooq.Tables.ENROLMENT;
import static id.lindungdesa.persistence.jooq.Tables.ENROLMENT_STATUS;
import static id.lindungdesa.persistence.jooq.Tables.PERSON;
import static id.lindungdesa.persistence.jooq.Tables.POST;

import id.lindungdesa.domain.Category;
import id.lindungdesa.domain.EnrolmentState;
import id.lindungdesa.domain.FundingSource;
import id.lindungdesa.domain.Position;
import id.lindungdesa.domain.Programme;
import id.lindungdesa.domain.Segment;
import id.lindungdesa.persistence.jooq.tables.Enrolment;
import id.lindungdesa.persistence.jooq.tables.EnrolmentStatus;
import id.lindungdesa.persistence.jooq.tables.Person;
import id.lindungdesa.persistence.jooq.tables.Post;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.CaseValueStep;
import org.jooq.CaseWhenStep;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The district's figures computed by the database (issue 14, decision 0120): GROUP BY over the roster tables on a
 * date, so that no feature loads a whole roster to count it. Plain SQL through jOOQ, valid on H2 and PostgreSQL.
 *
 * <p>The rules are those of the read model (docs/architecture.md "Coverage"): a post is current on {@code d} when it
 * started on or before {@code d} and has not ended by then; an enrolment's state on {@code d} is its last status
 * effective by then (ties by the time recorded); a person is covered when any of their enrolments is ACTIVE;
 * ASN and PPPK are left out of both numbers; tombstoned rows never count.
 */
public final class FiguresRepository {

    /** Covered and eligible distinct people of one village and category. */
    public record VillageCategory(String villageCode, Category category, int eligible, int covered) {
    }

    /** Distinct people of one village: office-holders, eligible, covered. */
    public record VillageTotal(String villageCode, int holders, int eligible, int covered) {
    }

    /** Stats of the whole database on a date. */
    public record Totals(int people, int officeHolders, Map<Category, Integer> posts, int enrolledActive) {
    }

    /** A current post of a person, with what alerts show. */
    public record PostLine(UUID postId, UUID personId, String fullName, Position position, String villageCode,
                           LocalDate plannedEndDate, LocalDate birthDate) {
    }

    /** A lapsed enrolment that is its holder's enrolment on the date, with one current post of the holder. */
    public record LapsedLine(UUID enrolmentId, String kpj, UUID personId, String fullName, UUID postId,
                             String villageCode, LocalDate since) {
    }

    /**
     * An ACTIVE enrolment of a current office-holder with the post it counts under (its own post when current,
     * else the holder's first current post in post order).
     */
    public record ActiveLink(UUID enrolmentId, UUID personId, String fullName, FundingSource fundingSource,
                             String villageCode, String villageName, Category category) {
    }

    /** ACTIVE enrolments of current office-holders counted per category (of the post they count under) and source. */
    public record ActiveCount(Category category, FundingSource fundingSource, int enrolments) {
    }

    /**
     * Enrolments alike for budgets and the ledger: the same category (of the post they are paid for, else the
     * holder's first post), village billed, source, segment, programmes, risk class, wage, and the same state on
     * each asked date ({@code states.get(i)} for {@code dates.get(i)}; null before the first status). With
     * {@code perEnrolment} each enrolment is its own group and carries its id and person.
     */
    public record EnrolmentGroup(Category category, String villageCode, FundingSource fundingSource, Segment segment,
                                 Set<Programme> programmes, int riskClass, long wage, List<EnrolmentState> states,
                                 int count, UUID enrolmentId, UUID personId, String nik, String fullName) {
    }

    // ------------------------------------------------------------------ building blocks

    /** A village code within {@code prefix} (an index range, see {@link PostRepository#codeWithin}). */
    static Condition within(Field<String> code, String prefix) {
        return PostRepository.codeWithin(code, prefix);
    }

    static Condition currentOn(Post p, LocalDate on) {
        return p.START_DATE.le(on).and(p.END_DATE.isNull().or(p.END_DATE.gt(on)));
    }

    static Condition enrollable(Person p) {
        return p.EMPLOYMENT_STATUS.eq("NON_ASN");
    }

    /**
     * The state of enrolment {@code enrolmentId} on {@code on}: its last status effective by then, by effective
     * date, then time recorded; two statuses of one day recorded at the same instant (a batch, the demo) are taken
     * in their life-cycle order (registered, active, lapsed, ended), the order such a batch writes them.
     */
    static Field<String> stateOn(Field<UUID> enrolmentId, LocalDate on, String alias) {
        EnrolmentStatus s = ENROLMENT_STATUS.as(alias);
        Field<Integer> lifeCycle = DSL.choose(s.STATUS)
                .when(EnrolmentState.ENDED.name(), DSL.inline(3))
                .when(EnrolmentState.LAPSED.name(), DSL.inline(2))
                .when(EnrolmentState.ACTIVE.name(), DSL.inline(1))
                .otherwise(DSL.inline(0));
        return DSL.field(DSL.select(s.STATUS).from(s).where(s.ENROLMENT_ID.eq(enrolmentId))
                .and(s.EFFECTIVE_DATE.le(on))
                .orderBy(s.EFFECTIVE_DATE.desc(), s.RECORDED_AT.desc(), lifeCycle.desc()).limit(1));
    }

    /** The person has an enrolment (not tombstoned) that is ACTIVE on {@code on}. */
    static Condition activeOn(Field<UUID> personId, LocalDate on, String alias) {
        Enrolment e = ENROLMENT.as(alias);
        return DSL.exists(DSL.selectOne().from(e).where(e.PERSON_ID.eq(personId)).and(e.DELETED_AT.isNull())
                .and(stateOn(e.ID, on, alias + "s").eq(EnrolmentState.ACTIVE.name())));
    }

    /** The order of posts on a roster ({@link Position} order) as an SQL expression. */
    static Field<Integer> positionOrder(Field<String> position) {
        CaseValueStep<String> c = DSL.choose(position);
        CaseWhenStep<String, Integer> w = null;
        for (Position p : Position.values()) {
            w = w == null ? c.when(p.name(), DSL.inline(p.ordinal())) : w.when(p.name(), DSL.inline(p.ordinal()));
        }
        return w.otherwise(DSL.inline(Position.values().length));
    }

    private static Field<Integer> countDistinctIf(Condition c, Field<UUID> id) {
        return DSL.countDistinct(DSL.when(c, id));
    }

    // ------------------------------------------------------------------ coverage

    /** Per village and category within {@code prefix}: eligible and covered distinct current office-holders. */
    public List<VillageCategory> byVillageAndCategory(Tx tx, String prefix, LocalDate on) {
        Post po = POST.as("po");
        Person p = PERSON.as("p");
        Condition active = activeOn(po.PERSON_ID, on, "ae");
        return tx.dsl().select(po.VILLAGE_CODE, po.CATEGORY,
                        countDistinctIf(enrollable(p), po.PERSON_ID),
                        countDistinctIf(enrollable(p).and(active), po.PERSON_ID))
                .from(po).join(p).on(p.ID.eq(po.PERSON_ID))
                .where(po.DELETED_AT.isNull()).and(p.DELETED_AT.isNull()).and(within(po.VILLAGE_CODE, prefix))
                .and(currentOn(po, on))
                .groupBy(po.VILLAGE_CODE, po.CATEGORY)
                .fetch(r -> new VillageCategory(r.value1(), Category.valueOf(r.value2()), r.value3(), r.value4()));
    }

    /** Per village within {@code prefix}: distinct current office-holders, eligible and covered people. */
    public List<VillageTotal> byVillage(Tx tx, String prefix, LocalDate on) {
        Post po = POST.as("po");
        Person p = PERSON.as("p");
        Condition active = activeOn(po.PERSON_ID, on, "ae");
        return tx.dsl().select(po.VILLAGE_CODE, DSL.countDistinct(po.PERSON_ID),
                        countDistinctIf(enrollable(p), po.PERSON_ID),
                        countDistinctIf(enrollable(p).and(active), po.PERSON_ID))
                .from(po).join(p).on(p.ID.eq(po.PERSON_ID))
                .where(po.DELETED_AT.isNull()).and(p.DELETED_AT.isNull()).and(within(po.VILLAGE_CODE, prefix))
                .and(currentOn(po, on))
                .groupBy(po.VILLAGE_CODE)
                .fetch(r -> new VillageTotal(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    // ------------------------------------------------------------------ stats

    /** People on any roster, current office-holders and posts per category, people with an ACTIVE enrolment. */
    public Totals totals(Tx tx, LocalDate on) {
        Post po = POST.as("po");
        Person p = PERSON.as("p");
        int people = tx.dsl().fetchCount(PERSON, PERSON.DELETED_AT.isNull());
        Map<Category, Integer> posts = new EnumMap<>(Category.class);
        for (Category c : Category.values()) posts.put(c, 0);
        tx.dsl().select(po.CATEGORY, DSL.count()).from(po).join(p).on(p.ID.eq(po.PERSON_ID))
                .where(po.DELETED_AT.isNull()).and(p.DELETED_AT.isNull()).and(currentOn(po, on))
                .groupBy(po.CATEGORY)
                .forEach(r -> posts.put(Category.valueOf(r.value1()), r.value2()));
        int holders = tx.dsl().select(DSL.countDistinct(po.PERSON_ID)).from(po).join(p).on(p.ID.eq(po.PERSON_ID))
                .where(po.DELETED_AT.isNull()).and(p.DELETED_AT.isNull()).and(currentOn(po, on))
                .fetchOne(0, Integer.class);
        int active = tx.dsl().fetchCount(DSL.selectOne().from(p).where(p.DELETED_AT.isNull())
                .and(activeOn(p.ID, on, "ae")));
        return new Totals(people, holders, posts, active);
    }

    // ------------------------------------------------------------------ alerts

    /**
     * Current posts within {@code prefix} whose planned end falls on or before {@code endBy}, or (perangkat desa)
     * whose holder was born on or before {@code bornBy}: the candidates for term and age alerts.
     */
    public List<PostLine> termAndAgeCandidates(Tx tx, String prefix, LocalDate on, LocalDate endBy,
                                               LocalDate bornBy) {
        Post po = POST.as("po");
        Person p = PERSON.as("p");
        return tx.dsl().select(po.ID, p.ID, p.FULL_NAME, po.POSITION, po.VILLAGE_CODE, po.PLANNED_END_DATE,
                        p.BIRTH_DATE)
                .from(po).join(p).on(p.ID.eq(po.PERSON_ID))
                .where(po.DELETED_AT.isNull()).and(p.DELETED_AT.isNull()).and(within(po.VILLAGE_CODE, prefix))
                .and(currentOn(po, on))
                .and(po.PLANNED_END_DATE.le(endBy).or(po.CATEGORY.eq(Category.PERANGKAT_DESA.name())
                        .and(p.BIRTH_DATE.le(bornBy))))
                .orderBy(po.VILLAGE_CODE, po.START_DATE, po.ID)
                .fetch(r -> new PostLine(r.value1(), r.value2(), r.value3(), Position.valueOf(r.value4()),
                        r.value5(), r.value6(), r.value7()));
    }

    /**
     * Enrolments LAPSED on {@code on} that are their holder's enrolment then (the holder has none ACTIVE, and no
     * later-created enrolment with a status by then), of people holding a current post within {@code prefix};
     * one line per current post of the holder, in post order.
     */
    public List<LapsedLine> lapsed(Tx tx, String prefix, LocalDate on) {
        Post po = POST.as("po");
        Person p = PERSON.as("p");
        Enrolment e = ENROLMENT.as("e");
        Enrolment later = ENROLMENT.as("e2");
        EnrolmentStatus since = ENROLMENT_STATUS.as("sn");
        Field<LocalDate> sinceDate = DSL.field(DSL.select(DSL.max(since.EFFECTIVE_DATE)).from(since)
                .where(since.ENROLMENT_ID.eq(e.ID)).and(since.EFFECTIVE_DATE.le(on)));
        EnrolmentStatus any = ENROLMENT_STATUS.as("s3");
        return tx.dsl().select(e.ID, e.KPJ, p.ID, p.FULL_NAME, po.ID, po.VILLAGE_CODE, sinceDate)
                .from(po).join(p).on(p.ID.eq(po.PERSON_ID)).join(e).on(e.PERSON_ID.eq(p.ID))
                .where(po.DELETED_AT.isNull()).and(p.DELETED_AT.isNull()).and(e.DELETED_AT.isNull())
                .and(within(po.VILLAGE_CODE, prefix)).and(currentOn(po, on))
                .and(stateOn(e.ID, on, "ls").eq(EnrolmentState.LAPSED.name()))
                .andNot(activeOn(p.ID, on, "la"))
                .andNotExists(DSL.selectOne().from(later).where(later.PERSON_ID.eq(p.ID))
                        .and(later.DELETED_AT.isNull()).and(later.CREATED_AT.gt(e.CREATED_AT))
                        .andExists(DSL.selectOne().from(any).where(any.ENROLMENT_ID.eq(later.ID))
                                .and(any.EFFECTIVE_DATE.le(on))))
                .orderBy(po.VILLAGE_CODE, po.START_DATE, po.ID)
                .fetch(r -> new LapsedLine(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7()));
    }

    // ------------------------------------------------------------------ enrolment links

    /**
     * The post an ACTIVE enrolment counts under on {@code on}: its own post when current within {@code prefix},
     * else its holder's current post within {@code prefix} first in post order (null: the holder has none).
     */
    private static Field<UUID> countingPost(Enrolment e, String prefix, LocalDate on) {
        Post own = POST.as("own");
        Post any = POST.as("p2");
        Field<UUID> ownId = DSL.field(DSL.select(own.ID).from(own).where(own.ID.eq(e.POST_ID))
                .and(own.DELETED_AT.isNull()).and(within(own.VILLAGE_CODE, prefix)).and(currentOn(own, on)));
        Field<UUID> first = DSL.field(DSL.select(any.ID).from(any).where(any.PERSON_ID.eq(e.PERSON_ID))
                .and(any.DELETED_AT.isNull()).and(within(any.VILLAGE_CODE, prefix)).and(currentOn(any, on))
                .orderBy(positionOrder(any.POSITION), any.ID).limit(1));
        return DSL.coalesce(ownId, first);
    }

    private static org.jooq.Table<?> activeEnrolments(String prefix, LocalDate on) {
        Enrolment e = ENROLMENT.as("e");
        Person p = PERSON.as("p");
        return DSL.select(e.ID.as("eid"), p.ID.as("pid"), p.FULL_NAME.as("pname"),
                        e.FUNDING_SOURCE.as("src"), countingPost(e, prefix, on).as("cpost"))
                .from(e).join(p).on(p.ID.eq(e.PERSON_ID))
                .where(e.DELETED_AT.isNull()).and(p.DELETED_AT.isNull())
                .and(stateOn(e.ID, on, "sa").eq(EnrolmentState.ACTIVE.name()))
                .asTable("ae");
    }

    /** Every ACTIVE enrolment of a current office-holder within {@code prefix}, with the post it counts under. */
    public List<ActiveLink> activeLinks(Tx tx, String prefix, LocalDate on) {
        var t = activeEnrolments(prefix, on);
        Post cp = POST.as("cp");
        Field<UUID> post = t.field("cpost", SQLDataType.UUID);
        var rg = id.lindungdesa.persistence.jooq.Tables.REGION.as("rg");
        return tx.dsl().select(t.field("eid", SQLDataType.UUID), t.field("pid", SQLDataType.UUID),
                        t.field("pname", SQLDataType.VARCHAR), t.field("src", SQLDataType.VARCHAR), cp.VILLAGE_CODE,
                        rg.NAME, cp.CATEGORY)
                .from(t).join(cp).on(cp.ID.eq(post)).leftJoin(rg).on(rg.CODE.eq(cp.VILLAGE_CODE))
                .fetch(r -> new ActiveLink(r.value1(), r.value2(), r.value3(), FundingSource.valueOf(r.value4()),
                        r.value5(), r.value6() == null ? r.value5() : r.value6(), Category.valueOf(r.value7())));
    }

    /** The same counted per category and funding source (for alerts). */
    public List<ActiveCount> activeCounts(Tx tx, String prefix, LocalDate on) {
        var t = activeEnrolments(prefix, on);
        Post cp = POST.as("cp");
        Field<String> src = t.field("src", SQLDataType.VARCHAR);
        return tx.dsl().select(cp.CATEGORY, src, DSL.count())
                .from(t).join(cp).on(cp.ID.eq(t.field("cpost", SQLDataType.UUID)))
                .groupBy(cp.CATEGORY, src)
                .fetch(r -> new ActiveCount(Category.valueOf(r.value1()), FundingSource.valueOf(r.value2()),
                        r.value3()));
    }

    /**
     * Current eligible office-holders within {@code prefix} with no ACTIVE enrolment on {@code on}, per category of
     * their first current post in post order (each person once).
     */
    public Map<Category, Integer> uninsuredHolders(Tx tx, String prefix, LocalDate on) {
        Person p = PERSON.as("p");
        Post first = POST.as("p2");
        Field<String> category = DSL.field(DSL.select(first.CATEGORY).from(first)
                .where(first.PERSON_ID.eq(p.ID)).and(first.DELETED_AT.isNull())
                .and(within(first.VILLAGE_CODE, prefix)).and(currentOn(first, on))
                .orderBy(positionOrder(first.POSITION), first.ID).limit(1)).as("cat");
        var t = DSL.select(category).from(p).where(p.DELETED_AT.isNull()).and(enrollable(p))
                .andNot(activeOn(p.ID, on, "ui")).asTable("u");
        Field<String> cat = t.field("cat", SQLDataType.VARCHAR);
        Map<Category, Integer> out = new EnumMap<>(Category.class);
        tx.dsl().select(cat, DSL.count()).from(t).where(cat.isNotNull()).groupBy(cat)
                .forEach(r -> out.put(Category.valueOf(r.value1()), r.value2()));
        return out;
    }

    // ------------------------------------------------------------------ budgets and the ledger

    /**
     * Enrolments within {@code prefix} (of people not tombstoned) grouped alike, with their states on
     * {@code dates}; see {@link EnrolmentGroup}. The category is that of the post an enrolment is paid for when
     * within {@code prefix}, else the holder's post within it first by (current on {@code today}, post order);
     * the village billed is the paid-for post's, else the holder's first post's (by start), else the holder's home
     * village. Enrolments with neither are left out. {@code activeOnFirst}: only those ACTIVE on {@code dates[0]}.
     */
    public List<EnrolmentGroup> enrolmentGroups(Tx tx, String prefix, LocalDate today, List<LocalDate> dates,
                                                boolean perEnrolment, boolean activeOnFirst) {
        Enrolment e = ENROLMENT.as("e");
        Person p = PERSON.as("p");
        Post own = POST.as("own");
        Post any = POST.as("p2");
        Post first = POST.as("p3");
        Field<String> ownCategory = DSL.field(DSL.select(own.CATEGORY).from(own).where(own.ID.eq(e.POST_ID))
                .and(own.DELETED_AT.isNull()).and(within(own.VILLAGE_CODE, prefix)));
        Field<String> ownVillage = DSL.field(DSL.select(own.VILLAGE_CODE).from(own).where(own.ID.eq(e.POST_ID))
                .and(own.DELETED_AT.isNull()).and(within(own.VILLAGE_CODE, prefix)));
        Field<String> anyCategory = DSL.field(DSL.select(any.CATEGORY).from(any).where(any.PERSON_ID.eq(e.PERSON_ID))
                .and(any.DELETED_AT.isNull()).and(within(any.VILLAGE_CODE, prefix))
                .orderBy(DSL.when(currentOn(any, today), DSL.inline(0)).otherwise(DSL.inline(1)),
                        positionOrder(any.POSITION), any.ID).limit(1));
        Field<String> firstVillage = DSL.field(DSL.select(first.VILLAGE_CODE).from(first)
                .where(first.PERSON_ID.eq(e.PERSON_ID)).and(first.DELETED_AT.isNull())
                .and(within(first.VILLAGE_CODE, prefix)).orderBy(first.START_DATE, first.ID).limit(1));
        Field<String> home = prefix == null || prefix.isEmpty() ? p.HOME_VILLAGE_CODE
                : DSL.when(within(p.HOME_VILLAGE_CODE, prefix), p.HOME_VILLAGE_CODE);
        Field<String> category = DSL.coalesce(ownCategory, anyCategory).as("cat");
        Field<String> village = DSL.coalesce(ownVillage, firstVillage, home).as("vil");
        List<Field<?>> keys = new ArrayList<>(List.of(e.FUNDING_SOURCE, e.SEGMENT, e.JKK, e.JKM, e.JHT, e.JP,
                e.JKK_RISK_CLASS, e.WAGE_BASE));
        List<Field<String>> states = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) states.add(stateOn(e.ID, dates.get(i), "d" + i).as("st" + i));
        if (perEnrolment) keys.addAll(List.of(e.ID.as("eid"), p.ID.as("pid"), p.NIK.as("nik"), p.FULL_NAME.as("pname")));
        Condition where = e.DELETED_AT.isNull().and(p.DELETED_AT.isNull());
        if (activeOnFirst) where = where.and(stateOn(e.ID, dates.getFirst(), "f0").eq(EnrolmentState.ACTIVE.name()));
        // Inner query: one row per enrolment with its derived columns; outer: grouped.
        List<SelectField<?>> inner = new ArrayList<>(keys);
        inner.add(category);
        inner.add(village);
        inner.addAll(states);
        var t = DSL.select(inner).from(e).join(p).on(p.ID.eq(e.PERSON_ID)).where(where).asTable("g");
        List<Field<?>> group = new ArrayList<>();
        for (Field<?> k : keys) group.add(t.field(k.getName()));
        group.add(t.field("cat"));
        group.add(t.field("vil"));
        for (int i = 0; i < dates.size(); i++) group.add(t.field("st" + i));
        List<SelectField<?>> select = new ArrayList<>(group);
        select.add(DSL.count());
        List<EnrolmentGroup> out = new ArrayList<>();
        for (Record r : tx.dsl().select(select).from(t).where(t.field("vil").isNotNull()).groupBy(group).fetch()) {
            Set<Programme> ps = EnumSet.noneOf(Programme.class);
            if (Boolean.TRUE.equals(r.get(2, Boolean.class))) ps.add(Programme.JKK);
            if (Boolean.TRUE.equals(r.get(3, Boolean.class))) ps.add(Programme.JKM);
            if (Boolean.TRUE.equals(r.get(4, Boolean.class))) ps.add(Programme.JHT);
            if (Boolean.TRUE.equals(r.get(5, Boolean.class))) ps.add(Programme.JP);
            int base = keys.size();
            List<EnrolmentState> st = new ArrayList<>(dates.size());
            for (int i = 0; i < dates.size(); i++) {
                String s = r.get(base + 2 + i, String.class);
                st.add(s == null ? null : EnrolmentState.valueOf(s));
            }
            String cat = r.get(base, String.class);
            out.add(new EnrolmentGroup(cat == null ? null : Category.valueOf(cat), r.get(base + 1, String.class),
                    FundingSource.valueOf(r.get(0, String.class)), Segment.valueOf(r.get(1, String.class)), ps,
                    r.get(6, Integer.class), r.get(7, Long.class), st, r.get(select.size() - 1, Integer.class),
                    perEnrolment ? r.get(8, UUID.class) : null, perEnrolment ? r.get(9, UUID.class) : null,
                    perEnrolment ? r.get(10, String.class) : null, perEnrolment ? r.get(11, String.class) : null));
        }
        return out;
    }
}
