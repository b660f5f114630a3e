/**
 * Internal: the flag evaluator (offline defaults, cache, Schematic, fallback defaults) and its cache. Not for users;
 * may change in any release.
 */
package io.quarkiverse.schematic.runtime.flags;
