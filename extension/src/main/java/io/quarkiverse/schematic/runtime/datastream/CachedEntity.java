package io.quarkiverse.schematic.runtime.datastream;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One company or user as an {@link EntityStore} holds it, with the memo of the local answers computed from it. A
 * change to the entity (a {@code full} or {@code partial} message, a tracked metric increment) stores a new
 * {@code CachedEntity}, so the memo of the old one is never consulted again and dies with it.
 *
 * @param <T> {@code RulesCompany} or {@code RulesUser}
 */
final class CachedEntity<T> {

    /** Stamps are unique in the process; 0 means "no user" in a memoized answer. */
    private static final AtomicLong STAMPS = new AtomicLong();

    final T entity;
    /** Tells this instance from every other one, also from a later version of the same entity. */
    final long stamp;
    /** When it was stored, by the store's clock (in nanoseconds): a hit checks expiry with it. */
    final long writtenAt;
    final AnswerMemo memo = new AnswerMemo();

    CachedEntity(T entity, long writtenAt) {
        this.entity = entity;
        this.writtenAt = writtenAt;
        this.stamp = STAMPS.incrementAndGet();
    }
}
