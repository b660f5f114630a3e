/**
 * Build steps of the Schematic extension (deployment module, never on the application's runtime class path): feature,
 * bean and native registrations, webhook validation, health and metrics, Dev UI, and the build-time configuration
 * these steps read. Not for users.
 */
package io.quarkiverse.schematic.deployment;
