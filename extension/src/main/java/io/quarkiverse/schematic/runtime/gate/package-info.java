/**
 * Internal: {@code @RequiresFlag} gates (the interceptor and the 403 answer of Quarkus REST) and injected
 * {@code FlagValue}s.
 */
package io.quarkiverse.schematic.runtime.gate;
