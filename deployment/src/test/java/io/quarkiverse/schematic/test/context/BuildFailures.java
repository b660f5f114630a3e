package io.quarkiverse.schematic.test.context;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Finds the exception of a type among the causes and suppressed exceptions of a failed build. */
final class BuildFailures {

    private BuildFailures() {
    }

    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        while (!pending.isEmpty()) {
            Throwable next = pending.poll();
            if (type.isInstance(next)) {
                return type.cast(next);
            }
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            pending.addAll(List.of(next.getSuppressed()));
        }
        throw new AssertionError("no " + type.getName() + " in the build failure", failure);
    }
}
