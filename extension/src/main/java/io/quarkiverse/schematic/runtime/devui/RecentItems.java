package io.quarkiverse.schematic.runtime.devui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last {@code capacity} items added, for display. Adding is one counter increment and one array write, without a
 * lock, because it runs on the flag-check hot path; a snapshot taken while items are added may miss the newest ones.
 */
public final class RecentItems<T> {

    private final AtomicReferenceArray<T> slots;
    private final AtomicLong added = new AtomicLong();

    public RecentItems(int capacity) {
        this.slots = new AtomicReferenceArray<>(capacity);
    }

    public void add(T item) {
        long index = added.getAndIncrement();
        slots.set((int) (index % slots.length()), item);
    }

    /** The items, newest first. */
    public List<T> newestFirst() {
        long end = added.get();
        long start = Math.max(0, end - slots.length());
        List<T> items = new ArrayList<>((int) (end - start));
        for (long index = end - 1; index >= start; index--) {
            T item = slots.get((int) (index % slots.length()));
            if (item != null) {
                items.add(item);
            }
        }
        return items;
    }
}
