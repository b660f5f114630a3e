package io.quarkiverse.schematic.test.context;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Finds the exceptions of a type among the causes and suppressed exceptions of a failed build. */
final class BuildFailures {

    private BuildFailures() {
    }

    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        return all(failure, type).get(0);
    }

    /** Every exception of the type, in the order found; fails when there is none. */
    static <T extends Throwable> List<T> all(Throwable failure, Class<T> type) {
        List<T> found = new ArrayList<>();
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        while (!pending.isEmpty()) {
            Throwable next = pending.poll();
            if (type.isInstance(next)) {
                found.add(type.cast(next));
            }
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            pending.addAll(List.of(next.getSuppressed()));
        }
        if (found.isEmpty()) {
            throw new AssertionError("no " + type.getName() + " in the build failure", failure);
        }
        return found;
    }
}
