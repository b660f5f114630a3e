package io.quarkiverse.schematic;

/**
 * Service provider interface: sees every identify and track event the application sends while the extension runs in
 * offline mode ({@code quarkus.schematic.offline=true}), where events are otherwise dropped. Implement it as a CDI
 * bean; the extension calls every such bean. Online, nobody is called: events go to Schematic.
 * <p>
 * The test kit of {@code quarkus-schematic-test} records events this way; an application may use it too, for example
 * to log what would have been sent. The methods run on the thread that called {@code identify} or {@code track}, so
 * they must be quick and must not throw.
 */
public interface OfflineEventListener {

    /** An identify event the application sent, as it built it. */
    default void identified(Identify identify) {
    }

    /** A track event the application sent, as it built it. */
    default void tracked(Track track) {
    }
}
