/**
 * Internal: helpers that keep the extension's own log lines few enough to read during an outage. Not for users; may
 * change in any release.
 */
package io.quarkiverse.schematic.runtime.logging;
