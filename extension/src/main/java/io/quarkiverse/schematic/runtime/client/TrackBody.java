package io.quarkiverse.schematic.runtime.client;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkiverse.schematic.Track;

/**
 * Body of a {@code track} event.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TrackBody(String event, Map<String, String> company, Map<String, String> user,
        Map<String, Object> traits, Long quantity) {

    /** The wire body of a track event the application built. */
    public static TrackBody of(Track track) {
        Long quantity = track.quantity().isPresent() ? track.quantity().getAsLong() : null;
        return new TrackBody(track.event(), track.company(), track.user(), track.traits(), quantity);
    }
}
