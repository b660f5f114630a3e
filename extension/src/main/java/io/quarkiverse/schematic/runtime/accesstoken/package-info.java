/**
 * Internal: the token endpoint for Schematic's browser components ({@code quarkus.schematic.access-token.path}),
 * issuing tokens for the caller's own company only, cached per company until shortly before they expire.
 */
package io.quarkiverse.schematic.runtime.accesstoken;
