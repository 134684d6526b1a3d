package id.lindungdesa.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Splits large id sets for IN (...) lists. */
final class Chunks {
    static final int SIZE = 1000;

    private Chunks() {}

    static <T> List<List<T>> of(Collection<T> items) {
        List<T> all = new ArrayList<>(items);
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += SIZE) out.add(all.subList(i, Math.min(all.size(), i + SIZE)));
        return out;
    }
}
