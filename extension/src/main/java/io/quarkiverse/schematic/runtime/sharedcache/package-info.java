/**
 * Internal: the flag-check cache shared by every instance of a service through Redis
 * ({@code quarkus.schematic.cache.backend=redis}), with a small near cache in this process in front. Only the classes
 * named {@code Redis...} refer to the optional {@code quarkus-redis-client}; they are loaded only when the
 * application has it. Not for users; may change in any release.
 */
package io.quarkiverse.schematic.runtime.sharedcache;
