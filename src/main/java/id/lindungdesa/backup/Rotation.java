package id.lindungdesa.backup;

import java.time.LocalDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Grandfather-father-son rotation: keep the newest backup of each of the last {@code daily} days that have one,
 * of the last {@code weekly} ISO weeks and of the last {@code monthly} months; the newest {@value #SAME_DAY} backups of
 * the newest day are kept too (so the backups taken before today's last imports survive until tomorrow). The number
 * kept is bounded: thirty imports in a day no longer leave thirty full copies (decision 0130).
 */
public final class Rotation {
    /** How many backups of the newest day are kept (besides the daily/weekly/monthly ones). */
    public static final int SAME_DAY = 5;

    private Rotation() {}

    public record Item(String name, LocalDateTime at) {
    }

    /** The items to delete. */
    public static List<Item> toDelete(List<Item> items, int daily, int weekly, int monthly) {
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(Item::at).reversed());
        Set<Item> keep = new HashSet<>();
        if (!sorted.isEmpty()) {
            var newestDay = sorted.getFirst().at().toLocalDate();
            sorted.stream().filter(i -> i.at().toLocalDate().equals(newestDay)).limit(SAME_DAY).forEach(keep::add);
        }
        keep.addAll(newestPer(sorted, i -> i.at().toLocalDate(), daily));
        keep.addAll(newestPer(sorted, i -> i.at().get(IsoFields.WEEK_BASED_YEAR) * 100
                + i.at().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), weekly));
        keep.addAll(newestPer(sorted, i -> i.at().getYear() * 100 + i.at().getMonthValue(), monthly));
        return sorted.stream().filter(i -> !keep.contains(i)).toList();
    }

    private static List<Item> newestPer(List<Item> newestFirst, Function<Item, Object> bucket, int buckets) {
        Set<Object> seen = new LinkedHashSet<>();
        List<Item> kept = new ArrayList<>();
        for (Item i : newestFirst) {
            Object b = bucket.apply(i);
            if (seen.contains(b)) continue;
            if (seen.size() >= buckets) break;
            seen.add(b);
            kept.add(i);
        }
        return kept;
    }
}
